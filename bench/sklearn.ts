/** Runs bench/reference/s1.py when a python3 with scikit-learn is installed (Debian: python3-sklearn). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SklearnFigures {
  readonly python: string;
  readonly sklearn: string;
  readonly wall_s: number;
  readonly fits: number;
  readonly fits_per_s: number;
  readonly per_model_s: Record<string, number>;
  readonly trtr: Record<string, number>;
  readonly tstr: Record<string, number>;
}

const SCRIPT = fileURLToPath(new URL('./reference/s1.py', import.meta.url));

/** The first interpreter that imports sklearn: $BENCH_PYTHON, python3 on the PATH, then Debian's. */
export function findPython(): string | null {
  const candidates = [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3'].filter(
    (c): c is string => !!c,
  );
  return (
    candidates.find(
      (python) => spawnSync(python, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0,
    ) ?? null
  );
}

export function runSklearn(python: string, replicates: number): SklearnFigures {
  const out = spawnSync(python, [SCRIPT, '--json', '--replicates', String(replicates)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (out.status !== 0) throw new Error(`${SCRIPT} failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as SklearnFigures;
}
