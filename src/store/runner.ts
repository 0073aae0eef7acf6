/**
 * Drives the engine from the store: starts the backend, reruns the scene (debounced) whenever the scenario
 * changes or the page asks for a reset, forwards play / pause / step and the replay speed, computes population
 * references and sweeps on request, and keeps the address bar equal to the share link of the current state.
 */
import { scoredModels, type SceneResult } from '../engine/results';
import type { SweepPoint } from '../engine/sweep';
import { isPopulationPlan } from '../engine/plan';
import { planFromScenario, usesDigits } from '../scenario/labs/index';
import { sweepForLab } from '../scenario/page';
import { sweepPlans } from '../scenario/sweep';
import { encodeLink, encodeScenario } from '../scenario/url';
import type { Scenario } from '../scenario/schema';
import type { Playback, ProgressMessage } from '../worker/engineApi';
import { connectEngine, type EngineClient } from '../worker/client';
import { runEstimate } from '../scenario/cost';
import { attachEngine } from './actions';
import { attachDataEngine } from './dataActions';
import { expectFromLink } from './dataLab';
import { gateFor, learnPace, pageThreads } from './gate';
import { usePlayground, type PlaygroundState } from './playground';

/**
 * Slider moves closer together than this are merged into one run. Short, because a newer run cancels an older
 * one between model fits anyway; it is part of the slider-to-first-numbers time (`npm run bench`).
 */
export const DEBOUNCE_MS = 40;
/** Streamed results reach the views at most this often (about 10 frames of charts a second). */
export const RENDER_INTERVAL_MS = 100;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Loss readings streamed so far (MLP training curves grow before the first replicate completes). */
function trainingProgress(result: SceneResult): number {
  const curves = (result.training ?? []).reduce((sum, c) => sum + c.real.length + c.synthetic.length, 0);
  // The digits lab's VAE reports its epochs before any model trains.
  return curves + (result.generatorTraining?.length ?? 0);
}

function playbackOf(state: PlaygroundState): Playback {
  if (state.paused) return 'pause';
  return state.page.speed === 'slow' ? 'slow' : 'play';
}

declare global {
  interface Window {
    /**
     * For `npm run bench`: switch batched fitting off and on, set the helper workers (null: one per spare core),
     * and count the engine's live tensors (its helpers' included).
     */
    playgroundEngine?: {
      setBatching(on: boolean): Promise<void>;
      setHelpers(count: number | null): Promise<number>;
      tensors(): Promise<number>;
    };
  }
}

function exposeBenchHooks(client: EngineClient): void {
  if (typeof window === 'undefined') return;
  window.playgroundEngine = Object.freeze({
    setBatching: async (on: boolean) => void (await client.setBatching(on)),
    setHelpers: (count: number | null) => Promise.resolve(client.setHelpers(count)),
    tensors: () => Promise.resolve(client.liveTensors()),
  });
}

/** A started runner. */
export interface Runner {
  /** Settles once the engine is connected and the first run has started (or the connection failed). */
  readonly connected: Promise<void>;
  /** Stops following the store: no new runs, a run in flight no longer shows results, the actions detach. */
  stop(): void;
}

/**
 * Starts the engine (`connect`: the page's worker by default; tests pass an engine on their own thread) and
 * follows the store from then on. One runner at a time: it attaches the engine-facing actions (actions.ts).
 */
