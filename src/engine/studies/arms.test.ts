/** The ensemble's averaging rule and the validation split, on hand-made models. */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../scenario/schema';
import { simulatedPlan } from '../../scenario/labs/simulated/lab';
import type { FittedModel } from '../learners/types';
import { ensemblePrediction, trainingRows } from './arms';

const test = { x: { rows: 3, cols: 1, data: new Float64Array(3) }, y: new Float64Array(3) };
const model = (labels: number[], proba?: number[]): FittedModel => ({
  predict: async () => Float64Array.from(labels),
  ...(proba ? { predictProba: async () => Float64Array.from(proba) } : {}),
});
const regression = simulatedPlan({ ...defaultScenario(), task: 'regression' });
const classification = simulatedPlan({ ...defaultScenario(), task: 'classification' });

describe('ensemblePrediction', () => {
  it('averages responses', async () => {
    const out = await ensemblePrediction(regression, [model([1, 2, 3]), model([3, 2, 1])], test);
    expect([...out]).toEqual([2, 2, 2]);
  });

  it('soft-votes two classes on the mean probability, ties to member 1', async () => {
    const a = model([1, 0, 1], [0.9, 0.2, 0.6]);
    const b = model([0, 1, 0], [0.3, 0.7, 0.4]);
    expect([...(await ensemblePrediction(classification, [a, b], test))]).toEqual([1, 0, 1]);
  });

  it('takes the most frequent label without probabilities (ten classes), ties to member 1', async () => {
    const members = [model([7, 3, 2]), model([1, 3, 5]), model([1, 4, 6])];
    expect([...(await ensemblePrediction(classification, members, test))]).toEqual([1, 3, 2]);
  });
});

describe('trainingRows', () => {
  it('keeps at least two rows on each side', () => {
    expect(trainingRows(100, 0.3)).toBe(70);
    expect(trainingRows(4, 0.1)).toBe(2);
    expect(trainingRows(10, 0.5)).toBe(5);
  });
});
