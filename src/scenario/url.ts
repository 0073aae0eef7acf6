/**
 * Share links: the scenario as readable, versioned query parameters (`?v=1&eta=quadratic&shift=1.5&...`).
 * Decoding never throws and never lets an unchecked value through: unknown keys are dropped, bad values are
 * clamped or replaced by defaults (sanitize.ts), and each change comes back as a notice for the user.
 * Encoding writes every parameter of the scenario's lab (`lab=` first), so a link keeps its numbers even if a later
 * version changes defaults; a link without `lab=` is the simulated lab.
 */
import { DEFAULT_PAGE, decodePage, encodePage, PAGE_KEYS, type PageState } from './page';
import { LABS } from './labs/index';
import { printable } from './printable';
import { sanitizeScenario } from './sanitize';
import { defaultScenario, PARAM_KEYS, paramSpec, type Scenario } from './schema';

export const URL_VERSION = 3;

/** Old link formats are upgraded step by step: MIGRATIONS[v] turns a version-v query into version v + 1. */
const MIGRATIONS: Record<number, (query: Map<string, string>) => Map<string, string>> = {
  // v1 had three fixed models with k for kNN, and one replicate.
  1: (query) => {
    const k = query.get('k') ?? '10';
    query.delete('k');
    query.set('models', `ols;poly:degree=3;knn:k=${k}`);
    if (!query.has('R')) query.set('R', '1');
    return query;
  },
  // v3 added labs: a v2 link is a scenario of the simulated lab, its only lab then.
  2: (query) => {
    query.set('lab', 'simulated');
    return query;
  },
};

/** At most this many notices are listed; the rest are counted (one per parameter fits under it). */
const MAX_NOTICES = 16;
const MAX_QUERY_LENGTH = 16_384;

export interface DecodedLink {
  readonly scenario: Scenario;
  readonly notices: readonly string[];
}

export interface DecodedPageLink extends DecodedLink {
  readonly page: PageState;
  /**
   * The scenario parameters the link names (backend, and lab=simulated, aside). Links the app writes name all of them; a
   * hand-written `?preset=claim1` or `?present=1&deck=...` names none and means "that preset's scenario".
   */
  readonly scenarioKeys: readonly (keyof Scenario)[];
}

const PAGE_KEY_SET = new Set<string>(PAGE_KEYS);

const byUrlName = new Map(PARAM_KEYS.map((key) => [paramSpec(key).url, key]));

function readVersion(raw: string | undefined, notices: string[]): number {
  if (raw === undefined) return URL_VERSION;
  const v = /^\d{1,3}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (v === URL_VERSION) return v;
  if (v > URL_VERSION) {
    notices.push(
      `This link was made by a newer version of the playground (v=${v}); it was read as v=${URL_VERSION}.`,
    );
    return URL_VERSION;
  }
  if (v >= 1) return v;
  notices.push(`Unknown link version v=${printable(raw)}; the link was read as v=${URL_VERSION}.`);
  return URL_VERSION;
}

/** The scenario of a link; the page's keys (view, preset, lecture mode, sweep) are accepted and left out. */
export function decodeScenario(search: string): DecodedLink {
  const { scenario, notices } = decodeLink(search);
  return { scenario, notices };
}

/** A whole share link: the scenario, the page state, and one notice per thing that had to be replaced. */
export function decodeLink(search: string): DecodedPageLink {
  const notices: string[] = [];
  let text = search.startsWith('?') ? search.slice(1) : search;
  if (text.length > MAX_QUERY_LENGTH) {
    notices.push(`The link is ${text.length} characters long; only the first ${MAX_QUERY_LENGTH} were read.`);
    text = text.slice(0, MAX_QUERY_LENGTH);
  }
  let query = new Map<string, string>();
  const repeated = new Set<string>();
  for (const [key, value] of new URLSearchParams(text)) {
    if (query.has(key)) repeated.add(printable(key));
    else query.set(key, value);
  }
  if (repeated.size > 0) {
    notices.push(`Repeated in the link, first value used: ${[...repeated].slice(0, 8).join(', ')}.`);
  }
  let version = readVersion(query.get('v'), notices);
  query.delete('v');
  while (version < URL_VERSION) {
    const migrate = MIGRATIONS[version];
    if (migrate) query = migrate(query);
    version++;
  }

  const { page, notices: pageNotices } = decodePage(query);
  const raw: Partial<Record<keyof Scenario, unknown>> = {};
  const unknown: string[] = [];
  for (const [name, value] of query) {
    if (PAGE_KEY_SET.has(name)) continue;
    const key = byUrlName.get(name);
    if (key === undefined) unknown.push(printable(name));
    else raw[key] = value;
  }
  if (unknown.length > 0) {
    notices.push(`Unknown link parameter${unknown.length > 1 ? 's' : ''} ignored: ${unknown.join(', ')}.`);
  }
  const { scenario, notices: valueNotices } = sanitizeScenario(raw, defaultScenario());
  notices.push(...valueNotices, ...pageNotices);
  const shown = notices.length > MAX_NOTICES ? notices.slice(0, MAX_NOTICES - 1) : notices;
  if (shown.length < notices.length) shown.push(`…and ${notices.length - shown.length} more problems.`);
  // The backend says where a scenario runs, not which one; lab=simulated (what migrated v2 links name) is the
  // default lab: a link naming only them (and a preset) is still a hand-written classroom link.
  const scenarioKeys = (Object.keys(raw) as (keyof Scenario)[]).filter(
    (key) => key !== 'backend' && !(key === 'lab' && scenario.lab === 'simulated'),
  );
  return { scenario, page, notices: shown, scenarioKeys };
}

/** Percent-encodes what must be, but keeps the model list readable (';', ':', '=' and ',' stay as they are). */
function encodeValue(text: string): string {
  return encodeURIComponent(text)
    .replace(/%3B/g, ';')
    .replace(/%3A/g, ':')
    .replace(/%3D/g, '=')
    .replace(/%2C/g, ',');
}

/**
 * The query string (without '?') of a share link; `backend` only when forced, and the study's parameters only
 * where they differ from their defaults or count (links without a study read as before the studies came).
 */
export function encodeScenario(scenario: Scenario): string {
  const parts = [`v=${URL_VERSION}`];
  const keys = LABS[scenario.lab].keys;
  for (const key of PARAM_KEYS) {
    if (!keys.has(key)) continue;
    const value = scenario[key];
    if (key === 'backend' && value === 'auto') continue;
    const spec = paramSpec(key);
    if (spec.group === 'study' && value === spec.default && !(spec.relevant?.(scenario) ?? false)) continue;
    parts.push(`${paramSpec(key).url}=${encodeValue(String(value))}`);
  }
  return parts.join('&');
}

/** The query string of a share link with the page's state (only what differs from the default page). */
export function encodeLink(scenario: Scenario, page: PageState = DEFAULT_PAGE): string {
  return [encodeScenario(scenario), ...encodePage(page)].join('&');
}
