/**
 * Marching squares: the level set {f = level} of values on a regular grid (nx x ny, x fastest: index j * nx + i),
 * as line segments in grid coordinates (i, j fractional). Used for decision boundaries (P(y = 1) = 1/2).
 */
export type Segment = readonly [number, number, number, number];

export function contourSegments(values: ArrayLike<number>, nx: number, ny: number, level: number): Segment[] {
  const segments: Segment[] = [];
  const v = (i: number, j: number) => values[j * nx + i]!;
  // Where the edge from value a at t = 0 to b at t = 1 crosses the level.
  const cross = (a: number, b: number) => (a === b ? 0.5 : (level - a) / (b - a));
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const a = v(i, j); // bottom left
      const b = v(i + 1, j); // bottom right
      const c = v(i + 1, j + 1); // top right
      const d = v(i, j + 1); // top left
      if (![a, b, c, d].every(Number.isFinite)) continue;
      const code = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      const bottom: [number, number] = [i + cross(a, b), j];
      const right: [number, number] = [i + 1, j + cross(b, c)];
      const top: [number, number] = [i + cross(d, c), j + 1];
      const left: [number, number] = [i, j + cross(a, d)];
      const add = (p: [number, number], q: [number, number]) => segments.push([p[0], p[1], q[0], q[1]]);
      switch (code) {
        case 1:
        case 14:
          add(left, bottom);
          break;
        case 2:
        case 13:
          add(bottom, right);
          break;
        case 3:
        case 12:
          add(left, right);
          break;
        case 4:
        case 11:
          add(right, top);
          break;
        case 6:
        case 9:
          add(bottom, top);
          break;
        case 7:
        case 8:
          add(left, top);
          break;
        case 5:
        case 10: {
          // Saddle: the cell centre's mean decides which corners connect.
          const centreAbove = (a + b + c + d) / 4 >= level;
          if ((code === 5) === centreAbove) {
            add(left, top);
            add(bottom, right);
          } else {
            add(left, bottom);
            add(right, top);
          }
          break;
        }
      }
    }
  }
  return segments;
}
