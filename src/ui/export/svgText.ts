/** Pure helpers for standalone SVG files: CSS variables resolved to values, XML escaping, QR code paths. */

/**
 * Replaces every `var(--name)` / `var(--name, fallback)` in `text` by `lookup(name)`, else its fallback (itself
 * resolved), else `fallbackColor`. Nested variables are resolved; a cycle or runaway nesting stops after a few
 * rounds with the fallback colour, so the result never contains `var(`.
 */
export function resolveCssVars(
  text: string,
  lookup: (name: string) => string | null | undefined,
  fallbackColor = 'currentColor',
): string {
  let out = text;
  for (let round = 0; round < 8 && out.includes('var('); round++) {
    out = replaceInnermost(out, lookup, fallbackColor);
  }
  return out.includes('var(') ? out.replace(/var\([^()]*\)/g, fallbackColor).replace(/var\(/g, '') : out;
}

/** One pass: replaces the var() calls that contain no other var() (innermost first). */
function replaceInnermost(
  text: string,
  lookup: (name: string) => string | null | undefined,
  fallbackColor: string,
): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('var(', i);
    if (start < 0) {
      out += text.slice(i);
      break;
    }
    // Find the matching parenthesis.
    let depth = 0;
    let end = -1;
    for (let j = start + 3; j < text.length; j++) {
      if (text[j] === '(') depth++;
      else if (text[j] === ')' && --depth === 0) {
        end = j;
        break;
      }
    }
    if (end < 0) {
      out += text.slice(i);
      break;
    }
    const inner = text.slice(start + 4, end);
    if (inner.includes('var(')) {
      // Resolve the nested ones first; this call is resolved in a later round.
      out += text.slice(i, start + 4) + replaceInnermost(inner, lookup, fallbackColor) + ')';
    } else {
      const comma = inner.indexOf(',');
      const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
      const fallback = comma < 0 ? null : inner.slice(comma + 1).trim();
      const value = lookup(name)?.trim();
      out += text.slice(i, start) + (value ? value : (fallback ?? fallbackColor));
    }
    i = end + 1;
  }
  return out;
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe inside an XML element or attribute; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
  );
}

/**
 * An SVG path of a QR code's dark modules (`size` × `size`, row-major, truthy = dark), shifted by `margin`
 * modules of quiet zone; each horizontal run of dark modules is one rectangle.
 */
export function qrPath(size: number, modules: ArrayLike<number | boolean>, margin = 4): string {
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!modules[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules[y * size + x]) x++;
      parts.push(`M${start + margin} ${y + margin}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}

/** A standalone SVG document of a QR code (white quiet zone, black modules, crisp edges) titled with its text. */
export function qrSvg(
  size: number,
  modules: ArrayLike<number | boolean>,
  title: string,
  margin = 4,
  pixels = 512,
): string {
  const full = size + 2 * margin;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" width="${pixels}" height="${pixels}" shape-rendering="crispEdges">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${full}" height="${full}" fill="#ffffff"/>`,
    `<path d="${qrPath(size, modules, margin)}" fill="#000000"/>`,
    '</svg>',
  ].join('');
}
