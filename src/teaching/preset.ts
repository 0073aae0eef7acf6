/**
 * What a preset is: a scenario (over its lab's defaults), the view to open, a theory card and a verdict read from
 * the live results. The presets themselves are in presets.ts (the simulated lab), digitsPresets.ts (digits) and
 * studyPresets.ts (the studies beyond the paper).
 */
import type { ScenarioResult } from '../scenario/results';
import type { SweepSetting, View } from '../scenario/page';
import type { Scenario } from '../scenario/schema';
import type { PresetId } from '../scenario/presetIds';
import type { Verdict, VerdictContext, VerdictNeed } from './verdicts';

export interface Preset {
  readonly id: PresetId;
  /** Short name on the preset picker and the slide counter, e.g. "Claim 1: features need not match". */
  readonly title: string;
  /**
   * Which claim (1-3) of the paper it illustrates, or null for a study beyond the paper (studyPresets.ts), and
   * whether it shows the statement or its counter-example.
   */
  readonly claim: 1 | 2 | 3 | null;
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
    /** The work the statement follows, when not Xu, Sun and Cheng's paper (the card cites that by default). */
    readonly source?: string;
  };
  /** What the verdict needs computed besides the run (population references, a run with exact responses). */
  readonly needs: readonly VerdictNeed[];
  /**
   * What the current results (and `context`, what `needs` asks for, once in) say about the statement; 'pending'
   * until enough replicates and what it needs are in.
   */
  verdict(results: ScenarioResult, context?: VerdictContext): Verdict;
}
