/** `--scenario`: a share link (full URL or its query) or a JSON scenario file, read through the same sanitizer as the page. */
import { existsSync, readFileSync } from 'node:fs';
import { sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario, PARAM_KEYS, type Scenario } from '../scenario/schema';
import { decodeScenario } from '../scenario/url';
import { CliError } from './errors';

export function readScenario(input: string): { scenario: Scenario; notices: readonly string[] } {
  const text = input.trim();
  if (existsSync(text)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(text, 'utf8'));
    } catch (error) {
      throw new CliError(
        `${text}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (!json || typeof json !== 'object' || Array.isArray(json))
      throw new CliError(`${text}: expected a JSON object`);
    // A scenario file saved by the page ({ format, version, scenario, page }) or a flat scenario object.
    const record = ('scenario' in json ? (json as { scenario: unknown }).scenario : json) as Record<
      string,
      unknown
    >;
    if (!record || typeof record !== 'object' || Array.isArray(record))
      throw new CliError(`${text}: "scenario" must be a JSON object`);
    const unknown = Object.keys(record).filter((k) => !(PARAM_KEYS as string[]).includes(k));
    const { scenario, notices } = sanitizeScenario(record, defaultScenario());
    return {
      scenario,
      notices: unknown.length ? [`unknown keys ignored: ${unknown.join(', ')}`, ...notices] : notices,
    };
  }
  const query = text.includes('?') ? text.slice(text.indexOf('?')) : text;
  if (!query.includes('='))
    throw new CliError(`--scenario "${text}" is neither a file nor a share link (?v=2&...)`);
  return decodeScenario(query);
}
