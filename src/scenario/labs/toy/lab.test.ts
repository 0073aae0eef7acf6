/**
 * The toy lab: a second lab through the same links, sanitizer, engine and sweeps as the simulated one, with its
 * own parameters, defaults and rules. Its numbers are checked against an independent least-squares fit.
 */
import { Matrix as MlMatrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { drawReplicate } from '../../../engine/draw';
import { runExperiment } from '../../../engine/run';
import { assertScenario } from '../../sanitize';
import { defaultScenario, isRelevant, optionsIn, PARAM_KEYS } from '../../schema';
import { decodeScenario, encodeScenario } from '../../url';
import { planFromScenario } from '../index';
import { TOY_ROWS, toyRows } from './dataset';

const LINK = '?v=3&lab=toy&n=120&test=1000&m=150&R=3&models=ols;knn:k=5&seed=4';

describe('the toy lab', () => {
  it('opens from a link with its own defaults, and its links carry only its own parameters', () => {
    const { scenario, notices } = decodeScenario('?lab=toy');
    expect(notices).toEqual([]);
    expect(scenario).toEqual(defaultScenario('toy'));
    expect(scenario).toMatchObject({ lab: 'toy', n: 200, nTest: 1000, m: 200, generator: 'gaussian' });
    const link = encodeScenario(scenario);
    expect(link).toBe(
      'v=3&lab=toy&task=regression&n=200&test=1000&m=200&gen=gaussian&gen_k=3&gen_nn=5&models=ols;poly:degree=3;knn:k=10&R=20&tstr_on=real&seed=1',
    );
    expect(decodeScenario(`?${link}`)).toEqual({ scenario, notices: [] });
    // The controls show the toy lab's parameters only (and the lab, to switch back).
    const shown = PARAM_KEYS.filter((key) => isRelevant(key, scenario));
    expect(shown).toEqual([
      'lab',
      'task',
      'n',
      'nTest',
      'm',
      'generator',
      'models',
      'replicates',
      'tstrOn',
      'seed',
      'backend',
    ]);
    expect(isRelevant('lab', defaultScenario())).toBe(false);
  });

  it('turns what does not fit it into notices and a valid scenario', () => {
    const { scenario, notices } = decodeScenario('?lab=toy&gen=oracle&n=1500&test=1000&eta=sine&shift=2');
    expect(() => assertScenario(scenario)).not.toThrow();
    expect(scenario).toMatchObject({ generator: 'gaussian', n: 1000, nTest: 1000 });
    const text = notices.join('\n');
    expect(text).toMatch(/Not parameters of the toy dataset lab, ignored: eta, shift\./);
    expect(text).toMatch(/gen = oracle needs a simulated population; the toy lab uses gen = gaussian/);
    expect(text).toMatch(/has 2000 rows: n = 1500 and test = 1000 do not fit; using n = 1000, test = 1000/);
    expect(decodeScenario('?lab=moon').notices.join()).toMatch(/lab = "moon" is not one of simulated, toy/);
  });

  it('splits the dataset anew in every replicate: training and test rows disjoint, the same for the same seed', () => {
    const plan = planFromScenario(decodeScenario(LINK).scenario);
    expect(plan.source.kind).toBe('table');
    const rows = toyRows('regression');
    const rowOf = (x: Float64Array, i: number) => {
      for (let r = 0; r < TOY_ROWS; r++) {
        if (rows.x.data[2 * r] === x[2 * i] && rows.x.data[2 * r + 1] === x[2 * i + 1]) return r;
      }
      return -1;
    };
    const splits = [0, 1, 2].map((r) => drawReplicate(plan, r));
    const firstRows = splits.map(({ real }) => rowOf(real.x.data, 0));
    expect(new Set(firstRows).size).toBe(3);
    for (const { real, test, synthetic } of splits) {
      const train = new Set(Array.from({ length: real.x.rows }, (_, i) => rowOf(real.x.data, i)));
      const held = Array.from({ length: test.x.rows }, (_, i) => rowOf(test.x.data, i));
      expect(train.size).toBe(120);
      expect(train.has(-1)).toBe(false);
      expect(held.some((r) => r < 0 || train.has(r))).toBe(false);
      expect(synthetic.x.rows).toBe(150);
    }
    expect(drawReplicate(plan, 1)).toEqual(splits[1]);
  });

  it('scores OLS on each split as an independent least-squares fit does', async () => {
    const plan = planFromScenario(decodeScenario(LINK).scenario);
    const { records } = await runExperiment(plan, { fidelity: false });
    expect(records).toHaveLength(3);
    for (const record of records) {
      const { real, test, synthetic } = drawReplicate(plan, record.index);
      const mse = (train: typeof real) => {
        const design = (x: Float64Array, n: number) =>
          new MlMatrix(Array.from({ length: n }, (_, i) => [1, x[2 * i]!, x[2 * i + 1]!]));
        const X = design(train.x.data, train.x.rows);
        const beta = solve(
          X.transpose().mmul(X),
          X.transpose().mmul(MlMatrix.columnVector(Array.from(train.y))),
        );
        const predicted = design(test.x.data, test.x.rows).mmul(beta).getColumn(0);
        return predicted.reduce((sum, p, i) => sum + (p - test.y[i]!) ** 2, 0) / test.x.rows;
      };
      expect(record.trtr[0]).toBeCloseTo(mse(real), 9);
      expect(record.tstr[0]).toBeCloseTo(mse(synthetic), 9);
      expect(record.trtr[1]).toBeGreaterThan(0);
    }
  });

  it('classifies with the 0/1 label of the same rows', async () => {
    const { scenario } = decodeScenario('?lab=toy&task=classification&R=2&models=logistic:C=1;knn:k=3');
    const { summary } = await runExperiment(planFromScenario(scenario), { fidelity: false });
    for (const model of summary.models) {
      expect(model.trtr!.mean).toBeGreaterThan(0);
      expect(model.trtr!.mean).toBeLessThan(0.5);
    }
  });
});

describe('the toy lab’s controls', () => {
  it('offer no oracle generator, which it has no population for', () => {
    expect(optionsIn('generator', defaultScenario('toy'))).toEqual(['gaussian', 'gmm', 'smote']);
    expect(optionsIn('generator', defaultScenario())).toEqual(['oracle', 'gaussian', 'gmm', 'smote']);
  });
});
