/** SVG path data for the hand-drawn charts' marks (pure, so the shapes are tested without a DOM). */

/** The outline of a diamond of half-size r centred at (x, y): top, right, bottom, left. */
export function diamondPath(x: number, y: number, r: number): string {
  return `M${x},${y - r} L${x + r},${y} L${x},${y + r} L${x - r},${y} Z`;
}
