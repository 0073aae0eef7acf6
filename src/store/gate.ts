/**
 * The gate before a heavy run: when the page would start a run (a link opened, a slider moved, a preset, a file)
 * whose estimate (scenario/cost.ts) exceeds GATE_SECONDS on this device, it holds the run and asks instead:
 * run anyway, fewer replicates, or cancel. A scenario the user chose to run anyway is let through from then on
 * (resets included). The pace learnt from finished runs (measured over estimated time) makes later estimates
 * this device's own. Pure functions: the runner (runner.ts) and the actions (actions.ts) call them.
 */
import type { BackendInfo } from '../engine/backend';
import { splitSpecs, usesTensors } from '../engine/learners/catalog';
import {
  exceedsGate,
  GATE_SECONDS,
  replicatesWithin,
  runEstimate,
  type EstimateContext,
  type RunEstimate,
} from '../scenario/cost';
import type { Scenario } from '../scenario/schema';
import { encodeScenario } from '../scenario/url';

export interface GateState {
  /** The scenario held back (the store's object while it is current). */
  readonly scenario: Scenario;
  readonly estimate: RunEstimate;
  /** The largest R whose estimate is within the gate (at least 2); null when even R = 2 is over. */
  readonly fewer: number | null;
  /** Asking (the panel), or cancelled by the user (a short note; nothing runs until they say so). */
  readonly status: 'asking' | 'cancelled';
}

/** What the gate reads from the store. */
export interface GateContext {
  /** The encoded scenario the user chose to run anyway, if any. */
  readonly approved: string | null;
  /** Measured seconds per estimated second on this device; null until a run has been timed. */
  readonly pace: number | null;
  readonly threads: number;
}

/**
 * Threads a page run of `scenario` fits replicates on: the engine's worker and a helper per spare core
 * (worker/farm.ts: at most 7), but the one thread when the engine fell back to the page's thread, or when its
 * tensor models run on WebGL (engineApi.ts keeps helpers off the GPU).
 */
export function pageThreads(scenario: Scenario, backend: BackendInfo | null): number {
  if (backend?.thread === 'main') return 1;
  if (backend?.active === 'webgl' && usesTensors(splitSpecs(scenario.models))) return 1;
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(8, Math.floor(cores)));
}

export function estimateContext(context: Pick<GateContext, 'pace' | 'threads'>): EstimateContext {
  return { threads: context.threads, factor: context.pace };
}

/** The gate's answer for a run of `scenario`: null lets it run, a GateState holds it and asks. */
export function gateFor(scenario: Scenario, context: GateContext): GateState | null {
  if (context.approved !== null && context.approved === encodeScenario(scenario)) return null;
  const estimated = estimateContext(context);
  const estimate = runEstimate(scenario, estimated);
  if (!exceedsGate(estimate)) return null;
  return {
    scenario,
    estimate,
    fewer: replicatesWithin(scenario, GATE_SECONDS, estimated),
    status: 'asking',
  };
}

/** Runs estimated shorter than this (pace 1) say too little about the device: start-up and noise dominate. */
export const PACE_MIN_SECONDS = 0.5;
/** However a run went, one run moves the pace at most this far from 1 (a stalled or throttled tab). */
const PACE_RANGE = [0.25, 8] as const;

/**
 * The pace after a finished run estimated at `estimated` seconds (pace 1, the page's threads) that took
 * `measured`: the geometric mean of the old pace and this run's ratio, within PACE_RANGE. Short runs, and
 * non-finite input, leave it as it was.
 */
export function learnPace(previous: number | null, estimated: number, measured: number): number | null {
  if (!(estimated >= PACE_MIN_SECONDS) || !(measured > 0) || !Number.isFinite(measured)) return previous;
  const ratio = Math.min(PACE_RANGE[1], Math.max(PACE_RANGE[0], measured / estimated));
  return previous === null ? ratio : Math.sqrt(previous * ratio);
}
