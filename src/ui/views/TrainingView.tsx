/**
 * The training view: the first replicate's MLP training curves (loss against epoch, trained on real solid, on synthetic
 * dashed), growing live while the nets train, with each MLP's final training loss next to its test risks on real
 * data. Without an MLP in the model list it says so and offers to add one.
 */
import { useMemo } from 'react';
import { splitSpecs } from '../../engine/learners/catalog';
import type { TrainingCurve } from '../../engine/results';
import type { ScenarioResult } from '../../scenario/results';
import { setParam } from '../../store/actions';
import { usePlayground } from '../../store/playground';
import { ChartFrame } from '../charts/ChartFrame';
import { formatNumber } from '../format';
import { modelColorAt } from '../palette';
import {
  ADDED_MLP,
  addedMlp,
  isComplete,
  isTracedSpec,
  MAX_MODELS,
  progressOf,
  withMlp,
} from './training/curves';
import { TrainingChart } from './training/TrainingChart';
import './training/training.css';

function NoMlp({ specs, lab }: { specs: readonly string[]; lab: string }) {
  const added = addedMlp(lab);
  const next = withMlp(specs, added);
  return (
    <section className="training-empty" aria-labelledby="training-empty-title">
      <h3 id="training-empty-title">Training curves</h3>
      <p>
        No MLP in the model list, so there is no training curve to show. The other learners fit in one step (a
        linear solve, a few Newton steps, or for kNN no training at all); an MLP trains by gradient descent,
        epoch by epoch.
      </p>
      <button
        type="button"
        disabled={next === null}
        onClick={() => next && setParam('models', next)}
        data-testid="add-mlp"
      >
        {added === ADDED_MLP
          ? 'Add an MLP (2×16, 200 epochs)'
          : 'Add an MLP (1×128, 10 epochs of minibatches)'}
      </button>
      {next === null && (
        <p className="legend-note">The list already has {MAX_MODELS} models: remove one to add an MLP.</p>
      )}
      <p className="legend-note">
        Adds <code>{added}</code> to the models.
      </p>
    </section>
  );
}

function finalLoss(points: TrainingCurve['real']): number | null {
  const last = points.at(-1);
  return last && Number.isFinite(last.loss) ? last.loss : null;
}

