/**
 * Text fitting for SVG labels. The charts lay themselves out before the browser has measured any text (and the
 * same layout must hold in an exported file), so widths are estimated from the character count.
 */

/** Average advance of system sans-serif, in em per character: measured over model names and tick labels. */
const EM_PER_CHAR = 0.56;

/** Roughly how wide `text` is at `fontSize` pixels. */
export function textWidth(text: string, fontSize = 12): number {
  return text.length * fontSize * EM_PER_CHAR;
}

/** `text`, shortened with an ellipsis when it would be wider than `width` pixels (at least one character kept). */
export function fitText(text: string, width: number, fontSize = 12): string {
  if (textWidth(text, fontSize) <= width) return text;
  const keep = Math.max(1, Math.floor(width / (fontSize * EM_PER_CHAR)) - 1);
  return `${text.slice(0, keep)}…`;
}
