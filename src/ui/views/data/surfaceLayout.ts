/**
 * The p = 2 picture's geometry and colours, apart from the drawing: the panels and their titles, the colour scale
 * of the values shown, and where each panel, axis and colour bar goes for a given width.
 */
import type { SampleView, SurfaceGrid } from '../../../engine/results';
import { niceTicks } from '../../format';
import { CIVIDIS, VIRIDIS, type Rgb } from '../../charts/colormap';

export type PanelKind = 'eta' | 'real' | 'synthetic';
export const PANELS: readonly PanelKind[] = ['eta', 'real', 'synthetic'];

export interface Theme {
  readonly fg: string;
  readonly muted: string;
  readonly grid: string;
  readonly border: string;
  readonly card: string;
  readonly cardRgb: Rgb;
}

export interface SurfacePicture {
  readonly surface: SurfaceGrid;
  readonly real: SampleView;
  readonly synthetic: SampleView;
  readonly task: 'regression' | 'classification';
  /** The model whose fits are drawn (null: only eta). */
  readonly model: SurfaceGrid['models'][number] | null;
  readonly modelLabel: string;
}

export interface ColorScale {
  readonly lo: number;
  readonly hi: number;
  readonly ticks: number[];
  readonly ramp: readonly Rgb[];
  readonly title: string;
}

/** Regression: viridis over the points' and eta's central 98% (nice ends); classification: cividis on [0, 1]. */
export function colorScaleOf(
  picture: Pick<SurfacePicture, 'surface' | 'real' | 'synthetic' | 'task'>,
): ColorScale {
  if (picture.task === 'classification') {
    return {
      lo: 0,
      hi: 1,
      ticks: [0, 0.25, 0.5, 0.75, 1],
      ramp: CIVIDIS,
      title: 'P(y = 1 | x) (surface) · class (points)',
    };
  }
  const values = [...(picture.surface.eta ?? []), ...picture.real.y, ...picture.synthetic.y]
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const q = (f: number) => values[Math.round(f * (values.length - 1))] ?? 0;
  const ticks = niceTicks(q(0.01), q(0.99), 5);
  return {
    lo: ticks[0]!,
    hi: ticks[ticks.length - 1]!,
    ticks,
    ramp: VIRIDIS,
    title: 'y (points) · η(x) or the fit’s prediction (surface)',
  };
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly panels: readonly Box[];
  readonly bar: { x: number; y: number; width: number; height: number };
  /** Room for the marker and line legend beside the colour bar. */
  readonly legend: { x: number; y: number } | null;
}

const LEFT = 44;
const RIGHT = 8;
const GAP = 16;
const TITLE = 20;
const AXIS = 32;
const BAR_BLOCK = 50;
const MAX_PANEL = 360;
/** Narrower than this, one panel at a time (a toggle picks which). */
export const SIDE_BY_SIDE_MIN_WIDTH = LEFT + RIGHT + 2 * GAP + 3 * 170;

export function layoutFor(width: number, count: number): Layout {
  const free = width - LEFT - RIGHT - GAP * (count - 1);
  const size = Math.max(80, Math.min(MAX_PANEL, Math.floor(free / count)));
  const panels = Array.from({ length: count }, (_, k) => ({ x: LEFT + k * (size + GAP), y: TITLE, size }));
  const barY = TITLE + size + AXIS + 16;
  const barWidth = Math.min(300, Math.max(120, size * Math.min(count, 1.2)));
  const used = LEFT + barWidth + 24;
  return {
    width,
    height: TITLE + size + AXIS + BAR_BLOCK,
    panels,
    bar: { x: LEFT, y: barY, width: barWidth, height: 10 },
    legend: width - used >= 330 ? { x: used + 16, y: barY - 8 } : null,
  };
}

export function panelTitle(kind: PanelKind, picture: SurfacePicture): string {
  if (kind === 'eta')
    return picture.task === 'classification' ? 'True P(y = 1 | x) = η(x)' : 'True η(x) = E[y | x]';
  return `${picture.modelLabel}, trained on ${kind}`;
}

/** The values a panel shows: eta, or the chosen model's fit on real or synthetic data (null: failed). */
export function valuesOf(kind: PanelKind, picture: SurfacePicture): number[] | null {
  if (kind === 'eta') return picture.surface.eta;
  return picture.model?.[kind] ?? null;
}

/** Some cell of eta~ differs from eta: worth a line of its own. */
export function etaSyntheticDiffers(surface: SurfaceGrid): boolean {
  return (
    surface.etaSynthetic !== null &&
    surface.eta !== null &&
    surface.etaSynthetic.some((v, k) => Math.abs(v - surface.eta![k]!) > 1e-9)
  );
}
