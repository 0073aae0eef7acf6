/**
 * The page's part of a share link, beside the scenario: the open view, the preset whose card is shown, lecture
 * mode (present, deck, hide, embed), the theme, the replay speed and the sweep's axes. Decoding never throws:
 * every bad value becomes a notice and the default. Encoding writes only what differs from the defaults, so
 * ordinary links stay short.
 */
import { isPresetId, PRESET_IDS, type PresetId } from './presetIds';
import { PARAM_KEYS, paramSpec, type Scenario } from './schema';
import type { StudyKind } from '../engine/studies/types';
import { LABS } from './labs/index';
import type { SweepAxis } from './sweep';
import type { LabId } from './types';

export const VIEWS = ['data', 'generalization', 'ranking', 'training', 'fidelity', 'study', 'sweep'] as const;
export type View = (typeof VIEWS)[number];

/** The views of a lab without the studies (issue 14): all but the Study view. */
const WITHOUT_STUDY = VIEWS.filter((view) => view !== 'study');

/**
 * The views a lab has: the your-data lab has no population to draw, train curves of or sweep, so it shows the
 * Generalization and Ranking views of the dataset chosen in its panel; the Study view is in the labs that offer
 * the studies (those that read the `study` parameter).
 */
export function viewsOf(lab: string): readonly View[] {
  if (lab === 'data') return ['generalization', 'ranking'];
  const definition = (LABS as Readonly<Record<string, (typeof LABS)[LabId] | undefined>>)[lab];
  return definition?.keys.has('study') ? VIEWS : WITHOUT_STUDY;
}

/** The view shown for a link's `view` in a lab: itself where the lab has it, else the lab's first view. */
export function shownView(view: View, lab: string): View {
  const views = viewsOf(lab);
  return views.includes(view) ? view : views[0]!;
}

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const SPEEDS = ['fast', 'slow'] as const;
export type Speed = (typeof SPEEDS)[number];

/** Controls that `hide=` may name besides the scenario's parameters (by their link names). */
export const EXTRA_CONTROLS = ['play', 'presets', 'share', 'export'] as const;

export interface SweepSetting {
  readonly x: SweepAxis;
  /** Second axis: a 2-D phase diagram. */
  readonly y: SweepAxis | null;
}

export interface PageState {
  readonly view: View;
  readonly preset: PresetId | null;
  readonly present: boolean;
  readonly deck: readonly PresetId[];
  /** Link names of hidden controls (scenario parameters or EXTRA_CONTROLS). */
  readonly hide: readonly string[];
  readonly embed: boolean;
  readonly theme: Theme;
  readonly speed: Speed;
  readonly sweep: SweepSetting;
}

/** Numeric parameters a sweep may move (the seed is not one: sweeps use common random numbers). */
export const SWEEPABLE = PARAM_KEYS.filter((key) => paramSpec(key).kind === 'number' && key !== 'seed');

/** The parameters a sweep may move in this scenario's lab. */
export function sweepableIn(scenario: Scenario): (keyof Scenario)[] {
  const { keys } = LABS[scenario.lab];
  return SWEEPABLE.filter((key) => keys.has(key));
}

/** Each lab's first sweep (one object per lab: views tell settings apart by identity). */
const LAB_SWEEPS = Object.fromEntries(
  Object.values(LABS).map((lab) => [lab.id, { x: lab.sweepAxis, y: null }]),
) as Record<Scenario['lab'], SweepSetting>;

export const DEFAULT_SWEEP: SweepSetting = LAB_SWEEPS.simulated;

/**
 * Each study's first sweep (issue 14): the loop's generations, the synthetic size m (λ = m/n), the ensemble's
 * size K, and the response noise for the hyperparameter choice (noisier synthetic responses mislead validation).
 */
export const STUDY_SWEEPS: Readonly<Record<Exclude<StudyKind, 'none'>, SweepSetting>> = {
  collapse: { x: { param: 'generations', from: 0, to: 15, steps: 6 }, y: null },
  mix: { x: { param: 'm', from: 50, to: 800, steps: 6 }, y: null },
  ensemble: { x: { param: 'members', from: 1, to: 10, steps: 4 }, y: null },
  select: { x: { param: 'noiseScale', from: 0.5, to: 3, steps: 6 }, y: null },
};

