/**
 * Hooks shared by the generalization, ranking and fidelity views: the latest results and population references
 * with whether they belong to the scenario on screen (stale ones are shown dimmed as "updating"). They live
 * outside views/ because views never import each other.
 */
import { useDeferredValue, useEffect, useMemo } from 'react';
import { hasPopulationReferences } from '../scenario/labs/index';
import type { PopulationReferences } from '../engine/references';
import type { ScenarioResult } from '../scenario/results';
import { encodeScenario } from '../scenario/url';
import { requestReferences } from '../store/actions';
import { usePlayground } from '../store/playground';

export interface LiveResults {
  readonly results: ScenarioResult | null;
  /** The results belong to an earlier scenario (a new run is on its way). */
  readonly stale: boolean;
}

/**
 * The latest results and whether they are stale. Results come back from the engine's worker as a copy, so they
 * belong to the scenario on screen when their scenario encodes to the same link.
 */
export function useLiveResults(): LiveResults {
  // Deferred: a new result renders the (memoized) charts in an interruptible render that gives the page back
  // every few milliseconds, instead of one task as long as all the charts (measured: 190 ms for the
  // Generalization view's first results in the your-data lab).
  const results = useDeferredValue(usePlayground((s) => s.results));
  const scenario = usePlayground((s) => s.scenario);
  const stale = useMemo(
    () =>
      results !== null &&
      results.scenario !== scenario &&
      encodeScenario(results.scenario) !== encodeScenario(scenario),
    [results, scenario],
  );
  return { results, stale };
}

export interface LiveReferences {
  readonly status: 'idle' | 'running' | 'done' | 'error';
  /** Only the current scenario's references (null otherwise). */
  readonly value: PopulationReferences | null;
  readonly error: string | null;
}

/**
 * Asks for the current scenario's population references (once per scenario; when `ready`, so that a new run's
 * first numbers come first) and returns them.
 */
export function useReferences(ready = true): LiveReferences {
  const scenario = usePlayground((s) => s.scenario);
  const references = usePlayground((s) => s.references);
  useEffect(() => {
    if (ready && hasPopulationReferences(scenario)) requestReferences();
  }, [scenario, ready]);
  if (!references || references.scenario !== scenario) return { status: 'idle', value: null, error: null };
  return { status: references.status, value: references.value, error: references.error };
}
