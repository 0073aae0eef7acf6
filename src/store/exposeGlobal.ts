/**
 * `window.playground`: a read-only snapshot of the page's state for scripts and tests:
 * { version, linkVersion, scenario, status, results, backend, firstResultsMs }. Each read returns a fresh frozen
 * copy, so nothing outside can change the page through it.
 */
import { isFailure } from '../engine/results';
import { URL_VERSION, encodeScenario } from '../scenario/url';
import { usePlayground, type PlaygroundState } from './playground';

export const APP_VERSION = '0.1.0';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export function snapshot(state: PlaygroundState) {
  const results = state.results && {
    link: encodeScenario(state.results.scenario),
    models: state.results.models.map((model) =>
      isFailure(model)
        ? { id: model.id, label: model.label, error: model.error }
        : {
            id: model.id,
            label: model.label,
            trtr: model.trtr.mean,
            tstr: model.tstr.mean,
            utility: model.utility.mean,
            gap: model.gap.mean,
            ratio: model.ratio,
            ci95: {
              trtr: [model.trtr.lo, model.trtr.hi],
              tstr: [model.tstr.lo, model.tstr.hi],
              utility: [model.utility.lo, model.utility.hi],
            },
          },
    ),
    elapsedMs: state.results.elapsedMs,
  };
  return deepFreeze(
    structuredClone({
      version: APP_VERSION,
      linkVersion: URL_VERSION,
      scenario: state.scenario,
      link: encodeScenario(state.scenario),
      status: state.status,
      error: state.error,
      results,
      backend: state.backend,
      firstResultsMs: state.firstResultsMs,
    }),
  );
}

export type PlaygroundSnapshot = ReturnType<typeof snapshot>;

declare global {
  interface Window {
    readonly playground: PlaygroundSnapshot;
  }
}

export function exposeGlobal(): void {
  Object.defineProperty(window, 'playground', {
    get: () => snapshot(usePlayground.getState()),
    configurable: false,
    enumerable: true,
  });
}
