/**
 * The learners against scikit-learn on every model of every reference case in fixtures/sklearn: same data, same
 * test risks (squared error or 0-1) to 1e-6 relative, logistic regression's 0-1 risk within 0.005 absolute.
 */
import { describe, expect, it } from 'vitest';
import { onBackend } from '../../test/backends';
import { referenceCases, type ReferenceCase } from '../fixtures/loadCase';
import type { Matrix } from '../matrix';
import { parseModelSpec } from './spec';
import type { Learner } from './types';

interface Sample {
  x: Matrix;
  y: Float64Array;
}

type Loss = 'squared_error' | 'zero_one';

/** loadCase.ts keeps every key of case.json; `loss` is read here, not typed there. */
function lossOf(c: ReferenceCase): Loss {
  const loss = (c as ReferenceCase & { loss?: unknown }).loss;
  if (loss !== 'squared_error' && loss !== 'zero_one')
    throw new Error(`${c.name}: unknown loss ${String(loss)}`);
  return loss;
}

async function risk(learner: Learner, train: Sample, test: Sample, loss: Loss): Promise<number> {
  const prediction = await learner.fit(train.x, train.y).predict(test.x);
  let s = 0;
  prediction.forEach(
    (f, i) => (s += loss === 'squared_error' ? (f - test.y[i]!) ** 2 : f === test.y[i] ? 0 : 1),
  );
  return s / prediction.length;
}

/** Logistic regression: scikit-learn's lbfgs stops near the optimum we solve exactly, so 0-1 risks may differ. */
function tolerance(model: string): { relative: number } | { absolute: number } {
  return model.trim().toLowerCase().startsWith('logistic') ? { absolute: 0.005 } : { relative: 1e-6 };
}

function expectClose(actual: number, expected: number, model: string): void {
  const tol = tolerance(model);
  if ('absolute' in tol) expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol.absolute);
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol.relative * Math.abs(expected));
}

const cases = referenceCases();

describe('scikit-learn parity', () => {
  it('has regression and classification reference cases to check', () => {
    expect(cases.filter((c) => c.task === 'regression').length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c.task === 'classification').length).toBeGreaterThanOrEqual(2);
    for (const c of cases) expect(c.models.length, c.name).toBeGreaterThan(0);
  });

  for (const c of cases) {
    const loss = lossOf(c);
    it(`${c.name}: the loss matches the task`, () => {
      expect(loss).toBe(c.task === 'regression' ? 'squared_error' : 'zero_one');
    });
    for (const expected of c.models) {
      // Every model is built by the spec parser: an unknown or malformed spec fails this test, never skips it.
      it(`${c.name} ${c.task} ${expected.model}: TRTR and TSTR match scikit-learn`, async () => {
        const learner = parseModelSpec(expected.model, c.task);
        expect(learner.id).toBe(expected.model);
        const trtr = await risk(learner, c.realTrain, c.test, loss);
        const tstr = await risk(learner, c.syntheticTrain, c.test, loss);
        expectClose(trtr, expected.trtr, expected.model);
        expectClose(tstr, expected.tstr, expected.model);
      });
    }
  }
});

// kNN searches with tfjs tensors on every backend but CPU: check that path against scikit-learn too.
describe('scikit-learn parity of kNN on the tfjs WASM path', () => {
  onBackend('wasm');
  for (const c of cases) {
    for (const expected of c.models.filter((m) => m.model.startsWith('knn'))) {
      it(`${c.name} ${expected.model}`, async () => {
        const learner = parseModelSpec(expected.model, c.task);
        expectClose(await risk(learner, c.realTrain, c.test, lossOf(c)), expected.trtr, expected.model);
        expectClose(await risk(learner, c.syntheticTrain, c.test, lossOf(c)), expected.tstr, expected.model);
      });
    }
  }
});
