/**
 * The p = 2 picture, drawn on one <canvas> (so an export gets all of it): up to three square panels over the
 * (x1, x2) plane — the true eta, the chosen model trained on real data, the same model trained on synthetic
 * data — each a heatmap of its function on the engine's 48 x 48 grid, with decision boundaries (classification)
 * and the samples' points on top, and a colour bar below. Pure drawing: no React, no state.
 */
import type { SampleView, SurfaceGrid } from '../../../engine/results';
import { formatTick, niceTicks } from '../../format';
import { COLORS } from '../../palette';
import { cssRgb, mix, rampAt } from '../../charts/colormap';
import { contourSegments } from './contour';
import {
  PanelKind,
  Theme,
  SurfacePicture,
  ColorScale,
  colorScaleOf,
  Box,
  Layout,
  layoutFor,
  panelTitle,
  valuesOf,
  etaSyntheticDiffers,
} from './surfaceLayout';

function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function heatmap(values: readonly number[], n: number, scale: ColorScale, theme: Theme): HTMLCanvasElement {
  const image = document.createElement('canvas');
  image.width = n;
  image.height = n;
  const ictx = image.getContext('2d')!;
  const pixels = ictx.createImageData(n, n);
  for (let r = 0; r < n; r++) {
    const j = n - 1 - r; // image rows run top-down, x2 bottom-up
    for (let i = 0; i < n; i++) {
      const v = values[j * n + i]!;
      // Washed a little toward the card colour, so the points on top stand out.
      const [red, green, blue] = mix(
        rampAt(scale.ramp, (v - scale.lo) / (scale.hi - scale.lo)),
        theme.cardRgb,
        0.28,
      );
      const at = 4 * (r * n + i);
      pixels.data[at] = red;
      pixels.data[at + 1] = green;
      pixels.data[at + 2] = blue;
      pixels.data[at + 3] = Number.isFinite(v) ? 255 : 0;
    }
  }
  ictx.putImageData(pixels, 0, 0);
  return image;
}

type Mapper = { px: (x1: number) => number; py: (x2: number) => number };

function mapperFor(box: Box, surface: SurfaceGrid): Mapper & { extent: [number, number, number, number] } {
  const n1 = surface.x1.length;
  const n2 = surface.x2.length;
  const h1 = n1 > 1 ? surface.x1[1]! - surface.x1[0]! : 1;
  const h2 = n2 > 1 ? surface.x2[1]! - surface.x2[0]! : 1;
  const [a1, b1] = [surface.x1[0]! - h1 / 2, surface.x1[n1 - 1]! + h1 / 2];
  const [a2, b2] = [surface.x2[0]! - h2 / 2, surface.x2[n2 - 1]! + h2 / 2];
  return {
    extent: [a1, b1, a2, b2],
    px: (x) => box.x + ((x - a1) / (b1 - a1)) * box.size,
    py: (y) => box.y + box.size - ((y - a2) / (b2 - a2)) * box.size,
  };
}

function drawContour(
  ctx: CanvasRenderingContext2D,
  values: readonly number[],
  box: Box,
  n: number,
  style: { color: string; width: number; dash: number[] },
): number {
  const segments = contourSegments(values, n, n, 0.5);
  if (segments.length === 0) return 0;
  // Grid index i sits at the centre of cell i: (i + 0.5) / n of the panel.
  const gx = (i: number) => box.x + ((i + 0.5) / n) * box.size;
  const gy = (j: number) => box.y + box.size - ((j + 0.5) / n) * box.size;
  ctx.save();
  ctx.strokeStyle = style.color;
  ctx.lineWidth = style.width;
  ctx.setLineDash(style.dash);
  ctx.lineCap = 'round';
  ctx.beginPath();
  for (const [i0, j0, i1, j1] of segments) {
    ctx.moveTo(gx(i0), gy(j0));
    ctx.lineTo(gx(i1), gy(j1));
  }
  ctx.stroke();
  ctx.restore();
  return segments.length;
}

