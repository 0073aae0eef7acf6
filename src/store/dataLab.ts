/**
 * The your-data lab's state (issue 15): the files loaded (their summaries; the tables live in the engine worker),
 * the schema inferred over them, the evaluation's progress and reports, which dataset the views show, and every
 * file's message when one could not be read. A file that fails is reported and left out; the others stay.
 * The page's scenario (playground.ts) holds the lab's settings and the files' names and fingerprints for links.
 */
import { create } from 'zustand';
import type { FilesCost } from '../data/evaluateCost';
import type { DatasetReport } from '../data/evaluate';
import type { Schema } from '../data/schema';
import type { ExperimentSummary } from '../engine/summary';
import { parseFiles, type FileRef, type FileRole } from '../scenario/labs/data/files';
import type { DataEvaluation, FileInfo } from '../worker/dataApi';

export interface LoadedFile extends FileInfo {
  readonly role: FileRole;
}

export interface LoadingFile {
  readonly slot: string;
  readonly name: string;
  readonly done: number;
  readonly total: number;
}

export type EvaluationStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface DataLabState {
  readonly files: readonly LoadedFile[];
  /** Files being read, with their progress (bytes). */
  readonly loading: readonly LoadingFile[];
  /** One message per file that could not be read or did not fit (naming the file, row and column). */
  readonly errors: readonly string[];
  /** The files a share link named (role, name, fingerprint): the page asks for them and compares. */
  readonly expected: readonly FileRef[];
  readonly schema: Schema | null;
  readonly schemaError: string | null;
  /** Columns the user left out, or kept although the rules leave them out (ID-like). */
  readonly exclude: readonly string[];
  readonly include: readonly string[];
  readonly status: EvaluationStatus;
  /** Per synthetic dataset, its summary so far (streamed while running). */
  readonly partial: readonly (ExperimentSummary | null)[];
  readonly evaluation: DataEvaluation | null;
  readonly runError: string | null;
  /** The dataset whose summary the Generalization and Ranking views show. */
  readonly chosen: number;
  /** What evaluating the loaded files with the current settings would cost on this device (an estimate). */
  readonly estimate: DataLabEstimate | null;
  /** Evaluate was asked for a run over the gate: the panel asks run anyway, fewer rows, or cancel. */
  readonly gate: boolean;
}

export interface DataLabEstimate {
  /** Wall-clock seconds on this device: one worker thread, scaled by the page's measured pace. */
  readonly seconds: number;
  readonly cost: FilesCost;
  /** The largest "most rows per file" within the gate; null when none is. */
  readonly rowsWithin: number | null;
  /** The pace applied (null: none measured yet, the reference machine's), and the threads it spreads over. */
  readonly factor: number | null;
  readonly threads: number;
}

export const EMPTY_DATA_LAB: DataLabState = {
  files: [],
  loading: [],
  errors: [],
  expected: [],
  schema: null,
  schemaError: null,
  exclude: [],
  include: [],
  status: 'idle',
  partial: [],
  evaluation: null,
  runError: null,
  chosen: 0,
  estimate: null,
  gate: false,
};

export const useDataLab = create<DataLabState>()(() => EMPTY_DATA_LAB);

/** The files in the order the schema and the evaluation take them. */
export function layoutOf(files: readonly LoadedFile[]) {
  const real = files.find((f) => f.role === 'real');
  if (!real) return null;
  return {
    real: real.slot,
    synthetic: files.filter((f) => f.role === 'synthetic').map((f) => f.slot),
    test: files.find((f) => f.role === 'test')?.slot ?? null,
  };
}

export function syntheticFiles(files: readonly LoadedFile[]): LoadedFile[] {
  return files.filter((f) => f.role === 'synthetic');
}

/**
 * What a share link's files say about the loaded ones: for each loaded file the link named (same role and name,
 * else the same role and place), a message when its fingerprint differs; and the named files not loaded yet.
 */
export function compareWithLink(
  expected: readonly FileRef[],
  files: readonly LoadedFile[],
): { differs: string[]; missing: FileRef[] } {
  const differs: string[] = [];
  const matched = new Set<FileRef>();
  const byRole = (role: FileRole) => expected.filter((r) => r.role === role);
  for (const role of ['real', 'synthetic', 'test'] as const) {
    const loaded = files.filter((f) => f.role === role);
    const named = byRole(role);
    loaded.forEach((file, i) => {
      const ref = named.find((r) => r.name === file.name && !matched.has(r)) ?? named[i];
      if (!ref || matched.has(ref)) return;
      matched.add(ref);
      if (ref.fingerprint !== file.fingerprint) {
        differs.push(
          `${file.name} differs from the ${role} file the link was made with (${ref.name}): its SHA-256 fingerprint is ${file.fingerprint.slice(0, 12)}…, the link's ${ref.fingerprint.slice(0, 12)}…. Its numbers will differ.`,
        );
      }
    });
  }
  return { differs, missing: expected.filter((r) => !matched.has(r)) };
}

/** The link's files, once, when the page opens on a your-data link. */
export function expectFromLink(files: string): void {
  useDataLab.setState({ expected: parseFiles(files).refs });
}

/** Which dataset the views show (clamped to the datasets there are). */
export function chooseDataset(index: number): void {
  const count = useDataLab.getState().evaluation?.reports.length ?? 0;
  useDataLab.setState({ chosen: Math.max(0, Math.min(index, Math.max(0, count - 1))) });
}

export function dismissDataErrors(): void {
  useDataLab.setState({ errors: [] });
}

/** The reports, if the evaluation finished. */
export function reportsOf(state: Pick<DataLabState, 'evaluation'>): readonly DatasetReport[] {
  return state.evaluation?.reports ?? [];
}