function isSetting(setting: SweepSetting, like: SweepSetting): boolean {
  const { x } = setting;
  return (
    setting.y === null &&
    like.y === null &&
    x.param === like.x.param &&
    x.from === like.x.from &&
    x.to === like.x.to &&
    x.steps === like.x.steps
  );
}

/**
 * The sweep a scenario's lab can run: the setting as it is when its lab reads both axes' parameters, else the
 * lab's own first axis (a link or the last lab may have left an axis of another lab). While the setting is the
 * lab's first sweep, untouched, a scenario with a study gets the study's first sweep instead (where the lab
 * reads its parameter).
 */
export function sweepForLab(setting: SweepSetting, scenario: Scenario): SweepSetting {
  const { keys } = LABS[scenario.lab];
  const fits = (axis: SweepAxis | null) => axis === null || keys.has(axis.param);
  const own = LAB_SWEEPS[scenario.lab];
  const chosen = fits(setting.x) && fits(setting.y) ? setting : own;
  const study = keys.has('study') && scenario.study !== 'none' ? STUDY_SWEEPS[scenario.study] : null;
  return study && fits(study.x) && isSetting(chosen, own) ? study : chosen;
}

export const DEFAULT_PAGE: PageState = {
  view: 'data',
  preset: null,
  present: false,
  deck: [],
  hide: [],
  embed: false,
  theme: 'auto',
  speed: 'fast',
  sweep: DEFAULT_SWEEP,
};

/** Every link key this codec owns (the scenario codec leaves them to it). */
export const PAGE_KEYS = [
  'view',
  'preset',
  'present',
  'deck',
  'hide',
  'embed',
  'theme',
  'speed',
  'sx',
  'sx_from',
  'sx_to',
  'sx_n',
  'sy',
  'sy_from',
  'sy_to',
  'sy_n',
] as const;

const MAX_SWEEP_STEPS = 25;

function printable(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}

function oneOf<T extends string>(
  raw: string | undefined,
  options: readonly T[],
  fallback: T,
  name: string,
  notices: string[],
): T {
  if (raw === undefined) return fallback;
  if ((options as readonly string[]).includes(raw)) return raw as T;
  notices.push(`${name}=${printable(raw)} is not one of ${options.join(', ')}; ${fallback} is used.`);
  return fallback;
}

function flag(raw: string | undefined, name: string, notices: string[]): boolean {
  if (raw === undefined) return false;
  if (raw === '1' || raw === 'true' || raw === '') return true;
  if (raw === '0' || raw === 'false') return false;
  notices.push(`${name}=${printable(raw)} should be 1 or 0; it was read as 0.`);
  return false;
}

function list(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .slice(0, 32);
}

const byUrlName = new Map(SWEEPABLE.map((key) => [paramSpec(key).url, key]));
const CONTROL_NAMES = new Set<string>([...PARAM_KEYS.map((k) => paramSpec(k).url), ...EXTRA_CONTROLS]);

function axis(
  query: ReadonlyMap<string, string>,
  prefix: 'sx' | 'sy',
  fallback: SweepAxis | null,
  notices: string[],
): SweepAxis | null {
  const name = query.get(prefix);
  if (name === undefined) return fallback;
  const param = byUrlName.get(name);
  if (param === undefined) {
    notices.push(
      `${prefix}=${printable(name)} is not a parameter a sweep can move; the default sweep is used.`,
    );
    return fallback;
  }
  const spec = paramSpec(param);
  if (spec.kind !== 'number') return fallback;
  const number = (key: string, dflt: number, min: number, max: number): number => {
    const raw = query.get(key);
    if (raw === undefined) return dflt;
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v)) {
      notices.push(`${key}=${printable(raw)} is not a number; ${dflt} is used.`);
      return dflt;
    }
    if (v < min || v > max) {
      const clamped = Math.min(max, Math.max(min, v));
      notices.push(`${key}=${printable(raw)} is outside ${min}..${max}; ${clamped} is used.`);
      return clamped;
    }
    return v;
  };
  const from = number(`${prefix}_from`, spec.min, spec.min, spec.max);
  const to = number(`${prefix}_to`, spec.max, spec.min, spec.max);
  const steps = Math.round(number(`${prefix}_n`, 7, 2, MAX_SWEEP_STEPS));
  return { param, from, to, steps };
}

