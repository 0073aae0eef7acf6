/** Pooling and selection on real digits (the digits lab offers them): the study records come out for 10 classes. */
import { describe, expect, it } from 'vitest';
import { decodeScenario } from '../../scenario/url';
import { planFromScenario } from '../../scenario/labs/index';
import { mnistData } from '../digits/testMnist';
import { withDigits } from '../plan';
import { runExperiment } from '../run';

const run = (link: string) => {
  const { scenario, notices } = decodeScenario(link);
  expect(notices).toEqual([]);
  return runExperiment(withDigits(planFromScenario(scenario), mnistData()), { fidelity: false });
};

describe('studies in the digits lab', () => {
  it('pooling real and smoothed digits: a TMTR per model, at most the worse of TRTR and TSTR plus noise', async () => {
    const { summary } = await run(
      '?lab=mnist&study=mix&gen=smote&n=300&m=300&test=1000&R=2&models=knn:k=3;logistic:C=1',
    );
    expect(summary.study?.kind).toBe('mix');
    if (summary.study?.kind !== 'mix') return;
    for (const [k, model] of summary.study.models.entries()) {
      const mixed = model.tmtr!.mean;
      expect(mixed).toBeGreaterThan(0);
      expect(mixed).toBeLessThan(
        Math.max(summary.models[k]!.trtr!.mean, summary.models[k]!.tstr!.mean) + 0.05,
      );
    }
  }, 120_000);

  it('choosing k of kNN on synthetic digits: a regret and the choices', async () => {
    const { summary } = await run(
      '?lab=mnist&study=select&gen=pca-gaussian&n=300&m=300&test=1000&R=2&models=knn:k=1;knn:k=5;knn:k=25',
    );
    expect(summary.study?.kind).toBe('select');
    if (summary.study?.kind !== 'select') return;
    expect(summary.study.chosenReal.reduce((a, b) => a + b, 0)).toBe(2);
    expect(Number.isFinite(summary.study.regret!.mean)).toBe(true);
    expect(summary.study.regret!.mean).toBeGreaterThanOrEqual(-0.05);
  }, 120_000);
});
