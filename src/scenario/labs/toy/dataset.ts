/**
 * The toy lab's fixed dataset: 2,000 rows of two features, made once from a fixed seed (not the scenario's), so
 * every replicate splits the same rows. Regression target y = 1 + x1 - 0.5 x2 + 0.8 sin(2 x1) + 0.3 e;
 * classification label 1{y > 1}. Small enough to build in a millisecond, big enough for the real test size's
 * minimum of 1,000 rows.
 */
import type { Sample } from '../../../engine/populations/population';
import * as portable from '../../../engine/portable';
import { stream } from '../../../engine/rng';
import type { Task } from '../../../engine/task';

export const TOY_ROWS = 2000;
export const TOY_NAME = 'the toy dataset';
const TOY_SEED = 20_261_201;

let cached: { regression: Sample; classification: Sample } | null = null;

function build(): { regression: Sample; classification: Sample } {
  const rand = stream(TOY_SEED, 'toy-dataset');
  const x = new Float64Array(2 * TOY_ROWS);
  const y = new Float64Array(TOY_ROWS);
  for (let i = 0; i < TOY_ROWS; i++) {
    const x1 = rand.normal();
    const x2 = 0.5 * x1 + rand.normal();
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    y[i] = 1 + x1 - 0.5 * x2 + 0.8 * portable.sin(2 * x1) + 0.3 * rand.normal();
  }
  const features = { rows: TOY_ROWS, cols: 2, data: x };
  return {
    regression: { x: features, y },
    classification: { x: features, y: y.map((v) => (v > 1 ? 1 : 0)) },
  };
}

/** The dataset's rows with the task's target. */
export function toyRows(task: Task): Sample {
  cached ??= build();
  return cached[task];
}
