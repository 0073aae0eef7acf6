/** A name or value from outside (a link, a file) made safe to show in a notice: printable ASCII, at most 24 characters. */
export function printable(text: unknown): string {
  const clean = String(text).replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}