/** Reads the page's keys from a parsed query (first value per key); notices describe what was replaced. */
export function decodePage(query: ReadonlyMap<string, string>): { page: PageState; notices: string[] } {
  const notices: string[] = [];
  const get = (key: string) => query.get(key);
  const presetRaw = get('preset');
  let preset: PresetId | null = null;
  if (presetRaw !== undefined && presetRaw !== '') {
    if (isPresetId(presetRaw)) preset = presetRaw;
    else
      notices.push(
        `preset=${printable(presetRaw)} is not a preset (one of ${PRESET_IDS.length}: ${PRESET_IDS.slice(0, 6).join(', ')}, …; the preset picker lists them all).`,
      );
  }
  const deckRaw = list(get('deck'));
  const deck = deckRaw.filter(isPresetId);
  const badDeck = deckRaw.filter((id) => !isPresetId(id));
  if (badDeck.length > 0)
    notices.push(`Not presets, left out of the deck: ${badDeck.slice(0, 6).map(printable).join(', ')}.`);
  const hideRaw = list(get('hide'));
  const hide = hideRaw.filter((name) => CONTROL_NAMES.has(name));
  const badHide = hideRaw.filter((name) => !CONTROL_NAMES.has(name));
  if (badHide.length > 0)
    notices.push(`Unknown controls in hide= ignored: ${badHide.slice(0, 6).map(printable).join(', ')}.`);
  const x = axis(query, 'sx', DEFAULT_SWEEP.x, notices) ?? DEFAULT_SWEEP.x;
  let y = axis(query, 'sy', null, notices);
  if (y && y.param === x.param) {
    notices.push('The two sweep axes must differ; the second axis was dropped.');
    y = null;
  }
  const page: PageState = {
    view: oneOf(get('view'), VIEWS, DEFAULT_PAGE.view, 'view', notices),
    preset: preset ?? (deck.length > 0 ? deck[0]! : null),
    present: flag(get('present'), 'present', notices),
    deck: [...new Set(deck)],
    hide: [...new Set(hide)],
    embed: flag(get('embed'), 'embed', notices),
    theme: oneOf(get('theme'), THEMES, DEFAULT_PAGE.theme, 'theme', notices),
    speed: oneOf(get('speed'), SPEEDS, DEFAULT_PAGE.speed, 'speed', notices),
    sweep: { x, y },
  };
  return { page, notices };
}

function axisParts(prefix: string, a: SweepAxis): string[] {
  return [
    `${prefix}=${paramSpec(a.param).url}`,
    `${prefix}_from=${a.from}`,
    `${prefix}_to=${a.to}`,
    `${prefix}_n=${a.steps}`,
  ];
}

/** The page's query parts (without the scenario's), only those that differ from the defaults. */
export function encodePage(page: PageState): string[] {
  const parts: string[] = [];
  if (page.view !== DEFAULT_PAGE.view) parts.push(`view=${page.view}`);
  if (page.preset) parts.push(`preset=${page.preset}`);
  if (page.present) parts.push('present=1');
  if (page.deck.length > 0) parts.push(`deck=${page.deck.join(',')}`);
  if (page.hide.length > 0) parts.push(`hide=${page.hide.map(encodeURIComponent).join(',')}`);
  if (page.embed) parts.push('embed=1');
  if (page.theme !== DEFAULT_PAGE.theme) parts.push(`theme=${page.theme}`);
  if (page.speed !== DEFAULT_PAGE.speed) parts.push(`speed=${page.speed}`);
  const { x, y } = page.sweep;
  const d = DEFAULT_SWEEP.x;
  if (y || x.param !== d.param || x.from !== d.from || x.to !== d.to || x.steps !== d.steps)
    parts.push(...axisParts('sx', x));
  if (y) parts.push(...axisParts('sy', y));
  return parts;
}
