/**
 * Names and links for exports, kept apart from the file builders (and papaparse) so the charts' export buttons
 * and Copy link stay light: the full share link and `<stem>-<short scenario hash>.<ext>` file names.
 */
import type { PageState } from '../../scenario/page';
import type { Scenario } from '../../scenario/schema';
import { encodeLink, encodeScenario } from '../../scenario/url';

/** The full share link: this page's address with the scenario and page state as the query. */
export function shareUrl(
  where: { readonly origin: string; readonly pathname: string },
  scenario: Scenario,
  page: PageState,
): string {
  return `${where.origin}${where.pathname}?${encodeLink(scenario, page)}`;
}

/** FNV-1a (32 bit) of the scenario's link as 8 hex digits: a short, stable name for files of one scenario. */
export function scenarioHash(scenario: Scenario): string {
  const text = encodeScenario(scenario);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** `<stem>-<scenario hash>.<ext>`, with the stem reduced to safe file-name characters. */
export function fileName(stem: string, scenario: Scenario, ext: string): string {
  const safe = stem.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
  return `${safe}-${scenarioHash(scenario)}.${ext}`;
}
