import { describe, expect, it } from 'vitest';
import { usePlayground } from './playground';

describe('the store', () => {
  it('does not replace the scenario when a control reports the value it already has', () => {
    const before = usePlayground.getState().scenario;
    usePlayground.getState().setParam('shift', String(before.shift));
    expect(usePlayground.getState().scenario).toBe(before);
    usePlayground.getState().setParam('shift', '1.2');
    expect(usePlayground.getState().scenario).not.toBe(before);
    expect(usePlayground.getState().scenario.shift).toBe(1.2);
  });

  it('keeps the notice when a value had to be changed', () => {
    usePlayground.getState().setParam('shift', '99');
    expect(usePlayground.getState().scenario.shift).toBe(3);
    expect(usePlayground.getState().notices.at(-1)).toMatch(/above the maximum 3/);
  });
});
