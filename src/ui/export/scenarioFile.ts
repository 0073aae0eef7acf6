/**
 * Reading a scenario file (Load scenario…, drag and drop): never throws, never trusts the file. The text must be
 * JSON, at most 256 kB, an object; either a scenario file of this app ({ format, version, scenario, page }), a
 * results / summary / sweep JSON of this app (their scenario is loaded), or a flat scenario object as the CLI
 * reads it. Only known scenario keys are copied out (into an object without a prototype, so `__proto__` and
 * friends are plain unknown keys); values are sanitized later by the store, page state goes through the link
 * codec's decodePage. Anything else becomes a notice.
 */
import { printable } from '../../scenario/printable';
import { decodePage, PAGE_KEYS, SWEEPABLE, type PageState } from '../../scenario/page';
import { PARAM_KEYS, paramSpec, type Scenario } from '../../scenario/schema';
import { URL_VERSION } from '../../scenario/url';
import { FORMAT_PREFIX, RESULTS_FORMAT, SCENARIO_FORMAT, SUMMARY_FORMAT, SWEEP_FORMAT } from './files';

export const MAX_SCENARIO_FILE_BYTES = 256 * 1024;

export type RawScenario = Partial<Record<keyof Scenario, unknown>>;

export type ScenarioFileResult =
  | {
      readonly ok: true;
      /** Known scenario keys only, values as found (the store sanitizes them). */
      readonly scenario: RawScenario;
      /** The page state when the file had one (already validated), else null. */
      readonly page: PageState | null;
      /** What was ignored or replaced, for the user. */
      readonly notices: readonly string[];
    }
  | { readonly ok: false; readonly notice: string };

const TOP_LEVEL_KEYS = new Set([
  'format',
  'version',
  'appVersion',
  'link',
  'scenario',
  'page',
  // Results, summary and sweep files: their scenario loads, the rest is theirs.
  'done',
  'completed',
  'planned',
  'models',
  'summary',
  'ranking',
  'fidelity',
  'replicates',
  'status',
  'total',
  'axes',
  'rows',
]);
const LOADABLE_FORMATS = new Set([SCENARIO_FORMAT, RESULTS_FORMAT, SUMMARY_FORMAT, SWEEP_FORMAT]);
const PARAM_KEY_SET = new Set<string>(PARAM_KEYS);
const PAGE_KEY_SET = new Set<string>(PAGE_KEYS);
const MAX_LISTED = 6;

function listed(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).map(printable).join(', ');
  return names.length > MAX_LISTED ? `${shown} and ${names.length - MAX_LISTED} more` : shown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A query value from a JSON value: text, numbers and booleans as they read in a link; anything else is null. */
function queryValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return null;
}

const SWEEP_KEYS = new Set<string>(SWEEPABLE);

function sweepAxisQuery(
  raw: unknown,
  prefix: 'sx' | 'sy',
  query: Map<string, string>,
  notices: string[],
): void {
  if (raw === null || raw === undefined) return;
  if (!isRecord(raw)) {
    notices.push(`page.sweep.${prefix === 'sx' ? 'x' : 'y'} is ${kind(raw)}, not an axis; it was ignored.`);
    return;
  }
  const param = own(raw, 'param');
  if (typeof param !== 'string') {
    notices.push(`page.sweep: the axis has no parameter; it was ignored.`);
    return;
  }
  // The file names the scenario key (shift, correlation); the codec reads link names (shift, corr).
  query.set(prefix, SWEEP_KEYS.has(param) ? paramSpec(param as keyof Scenario).url : param);
  for (const [key, name] of [
    ['from', `${prefix}_from`],
    ['to', `${prefix}_to`],
    ['steps', `${prefix}_n`],
  ] as const) {
    const value = own(raw, key);
    if (value === undefined) continue;
    const text = queryValue(value);
    if (text === null)
      notices.push(`page.sweep: ${key} is ${kind(value)}, not a number; the default is used.`);
    else query.set(name, text);
  }
}

/**
 * The page state of a file, checked by the link codec: the object becomes the query parameters a link would
 * carry (the structured form written by "Save scenario", or the link's own names such as `sx`), and decodePage
 * reads them with the same rules as a link. Unknown keys and values of the wrong type become notices.
 */
