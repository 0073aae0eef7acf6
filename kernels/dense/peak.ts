/**
 * The machine's float32 SIMD peak, as this engine can reach it: `iterations` rounds of 12 independent chains
 * a = a * c + d of f32x4 (one multiply then one add, as the layers do), 96 flops a round. The chains are
 * independent so the multiply and add units stay busy; the result keeps the loop from being optimized away.
 */
export function peak(iterations: i32): f32 {
  const c = f32x4.splat(0.999999);
  const d = f32x4.splat(1e-7);
  let a0 = f32x4.splat(1.0);
  let a1 = f32x4.splat(1.1);
  let a2 = f32x4.splat(1.2);
  let a3 = f32x4.splat(1.3);
  let a4 = f32x4.splat(1.4);
  let a5 = f32x4.splat(1.5);
  let a6 = f32x4.splat(1.6);
  let a7 = f32x4.splat(1.7);
  let a8 = f32x4.splat(1.8);
  let a9 = f32x4.splat(1.9);
  let a10 = f32x4.splat(2.0);
  let a11 = f32x4.splat(2.1);
  for (let i = 0; i < iterations; i++) {
    a0 = f32x4.add(f32x4.mul(a0, c), d);
    a1 = f32x4.add(f32x4.mul(a1, c), d);
    a2 = f32x4.add(f32x4.mul(a2, c), d);
    a3 = f32x4.add(f32x4.mul(a3, c), d);
    a4 = f32x4.add(f32x4.mul(a4, c), d);
    a5 = f32x4.add(f32x4.mul(a5, c), d);
    a6 = f32x4.add(f32x4.mul(a6, c), d);
    a7 = f32x4.add(f32x4.mul(a7, c), d);
    a8 = f32x4.add(f32x4.mul(a8, c), d);
    a9 = f32x4.add(f32x4.mul(a9, c), d);
    a10 = f32x4.add(f32x4.mul(a10, c), d);
    a11 = f32x4.add(f32x4.mul(a11, c), d);
  }
  const s = f32x4.add(
    f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)),
    f32x4.add(
      f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7)),
      f32x4.add(f32x4.add(a8, a9), f32x4.add(a10, a11)),
    ),
  );
  return (
    f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1) + f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3)
  );
}

/** Flops one round of peak() does: 12 chains x 4 lanes x (multiply + add). */
export const PEAK_FLOPS_PER_ITERATION: i32 = 96;
