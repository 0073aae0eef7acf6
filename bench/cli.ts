/**
 * The headless CLI as a user types it (`npm run cli -- run --scenario "?<S1 link>"`: npm, tsx, Node's start, the
 * WASM backend, the helper threads, the printed table), in turn with `python3 bench/reference/s1.py` (the plain
 * scikit-learn way, also started as typed), a few pairs, median wall time of each.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Workload } from './workloads';

export interface CliFigures {
  /** The command timed, as a user would type it. */
  readonly command: string;
  readonly backend: 'wasm' | 'cpu';
  readonly pairs: number;
  readonly cliS: number[];
  readonly sklearnS: number[];
  readonly cliMedianS: number;
  readonly sklearnMedianS: number | null;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./reference/s1.py', import.meta.url));

function timed(command: string, args: readonly string[]): number {
  const started = performance.now();
  const out = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${out.stderr.slice(-2000)}`);
  return (performance.now() - started) / 1000;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function benchCli(
  s1: Workload,
  python: string | null,
  backend: 'wasm' | 'cpu' = 'wasm',
  pairs = 2,
): CliFigures {
  const args = ['run', 'cli', '--', 'run', '--scenario', `?${s1.link}`];
  if (backend !== 'wasm') args.push('--backend', backend);
  const cliS: number[] = [];
  const sklearnS: number[] = [];
  for (let i = 0; i < pairs; i++) {
    cliS.push(timed('npm', args));
    if (python) sklearnS.push(timed(python, [SCRIPT, '--replicates', String(s1.scenario.replicates)]));
  }
  return {
    command: `npm ${args.slice(0, 5).join(' ')} "${args[5]}"${backend !== 'wasm' ? ` --backend ${backend}` : ''}`,
    backend,
    pairs,
    cliS,
    sklearnS,
    cliMedianS: median(cliS),
    sklearnMedianS: sklearnS.length > 0 ? median(sklearnS) : null,
  };
}
