/**
 * The your-data lab's side of the engine worker (issue 15): the user's files are read, fingerprinted, matched
 * into one schema, encoded and evaluated here, off the page's thread. Parsed tables stay in this worker, keyed by
 * the page's slot ids ('real', 'test', 'synthetic-3'...); only file summaries, the schema and the reports cross
 * back. Every refusal is the DataError's message, naming the file (and line, row or column).
 */
import { drawFitted, type FittedGeneratorKind } from '../engine/generators/fitted';
import { stream } from '../engine/rng';
import type { ExperimentPlan } from '../engine/plan';
import { Cancelled, type ReplicateLane } from '../engine/run';
import { decodeCsv } from '../data/decode';
import type { ExperimentSummary } from '../engine/summary';
import {
  encode,
  fingerprint,
  inferSchema,
  readTable,
  type RawTable,
  type Schema,
  type SchemaOptions,
} from '../data/index';
import { estimateFilesCost, filesWallSeconds, rowsWithin, type FilesCost } from '../data/evaluateCost';
import type { Pace } from '../engine/cost';
import type { Encoded } from '../data/encode';
import { evaluateFiles, type DatasetReport, type FilesSettings } from '../data/evaluate';

/** What the page learns about a file it gave: never its data. */
export interface FileInfo {
  readonly slot: string;
  readonly name: string;
  readonly bytes: number;
  readonly fingerprint: string;
  readonly rows: number;
  readonly columns: readonly string[];
  readonly notices: readonly string[];
}

/** Which slots play which part: the real training file, the synthetic files in order, the test file. */
export interface FileLayout {
  readonly real: string;
  readonly synthetic: readonly string[];
  readonly test: string | null;
}

export interface EvaluateRequest {
  readonly layout: FileLayout;
  readonly schema: SchemaOptions;
  readonly missing: 'impute' | 'drop';
  /** A target of more than two classes: the class told apart from the rest. */
  readonly positiveClass?: string;
  readonly settings: FilesSettings;
}

export interface DataEvaluation {
  readonly reports: readonly DatasetReport[];
  /** What encoding did (rows dropped, cells imputed, unseen categories), one line each, and its summary. */
  readonly notices: readonly string[];
  readonly summary: string;
}

/** A built-in generator fitted on the real file (encoded as the schema says), seeded. */
export interface GenerateRequest {
  readonly real: string;
  readonly schema: SchemaOptions;
  readonly missing: 'impute' | 'drop';
  readonly positiveClass?: string;
  readonly kind: FittedGeneratorKind;
  readonly seed: number;
}

/** An evaluation's estimate before it runs (data/cost.ts), and the most rows per file that fit a budget. */
export interface DataEstimate {
  readonly cost: FilesCost;
  /** Wall-clock seconds at the pace asked for (threads, the device's factor). */
  readonly seconds: number;
  /** The largest "most rows per file" step within `budgetSeconds`; null when none is. */
  readonly rowsWithin: number | null;
}

export interface DataApi {
  /** A synthetic version of the real file by a built-in generator, as CSV text (as many rows as the real file). */
  dataGenerate(request: GenerateRequest): { name: string; text: string };
  /** Reads one file (a File or Blob: its bytes are read here, off the page) into a slot; rejects with its message. */
  dataRead(
    slot: string,
    name: string,
    file: Blob,
    onProgress?: (done: number, total: number) => void,
  ): Promise<FileInfo>;
  /** Forgets a slot's table (or every table). */
  dataForget(slot: string | null): void;
  /** The schema of the loaded files; rejects with the message of a file that does not fit it. */
  dataSchema(layout: FileLayout, options: SchemaOptions): Schema;
  /** Every synthetic dataset's report; null when cancelled (dataCancel, or a newer evaluation). */
  dataEvaluate(
    request: EvaluateRequest,
    onProgress?: (index: number, summary: ExperimentSummary) => void,
  ): Promise<DataEvaluation | null>;
  dataCancel(): void;
  /**
   * What `request` would cost (seconds of one thread of the reference machine, and the wall-clock time at
   * `pace`) and the most rows per file whose wall-clock time is within `budgetSeconds`.
   */
  dataEstimate(request: EvaluateRequest, budgetSeconds: number, pace: Pace): DataEstimate;
}

/**
 * Helper threads for an evaluation's replicates (the engine worker's farm; none in tests and on the page's
 * thread): lanes for a plan, recorded under `runs`, and stopping them.
 */
export interface DataHelpers {
  lanes(runs: number[], plan: ExperimentPlan): ReplicateLane[];
  stop(runs: readonly number[]): void;
}

