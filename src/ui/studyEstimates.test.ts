/** The studies' words and numbers: intervals or why there are none, the side of zero, the spread's closed form. */
import { describe, expect, it } from 'vitest';
import { meanInterval } from '../engine/metrics/intervals';
import { expectedSpread } from '../engine/studies/collapse';
import { defaultScenario } from '../scenario/schema';
import {
  against,
  benefitWord,
  bestIndex,
  collapseClosedForm,
  estimateText,
  gainWord,
  intervalText,
  NEEDS_TWO,
  sideOfZero,
} from './studyEstimates';

const above = meanInterval([0.2, 0.25, 0.3, 0.22]);
const below = meanInterval([-0.2, -0.25, -0.3, -0.22]);
const across = meanInterval([-0.3, 0.3, 0.1, -0.1]);
const single = meanInterval([0.4]);

describe('estimates and their intervals', () => {
  it('writes the interval, or that one replicate has none, never NaN', () => {
    expect(intervalText(above)).toMatch(/^95% CI 0\.\d+ – 0\.\d+$/);
    expect(intervalText(single)).toBe(NEEDS_TWO);
    expect(intervalText(null)).toBe('no estimate yet');
    expect(estimateText(single)).toBe(`0.400 (${NEEDS_TWO})`);
    expect(estimateText(null)).toBe('—');
    for (const e of [above, below, across, single, null])
      expect(estimateText(e)).not.toMatch(/NaN|undefined/);
  });

  it('says helps or hurts only when the interval excludes 0, and no clear effect otherwise', () => {
    expect(sideOfZero(above)).toBe('above');
    expect(sideOfZero(below)).toBe('below');
    expect(sideOfZero(across)).toBe('across');
    expect(sideOfZero(single)).toBe('unknown');
    expect(gainWord(above)).toBe('helps');
    expect(gainWord(below)).toBe('hurts');
    // The verdict fails when the interval straddles 0, even with a positive mean.
    expect(across.mean).toBeGreaterThanOrEqual(0);
    expect(gainWord(across)).toBe('no clear effect');
    expect(gainWord(single)).toBe('needs 2 replicates');
    expect(gainWord(null)).toBe('—');
    expect(benefitWord(above)).toBe('ensemble better');
    expect(benefitWord(below)).toBe('ensemble worse');
    expect(benefitWord(across)).toBe('no clear effect');
  });

  it('places a closed-form value inside or outside an interval', () => {
    expect(against(0.25, above)).toBe('inside');
    expect(against(0.5, above)).toBe('outside');
    expect(against(0.4, single)).toBe('unknown');
  });

  it('finds the smallest mean, skipping missing ones', () => {
    expect(bestIndex([0.3, null, 0.1, 0.2])).toBe(2);
    expect(bestIndex([null, undefined])).toBeNull();
  });
});

describe("the spread's closed form ((m − 1)/m)^g", () => {
  const base = { ...defaultScenario(), study: 'collapse' as const, generator: 'gaussian' as const, m: 30 };

  it('holds for a Gaussian refit, regression, no fresh data', () => {
    const closed = collapseClosedForm(base);
    expect(closed.reason).toBeNull();
    expect(closed.value!(8)).toBeCloseTo(expectedSpread(30, 8), 15);
    expect(closed.value!(8)).toBeCloseTo((29 / 30) ** 8, 15);
  });

  it('does not hold with another generator, classes or fresh real data, and says why', () => {
    expect(collapseClosedForm({ ...base, generator: 'gmm' }).reason).toMatch(/gmm/);
    expect(collapseClosedForm({ ...base, task: 'classification' }).reason).toMatch(/class/);
    expect(collapseClosedForm({ ...base, fresh: 0.2 }).reason).toMatch(/fresh/);
    expect(collapseClosedForm({ ...base, fresh: 0.2 }).value).toBeNull();
  });
});
