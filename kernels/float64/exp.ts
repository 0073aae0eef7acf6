/**
 * portable.ts's expFast, operation for operation: k = floor(x 64/ln2 + 0.5), r = (x - k HI) - k LO, j = k & 63,
 * exp(x) = (2^(j/64) p(r)) 2^((k - j)/64) with p(r) = 1 + r (1 + r (1/2 + r (1/6 + r (1/24 + r/120)))), the
 * same constants (written with enough digits to be the same doubles) and no fused multiply-add, so every result
 * has the same bits as the JavaScript. The table 2^(j/64) is the host's (fdlibm's exp), written at expTable()
 * once. 2^m is built from its bits, which is exactly what portable.ts's table of doublings holds. Outside
 * (-708, 709) the reference exp decides, as in portable.ts: below its underflow threshold it returns 0 (done
 * here), between that and -708 (subnormal results), above 709 and for NaN the host's fdlibm exp is called.
 */

/** @stdlib's exp, the host's: a declared function is imported from its file's module, exp.referenceExp. */
declare function referenceExp(x: f64): f64;

/** 2^(j/64), j = 0..63, from the host. */
const TABLE: usize = memory.data(64 << 3, 16);

const K_SCALE: f64 = 92.33248261689366; // 64 / Math.LN2
const LN2_64_HI: f64 = 0.010830417275428772;
const LN2_64_LO: f64 = 7.420820373486988e-9;
const C6: f64 = 0.16666666666666666; // 1 / 6
const C24: f64 = 0.041666666666666664; // 1 / 24
const C120: f64 = 0.008333333333333333; // 1 / 120
/** @stdlib's exp returns exactly 0 below this (and for -Infinity). */
const UNDERFLOW: f64 = -745.1332191019411;

/** Where the host writes the 64 table entries (f64). */
export function expTable(): usize {
  return TABLE;
}

/** expFast(x) (portable.ts), one value. */
export function expFast(x: f64): f64 {
  if (!(x > -708 && x < 709)) return x < UNDERFLOW ? 0 : referenceExp(x);
  const k = Math.floor(x * K_SCALE + 0.5);
  const r = x - k * LN2_64_HI - k * LN2_64_LO;
  const ki = <i32>k;
  const p = 1 + r * (1 + r * (0.5 + r * (C6 + r * (C24 + r * C120))));
  const scale = reinterpret<f64>((<i64>((ki >> 6) + 1023)) << 52);
  return load<f64>(TABLE + ((<usize>(ki & 63)) << 3)) * p * scale;
}

/**
 * expFast of both lanes, each exactly as expFast alone (lanes outside the fast range go one at a time). Its
 * one caller is expInPlace, so the optimizer inlines it there (the kernels stage their arguments in memory).
 */
function expFast2(x: v128): v128 {
  const fast = v128.and(f64x2.gt(x, f64x2.splat(-708)), f64x2.lt(x, f64x2.splat(709)));
  if (!i64x2.all_true(fast)) {
    return f64x2.replace_lane(
      f64x2.splat(expFast(f64x2.extract_lane(x, 0))),
      1,
      expFast(f64x2.extract_lane(x, 1)),
    );
  }
  const k = f64x2.floor(f64x2.add(f64x2.mul(x, f64x2.splat(K_SCALE)), f64x2.splat(0.5)));
  const r = f64x2.sub(
    f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_64_HI))),
    f64x2.mul(k, f64x2.splat(LN2_64_LO)),
  );
  const ki = i32x4.trunc_sat_f64x2_s_zero(k);
  let p = f64x2.add(f64x2.splat(C24), f64x2.mul(r, f64x2.splat(C120)));
  p = f64x2.add(f64x2.splat(C6), f64x2.mul(r, p));
  p = f64x2.add(f64x2.splat(0.5), f64x2.mul(r, p));
  p = f64x2.add(f64x2.splat(1), f64x2.mul(r, p));
  p = f64x2.add(f64x2.splat(1), f64x2.mul(r, p));
  const m = i64x2.extend_low_i32x4_s(i32x4.shr_s(ki, 6));
  const scale = i64x2.shl(i64x2.add(m, i64x2.splat(1023)), 52);
  const j = v128.and(ki, i32x4.splat(63));
  const t0 = v128.load64_splat(TABLE + ((<usize>i32x4.extract_lane(j, 0)) << 3));
  const t = v128.load64_lane(TABLE + ((<usize>i32x4.extract_lane(j, 1)) << 3), t0, 1);
  return f64x2.mul(f64x2.mul(t, p), scale);
}

