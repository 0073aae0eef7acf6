/**
 * A chart as a standalone picture. The chart's <svg> elements (recharts draws one for the plot and one per legend
 * icon) are cloned with their computed styles written inline and CSS variables resolved, so the file looks the
 * same outside the page; <canvas> pictures go in as PNG <image>s; recharts' HTML legend text becomes <text>. All
 * of it is placed as on screen under the chart's title, on the theme's background. PNG: that SVG drawn into a
 * canvas at twice the pixel density (or the screen's, if higher), from a blob URL: nothing leaves the page.
 */
import { resolveCssVars } from './svgText';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Properties written inline on every element where they differ from the parent's (or are not inherited). */
const INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'visibility',
  'paint-order',
  'shape-rendering',
] as const;
/** Not inherited: written when they differ from the initial value. */
const OWN: readonly (readonly [string, (value: string) => boolean])[] = [
  ['opacity', (v) => v !== '1'],
  ['display', (v) => v === 'none'],
  ['dominant-baseline', (v) => v !== 'auto' && v !== ''],
];

export interface ChartSvg {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/** A deep clone of `source` with computed styles inline and var() resolved in every attribute. */
export function inlineStyles(source: SVGElement): SVGElement {
  const clone = source.cloneNode(true) as SVGElement;
  const from = [source, ...source.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  const computed = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (element: Element) => {
    let style = computed.get(element);
    if (!style) {
      style = getComputedStyle(element);
      computed.set(element, style);
    }
    return style;
  };
  from.forEach((element, i) => {
    const target = to[i];
    if (!target) return;
    const style = styleOf(element);
    const parent = i === 0 || !element.parentElement ? null : styleOf(element.parentElement);
    const declarations: string[] = [];
    for (const property of INHERITED) {
      const value = style.getPropertyValue(property);
      if (value && (!parent || parent.getPropertyValue(property) !== value))
        declarations.push(`${property}:${value}`);
    }
    for (const [property, worth] of OWN) {
      const value = style.getPropertyValue(property);
      if (worth(value)) declarations.push(`${property}:${value}`);
    }
    if (i === 0) declarations.push('overflow:visible');
    const lookup = (name: string) => style.getPropertyValue(name);
    for (const attribute of [...target.attributes]) {
      if (attribute.value.includes('var('))
        target.setAttribute(attribute.name, resolveCssVars(attribute.value, lookup, style.color));
    }
    // Inline style wins over presentation attributes, as the page's stylesheet did.
    target.setAttribute('style', resolveCssVars(declarations.join(';'), lookup, style.color));
  });
  return clone;
}

/** The first non-transparent background colour from `element` up, else white. */
function backgroundOf(element: Element): string {
  for (let at: Element | null = element; at; at = at.parentElement) {
    const color = getComputedStyle(at).backgroundColor;
    if (color && color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return '#ffffff';
}

function visible(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/** What a figure shows: top-level <svg>s and <canvas>es, and recharts' legend text. */
function partsOf(body: Element) {
  const graphics = [...body.querySelectorAll('svg, canvas')].filter(
    (element) => !element.parentElement?.closest('svg') && visible(element),
  );
  const texts = [...body.querySelectorAll('.recharts-legend-item-text, [data-export-text]')].filter(
    (element) => visible(element) && (element.textContent ?? '').trim() !== '',
  );
  return { graphics, texts };
}

/**
 * The standalone SVG of the chart in `figure` (a ChartFrame) with `title` above it, or null when the figure
 * shows no picture yet.
 */
export function chartSvg(figure: Element, title: string): ChartSvg | null {
  const body = figure.querySelector('.chart-body') ?? figure;
  const { graphics, texts } = partsOf(body);
  if (graphics.length === 0) return null;
  const rects = [...graphics, ...texts].map((element) => element.getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  const pad = 12;
  const titleHeight = 30;
  const width = Math.ceil(right - left + 2 * pad);
  const height = Math.ceil(bottom - top + 2 * pad + titleHeight);
  const x0 = pad - left;
  const y0 = pad + titleHeight - top;
  const figureStyle = getComputedStyle(figure);
  const fg = figureStyle.color || '#000000';

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('xmlns:xlink', XLINK_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', figureStyle.fontFamily || 'sans-serif');
  const add = (name: string, attributes: Record<string, string | number>, text?: string) => {
    const element = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    if (text !== undefined) element.textContent = text;
    root.append(element);
    return element;
  };
  add('title', {}, title);
  add('rect', { x: 0, y: 0, width, height, fill: backgroundOf(figure) });
  add(
    'text',
    { x: pad, y: pad + 16, fill: fg, 'font-size': 16, 'font-weight': 600, 'data-export': 'title' },
    title,
  );
  for (const element of graphics) {
    const rect = element.getBoundingClientRect();
    const place = {
      x: +(rect.left + x0).toFixed(2),
      y: +(rect.top + y0).toFixed(2),
      width: +rect.width.toFixed(2),
      height: +rect.height.toFixed(2),
    };
    if (element instanceof HTMLCanvasElement) {
      let href: string;
      try {
        href = element.toDataURL('image/png');
      } catch {
        continue; // A tainted canvas cannot be read; nothing of ours draws one.
      }
      const image = add('image', { ...place, preserveAspectRatio: 'none' });
      image.setAttribute('href', href);
      image.setAttributeNS(XLINK_NS, 'xlink:href', href);
    } else if (element instanceof SVGElement) {
      const clone = inlineStyles(element);
      for (const [key, value] of Object.entries(place)) clone.setAttribute(key, String(value));
      clone.removeAttribute('xmlns');
      root.append(clone);
    }
  }
  for (const element of texts) {
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    add(
      'text',
      {
        x: +(rect.left + x0).toFixed(2),
        y: +(rect.top + rect.height / 2 + y0).toFixed(2),
        'dominant-baseline': 'central',
        fill: style.color || fg,
        'font-size': style.fontSize,
        'font-weight': style.fontWeight,
        'font-family': style.fontFamily,
      },
      (element.textContent ?? '').trim(),
    );
  }
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return { text, width, height };
}

/** Draws an SVG document into a canvas `scale` times its size and returns it as a PNG. */
export async function svgToPng(svg: ChartSvg, scale = Math.min(4, Math.max(2, devicePixelRatio || 1))) {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas in this browser');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvasToPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))),
      'image/png',
    ),
  );
}
