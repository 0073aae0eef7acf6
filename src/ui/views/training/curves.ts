/**
 * The training view's data: MLP training curves merged into one row per epoch for recharts, the y scale
 * (log when the losses span more than a factor of 30), and where each curve stands.
 */
import type { TrainingCurve } from '../../../engine/results';
import { spansDecades } from '../../charts/scale';
import { niceTicks } from '../../format';

export type Side = 'real' | 'synthetic';
export const SIDES: readonly Side[] = ['real', 'synthetic'];

/** recharts key of one line: `c<index>-real`. */
export function lineKey(index: number, side: Side): string {
  return `c${index}-${side}`;
}

export type Row = { epoch: number } & Record<string, number>;

/** One row per epoch that any curve has, holding every curve's loss there (finite losses only). */
export function mergeRows(curves: readonly TrainingCurve[]): Row[] {
  const rows = new Map<number, Row>();
  curves.forEach((curve, c) => {
    for (const side of SIDES) {
      for (const { epoch, loss } of curve[side]) {
        if (!Number.isFinite(loss)) continue;
        const row = rows.get(epoch) ?? { epoch };
        row[lineKey(c, side)] = loss;
        rows.set(epoch, row);
      }
    }
  });
  return [...rows.values()].sort((a, b) => a.epoch - b.epoch);
}

export interface YScale {
  readonly log: boolean;
  readonly domain: [number, number];
  readonly ticks: number[];
}

/** Log scale when every loss is positive and they span more than a factor of 30; else linear from 0. */
export function yScaleOf(losses: readonly number[], extra: readonly number[] = []): YScale {
  const values = [...losses, ...extra].filter((v) => Number.isFinite(v));
  if (values.length === 0) return { log: false, domain: [0, 1], ticks: niceTicks(0, 1, 4) };
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (spansDecades(values)) {
    // Ends on 1, 2, 5 x 10^k just outside the losses; ticks at those steps, or at powers of 10 over > 3 decades.
    const steps = (a: number, b: number) =>
      Array.from({ length: b - a + 1 }, (_, i) =>
        [1, 2, 5].map((f) => Number((f * 10 ** (a + i)).toPrecision(12))),
      ).flat();
    const all = steps(Math.floor(Math.log10(lo)), Math.ceil(Math.log10(hi)));
    const bottom = [...all].reverse().find((v) => v <= lo * (1 + 1e-9))!;
    const top = all.find((v) => v >= hi * (1 - 1e-9))!;
    const inside = all.filter((v) => v >= bottom && v <= top);
    const powers = inside.filter((v) => Number.isInteger(Math.log10(v)) || v === bottom || v === top);
    return { log: true, domain: [bottom, top], ticks: top / bottom > 1000 ? powers : inside };
  }
  const ticks = niceTicks(Math.min(0, lo), hi, 5);
  return { log: false, domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/** The last epoch both sides of a curve have reached (training runs them side by side). */
export function progressOf(curve: TrainingCurve): number {
  return Math.min(curve.real.at(-1)?.epoch ?? 0, curve.synthetic.at(-1)?.epoch ?? 0);
}

export function isComplete(curve: TrainingCurve): boolean {
  return curve.real.at(-1)?.epoch === curve.epochs && curve.synthetic.at(-1)?.epoch === curve.epochs;
}

/** The model list with an MLP added, or null when it already has 8 models. */
export const ADDED_MLP = 'mlp:width=16,depth=2,epochs=200,lr=0.01';
/** The digits lab's: minibatches over 784 pixels (a full-batch net of 200 epochs would take minutes there). */
export const ADDED_DIGITS_MLP = 'mlp:width=128,depth=1,epochs=10,lr=0.001,batch=64';
export const MAX_MODELS = 8;

/** The MLP the Training view offers to add in a lab. */
export function addedMlp(lab: string): string {
  return lab === 'mnist' ? ADDED_DIGITS_MLP : ADDED_MLP;
}

export function withMlp(specs: readonly string[], added: string = ADDED_MLP): string | null {
  if (specs.length >= MAX_MODELS) return null;
  return [...specs, added].join(';');
}

export function isMlpSpec(spec: string): boolean {
  return /^\s*mlp\s*(:|$)/i.test(spec);
}

/** Whether a spec's model reports a training curve: the MLP and the CNN (networks trained epoch by epoch). */
export function isTracedSpec(spec: string): boolean {
  return isMlpSpec(spec) || /^\s*cnn\s*(:|$)/i.test(spec);
}
