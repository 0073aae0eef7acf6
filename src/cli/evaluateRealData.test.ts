/**
 * `evaluate` on real, messy data (issue 15): scikit-learn's diabetes data with a synthetic copy, the command a new
 * user tried. A rank-deficient model is fitted (minimum-norm) with a note; a model that cannot be fitted is an
 * error in its own row and never stops the others.
 */
import { describe, expect, it } from 'vitest';
import { realDataCase, type Sample } from '../engine/fixtures/loadRealData';
import type { EvaluateResult } from './evaluate';
import { cli, csvWriter } from './testing';

const diabetes = realDataCase('diabetes');
const { csv } = csvWriter('cli-realdata-');

/** A sample as a CSV with the fixture's column names; String(v) round-trips every float64. */
function write(name: string, s: Sample, rows = s.x.rows): string {
  const p = s.x.cols;
  const lines = [diabetes.names.join(',')];
  for (let i = 0; i < rows; i++)
    lines.push([...s.x.data.subarray(i * p, (i + 1) * p), s.y[i]!].map(String).join(','));
  return csv(name, `${lines.join('\n')}\n`);
}

const files = {
  real: write('real.csv', diabetes.realTrain),
  synthetic: write('synthetic.csv', diabetes.syntheticTrain),
  test: write('test.csv', diabetes.test),
};
const ISSUE_MODELS = 'ols;ridge:alpha=1;knn:k=10;krr:alpha=1,gamma=0.1;poly:degree=2';

function evaluate(models: string, overrides: Partial<typeof files> = {}, json = true) {
  const f = { ...files, ...overrides };
  return cli(
    ...['evaluate', '--real-train', f.real, '--synthetic-train', f.synthetic, '--test', f.test],
    ...['--task', 'regression', '--target', 'target', '--models', models, ...(json ? ['--json'] : [])],
  );
}

describe('cli evaluate on scikit-learn diabetes (a binary feature, so poly degree 2 is rank-deficient)', () => {
  it("the issue's five models: all fitted, scikit-learn's risks, a note for the minimum-norm fit", async () => {
    const { code, out, err } = await evaluate(ISSUE_MODELS);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as EvaluateResult;
    expect(result.models.map((m) => m.model)).toEqual(ISSUE_MODELS.split(';'));
    for (const m of result.models) {
      const reference = diabetes.models.find((r) => r.model === m.model)!;
      expect(m.error).toBeNull();
      expect(Math.abs(m.trtr! - reference.trtr)).toBeLessThan(1e-9 * reference.trtr);
      expect(Math.abs(m.tstr! - reference.tstr)).toBeLessThan(1e-9 * reference.tstr);
      expect(m.notices).toHaveLength(m.model === 'poly:degree=2' ? 2 : 0);
    }
    expect(result.models[4]!.notices[0]).toBe(
      `poly:degree=2 on ${files.real}: poly degree 2: rank-deficient design (65 features, 265 points, rank 64 ` +
        'after centring): minimum-norm least squares, as scikit-learn',
    );
    expect(result.ranking.kendall_tau_b).not.toBeNull();
  });

  it('one model that cannot be fitted is an error in its row; the others and the ranking go on (exit 0)', async () => {
    const models = 'ols;knn:k=500;ridge:alpha=1';
    const { code, out, err } = await evaluate(models);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as EvaluateResult;
    const knn = result.models[1]!;
    expect(knn).toEqual({
      model: 'knn:k=500',
      trtr: null,
      tstr: null,
      utility: null,
      error:
        `knn:k=500 on ${files.real}: knn: k = 500 is larger than the 265 training points; ` +
        `knn:k=500 on ${files.synthetic}: knn: k = 500 is larger than the 265 training points`,
      notices: [],
    });
    expect(result.models[0]!.trtr).toBeCloseTo(diabetes.models[0]!.trtr, 6);
    // Two models fitted: the ranking compares those two.
    expect(Math.abs(result.ranking.kendall_tau_b!)).toBe(1);

    const text = await evaluate(models, {}, false);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^knn:k=500 +failed +failed +- *$/m);
    expect(text.out).toMatch(/ranking TSTR vs TRTR \(the 2 models fitted\): Kendall tau-b/);
    expect(text.out).toMatch(/^error: knn:k=500 on .*real\.csv: knn: k = 500 is larger/m);
  });

  it('a fit that fails on one training file keeps the other number', async () => {
    const small = write('small.csv', diabetes.syntheticTrain, 6);
    const { code, out } = await evaluate('knn:k=10;ols', { synthetic: small });
    expect(code).toBe(0);
    const [knn, ols] = (JSON.parse(out) as EvaluateResult).models;
    expect(knn!.trtr).toBeCloseTo(diabetes.models[2]!.trtr, 6);
    expect(knn!.tstr).toBeNull();
    expect(knn!.utility).toBeNull();
    expect(knn!.error).toBe(`knn:k=10 on ${small}: knn: k = 10 is larger than the 6 training points`);
    // OLS on 6 points and 10 features: minimum-norm, with a note; the ranking needs two models.
    expect(ols!.tstr).not.toBeNull();
    expect(ols!.notices).toEqual([
      `ols on ${small}: rank-deficient design (10 features, 6 points, rank 5 after centring): minimum-norm least squares, as scikit-learn`,
    ]);
  });

  it('when no model can be fitted it is an error: exit 2, one line naming every failure', async () => {
    const { code, out, err } = await evaluate('knn:k=500;knn:k=600');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/^error: knn:k=500 on .*real\.csv: .*; knn:k=600 on .*synthetic\.csv: .*larger than/);
  });
});