function marker(
  ctx: CanvasRenderingContext2D,
  shape: 'circle' | 'triangle',
  x: number,
  y: number,
  r: number,
): void {
  ctx.beginPath();
  if (shape === 'circle') ctx.arc(x, y, r, 0, 2 * Math.PI);
  else {
    const t = r * 1.25;
    ctx.moveTo(x, y - t);
    ctx.lineTo(x + t * 0.95, y + t * 0.65);
    ctx.lineTo(x - t * 0.95, y + t * 0.65);
    ctx.closePath();
  }
  ctx.fill();
  ctx.stroke();
}

function drawPoints(
  ctx: CanvasRenderingContext2D,
  sample: SampleView,
  shape: 'circle' | 'triangle',
  stroke: string,
  map: Mapper,
  scale: ColorScale,
  radius: number,
  halo: string,
): void {
  const [x1, x2] = [sample.columns[0] ?? [], sample.columns[1] ?? []];
  ctx.save();
  // A halo in the card colour under each marker keeps it apart from a heatmap of the same hue.
  ctx.fillStyle = 'rgba(0, 0, 0, 0)';
  ctx.strokeStyle = halo;
  ctx.lineWidth = 3.4;
  for (let i = 0; i < x1.length; i++) marker(ctx, shape, map.px(x1[i]!), map.py(x2[i]!), radius);
  ctx.strokeStyle = stroke;
  ctx.lineWidth = 1.4;
  for (let i = 0; i < x1.length; i++) {
    const t = (sample.y[i]! - scale.lo) / (scale.hi - scale.lo);
    ctx.fillStyle = cssRgb(rampAt(scale.ramp, t));
    marker(ctx, shape, map.px(x1[i]!), map.py(x2[i]!), radius);
  }
  ctx.restore();
}

function drawAxes(
  ctx: CanvasRenderingContext2D,
  box: Box,
  extent: [number, number, number, number],
  map: Mapper,
  theme: Theme,
  leftLabels: boolean,
): void {
  const [a1, b1, a2, b2] = extent;
  ctx.save();
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = theme.muted;
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  const count = box.size < 200 ? 4 : 6;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of niceTicks(a1, b1, count).filter((v) => v >= a1 && v <= b1)) {
    const x = Math.round(map.px(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, box.y + box.size);
    ctx.lineTo(x, box.y + box.size + 4);
    ctx.stroke();
    ctx.fillText(formatTick(t), x, box.y + box.size + 5);
  }
  ctx.fillStyle = theme.fg;
  ctx.fillText('x₁', box.x + box.size / 2, box.y + box.size + 18);
  if (leftLabels) {
    ctx.fillStyle = theme.muted;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of niceTicks(a2, b2, count).filter((v) => v >= a2 && v <= b2)) {
      const y = Math.round(map.py(t)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(box.x - 4, y);
      ctx.lineTo(box.x, y);
      ctx.stroke();
      ctx.fillText(formatTick(t), box.x - 6, y);
    }
    ctx.fillStyle = theme.fg;
    ctx.translate(11, box.y + box.size / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText('x₂', 0, 0);
  }
  ctx.restore();
}

function drawColorBar(ctx: CanvasRenderingContext2D, layout: Layout, scale: ColorScale, theme: Theme): void {
  const { x, y, width, height } = layout.bar;
  const gradient = ctx.createLinearGradient(x, 0, x + width, 0);
  for (let k = 0; k <= 20; k++) gradient.addColorStop(k / 20, cssRgb(rampAt(scale.ramp, k / 20)));
  ctx.save();
  ctx.fillStyle = gradient;
  ctx.fillRect(x, y, width, height);
  ctx.strokeStyle = theme.border;
  ctx.strokeRect(x + 0.5, y + 0.5, width - 1, height - 1);
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = theme.fg;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  ctx.fillText(scale.title, x, y - 3);
  ctx.fillStyle = theme.muted;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of scale.ticks) {
    const tx = x + ((t - scale.lo) / (scale.hi - scale.lo)) * width;
    ctx.fillRect(Math.round(tx), y + height, 1, 3);
    ctx.fillText(formatTick(t), tx, y + height + 4);
  }
  ctx.restore();
}

