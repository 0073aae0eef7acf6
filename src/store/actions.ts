/**
 * What the page can do to its state: the controls, presets, playback, notices, and the engine work a view asks
 * for. Plain functions rather than methods on the state (zustand's "actions outside the store"): the state stays
 * data, and a caller imports the action it uses instead of selecting it from the store.
 *
 * The actions that need the engine (step, references, sweeps) go through the one `EngineControls` the runner
 * attaches when it starts. Until then (or in a page without a runner) they change the state only.
 */
import type { PageState } from '../scenario/page';
import { enforceCrossRules, sanitizeParam, sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { encodeScenario } from '../scenario/url';
import { PRESETS, exactResponses, type PresetId } from '../teaching/presets';
import { presetScenario, usePlayground } from './playground';

/** The engine work the store asks for; runner.ts provides it. */
export interface EngineControls {
  /** One more replicate of a paused run. */
  step(): void;
  /** Computes population references of `scenario` into `references`. */
  references(scenario: Scenario): void;
  /** Runs `comparison` (a variant of `of`, e.g. with exact responses) into `comparison`. */
  comparison(of: Scenario, comparison: Scenario): void;
  /** Runs the sweep the page's sweep setting describes, on the current scenario, into `sweep`. */
  startSweep(): void;
  cancelSweep(): void;
}

let engine: EngineControls | null = null;

/**
 * Connects the engine-facing actions to `controls`; returns the function that disconnects them. One engine at a
 * time: a second attach while one is attached throws, so nothing can silently take the page's engine over.
 */
export function attachEngine(controls: EngineControls): () => void {
  if (engine !== null) throw new Error('an engine is already attached to the store');
  engine = controls;
  return () => {
    if (engine === controls) engine = null;
  };
}

const set = usePlayground.setState;
const get = usePlayground.getState;

const MAX_NOTICES = 6;

/** The new scenario, or the current object when nothing changed: identity is what says "same run" downstream. */
function keepIfSame(current: Scenario, next: Scenario): Scenario {
  return encodeScenario(current) === encodeScenario(next) ? current : next;
}

/**
 * Another lab reads other parameters, with its own defaults (the toy lab's sizes, generator): it starts from
 * those. The experiment's settings (seed, backend, replicates) are the user's, not the lab's, and carry over
 * (replicates not into the digits lab, whose replicates train networks: it starts from its own three).
 */
function switchLab(current: Scenario, lab: Scenario['lab']): Scenario {
  const { seed, backend, replicates } = current;
  // A lab whose replicates are costly (the digits lab trains networks) sets its own number.
  const own = lab === 'mnist';
  return { ...defaultScenario(lab), seed, backend, ...(own ? {} : { replicates }) };
}

/** Sets one scenario parameter from a control's raw value (sanitized; notices say what was changed). */
export function setParam<K extends keyof Scenario>(key: K, raw: unknown): void {
  const { value, notice } = sanitizeParam(key, raw);
  const current = get().scenario;
  // Inputs may report the same value twice (input + change events): an unchanged scenario must not rerun.
  if (Object.is(current[key], value) && notice === undefined) return;
  const next: Scenario = { ...current, [key]: value };
  const crossed = enforceCrossRules(next.lab === current.lab ? next : switchLab(current, next.lab));
  addNotices([notice, crossed.notice].filter((n): n is string => n !== undefined));
  set({ scenario: keepIfSame(current, crossed.value) });
  // A preset belongs to its lab: leaving the lab closes the preset's card.
  setPage({});
}

/** Replaces the whole scenario (a loaded file, a preset), sanitized; notices say what was changed. */
export function loadScenario(
  raw: Partial<Record<keyof Scenario, unknown>>,
  notices: readonly string[] = [],
): void {
  const { scenario, notices: more } = sanitizeScenario(raw, defaultScenario());
  addNotices([...notices, ...more]);
  set((state) => ({
    scenario: keepIfSame(state.scenario, scenario),
    page: presetFits(state.page, scenario),
  }));
}

/** A preset belongs to its lab: in another lab no preset card is open (and no verdict is computed). */
function presetFits(page: PageState, scenario: Scenario): PageState {
  if (page.preset === null) return page;
  return (PRESETS[page.preset].scenario.lab ?? 'simulated') === scenario.lab
    ? page
    : { ...page, preset: null };
}

export function setPage(patch: Partial<PageState>): void {
  set((state) => ({ page: presetFits({ ...state.page, ...patch }, state.scenario) }));
}

export function applyPreset(id: PresetId): void {
  const preset = PRESETS[id];
  if (!preset) return;
  const scenario = presetScenario(id, get().scenario.backend);
  set((state) => ({
    scenario: keepIfSame(state.scenario, scenario),
    page: {
      ...state.page,
      preset: id,
      view: preset.view,
      ...(preset.sweep ? { sweep: preset.sweep } : {}),
    },
  }));
}

/** Moves through the deck (lecture mode): +1 next slide, -1 previous. */
export function stepDeck(delta: 1 | -1): void {
  const { deck, preset } = get().page;
  if (deck.length === 0) return;
  const at = preset === null ? -1 : deck.indexOf(preset);
  const next = Math.min(deck.length - 1, Math.max(0, at + delta));
  if (next !== at) applyPreset(deck[next]!);
}

export function setPaused(paused: boolean): void {
  set({ paused });
}

/** One more replicate: pauses playback if it was playing (the runner forwards that), then lets one through. */
export function step(): void {
  if (!get().paused) set({ paused: true });
  engine?.step();
}

/** Starts the current scenario again from the first replicate (same seed, so the same numbers come back). */
export function reset(): void {
  set((state) => ({ resets: state.resets + 1, results: null }));
}

/** The run the gate holds starts anyway; this scenario is let through from now on (resets included). */
export function runAnyway(): void {
  const { gate, scenario } = get();
  if (!gate || gate.scenario !== scenario) return;
  set((state) => ({ approved: encodeScenario(scenario), gate: null, resets: state.resets + 1 }));
}

/** The held scenario with the largest R the gate lets through (gate.ts): it runs as a slider change would. */
export function fewerReplicates(): void {
  const { gate, scenario } = get();
  if (!gate || gate.scenario !== scenario || gate.fewer === null) return;
  set({ gate: null });
  setParam('replicates', gate.fewer);
}

/** Nothing runs: the scenario stays as set, for the user to change; a short note says how to run it. */
export function cancelGate(): void {
  const { gate } = get();
  if (gate?.status === 'asking') set({ gate: { ...gate, status: 'cancelled' } });
}

export function addNotices(notices: readonly string[]): void {
  if (notices.length === 0) return;
  set((state) => ({ notices: [...state.notices, ...notices].slice(-MAX_NOTICES) }));
}

export function dismissNotices(): void {
  set({ notices: [] });
}

/** Population references for the current scenario, once per scenario (the runner computes them). */
export function requestReferences(): void {
  const { scenario, references } = get();
  if (references?.scenario === scenario) return;
  engine?.references(scenario);
}

/**
 * The current scenario run again with exact responses, once per scenario, for a counter-example's verdict (the
 * runner computes it in the engine's worker, beside the page's own run).
 */
export function requestExactComparison(): void {
  const { scenario, comparison } = get();
  if (comparison?.of === scenario) return;
  engine?.comparison(scenario, exactResponses(scenario));
}

export function startSweep(): void {
  engine?.startSweep();
}

export function cancelSweep(): void {
  engine?.cancelSweep();
}
