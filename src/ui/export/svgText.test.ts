import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { escapeXml, qrPath, qrSvg, resolveCssVars } from './svgText';

const vars: Record<string, string> = {
  '--fg': '#1b1f24',
  '--muted': ' rgb(91, 100, 112) ',
  '--alias': 'var(--fg)',
};
const lookup = (name: string) => vars[name];

describe('resolveCssVars', () => {
  it('replaces variables by their values, fallbacks, or the fallback colour', () => {
    expect(resolveCssVars('var(--fg)', lookup)).toBe('#1b1f24');
    expect(resolveCssVars('stroke:var(--muted);fill:var(--fg)', lookup)).toBe(
      'stroke:rgb(91, 100, 112);fill:#1b1f24',
    );
    expect(resolveCssVars('var(--none, #abc)', lookup)).toBe('#abc');
    expect(resolveCssVars('var(--none, var(--fg))', lookup)).toBe('#1b1f24');
    expect(resolveCssVars('var(--none)', lookup, 'black')).toBe('black');
    expect(resolveCssVars('var(--alias)', lookup)).toBe('#1b1f24');
    expect(resolveCssVars('rgb(1, 2, 3)', lookup)).toBe('rgb(1, 2, 3)');
  });

  it('never leaves var( behind, even for cycles or broken text', () => {
    const cyclic = (name: string) => (name === '--a' ? 'var(--b)' : 'var(--a)');
    expect(resolveCssVars('var(--a)', cyclic, 'red')).not.toContain('var(');
    expect(resolveCssVars('var(--a', lookup, 'red')).not.toContain('var(');
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});

describe('QR paths', () => {
  it('draws each horizontal run of dark modules as one rectangle, offset by the margin', () => {
    // 3 x 3: row 0 = 1 1 0, row 1 = 0 0 0, row 2 = 1 0 1
    const modules = [1, 1, 0, 0, 0, 0, 1, 0, 1];
    expect(qrPath(3, modules, 4)).toBe('M4 4h2v1h-2zM4 6h1v1h-1zM6 6h1v1h-1z');
    expect(qrPath(3, new Array(9).fill(0))).toBe('');
  });

  it('makes a standalone SVG with a white quiet zone and the text as title', () => {
    const svg = qrSvg(1, [1], 'https://x.test/?a=1&b=<2>', 4, 100);
    expect(svg).toContain('viewBox="0 0 9 9"');
    expect(svg).toContain('<title>https://x.test/?a=1&amp;b=&lt;2&gt;</title>');
    expect(svg).toContain('fill="#ffffff"');
  });

  it('puts every module of a real code where the library says it is (row = y, column = x)', () => {
    const code = create('https://x.test/?v=2&shift=1.5&models=ols;knn:k=7', { errorCorrectionLevel: 'M' });
    const size = code.modules.size;
    const dark = new Set<string>();
    for (const [, x, y, w] of qrPath(size, code.modules.data, 0).matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g))
      for (let i = 0; i < Number(w); i++) dark.add(`${Number(x) + i},${y}`);
    for (let row = 0; row < size; row++)
      for (let col = 0; col < size; col++)
        expect(dark.has(`${col},${row}`)).toBe(Boolean(code.modules.get(row, col)));
  });
});