export function startRunner(connect: () => Promise<EngineClient> = connectEngine): Runner {
  let engine: EngineClient | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const set = usePlayground.setState;
  const get = usePlayground.getState;

  const run = async (scenario: Scenario): Promise<void> => {
    if (!engine || stopped) return;
    // The your-data lab runs on the user's files when asked (dataActions.ts), not on every change of a setting.
    if (scenario.lab === 'data') {
      void engine.cancelRun();
      const shown = get().results;
      set({
        status: 'done',
        gate: null,
        ...(shown && shown.scenario.lab !== 'data' ? { results: null } : {}),
      });
      return;
    }
    // The digits load as soon as their lab opens, whatever the gate says: a run needs them anyway.
    const digits = usesDigits(scenario) ? digitsLoaded(engine) : null;
    // The gate: a run estimated over GATE_SECONDS waits for the user's word; the run in flight stops.
    const { approved, pace, backend: known } = get();
    const threads = pageThreads(scenario, known);
    const held = gateFor(scenario, { approved, pace, threads });
    if (held) {
      void engine.cancelRun();
      set({ gate: held, status: 'held' });
      // The badge still says where it would run (choosing the backend is a probe: nothing is computed).
      engine
        .init(scenario.backend)
        .then((backend) => !stopped && set({ backend }))
        .catch(() => undefined);
      return;
    }
    set({ status: 'running', ...(get().gate ? { gate: null } : {}) });
    if (digits && !(await digits)) return;
    // Only a run at full speed from start to end says how fast this device is.
    const timed = () => !get().paused && get().page.speed !== 'slow';
    const timedFromStart = timed();
    try {
      const backend = await engine.init(scenario.backend);
      set({ backend });
      const current = (): boolean => !stopped && get().scenario === scenario;
      // Progress comes over its own MessagePort and can arrive after the final result: once the run has
      // settled, or when a message is older than what is shown, it is dropped.
      let settled = false;
      let lastShown = 0;
      let pending: SceneResult | null = null;
      let picture: SceneResult['visual'] = null;
      let flush: ReturnType<typeof setTimeout> | undefined;
      const show = () => {
        flush = undefined;
        const partial = pending;
        pending = null;
        if (!partial || settled || !current()) return;
        const shown = get().results;
        const newer =
          shown?.scenario !== scenario ||
          partial.summary.completed > shown.summary.completed ||
          scoredModels(partial.summary) > scoredModels(shown.summary) ||
          trainingProgress(partial) > trainingProgress(shown) ||
          (partial.visual !== null && partial.visual !== shown.visual);
        if (!newer) return;
        lastShown = performance.now();
        // The engine's copy of the scenario is replaced by the store's own object, so views can tell by
        // identity that these results belong to what the controls show.
        set({ results: { ...partial, scenario }, status: get().paused ? 'paused' : 'running' });
      };
      // The scenario was sanitized when it entered the store: its plan goes to the engine as it is.
      const results = await engine.run(planFromScenario(scenario), (message: ProgressMessage) => {
        // The engine sends the first replicate's picture once; later partials point back to it.
        const { sameVisual, ...sent } = message;
        const partial: SceneResult = sameVisual ? { ...sent, visual: picture } : sent;
        picture = partial.visual;
        // The first numbers go out at once; later ones are merged so charts redraw ~10 times a second.
        pending = partial;
        if (flush !== undefined) return;
        const wait = lastShown === 0 ? 0 : Math.max(0, lastShown + RENDER_INTERVAL_MS - performance.now());
        if (wait === 0) show();
        else flush = setTimeout(show, wait);
      });
      settled = true;
      clearTimeout(flush);
      if (results === null || !current()) return;
      // The run may have started tfjs (an MLP): the badge then shows what actually runs.
      const now = (await engine.stats()).backend;
      if (!current()) return;
      const learnt =
        timedFromStart && timed()
          ? learnPace(get().pace, runEstimate(scenario, { threads }).seconds, results.elapsedMs / 1000)
          : get().pace;
      set({
        results: { ...results, scenario },
        status: 'done',
        error: null,
        pace: learnt,
        ...(now ? { backend: now } : {}),
      });
    } catch (error) {
      set({ status: 'error', error: message(error) });
    }
  };

  /**
   * The digits lab's assets, loaded into the engine once (progress in the store); false when they could not be
   * (the store then says why) or the runner stopped.
   */
  let digitsLoading: Promise<boolean> | null = null;
  const digitsLoaded = (client: EngineClient): Promise<boolean> => {
    if (get().digits.status === 'ready') return Promise.resolve(true);
    // One load at a time; a failed one is tried again by the next run.
    digitsLoading ??= loadDigits(client).finally(() => (digitsLoading = null));
    return digitsLoading;
  };
  const loadDigits = async (client: EngineClient): Promise<boolean> => {
    set({ digits: { ...get().digits, status: 'loading', error: null } });
    try {
      await client.loadDigits((done, total) => {
        if (!stopped) set({ digits: { status: 'loading', done, total, error: null } });
      });
      if (stopped) return false;
      const { total } = get().digits;
      set({ digits: { status: 'ready', done: total, total, error: null } });
      return true;
    } catch (error) {
      const why = `The MNIST digits could not be loaded: ${message(error)}`;
      set({ digits: { ...get().digits, status: 'error', error: why }, status: 'error', error: why });
      return false;
    }
  };

  const references = async (scenario: Scenario): Promise<void> => {
    if (!engine) return;
    set({ references: { scenario, status: 'running', value: null, error: null } });
    try {
      const plan = planFromScenario(scenario);
      if (!isPopulationPlan(plan)) throw new Error('population references need a simulated population');
      await engine.init(scenario.backend);
      const value = await engine.references(plan);
      if (get().references?.scenario === scenario)
        set({ references: { scenario, status: 'done', value, error: null } });
    } catch (error) {
      if (get().references?.scenario === scenario)
        set({ references: { scenario, status: 'error', value: null, error: message(error) } });
    }
  };

  const comparison = async (of: Scenario, variant: Scenario): Promise<void> => {
    if (!engine) return;
    set({ comparison: { of, status: 'running', value: null, error: null } });
    const mine = () => get().comparison?.of === of;
    try {
      await engine.init(of.backend);
      const value = await engine.compare(planFromScenario(variant));
      // Null: a newer comparison replaced this one in the engine; its own answer will be set.
      if (value !== null && mine())
        set({ comparison: { of, status: 'done', value: { ...value, scenario: variant }, error: null } });
    } catch (error) {
      if (mine()) set({ comparison: { of, status: 'error', value: null, error: message(error) } });
    }
  };

  // Each sweep gets a number; points and endings of an older sweep (cancelled, or replaced by a new one
  // with the same settings) are dropped, since point callbacks can arrive after the sweep has settled.
  let sweepRuns = 0;
  const sweep = async (): Promise<void> => {
    if (!engine) return;
    const id = ++sweepRuns;
    const { scenario: base, page } = get();
    const setting = sweepForLab(page.sweep, base);
    const axes = setting.y ? [setting.x, setting.y] : [setting.x];
    const points: SweepPoint[] = [];
    let finished = false;
    const mine = () => id === sweepRuns && get().sweep.base === base && get().sweep.setting === setting;
    set({ sweep: { status: 'running', setting, base, points: [], total: 0, error: null } });
    try {
      await engine.init(base.backend);
      const done = await engine.sweep(sweepPlans(base, axes), (point, _index, total) => {
        if (finished || !mine() || get().sweep.status !== 'running') return;
        points.push(point);
        set({ sweep: { status: 'running', setting, base, points: [...points], total, error: null } });
      });
      finished = true;
      if (!mine() || get().sweep.status !== 'running') return;
      set({
        sweep: {
          ...get().sweep,
          status: done === null ? 'cancelled' : 'done',
          points: done ?? get().sweep.points,
          total: done?.length ?? get().sweep.total,
        },
      });
    } catch (error) {
      finished = true;
      if (mine()) set({ sweep: { ...get().sweep, status: 'error', error: message(error) } });
    }
  };

  const detach = attachEngine({
    step: () => void engine?.step(),
    references: (scenario) => void references(scenario),
    comparison: (of, variant) => void comparison(of, variant),
    startSweep: () => void sweep(),
    cancelSweep: () => {
      sweepRuns++;
      void engine?.cancelSweep();
      const current = get().sweep;
      if (current.status === 'running') set({ sweep: { ...current, status: 'cancelled' } });
    },
  });

  const syncUrl = (state: PlaygroundState): void => {
    // Outside a page (Node: tests) there is no address bar to keep in step.
    if (typeof location === 'undefined' || typeof history === 'undefined') return;
    const search = `?${encodeLink(state.scenario, state.page)}`;
    if (location.search !== search)
      history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  };

  syncUrl(get());
  const unsubscribe = usePlayground.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario || state.page !== previous.page) syncUrl(state);
    const playback = playbackOf(state);
    if (playback !== playbackOf(previous)) void engine?.setPlayback(playback);
    const changed =
      state.scenario !== previous.scenario &&
      encodeScenario(state.scenario) !== encodeScenario(previous.scenario);
    if (!changed && state.resets === previous.resets) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(state.scenario), state.resets !== previous.resets ? 0 : DEBOUNCE_MS);
  });

  let detachData = (): void => undefined;
  const connected = connect()
    .then(async (client) => {
      if (stopped) return;
      engine = client;
      if (get().scenario.lab === 'data') expectFromLink(get().scenario.files);
      detachData = attachDataEngine(client);
      exposeBenchHooks(client);
      await client.setPlayback(playbackOf(get()));
      // Not awaited: a paused first run waits for step(), and `connected` must not wait with it.
      void run(get().scenario);
    })
    .catch((error: unknown) => set({ status: 'error', error: message(error) }));

  return {
    connected,
    stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      detach();
      detachData();
    },
  };
}
