import { describe, expect, it } from 'vitest';
import { formatNumber, formatParam, formatTick, niceTicks } from './format';

describe('formatting', () => {
  it('prints 3 significant digits, exponents outside [0.001, 10000), a dash for no number', () => {
    expect(formatNumber(0.123456)).toBe('0.123');
    expect(formatNumber(2.16)).toBe('2.16');
    expect(formatNumber(123456)).toBe('1.23e+5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(null)).toBe('—');
    expect(formatTick(4)).toBe('4');
    expect(formatTick(2.5)).toBe('2.5');
    expect(formatTick(0.25)).toBe('0.25');
    expect(formatTick(120000)).toBe('1.20e+5');
  });

  it('gives round ticks that cover the range', () => {
    expect(niceTicks(-1.9, 12)).toEqual([-2.5, 0, 2.5, 5, 7.5, 10, 12.5]);
    expect(niceTicks(0, 3.2)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(-2.4, 3.7)).toEqual([-4, -2, 0, 2, 4]);
    expect(niceTicks(5, 5)).toEqual([5, 5.2, 5.4, 5.6, 5.8, 6]);
  });

  it('shows parameters with their step`s decimals, whole numbers with separators', () => {
    expect(formatParam(0.5, 0.05, false)).toBe('0.50');
    expect(formatParam(1.2, 0.1, false)).toBe('1.2');
    expect(formatParam(1.234, 0.1, false)).toBe('1.234');
    expect(formatParam(10000, 1000, true)).toBe('10,000');
  });
});
