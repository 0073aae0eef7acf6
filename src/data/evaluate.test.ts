import { describe, expect, it } from 'vitest';
import { realDataCase } from '../engine/fixtures/loadRealData';
import type { Encoded } from './encode';
import { evaluateFiles, filesPlans, leaderboard } from './evaluate';

/** The fixture's files as the encoder would hand them over (the features are numeric already). */
function encodedOf(name: 'diabetes' | 'breast_cancer', withTest: boolean): Encoded {
  const c = realDataCase(name);
  const noisy = {
    x: c.syntheticTrain.x,
    y: c.syntheticTrain.y.map((v, i) => (i % 2 ? v : c.syntheticTrain.y[0]!)),
  };
  return {
    real: c.realTrain,
    synthetic: [c.syntheticTrain, noisy],
    test: withTest ? c.test : null,
    encoding: {
      target: c.names.at(-1)!,
      features: c.names.slice(0, -1),
      columns: [],
      coding: { task: c.task, classes: null, positiveClass: null, labels: null },
      missing: 'impute',
    },
    reports: [],
    notices: [],
    summary: '',
  };
}

describe("the your-data lab's evaluation", () => {
  it("with a test file and R = 1 gives scikit-learn's TRTR and TSTR for every model", async () => {
    const c = realDataCase('diabetes');
    const models = c.models.map((m) => m.model);
    const [report] = await evaluateFiles(encodedOf('diabetes', true), ['gaussian.csv', 'broken.csv'], {
      task: 'regression',
      models,
      replicates: 1,
      seed: 1,
      testFraction: 0.25,
    });
    expect(report!.name).toBe('gaussian.csv');
    for (const [k, reference] of c.models.entries()) {
      const m = report!.summary.models[k]!;
      expect(m.trtr!.mean / reference.trtr - 1).toBeCloseTo(0, 9);
      expect(m.tstr!.mean / reference.tstr - 1).toBeCloseTo(0, 9);
    }
    expect(report!.privacy.verdict).toMatch(/exact copies/);
    expect(report!.fidelity.c2stAuc).toBeCloseTo(c.fidelity.c2st_auc, 9);
  });

  it('without a test file: R stratified splits with intervals, and a leaderboard that can tell the datasets apart', async () => {
    const encoded = encodedOf('breast_cancer', false);
    const settings = {
      task: 'classification' as const,
      models: ['logistic:C=1', 'knn:k=5'],
      replicates: 6,
      seed: 3,
      testFraction: 0.25,
    };
    const plans = filesPlans(encoded, ['a', 'b'], settings);
    expect(plans.map((p) => [p.n, p.nTest])).toEqual([
      [256, 85],
      [256, 85],
    ]);
    const reports = await evaluateFiles(encoded, ['faithful.csv', 'half-broken.csv'], settings);
    for (const r of reports) {
      expect(r.summary.completed).toBe(6);
      for (const m of r.summary.models) expect(m.trtr!.hasInterval).toBe(true);
    }
    // The same real splits for both datasets: TRTR is identical, only TSTR moves.
    expect(reports[0]!.summary.models[0]!.trtr!.mean).toBe(reports[1]!.summary.models[0]!.trtr!.mean);
    const board = leaderboard(reports);
    expect(board[0]!.utilityPlace).toBe(1);
    expect(board[1]!.utilityPlace).toBe(2);
    expect(board[1]!.meanUtility!).toBeGreaterThan(board[0]!.meanUtility!);
    // TSTR / TRTR, unitless: the mean over the models of each one's ratio.
    const ratios = reports[0]!.summary.models.map((m) => m.ratio!);
    expect(board[0]!.meanRatio).toBeCloseTo(ratios.reduce((s, v) => s + v, 0) / ratios.length, 12);
  });
});