function drawLegend(
  ctx: CanvasRenderingContext2D,
  at: { x: number; y: number },
  picture: SurfacePicture,
  theme: Theme,
): void {
  ctx.save();
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  let x = at.x;
  const row = (dy: number) => at.y + dy;
  const text = (label: string, y: number) => {
    ctx.fillStyle = theme.fg;
    ctx.fillText(label, x, y);
    x += ctx.measureText(label).width + 14;
  };
  ctx.fillStyle = theme.card;
  ctx.strokeStyle = COLORS.real;
  ctx.lineWidth = 1.4;
  marker(ctx, 'circle', x + 4, row(8), 3.5);
  x += 12;
  text('real', row(8));
  ctx.fillStyle = theme.card;
  ctx.strokeStyle = COLORS.synthetic;
  marker(ctx, 'triangle', x + 4, row(8), 3.5);
  x += 12;
  text('synthetic (fill: y)', row(8));
  if (picture.task === 'classification') {
    x = at.x;
    const line = (dash: number[], label: string) => {
      ctx.strokeStyle = theme.fg;
      ctx.lineWidth = 2;
      ctx.setLineDash(dash);
      ctx.beginPath();
      ctx.moveTo(x, row(26));
      ctx.lineTo(x + 20, row(26));
      ctx.stroke();
      ctx.setLineDash([]);
      x += 25;
      text(label, row(26));
    };
    line([], 'boundary');
    line([6, 4], 'true η = ½');
    if (etaSyntheticDiffers(picture.surface)) line([1.5, 3.5], 'η̃ = ½');
  }
  ctx.restore();
}

/**
 * Draws the picture: `panels` in order, left to right, on a canvas `width` CSS pixels wide. Returns the layout
 * and, per panel, how many segments its own decision boundary has (0 for regression).
 */
export function drawSurface(
  ctx: CanvasRenderingContext2D,
  width: number,
  picture: SurfacePicture,
  panels: readonly PanelKind[],
  theme: Theme,
): { layout: Layout; boundaries: number[] } {
  const layout = layoutFor(width, panels.length);
  const { surface, task } = picture;
  const n = surface.x1.length;
  const scale = colorScaleOf(picture);
  const classify = task === 'classification';
  const showEtaSynthetic = classify && etaSyntheticDiffers(surface);
  ctx.save();
  ctx.fillStyle = theme.card;
  ctx.fillRect(0, 0, layout.width, layout.height);
  const boundaries = panels.map(() => 0);
  panels.forEach((kind, k) => {
    const box = layout.panels[k]!;
    const map = mapperFor(box, surface);
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.fillStyle = theme.fg;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(fitText(ctx, panelTitle(kind, picture), box.size), box.x, box.y - 6);
    const values = valuesOf(kind, picture);
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.x, box.y, box.size, box.size);
    ctx.clip();
    ctx.fillStyle = theme.grid;
    ctx.fillRect(box.x, box.y, box.size, box.size);
    if (values) {
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(heatmap(values, n, scale, theme), box.x, box.y, box.size, box.size);
      if (classify) {
        if (kind !== 'eta' && surface.eta)
          drawContour(ctx, surface.eta, box, n, { color: theme.fg, width: 1.5, dash: [6, 4] });
        if (showEtaSynthetic && kind !== 'real')
          drawContour(ctx, surface.etaSynthetic!, box, n, { color: theme.fg, width: 1.8, dash: [1.5, 3.5] });
        boundaries[k] = drawContour(ctx, values, box, n, { color: theme.fg, width: 2.2, dash: [] });
      }
    }
    const radius = box.size < 200 ? 2.4 : 3;
    const halo = cssRgb(theme.cardRgb, 0.75);
    if (kind !== 'real')
      drawPoints(ctx, picture.synthetic, 'triangle', COLORS.synthetic, map, scale, radius, halo);
    if (kind !== 'synthetic') drawPoints(ctx, picture.real, 'circle', COLORS.real, map, scale, radius, halo);
    if (!values) {
      ctx.fillStyle = theme.fg;
      ctx.font = '12px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText('this fit failed', box.x + box.size / 2, box.y + box.size / 2);
    }
    ctx.restore();
    ctx.strokeStyle = theme.border;
    ctx.lineWidth = 1;
    ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.size - 1, box.size - 1);
    drawAxes(ctx, box, map.extent, map, theme, k === 0);
  });
  drawColorBar(ctx, layout, scale, theme);
  if (layout.legend) drawLegend(ctx, layout.legend, picture, theme);
  ctx.restore();
  return { layout, boundaries };
}