/** Where expFast4 leaves its second result. */
export const EXP4: usize = memory.data(32, 16);

/**
 * expFast2 of x0 and x1 side by side (the same operations, interleaved so the two chains overlap): returns x0's,
 * leaves x1's at EXP4. Kernel ridge's predictions call it at one place, so the optimizer inlines it there.
 */
export function expFast4(x0: v128, x1: v128): v128 {
  const low = f64x2.splat(-708);
  const high = f64x2.splat(709);
  const fast0 = v128.and(f64x2.gt(x0, low), f64x2.lt(x0, high));
  const fast1 = v128.and(f64x2.gt(x1, low), f64x2.lt(x1, high));
  if (!i64x2.all_true(v128.and(fast0, fast1))) {
    v128.store(EXP4, x1);
    v128.store(EXP4, x0, 16);
    expInPlace(EXP4, 2);
    return v128.load(EXP4, 16);
  }
  const k0 = f64x2.floor(f64x2.add(f64x2.mul(x0, f64x2.splat(K_SCALE)), f64x2.splat(0.5)));
  const k1 = f64x2.floor(f64x2.add(f64x2.mul(x1, f64x2.splat(K_SCALE)), f64x2.splat(0.5)));
  const hi = f64x2.splat(LN2_64_HI);
  const lo = f64x2.splat(LN2_64_LO);
  const r0 = f64x2.sub(f64x2.sub(x0, f64x2.mul(k0, hi)), f64x2.mul(k0, lo));
  const r1 = f64x2.sub(f64x2.sub(x1, f64x2.mul(k1, hi)), f64x2.mul(k1, lo));
  let p0 = f64x2.add(f64x2.splat(C24), f64x2.mul(r0, f64x2.splat(C120)));
  let p1 = f64x2.add(f64x2.splat(C24), f64x2.mul(r1, f64x2.splat(C120)));
  p0 = f64x2.add(f64x2.splat(C6), f64x2.mul(r0, p0));
  p1 = f64x2.add(f64x2.splat(C6), f64x2.mul(r1, p1));
  p0 = f64x2.add(f64x2.splat(0.5), f64x2.mul(r0, p0));
  p1 = f64x2.add(f64x2.splat(0.5), f64x2.mul(r1, p1));
  p0 = f64x2.add(f64x2.splat(1), f64x2.mul(r0, p0));
  p1 = f64x2.add(f64x2.splat(1), f64x2.mul(r1, p1));
  p0 = f64x2.add(f64x2.splat(1), f64x2.mul(r0, p0));
  p1 = f64x2.add(f64x2.splat(1), f64x2.mul(r1, p1));
  // k in i32 lanes: k0 in lanes 0, 1 and k1 in lanes 2, 3.
  const ki = i8x16.shuffle(
    i32x4.trunc_sat_f64x2_s_zero(k0),
    i32x4.trunc_sat_f64x2_s_zero(k1),
    0,
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
  );
  const m = i32x4.add(i32x4.shr_s(ki, 6), i32x4.splat(1023));
  const scale0 = i64x2.shl(i64x2.extend_low_i32x4_s(m), 52);
  const scale1 = i64x2.shl(i64x2.extend_high_i32x4_s(m), 52);
  const j = i32x4.shl(v128.and(ki, i32x4.splat(63)), 3);
  let t0 = v128.load64_splat(TABLE + <usize>i32x4.extract_lane(j, 0));
  let t1 = v128.load64_splat(TABLE + <usize>i32x4.extract_lane(j, 2));
  t0 = v128.load64_lane(TABLE + <usize>i32x4.extract_lane(j, 1), t0, 1);
  t1 = v128.load64_lane(TABLE + <usize>i32x4.extract_lane(j, 3), t1, 1);
  v128.store(EXP4, f64x2.mul(f64x2.mul(t1, p1), scale1));
  return f64x2.mul(f64x2.mul(t0, p0), scale0);
}

/** expFast of `count` v128 (2 count values) at `at`, in place. */
export function expInPlace(at: usize, count: i32): void {
  const end = at + ((<usize>count) << 4);
  for (let v = at; v < end; v += 16) v128.store(v, expFast2(v128.load(v)));
}

/** out[i] = expFast(x[i]) for i < count (the tests compare it with portable.ts). */
export function expMany(x: usize, count: i32, out: usize): void {
  memory.copy(out, x, (<usize>count) << 3);
  expInPlace(out, count >> 1);
  if (count & 1) {
    const last = out + ((<usize>(count - 1)) << 3);
    store<f64>(last, expFast(load<f64>(last)));
  }
}