function CurveTable({ curves, results }: { curves: readonly TrainingCurve[]; results: ScenarioResult }) {
  const risk = results.scenario.tstrOn === 'synthetic' ? 'TSTS' : 'TSTR';
  return (
    <table className="training-table">
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            model
          </th>
          <th scope="colgroup" colSpan={2}>
            final training loss
          </th>
          <th scope="colgroup" colSpan={2}>
            test risk on {risk === 'TSTS' ? 'test data' : 'real data'}
          </th>
        </tr>
        <tr>
          <th scope="col">real</th>
          <th scope="col">synthetic</th>
          <th scope="col">TRTR</th>
          <th scope="col">{risk}</th>
        </tr>
      </thead>
      <tbody>
        {curves.map((c) => {
          const summary = results.summary.models.find((m) => m.id === c.id);
          return (
            <tr key={c.id} data-model={c.id}>
              <th scope="row">
                <span
                  className="swatch"
                  style={{ background: modelColorAt(results.summary.models.findIndex((m) => m.id === c.id)) }}
                />
                {c.label}
              </th>
              <td>{formatNumber(finalLoss(c.real))}</td>
              <td>{formatNumber(finalLoss(c.synthetic))}</td>
              <td>{formatNumber(summary?.trtr?.mean ?? null)}</td>
              <td>{formatNumber(summary?.tstr?.mean ?? null)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function TrainingView() {
  const results = usePlayground((s) => s.results);
  const modelsText = usePlayground((s) => s.scenario.models);
  const lab = usePlayground((s) => s.scenario.lab);
  const specs = useMemo(() => splitSpecs(modelsText), [modelsText]);
  const hasMlp = specs.some(isTracedSpec);
  const generator = useMemo(() => results?.generatorTraining ?? [], [results?.generatorTraining]);
  const vaeEpochs = results?.scenario.vaeEpochs ?? 0;
  const vae = useMemo(
    () =>
      generator.length > 0
        ? [{ id: 'vae', label: 'VAE', epochs: vaeEpochs, real: generator, synthetic: [] }]
        : [],
    [generator, vaeEpochs],
  );
  const curves = useMemo(() => results?.training ?? [], [results?.training]);
  const summaryModels = results?.summary.models;
  const colors = useMemo(
    () => curves.map((c) => modelColorAt(Math.max(0, summaryModels?.findIndex((m) => m.id === c.id) ?? 0))),
    [curves, summaryModels],
  );

  const vaeChart =
    vae.length > 0 ? (
      <section className="generator-training" data-testid="vae-curve" data-epochs={generator.length}>
        <h3>The generator: a conditional VAE trained on replicate 1’s real digits</h3>
        <div className="chart training-chart">
          <TrainingChart curves={vae} colors={['#7a5195']} noiseFloor={null} lossName="VAE loss" />
        </div>
        <p className="legend-note">
          Loss per digit in nats: pixel cross-entropy of the reconstruction plus the KL divergence of the code
          from N(0, I) (the negative evidence lower bound). Epoch {generator.length} of {vaeEpochs}.
        </p>
      </section>
    ) : null;
  if (!hasMlp && curves.length === 0) {
    return (
      <>
        {vaeChart}
        <NoMlp specs={specs} lab={lab} />
      </>
    );
  }
  const task = results?.scenario.task ?? 'regression';
  const lossName = task === 'classification' ? 'training log-loss' : 'training MSE';
  const training = curves.filter((c) => !isComplete(c));
  const points = (side: 'real' | 'synthetic') => curves.reduce((n, c) => n + c[side].length, 0);
  return (
    <ChartFrame id="training" title="Training curves (replicate 1)">
      <div
        className="chart training-chart"
        data-points-real={points('real')}
        data-points-synthetic={points('synthetic')}
        data-complete={curves.length > 0 && training.length === 0}
      >
        {curves.length > 0 ? (
          <TrainingChart
            curves={curves}
            colors={colors}
            noiseFloor={
              task === 'regression' && results?.scenario.lab === 'simulated'
                ? results.scenario.sigma ** 2
                : null
            }
            lossName={lossName}
          />
        ) : (
          <p className="placeholder">Waiting for the MLP to start training…</p>
        )}
      </div>
      <p className="legend-note training-legend">
        {curves.map((c, i) => (
          <span key={c.id} className="training-key">
            <svg width="26" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="25" y2="5" stroke={colors[i]} strokeWidth="2" />
            </svg>
            <svg width="26" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="25" y2="5" stroke={colors[i]} strokeWidth="2" strokeDasharray="6 4" />
            </svg>
            {c.label}
          </span>
        ))}
        <span>
          solid: trained on real · dashed: trained on synthetic ·{' '}
          {task === 'classification'
            ? 'mean log-loss on the training sample'
            : 'mean squared error on the training sample'}
          {training.length > 0 &&
            ` · training… epoch ${Math.min(...training.map(progressOf))} of ${Math.max(...training.map((c) => c.epochs))}`}
        </span>
      </p>
      {results && curves.length > 0 && <CurveTable curves={curves} results={results} />}
      {vaeChart}
      {results && curves.length > 0 && (
        <p className="legend-note">
          A training loss is measured on the data the net was trained on. A low loss on synthetic data says
          the net fits the synthetic sample, not that it predicts the real population: compare TSTR with TRTR.
          {task === 'regression' && ' Below σ², a net fits the noise of its sample (overfitting).'}
        </p>
      )}
    </ChartFrame>
  );
}
