/**
 * `evaluate` on real, messy data (issue 15) against scikit-learn: the diabetes data with a synthetic copy, the
 * command a new user tried, and the breast-cancer data (features over five orders of magnitude). A rank-deficient
 * model is fitted (minimum-norm) with a note; a model that cannot be fitted is an error in its own row and never
 * stops the others. The version 1 JSON fields (models[], ranking) stay when there is one synthetic file.
 */
import { describe, expect, it } from 'vitest';
import { realDataCase, type RealDataCase, type Sample } from '../engine/fixtures/loadRealData';
import type { EvaluateReport } from './evaluate';
import { cli, csvWriter } from './testing';

const { csv } = csvWriter('cli-realdata-');

/** A sample as a CSV with the fixture's column names; String(v) round-trips every float64. */
function write(c: RealDataCase, name: string, s: Sample, rows = s.x.rows): string {
  const p = s.x.cols;
  const lines = [c.names.join(',')];
  for (let i = 0; i < rows; i++)
    lines.push([...s.x.data.subarray(i * p, (i + 1) * p), s.y[i]!].map(String).join(','));
  return csv(name, `${lines.join('\n')}\n`);
}

const diabetes = realDataCase('diabetes');
const files = {
  real: write(diabetes, 'real.csv', diabetes.realTrain),
  synthetic: write(diabetes, 'synthetic.csv', diabetes.syntheticTrain),
  test: write(diabetes, 'test.csv', diabetes.test),
};
const ISSUE_MODELS = 'ols;ridge:alpha=1;knn:k=10;krr:alpha=1,gamma=0.1;poly:degree=2';

function evaluate(models: string, overrides: Partial<typeof files> = {}, json = true) {
  const f = { ...files, ...overrides };
  return cli(
    ...['evaluate', '--real-train', f.real, '--synthetic-train', f.synthetic, '--test', f.test],
    ...['--task', 'regression', '--target', 'target', '--models', models, ...(json ? ['--json'] : [])],
  );
}

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

describe('cli evaluate on scikit-learn diabetes (a binary feature, so poly degree 2 is rank-deficient)', () => {
  it("the issue's five models: all fitted, scikit-learn's risks to 1e-9, a note for the minimum-norm fit", async () => {
    const { code, out, err } = await evaluate(ISSUE_MODELS);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as EvaluateReport;
    expect(result.version).toBe(2);
    expect(result.models!.map((m) => m.model)).toEqual(ISSUE_MODELS.split(';'));
    expect(result.datasets[0]!.models).toEqual(result.models);
    for (const m of result.models!) {
      const reference = diabetes.models.find((r) => r.model === m.model)!;
      expect(m.error).toBeNull();
      expect(relative(m.trtr!, reference.trtr)).toBeLessThan(1e-9);
      expect(relative(m.tstr!, reference.tstr)).toBeLessThan(1e-9);
      expect(m.utility).toBe(Math.abs(m.tstr! - m.trtr!));
      expect(m.trtr_lo).toBeNull(); // one replicate: no interval
      expect(m.notices).toHaveLength(m.model === 'poly:degree=2' ? 2 : 0);
    }
    expect(result.models![4]!.notices[0]).toBe(
      `poly:degree=2 on ${files.real}: poly degree 2: rank-deficient design (65 features, 265 points, rank 64 ` +
        'after centring): minimum-norm least squares, as scikit-learn',
    );
    expect(result.ranking!.kendall_tau_b).not.toBeNull();
    expect(result.datasets[0]!.fidelity.c2st_auc).toBeCloseTo(diabetes.fidelity.c2st_auc, 9);
    expect(result.datasets[0]!.privacy.exact_copies).toBe(diabetes.privacy.exact_copies);

    const text = await evaluate(ISSUE_MODELS, {}, false);
    expect(text.out).toMatch(/^regression \(chosen\), target "target", 10 features, 1 replicate/);
    expect(text.out).toMatch(/one replicate: no intervals/);
    expect(text.out).toMatch(/Synthetic Ranking Agreement \(Jordon et al\. 2018\): /);
    expect(text.out).toMatch(/^fidelity: C2ST AUC .*worst KS .*worst TV .*correlation difference/m);
    expect(text.out).toMatch(/^privacy: no exact copies/m);
  });

  it('one model that cannot be fitted is an error in its row; the others and the ranking go on (exit 0)', async () => {
    const models = 'ols;knn:k=500;ridge:alpha=1';
    const { code, out, err } = await evaluate(models);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as EvaluateReport;
    const knn = result.models![1]!;
    expect(knn).toMatchObject({ model: 'knn:k=500', fitted: 0, trtr: null, tstr: null, utility: null });
    expect(knn.error).toBe(
      `knn:k=500 on ${files.real} (and on ${files.synthetic}): knn: k = 500 is larger than the 265 training points`,
    );
    expect(relative(result.models![0]!.trtr!, diabetes.models[0]!.trtr)).toBeLessThan(1e-9);
    // Two models fitted: the ranking compares those two.
    expect(result.ranking!.models).toEqual(['ols', 'ridge:alpha=1']);
    expect(Math.abs(result.ranking!.kendall_tau_b!)).toBe(1);

    const text = await evaluate(models, {}, false);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^knn:k=500 +failed +failed +- +-$/m);
    expect(text.out).toMatch(/ranking TSTR vs TRTR \(the 2 models fitted\): Kendall tau-b/);
    expect(text.out).toMatch(
      /^error: knn:k=500 on .*real\.csv \(and on .*synthetic\.csv\): knn: k = 500 is larger/m,
    );
  });

  it('a fit that fails on one training file keeps the other number', async () => {
    const small = write(diabetes, 'small.csv', diabetes.syntheticTrain, 6);
    const { code, out } = await evaluate('knn:k=10;ols', { synthetic: small });
    expect(code).toBe(0);
    const [knn, ols] = (JSON.parse(out) as EvaluateReport).models!;
    expect(knn!.trtr).toBeNull(); // a model is scored where it fits on both files
    expect(knn!.error).toBe(`knn:k=10 on ${small}: knn: k = 10 is larger than the 6 training points`);
    // OLS on 6 points and 10 features: minimum-norm, with a note.
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
    expect(err).toMatch(
      /^error: no model could be fitted: knn:k=500 on .*real\.csv.*; knn:k=600 on .*larger than/,
    );
  });
});

