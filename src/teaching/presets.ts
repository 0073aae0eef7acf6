/**
 * The presets: one per claim of theory.md and one per counter-example, each a scenario (over the defaults), the
 * view to open, and a theory card (statement, formula in TeX, what to look at) with a verdict read from the live
 * results. Kept free of React and KaTeX so the store, the CLI and unit tests can use it.
 */
import type { SceneResult } from '../engine/results';
import type { SweepSetting, View } from '../scenario/page';
import type { Scenario } from '../scenario/schema';
import type { PresetId } from './presetIds';

export type { PresetId } from './presetIds';
export { PRESET_IDS, isPresetId } from './presetIds';

export type VerdictStatus = 'pending' | 'holds' | 'fails';

export interface Verdict {
  readonly status: VerdictStatus;
  /** One sentence with the numbers it rests on, e.g. "U = 0.004 ± 0.002 with shift 2.0: …". */
  readonly text: string;
}

export interface Preset {
  readonly id: PresetId;
  /** Short name on the preset picker and the slide counter, e.g. "Claim 1: features need not match". */
  readonly title: string;
  /** Which claim (1-3) it illustrates, and whether it is the claim or its counter-example. */
  readonly claim: 1 | 2 | 3;
  readonly kind: 'claim' | 'counter';
  /** Scenario values over the defaults. */
  readonly scenario: Partial<Scenario>;
  readonly view: View;
  readonly sweep?: SweepSetting;
  readonly card: {
    /** The statement in words. */
    readonly statement: string;
    /** The formula, as TeX for KaTeX. */
    readonly formula: string;
    /** What to look at on the page. */
    readonly lookAt: string;
  };
  /** What the current results say about the statement; 'pending' until enough replicates are in. */
  verdict(results: SceneResult): Verdict;
}

export const PRESETS: Readonly<Record<PresetId, Preset>> = {} as Record<PresetId, Preset>;
