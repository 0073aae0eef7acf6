/**
 * The page's state (zustand): the scenario and the page state (view, preset, lecture mode, sweep settings) that
 * share links carry, notices about what was changed in them, playback, the engine's latest results, population
 * references and sweep. The state is data only: what changes it is actions.ts (the controls) and runner.ts (the
 * engine's results), so every writer is a named function that can be found and tested.
 */
import { create } from 'zustand';
import type { BackendInfo } from '../engine/backend';
import type { PopulationReferences } from '../engine/references';
import type { SweepPoint } from '../engine/sweep';
import { DEFAULT_PAGE, type PageState, type SweepSetting } from '../scenario/page';
import type { ScenarioResult } from '../scenario/results';
import { sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { decodeLink } from '../scenario/url';
import { LABS } from '../scenario/labs/index';
import { PRESETS, type PresetId, type VerdictContext } from '../teaching/presets';
import { firstLookScenario, opensFirstLook } from './firstLook';
import type { GateState } from './gate';

/** `held`: the gate holds the scenario's run until the user says (gate.ts). */
export type RunStatus = 'starting' | 'running' | 'paused' | 'done' | 'error' | 'held';

export interface ReferencesState {
  /** The scenario they belong to (same object as `scenario` while current). */
  readonly scenario: Scenario;
  readonly status: 'running' | 'done' | 'error';
  readonly value: PopulationReferences | null;
  readonly error: string | null;
}

/**
 * A verdict's comparison run: the scenario `of` run with exact responses (`exactResponses`), for the open
 * preset's counter-example to attribute lost agreement to the responses.
 */
export interface ComparisonState {
  /** The scenario it compares with (same object as `scenario` while current). */
  readonly of: Scenario;
  readonly status: 'running' | 'done' | 'error';
  readonly value: ScenarioResult | null;
  readonly error: string | null;
}

export interface SweepState {
  readonly status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  readonly setting: SweepSetting;
  /** The base scenario the sweep varied. */
  readonly base: Scenario | null;
  readonly points: readonly SweepPoint[];
  readonly total: number;
  readonly error: string | null;
}

/** The digits lab's MNIST assets in the engine: loaded once, when the lab first opens (with progress in bytes). */
export interface DigitsAssetsState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly done: number;
  readonly total: number;
  readonly error: string | null;
}

export interface PlaygroundState {
  scenario: Scenario;
  page: PageState;
  notices: string[];
  status: RunStatus;
  /** Paused: a run computes its first replicate, then one more per step(). */
  paused: boolean;
  /** Bumped by reset(): the runner starts the same scenario again from the first replicate. */
  resets: number;
  results: ScenarioResult | null;
  error: string | null;
  backend: BackendInfo | null;
  references: ReferencesState | null;
  comparison: ComparisonState | null;
  sweep: SweepState;
  /** Milliseconds from navigation start until the first numbers were on screen. */
  firstResultsMs: number | null;
  /** The page opened on the empty link, so on the first look (firstLook.ts): the first-visit guide may show. */
  firstLook: boolean;
  /** A run held back by the gate (its estimate is over GATE_SECONDS), asking or cancelled; null when none. */
  gate: GateState | null;
  /** The encoded scenario the user chose to run anyway: the gate lets it through (resets included). */
  approved: string | null;
  /** Measured seconds per estimated second on this device, learnt from finished runs (gate.ts learnPace). */
  pace: number | null;
  digits: DigitsAssetsState;
}

/** A preset's scenario, on the given compute backend (a preset never forces one). */
export function presetScenario(id: PresetId, backend: Scenario['backend']): Scenario {
  const preset = PRESETS[id].scenario;
  return sanitizeScenario({ ...preset, backend }, defaultScenario(preset.lab ?? 'simulated')).scenario;
}

/**
 * The state a link opens on. A link that names a preset (or a deck) but no scenario parameter is a
 * hand-written classroom link: it opens on that preset's scenario, view and sweep (unless it names them). The
 * empty link (the site itself) opens on the first look, a scenario with something to see (firstLook.ts).
 */
export function initialState(search: string): {
  scenario: Scenario;
  page: PageState;
  notices: string[];
  firstLook: boolean;
} {
  const decoded = decodeLink(search);
  const { scenario, scenarioKeys } = decoded;
  let { page } = decoded;
  const notices = [...decoded.notices];
  // A preset belongs to a lab: another lab's link shows no preset card (and no verdict).
  const presetLab = page.preset === null ? null : (PRESETS[page.preset].scenario.lab ?? 'simulated');
  if (presetLab !== null && presetLab !== scenario.lab && scenarioKeys.length > 0) {
    notices.push(
      `The preset ${page.preset} belongs to the ${LABS[presetLab].title} lab; none is shown in the ${LABS[scenario.lab].title} lab.`,
    );
    page = { ...page, preset: null };
  }
  if (opensFirstLook({ scenarioKeys, page })) {
    return { scenario: firstLookScenario(scenario.backend), page, notices, firstLook: true };
  }
  if (page.preset === null || scenarioKeys.length > 0) return { scenario, page, notices, firstLook: false };
  const preset = PRESETS[page.preset];
  const named = new URLSearchParams(search);
  return {
    scenario: presetScenario(page.preset, scenario.backend),
    page: {
      ...page,
      view: named.has('view') ? page.view : preset.view,
      sweep: preset.sweep && !named.has('sx') ? preset.sweep : page.sweep,
    },
    notices,
    firstLook: false,
  };
}

/** The whole state before anything ran, for the page's address (or `search`, in tests). */
export function startState(
  search: string = typeof location === 'undefined' ? '' : location.search,
): PlaygroundState {
  return {
    ...initialState(search),
    status: 'starting',
    paused: false,
    resets: 0,
    results: null,
    error: null,
    backend: null,
    references: null,
    comparison: null,
    sweep: { status: 'idle', setting: DEFAULT_PAGE.sweep, base: null, points: [], total: 0, error: null },
    firstResultsMs: null,
    gate: null,
    approved: null,
    pace: null,
    digits: { status: 'idle', done: 0, total: 0, error: null },
  };
}

/** What a verdict gets besides the results: the current scenario's references and comparison run, once in. */
export function verdictContextOf(
  state: Pick<PlaygroundState, 'scenario' | 'references' | 'comparison'>,
): VerdictContext {
  const refs = state.references?.scenario === state.scenario ? state.references : null;
  const comparison = state.comparison?.of === state.scenario ? state.comparison : null;
  return {
    references: refs?.value ?? null,
    referencesError: refs?.error ?? null,
    exact: comparison?.value ?? null,
    exactError: comparison?.error ?? null,
  };
}

export const usePlayground = create<PlaygroundState>()(() => startState());