describe('cli evaluate on scikit-learn breast cancer (classification, five orders of magnitude)', () => {
  const cancer = realDataCase('breast_cancer');
  const real = write(cancer, 'cancer-real.csv', cancer.realTrain);
  const synthetic = write(cancer, 'cancer-synthetic.csv', cancer.syntheticTrain);
  const test = write(cancer, 'cancer-test.csv', cancer.test);

  const run = (models: string, ...extra: string[]) =>
    cli(
      ...['evaluate', '--real-train', real, '--synthetic-train', synthetic, '--test', test],
      ...['--models', models, '--json', ...extra],
    );

  it("detects the task, and gives scikit-learn's 0-1 errors for kNN (logistic within 0.005)", async () => {
    const { code, out, err } = await run('logistic:C=1;knn:k=5');
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as EvaluateReport;
    expect(result.task).toBe('classification');
    expect(result.task_reason).toMatch(/2 distinct integer values/);
    expect(result.target).toBe(cancer.names.at(-1));
    for (const [k, reference] of cancer.models.slice(0, 2).entries()) {
      const m = result.models![k]!;
      expect(m.model).toBe(reference.model);
      const tol = m.model.startsWith('logistic') ? 0.005 : 1e-12;
      expect(Math.abs(m.trtr! - reference.trtr)).toBeLessThanOrEqual(tol);
      expect(Math.abs(m.tstr! - reference.tstr)).toBeLessThanOrEqual(tol);
    }
  });

  it('--task regression overrides the detection: least squares on the 0/1 labels as scikit-learn, to 1e-9', async () => {
    const { code, out } = await run('ols;ridge:alpha=1', '--task', 'regression');
    expect(code).toBe(0);
    const result = JSON.parse(out) as EvaluateReport;
    expect(result.task_reason).toBe('chosen');
    for (const [k, reference] of cancer.models.slice(2).entries()) {
      const m = result.models![k]!;
      expect(m.model).toBe(reference.model);
      expect(relative(m.trtr!, reference.trtr)).toBeLessThan(1e-9);
      expect(relative(m.tstr!, reference.tstr)).toBeLessThan(1e-9);
    }
  });
});
