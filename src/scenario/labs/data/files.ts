/**
 * The `files=` value of a your-data link: for each file its role, SHA-256 fingerprint and name, never its data,
 * as `r:<hex>:<name>;s:<hex>:<name>;t:<hex>:<name>` (r real, s synthetic, t test). Reading one never throws: an
 * entry that is not well formed (a bad fingerprint, an unknown role, a second real file, a ninth synthetic one) is
 * dropped with a notice, so a hand-edited link still opens.
 */
export type FileRole = 'real' | 'synthetic' | 'test';

export interface FileRef {
  readonly role: FileRole;
  readonly name: string;
  /** SHA-256 of the file's bytes, 64 lower-case hex digits. */
  readonly fingerprint: string;
}

export const MAX_SYNTHETIC_FILES = 8;
const MAX_NAME = 120;
const CODES: Readonly<Record<string, FileRole>> = { r: 'real', s: 'synthetic', t: 'test' };
const CODE_OF: Readonly<Record<FileRole, string>> = { real: 'r', synthetic: 's', test: 't' };
const HEX64 = /^[0-9a-f]{64}$/;

/** A file name as a link can carry it: no ';' (the separator) or control characters, at most 120 characters. */
export function linkName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[;\u0000-\u001f\u007f]/g, '_').trim();
  return clean.length > MAX_NAME ? clean.slice(0, MAX_NAME) : clean || 'file';
}

export function formatFiles(refs: readonly FileRef[]): string {
  return refs.map((r) => `${CODE_OF[r.role]}:${r.fingerprint}:${linkName(r.name)}`).join(';');
}

function shortText(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}

export function parseFiles(text: string): { refs: FileRef[]; notices: string[] } {
  const refs: FileRef[] = [];
  const notices: string[] = [];
  const entries = text.trim() === '' ? [] : text.split(';');
  entries.forEach((entry, i) => {
    const place = `files: entry ${i + 1}`;
    const [code = '', hex = '', ...rest] = entry.trim().split(':');
    const role = CODES[code.toLowerCase()];
    const fingerprint = hex.toLowerCase();
    const name = rest.join(':').trim();
    if (!role) return notices.push(`${place} ("${shortText(entry)}") has no role r, s or t; dropped.`);
    if (!HEX64.test(fingerprint))
      return notices.push(
        `${place} (${shortText(name || entry)}) has no valid SHA-256 fingerprint; dropped.`,
      );
    if (name === '') return notices.push(`${place} has no file name; dropped.`);
    const same = refs.filter((r) => r.role === role).length;
    if (role !== 'synthetic' && same > 0) return notices.push(`${place}: a second ${role} file; dropped.`);
    if (role === 'synthetic' && same >= MAX_SYNTHETIC_FILES)
      return notices.push(`${place}: more than ${MAX_SYNTHETIC_FILES} synthetic files; dropped.`);
    refs.push({ role, fingerprint, name: linkName(name) });
    return undefined;
  });
  return { refs, notices };
}