export function pageFromFile(raw: unknown): { page: PageState | null; notices: string[] } {
  const notices: string[] = [];
  if (!isRecord(raw)) {
    return { page: null, notices: [`The file's page is ${kind(raw)}, not an object; it was ignored.`] };
  }
  const query = new Map<string, string>();
  const unknown: string[] = [];
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (key === 'sweep') {
      if (value === null || value === undefined) continue;
      if (!isRecord(value)) {
        notices.push(`page.sweep is ${kind(value)}, not an object; the default sweep is used.`);
        continue;
      }
      sweepAxisQuery(own(value, 'x'), 'sx', query, notices);
      sweepAxisQuery(own(value, 'y'), 'sy', query, notices);
    } else if (key === 'deck' || key === 'hide') {
      if (Array.isArray(value)) {
        const items = value.filter((item): item is string => typeof item === 'string');
        if (items.length < value.length) notices.push(`page.${key}: entries that are not text were ignored.`);
        if (items.length > 0) query.set(key, items.join(','));
      } else if (typeof value === 'string') {
        query.set(key, value);
      } else if (value !== null) {
        notices.push(`page.${key} is ${kind(value)}, not a list; it was ignored.`);
      }
    } else if (PAGE_KEY_SET.has(key)) {
      if (value === null) continue;
      const text = queryValue(value);
      if (text === null) notices.push(`page.${printable(key)} is ${kind(value)}; it was ignored.`);
      else query.set(key, text);
    } else {
      unknown.push(key);
    }
  }
  if (unknown.length > 0) notices.push(`Unknown page settings ignored: ${listed(unknown)}.`);
  const decoded = decodePage(query);
  return { page: decoded.page, notices: [...notices, ...decoded.notices] };
}

/** Reads a scenario file's text. Never throws. */
export function parseScenarioFile(text: string, name = 'The file'): ScenarioFileResult {
  try {
    return parse(text, printable(name));
  } catch (error) {
    return {
      ok: false,
      notice: `${printable(name)} could not be read (${printable(error instanceof Error ? error.message : error)}); nothing was changed.`,
    };
  }
}

function parse(text: string, name: string): ScenarioFileResult {
  const fail = (why: string): ScenarioFileResult => ({
    ok: false,
    notice: `${name} ${why}; nothing was changed.`,
  });
  if (typeof text !== 'string') return fail('is not text');
  if (text.length > MAX_SCENARIO_FILE_BYTES)
    return fail(`is too big for a scenario file (${Math.ceil(text.length / 1024)} kB, at most 256 kB)`);
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return fail('is not a JSON file');
  }
  if (!isRecord(json)) return fail(`holds ${kind(json)}, not a scenario object`);

  const notices: string[] = [];
  const format = own(json, 'format');
  const hasScenario = own(json, 'scenario') !== undefined;
  let record: Record<string, unknown>;
  let page: PageState | null = null;
  if (format !== undefined || hasScenario) {
    if (format !== undefined) {
      if (typeof format !== 'string' || !LOADABLE_FORMATS.has(format)) {
        return fail(
          `is not a scenario file of this playground (format "${printable(format)}", expected "${SCENARIO_FORMAT}")`,
        );
      }
      if (format !== SCENARIO_FORMAT)
        notices.push(`Loaded the scenario of a ${format.slice(FORMAT_PREFIX.length)} file.`);
    }
    const version = own(json, 'version');
    if (version !== undefined) {
      if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
        return fail(`has an unknown version (${printable(version)})`);
      if (version > URL_VERSION)
        notices.push(
          `${name} was made by a newer version of the playground (version ${version}); it was read as version ${URL_VERSION}.`,
        );
    }
    const scenario = own(json, 'scenario');
    if (!isRecord(scenario)) return fail(`has no scenario object (scenario is ${kind(scenario)})`);
    record = scenario;
    const extra = Object.keys(json).filter((key) => !TOP_LEVEL_KEYS.has(key));
    if (extra.length > 0) notices.push(`Unknown entries in the file ignored: ${listed(extra)}.`);
    const rawPage = own(json, 'page');
    if (rawPage !== undefined && format !== RESULTS_FORMAT && format !== SUMMARY_FORMAT) {
      const decoded = pageFromFile(rawPage);
      page = decoded.page;
      notices.push(...decoded.notices);
    }
  } else {
    // A flat scenario object, as the CLI reads it.
    record = json;
  }

  const scenario: RawScenario = Object.create(null) as RawScenario;
  const unknown: string[] = [];
  for (const key of Object.keys(record)) {
    if (PARAM_KEY_SET.has(key)) scenario[key as keyof Scenario] = record[key];
    else unknown.push(key);
  }
  if (Object.keys(scenario).length === 0) {
    return fail(
      unknown.length > 0 ? `has no scenario parameters (only ${listed(unknown)})` : 'has an empty scenario',
    );
  }
  if (unknown.length > 0) notices.unshift(`Unknown scenario keys ignored: ${listed(unknown)}.`);
  return { ok: true, scenario, page, notices };
}
