/**
 * File bytes from wherever the caller has them: an ArrayBuffer or Uint8Array (the CLI, tests, a worker that got
 * the bytes) or a Blob / File (the page, a worker given the File): a Blob is read a slice at a time, so a large
 * file is never held twice. UTF-8 decoding checks every byte and names the line of the first bad one.
 */
import { DataError } from './errors';

export type Source = ArrayBuffer | Uint8Array | Blob;

const CHUNK = 4 << 20;

export function sizeOf(source: Source): number {
  return source instanceof Blob ? source.size : source.byteLength;
}

/** Bytes [start, end) of a source (end clamped to its size). */
export async function slice(source: Source, start: number, end: number): Promise<Uint8Array> {
  if (source instanceof Blob) return new Uint8Array(await source.slice(start, end).arrayBuffer());
  const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
  return bytes.subarray(start, Math.min(end, bytes.length));
}

/** Length of the valid UTF-8 sequence starting at bytes[i], or 0 when it is not valid. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let need: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) low = 0xa0;
    if (b === 0xed) high = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) low = 0x90;
    if (b === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return 0;
  }
  return need + 1;
}

/** Offset of the first byte of `bytes` (from `from`) that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/** The error for a file that is not UTF-8 within its first `end` bytes: the line and byte of the first bad one. */
export async function notUtf8(name: string, source: Source, end: number): Promise<DataError> {
  // Rare: read the file again from the start to find the first bad byte and its line.
  const all = await slice(source, 0, end);
  const bad = firstInvalidUtf8(all);
  const at = bad < 0 ? all.length - 1 : bad;
  return new DataError(
    name,
    `not UTF-8 text (byte 0x${all[at]!.toString(16).toUpperCase().padStart(2, '0')} at byte ${at + 1}` +
      ` of the file); a Latin-1 or Windows-1252 file looks like this: save it as UTF-8`,
    { line: 1 + countNewlines(all, at) },
  );
}

/**
 * The source as text: UTF-8, a byte-order mark dropped. Invalid UTF-8 (a Latin-1 or Windows-1252 file, say) is
 * refused with the line and byte of the first bad byte.
 */
export async function decodeUtf8(name: string, source: Source): Promise<string> {
  const size = sizeOf(source);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  for (let start = 0; start < size; start += CHUNK) {
    const bytes = await slice(source, start, start + CHUNK);
    try {
      parts.push(decoder.decode(bytes, { stream: start + CHUNK < size }));
    } catch {
      throw await notUtf8(name, source, Math.min(size, start + CHUNK));
    }
  }
  const text = parts.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The whole source as bytes (a copy only when it is a Blob). */
export async function wholeBytes(source: Source): Promise<Uint8Array<ArrayBuffer>> {
  if (source instanceof Blob) return new Uint8Array(await source.arrayBuffer());
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  return source.buffer instanceof ArrayBuffer ? (source as Uint8Array<ArrayBuffer>) : new Uint8Array(source);
}
