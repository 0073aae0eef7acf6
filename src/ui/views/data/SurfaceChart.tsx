/**
 * p = 2: the true eta and the chosen model's fits on real and on synthetic data over the (x1, x2) plane, side by
 * side on one crisp <canvas> (device pixels), or one at a time with a toggle when the page is narrow. Redraws
 * only when the picture, the size, the panel or the theme change.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { SceneVisual } from '../../../engine/results';
import { useElementWidth } from '../../useElementWidth';
import { useThemeVersion, themeOf } from './hooks';
import { drawSurface } from './surfacePlot';
import {
  layoutFor,
  PANELS,
  SIDE_BY_SIDE_MIN_WIDTH,
  type PanelKind,
  type SurfacePicture,
} from './surfaceLayout';

interface Props {
  readonly visual: SceneVisual;
  readonly task: 'regression' | 'classification';
  readonly modelId: string | null;
  readonly modelLabel: string;
}

const PANEL_NAMES: Readonly<Record<PanelKind, string>> = {
  eta: 'True η',
  real: 'Trained on real',
  synthetic: 'Trained on synthetic',
};

export const SurfaceChart = memo(function SurfaceChart({ visual, task, modelId, modelLabel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(box);
  const theme = useThemeVersion();
  const [single, setSingle] = useState<PanelKind>('real');
  const surface = visual.surface!;
  const model = surface.models.find((m) => m.id === modelId) ?? null;
  const sideBySide = width >= SIDE_BY_SIDE_MIN_WIDTH;
  // A dataset has no true eta to draw: its panels are the model's fits only.
  const shown = surface.eta ? PANELS : PANELS.filter((k) => k !== 'eta');
  const panels: readonly PanelKind[] = model
    ? sideBySide
      ? shown
      : [shown.includes(single) ? single : 'real']
    : shown.slice(0, 1);
  const panelKey = panels.join(',');

  useEffect(() => {
    const element = canvas.current;
    if (!element || width === 0) return;
    const picture: SurfacePicture = {
      surface,
      real: visual.real,
      synthetic: visual.synthetic,
      task,
      model,
      modelLabel,
    };
    const chosen = panelKey.split(',') as PanelKind[];
    const { height } = layoutFor(width, chosen.length);
    const dpr = window.devicePixelRatio || 1;
    element.width = Math.round(width * dpr);
    element.height = Math.round(height * dpr);
    element.style.width = `${width}px`;
    element.style.height = `${height}px`;
    const ctx = element.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const { boundaries } = drawSurface(ctx, width, picture, chosen, themeOf(element));
    element.dataset.boundaries = boundaries.join(',');
    element.dataset.drawn = String(Number(element.dataset.drawn ?? 0) + 1);
  }, [surface, visual.real, visual.synthetic, task, model, modelLabel, width, panelKey, theme]);

  const label =
    `${task === 'classification' ? 'P(y = 1 | x)' : 'E[y | x]'} over (x₁, x₂): ` +
    panels.map((k) => (k === 'eta' ? 'true η' : `${modelLabel} trained on ${k}`)).join(', ');
  return (
    <div className="surface" ref={box}>
      {model && !sideBySide && width > 0 && (
        <div className="segmented" role="group" aria-label="Panel">
          {PANELS.map((k) => (
            <button key={k} type="button" aria-pressed={single === k} onClick={() => setSingle(k)}>
              {PANEL_NAMES[k]}
            </button>
          ))}
        </div>
      )}
      <canvas ref={canvas} role="img" aria-label={label} data-panels={panelKey} />
    </div>
  );
});
