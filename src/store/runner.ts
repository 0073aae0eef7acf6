/**
 * Drives the engine from the store: starts the backend, reruns the scene (debounced) whenever the scenario
 * changes, and keeps the address bar equal to the share link of the current scenario.
 */
import { proxy } from 'comlink';
import type { SceneResult } from '../engine/results';
import { encodeScenario } from '../scenario/url';
import type { Scenario } from '../scenario/schema';
import { connectEngine, type EngineClient } from '../worker/client';
import { usePlayground } from './playground';

/** Slider moves closer together than this are merged into one run. */
const DEBOUNCE_MS = 120;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function startRunner(): () => void {
  let engine: EngineClient | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const run = async (scenario: Scenario): Promise<void> => {
    if (!engine || stopped) return;
    usePlayground.setState({ status: 'running' });
    try {
      const backend = await engine.init(scenario.backend);
      usePlayground.setState({ backend });
      const current = (): boolean => !stopped && usePlayground.getState().scenario === scenario;
      // Progress comes over its own MessagePort and can arrive after the final result: once the run has
      // settled, or when a message is older than what is shown, it is dropped.
      let settled = false;
      const results = await engine.run(
        scenario,
        proxy((partial: SceneResult) => {
          const shown = usePlayground.getState().results;
          const newer = shown?.scenario !== scenario || partial.summary.completed > shown.summary.completed;
          if (!settled && current() && newer) usePlayground.setState({ results: partial });
        }),
      );
      settled = true;
      if (results === null || !current()) return;
      usePlayground.setState({ results, status: 'done', error: null });
    } catch (error) {
      usePlayground.setState({ status: 'error', error: message(error) });
    }
  };

  const syncUrl = (scenario: Scenario): void => {
    const search = `?${encodeScenario(scenario)}`;
    if (location.search !== search)
      history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  };

  syncUrl(usePlayground.getState().scenario);
  const unsubscribe = usePlayground.subscribe((state, previous) => {
    if (state.scenario === previous.scenario) return;
    if (encodeScenario(state.scenario) === encodeScenario(previous.scenario)) return;
    syncUrl(state.scenario);
    clearTimeout(timer);
    timer = setTimeout(() => void run(state.scenario), DEBOUNCE_MS);
  });

  void connectEngine()
    .then((client) => {
      engine = client;
      return run(usePlayground.getState().scenario);
    })
    .catch((error: unknown) => usePlayground.setState({ status: 'error', error: message(error) }));

  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}
