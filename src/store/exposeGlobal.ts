/**
 * `window.playground`: a read-only snapshot of the page's state for scripts and tests:
 * { version, linkVersion, scenario, link, shareLink, page, paused, status, error, results, verdict, references,
 * sweep, backend, firstResultsMs, gate, pace, digits }. Each read returns
 * a fresh frozen copy, so nothing outside can change the page through it.
 */
import { version } from '../../package.json';
import type { MeanInterval } from '../engine/metrics/intervals';
import { URL_VERSION, encodeLink, encodeScenario } from '../scenario/url';
import { PRESETS } from '../teaching/presets';
import { usePlayground, verdictContextOf, type PlaygroundState } from './playground';

/** The app's version, from package.json (the bundle keeps only this field). */
export const APP_VERSION: string = version;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const bounds = (e: MeanInterval | null): [number, number] | null => (e?.hasInterval ? [e.lo, e.hi] : null);

export function snapshot(state: PlaygroundState) {
  const r = state.results;
  const results = r && {
    link: encodeScenario(r.scenario),
    done: r.done,
    completed: r.summary.completed,
    planned: r.summary.planned,
    models: r.summary.models.map((m) => ({
      id: m.id,
      label: m.label,
      fitted: m.fitted,
      /** Replicate 1 is still fitting it (its faster models' numbers are already in). */
      pending: m.pending === true,
      trtr: m.trtr?.mean ?? null,
      tstr: m.tstr?.mean ?? null,
      utility: m.utility?.value ?? null,
      gap: m.gap?.mean ?? null,
      ratio: m.ratio,
      ci95: {
        trtr: bounds(m.trtr),
        tstr: bounds(m.tstr),
        utility: m.utility?.lo != null ? [m.utility.lo, m.utility.hi] : null,
      },
      error: m.error,
    })),
    ranking: r.summary.ranking && {
      replicates: r.summary.ranking.replicates,
      kendallTauB: r.summary.ranking.kendallTauB?.mean ?? null,
      spearmanRho: r.summary.ranking.spearmanRho?.mean ?? null,
      top1: r.summary.ranking.top1?.estimate ?? null,
      /** Synthetic Ranking Agreement (Jordon et al. 2018): the mean of C_jk over pairs. */
      sra: r.summary.ranking.sra?.mean ?? null,
      consistency: r.summary.ranking.consistency,
    },
    fidelity: r.fidelity,
    /** The digits lab's VAE: epochs of replicate 1's generator training reported so far. */
    generatorEpochs: r.generatorTraining?.length ?? 0,
    elapsedMs: r.elapsedMs,
  };
  const preset = state.page.preset ? PRESETS[state.page.preset] : undefined;
  const verdict =
    preset && r && r.scenario === state.scenario && r.scenario.lab === (preset.scenario.lab ?? 'simulated')
      ? preset.verdict(r, verdictContextOf(state))
      : null;
  const sweep = state.sweep;
  return deepFreeze(
    structuredClone({
      version: APP_VERSION,
      linkVersion: URL_VERSION,
      scenario: state.scenario,
      link: encodeScenario(state.scenario),
      shareLink: encodeLink(state.scenario, state.page),
      page: state.page,
      paused: state.paused,
      status: state.status,
      error: state.error,
      results,
      verdict,
      references:
        state.references && state.references.scenario === state.scenario
          ? { status: state.references.status, value: state.references.value, error: state.references.error }
          : null,
      sweep: {
        status: sweep.status,
        completed: sweep.points.length,
        total: sweep.total,
        setting: sweep.setting,
        points: sweep.points.map((p) => ({
          values: p.values,
          models: p.summary.models.map((m) => ({
            id: m.id,
            trtr: m.trtr?.mean ?? null,
            tstr: m.tstr?.mean ?? null,
            utility: m.utility?.value ?? null,
          })),
          kendallTauB: p.summary.ranking?.kendallTauB?.mean ?? null,
        })),
        error: sweep.error,
      },
      backend: state.backend,
      firstResultsMs: state.firstResultsMs,
      /** The gate before a heavy run (gate.ts): the current scenario's estimate while it holds the run. */
      gate:
        state.gate && state.gate.scenario === state.scenario
          ? { status: state.gate.status, seconds: state.gate.estimate.seconds, fewer: state.gate.fewer }
          : null,
      pace: state.pace,
      /** The digits lab's MNIST assets: idle, loading (bytes done of total), ready, or error (why). */
      digits: state.digits,
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