export function createDataApi(helpers: DataHelpers | null = null): DataApi {
  let runs: number[] = [];
  const tables = new Map<string, RawTable>();
  let latest = 0;
  // The last encoding, reused while the files and their schema settings stay (an estimate, then the evaluation).
  let encoding: { key: string; value: { encoded: Encoded; names: string[] } } | null = null;
  const encodedFor = (request: Pick<EvaluateRequest, 'layout' | 'schema' | 'missing' | 'positiveClass'>) => {
    const key = JSON.stringify([request.layout, request.schema, request.missing, request.positiveClass]);
    if (encoding?.key === key) return encoding.value;
    const data = files(request.layout);
    const schema = inferSchema(data, request.schema);
    const value = {
      encoded: encode(data, schema, { missing: request.missing, positiveClass: request.positiveClass }),
      names: data.synthetic.map((t) => t.name),
    };
    encoding = { key, value };
    return value;
  };
  const table = (slot: string): RawTable => {
    const found = tables.get(slot);
    if (!found) throw new Error(`the file for "${slot}" is not loaded; choose it again`);
    return found;
  };
  const files = (layout: FileLayout) => ({
    real: table(layout.real),
    synthetic: layout.synthetic.map(table),
    ...(layout.test !== null ? { test: table(layout.test) } : {}),
  });
  return {
    async dataRead(slot, name, file, onProgress) {
      tables.delete(slot);
      encoding = null;
      const bytes = await file.arrayBuffer();
      const read = await readTable(name, bytes, onProgress ? { onProgress } : {});
      const hex = await fingerprint(bytes);
      tables.set(slot, read);
      return {
        slot,
        name,
        bytes: bytes.byteLength,
        fingerprint: hex,
        rows: read.rows,
        columns: read.columns,
        notices: read.notices,
      };
    },
    dataForget(slot) {
      encoding = null;
      if (slot === null) tables.clear();
      else tables.delete(slot);
    },
    // With the real file alone (no synthetic one yet), its own schema: the target and task can be chosen first.
    dataSchema: (layout, options) => {
      const data = files(layout);
      if (data.synthetic.length > 0) return inferSchema(data, options);
      // The real file stands in for the synthetic one it needs; its second column of counts is dropped.
      const schema = inferSchema({ ...data, synthetic: [data.real] }, options);
      const keep = (_: unknown, i: number) => i !== 1;
      return {
        ...schema,
        files: schema.files.filter(keep),
        columns: schema.columns.map((c) => ({ ...c, missing: c.missing.filter(keep) })),
      };
    },
    dataGenerate(request) {
      // The encoding is fitted on the real file alone; encode() wants a synthetic file, so the real one stands in.
      const real = table(request.real);
      const data = { real, synthetic: [real] };
      const schema = inferSchema(data, request.schema);
      const encoded = encode(data, schema, {
        missing: request.missing,
        positiveClass: request.positiveClass,
      });
      const rand = stream(request.seed, `generate-${request.kind}`);
      const settings = { kind: request.kind, components: 3, neighbors: 5 };
      const sample = drawFitted(encoded.real, schema.task, settings, encoded.real.x.rows, rand);
      const base = data.real.name.replace(/\.[a-z]+$/i, '');
      return {
        name: `${base} ${request.kind} seed ${request.seed}.csv`,
        text: decodeCsv(sample, encoded.encoding),
      };
    },
    async dataEvaluate(request, onProgress) {
      const id = ++latest;
      const { encoded, names } = encodedFor(request);
      helpers?.stop(runs);
      const mine: number[] = (runs = []);
      try {
        const reports = await evaluateFiles(encoded, names, request.settings, {
          isCancelled: () => id !== latest,
          ...(helpers ? { farm: (plan: ExperimentPlan) => helpers.lanes(mine, plan) } : {}),
          ...(onProgress ? { onProgress } : {}),
        });
        return { reports, notices: encoded.notices, summary: encoded.summary };
      } catch (error) {
        if (error instanceof Cancelled) return null;
        throw error;
      } finally {
        helpers?.stop(mine);
      }
    },
    dataCancel() {
      latest++;
      helpers?.stop(runs);
    },
    dataEstimate(request, budgetSeconds, pace) {
      const { encoded } = encodedFor(request);
      const cost = estimateFilesCost(encoded, request.settings);
      return {
        cost,
        seconds: filesWallSeconds(cost, pace),
        rowsWithin: rowsWithin(encoded, request.settings, budgetSeconds, pace),
      };
    },
  };
}
