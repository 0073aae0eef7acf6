import { describe, expect, it } from 'vitest';
import { bootstrapMeanInterval, scoreShareInterval } from '../engine/metrics/intervals';
import { rankIntervalShort, rankIntervalText, top1Text, unanimousText } from './rankingText';

const fill = (n: number, v: number) => new Array<number>(n).fill(v);

describe('ranking interval text', () => {
  it('says in words that all replicates agree, never "1 – 1"', () => {
    const all = bootstrapMeanInterval(fill(20, 1), 1);
    expect(rankIntervalText(all, 'correlation', '')).toBe(
      'all 20 replicates order the models as the real data do',
    );
    expect(rankIntervalText(all, 'correlation', '')).not.toMatch(/1 – 1/);
    expect(rankIntervalShort(all)).toBe(' in all 20 replicates');
    expect(unanimousText(bootstrapMeanInterval(fill(5, -1), 1), 'correlation')).toBe(
      'all 5 replicates reverse the real-data order',
    );
    expect(unanimousText(bootstrapMeanInterval(fill(5, 0), 1), 'share')).toBe(
      'all 5 replicates reverse the real-data order',
    );
    expect(unanimousText(bootstrapMeanInterval(fill(5, 0), 1), 'correlation')).toBe(
      'the same value in all 5 replicates',
    );
  });

  it('prints the bootstrap interval when replicates differ, and warns below 10 replicates', () => {
    const spread = bootstrapMeanInterval([...fill(10, 1), ...fill(10, -1)], 1);
    expect(unanimousText(spread, 'correlation')).toBeNull();
    expect(rankIntervalText(spread, 'correlation', '')).toMatch(/^95% bootstrap: -0\.\d+ – 0\.\d+$/);
    expect(rankIntervalShort(spread)).toMatch(/^ \(-0\.\d+ – 0\.\d+\)$/);
    const few = bootstrapMeanInterval([1, 1 / 3, 1], 1);
    expect(rankIntervalText(few, 'correlation', '')).toMatch(/too narrow/);
  });

  it('covers one replicate and an undefined statistic', () => {
    expect(rankIntervalText(bootstrapMeanInterval([1], 1), 'correlation', 'x')).toBe(
      'one replicate: no interval',
    );
    expect(rankIntervalShort(bootstrapMeanInterval([1], 1))).toBe('');
    expect(rankIntervalText(null, 'correlation', 'undefined (all risks tied)')).toBe(
      'undefined (all risks tied)',
    );
  });

  it('shows a fractional top-1 count and says ties caused it', () => {
    expect(top1Text(scoreShareInterval(18, 20))).toMatch(/^18 of 20 · 95%: /);
    expect(top1Text(scoreShareInterval(18.5, 20))).toMatch(/^18\.50 of 20 \(ties count in part\) · 95%: /);
    expect(top1Text(null)).toBe('no complete replicate');
  });
});
