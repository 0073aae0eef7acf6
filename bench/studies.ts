/**
 * The studies of issue 14 as a user runs them: `npm run cli -- run --scenario "<link>"` as typed (helper threads,
 * the cost line and the study's summary included), beside bench/reference/studies.py doing the same work the
 * scikit-learn way (R replicates, n = m = 1,000, 2,000 test points, OLS and kNN with k = 10, and each study's
 * extra fits), in the same call.
 */
import { spawnSync } from 'node:child_process';
import { findPython } from './sklearn';

export interface StudyFigures {
  readonly study: string;
  readonly link: string;
  /** Seconds of the CLI command as typed (null: it failed). */
  readonly cliS: number | null;
  /** Seconds of the scikit-learn script's work, imports excluded (null: no Python with scikit-learn). */
  readonly sklearnS: number | null;
  /** Seconds of the scikit-learn script as a command, Python's start and imports included. */
  readonly sklearnProcessS: number | null;
}

const BASE = 'eta=linear&p=2&sigma=0.5&n=1000&m=1000&test=2000&models=ols;knn:k=10';
const STUDIES = {
  collapse: 'study=collapse&gen=gaussian&gens=10',
  mix: 'study=mix',
  ensemble: 'study=ensemble&members=5',
  select: 'study=select&holdout=0.3',
} as const;

export function benchStudies(replicates: number): StudyFigures[] {
  const python = findPython();
  return Object.entries(STUDIES).map(([study, part]) => {
    const link = `?${part}&${BASE}&R=${replicates}`;
    const began = Date.now();
    const cli = spawnSync('npm', ['run', '-s', 'cli', '--', 'run', '--scenario', link], { encoding: 'utf8' });
    const cliS = cli.status === 0 ? (Date.now() - began) / 1000 : null;
    const started = Date.now();
    const reference = python
      ? spawnSync(
          python,
          ['bench/reference/studies.py', '--study', study, '--replicates', String(replicates), '--json'],
          { encoding: 'utf8' },
        )
      : null;
    const sklearnProcessS = reference?.status === 0 ? (Date.now() - started) / 1000 : null;
    const sklearnS =
      reference?.status === 0 ? (JSON.parse(reference.stdout) as { seconds: number }).seconds : null;
    return { study, link, cliS, sklearnS, sklearnProcessS };
  });
}
