/**
 * The data view: real and synthetic samples of the first replicate for every p. p = 1: x1 against y with eta, eta~ and
 * each model's fits; p = 2: the (x1, x2) plane with eta and a chosen model's fits as heatmaps (decision
 * boundaries for classification) on a canvas; p > 2: a chosen pair of features as a scatter.
 */
import { LABS } from '../../scenario/labs/index';
import { useMemo, useState } from 'react';
import { ETA_FORMULAS } from '../../engine/populations/response';
import type { SceneVisual } from '../../engine/results';
import type { ScenarioResult } from '../../scenario/results';
import { encodeScenario } from '../../scenario/url';
import { usePlayground } from '../../store/playground';
import { ChartFrame } from '../charts/ChartFrame';
import { DigitsData } from './data/DigitsData';
import { featureName, PairScatter } from './data/PairScatter';
import { SceneChart } from './data/SceneChart';
import { SurfaceChart } from './data/SurfaceChart';
import './data/data.css';

/**
 * The first replicate's picture is the same in every partial result of a run, but each partial is a fresh copy: keep the
 * first one per scenario so the charts (and the canvas) redraw only when the picture really changes.
 */
function useStableVisual(results: ScenarioResult | null): SceneVisual | null {
  // The digits lab's picture comes twice: its gallery first, then with replicate 1's confusion matrices.
  const stage = results?.visual?.digits?.confusion.length ?? 0;
  const key = results ? `${encodeScenario(results.scenario)}#${stage}` : '';
  const visual = results?.visual ?? null;
  const [kept, setKept] = useState<{ key: string; visual: SceneVisual } | null>(null);
  if (visual && kept?.key !== key) setKept({ key, visual });
  return kept?.key === key ? kept.visual : visual;
}

function Select({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <label className="data-pick">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DataView() {
  const results = usePlayground((s) => s.results);
  const visual = useStableVisual(results);
  const models = results?.summary.models;
  const labels = useMemo(() => Object.fromEntries((models ?? []).map((m) => [m.id, m.label])), [models]);
  // Features per point: the simulated lab's p, or a dataset's columns (the picture carries them all).
  const p = results?.visual?.real.columns.length ?? results?.scenario.p ?? 1;
  const task = results?.scenario.task ?? 'regression';
  const [chosenModel, setChosenModel] = useState<string | null>(null);
  const [pair, setPair] = useState<readonly [number, number]>([0, 1]);

  const surface = visual?.surface ?? null;
  const fitted = surface?.models.filter((m) => m.real || m.synthetic) ?? [];
  const modelId = fitted.some((m) => m.id === chosenModel) ? chosenModel : (fitted[0]?.id ?? null);
  // A pair from a run with more features falls back to (x1, x2).
  const shownPair: readonly [number, number] = pair[0] < p && pair[1] < p ? pair : [0, 1];
  const features = Array.from({ length: p }, (_, j) => ({ value: String(j), label: featureName(j) }));
  const pick = (axis: 0 | 1) => (value: string) => {
    const j = Number(value);
    const other = shownPair[1 - axis]!;
    // Picking the other axis's feature swaps the two.
    const next: [number, number] = axis === 0 ? [j, other] : [other, j];
    if (j === other) next[1 - axis] = shownPair[axis]!;
    setPair(next);
  };

  const actions =
    visual && p === 2 && fitted.length > 0 ? (
      <Select
        label="Model"
        value={modelId ?? ''}
        options={fitted.map((m) => ({ value: m.id, label: labels[m.id] ?? m.id }))}
        onChange={setChosenModel}
        testId="surface-model"
      />
    ) : visual && p > 2 ? (
      <>
        <Select
          label="x"
          value={String(shownPair[0])}
          options={features}
          onChange={pick(0)}
          testId="pair-x"
        />
        <Select
          label="y"
          value={String(shownPair[1])}
          options={features}
          onChange={pick(1)}
          testId="pair-y"
        />
      </>
    ) : null;

  if (visual?.digits && results)
    return (
      <ChartFrame id="data" title="Real and synthetic digits">
        <DigitsData digits={visual.digits} labels={labels} scoredOn={results.scenario.tstrOn} />
      </ChartFrame>
    );
  let body;
  if (!visual) body = <p className="placeholder">Drawing samples…</p>;
  else if (p === 2 && surface)
    body = (
      <SurfaceChart
        visual={visual}
        task={task}
        modelId={modelId}
        modelLabel={modelId ? (labels[modelId] ?? modelId) : ''}
      />
    );
  else if (p > 2) body = <PairScatter real={visual.real} synthetic={visual.synthetic} pair={shownPair} />;
  else body = <SceneChart visual={visual} labels={labels} />;

  const canvas = p === 2 && surface !== null;
  return (
    <ChartFrame id="data" title="Real and synthetic data" actions={actions}>
      <div className={canvas ? 'data-canvas' : 'chart'} data-p={p}>
        {body}
      </div>
      {results && visual && (
        <p className="legend-note">
          <span className="dot real" /> real ({visual.real.total}, {visual.real.x.length} shown)
          <span className="dot synthetic" /> synthetic ({visual.synthetic.total}, {visual.synthetic.x.length}{' '}
          shown) · replicate 1 ·{' '}
          {results.scenario.lab === 'simulated'
            ? ETA_FORMULAS[results.scenario.eta]
            : `the ${LABS[results.scenario.lab].title}, split at random in each replicate`}
          {p === 1 && ' · solid: trained on real · dashed: trained on synthetic'}
          {canvas &&
            (task === 'classification'
              ? ` · colour: P(y = 1 | x), points by class (outline: sample) · solid line: the panel’s boundary P = ½${surface.eta ? ' · dashed: the true boundary η = ½' : ''}${surface.etaSynthetic ? ' · dotted: the synthetic population’s η̃ = ½ (where it differs)' : ''}`
              : surface.eta
                ? ' · colour: y (surface: true η or the fitted model’s prediction; points: their response; outline: sample)'
                : ' · colour: y (surface: the fitted model’s prediction; points: their response; outline: sample)')}
          {p > 2 && ` · ${featureName(shownPair[0])} against ${featureName(shownPair[1])} of ${p} features`}
        </p>
      )}
    </ChartFrame>
  );
}
