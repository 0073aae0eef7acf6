/** Properties of the encoding over random tables: column order does not matter, one-hot rows sum to 1. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode, median, type EncodeOptions } from './encode';
import { inferSchema } from './schema';
import type { ColumnData, RawTable } from './table';

type Spec = { name: string; numeric: boolean; values: (number | string | null)[] };

function table(name: string, specs: readonly Spec[]): RawTable {
  const rows = specs[0]!.values.length;
  const data = specs.map((s): ColumnData =>
    s.numeric
      ? { kind: 'number', values: Float64Array.from(s.values, (v) => (v === null ? NaN : (v as number))) }
      : { kind: 'text', values: s.values.map((v) => (v === null ? null : String(v))) },
  );
  return {
    name,
    format: 'csv',
    columns: specs.map((s) => s.name),
    data,
    rows,
    origin: Int32Array.from({ length: rows }, (_, i) => i + 1),
    originKind: 'row',
    fileRows: rows,
    notices: [],
  };
}

const cell = (numeric: boolean) =>
  fc.option<number | string>(
    numeric ? fc.integer({ min: -50, max: 50 }) : fc.constantFrom('a', 'b', 'c', 'd'),
    {
      nil: null,
      freq: 5,
    },
  );

/** A file's columns: features f0.. (numeric or categorical) and a complete numeric target y. */
const file = (kinds: readonly boolean[], rows: number) =>
  fc
    .tuple(
      ...kinds.map((numeric) => fc.array(cell(numeric), { minLength: rows, maxLength: rows })),
      fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: rows, maxLength: rows }),
    )
    .filter((columns) => columns.slice(0, -1).every((c) => c.some((v) => v !== null)))
    .map((columns): Spec[] =>
      columns.map((values, j) => ({
        name: j < kinds.length ? `f${j}` : 'y',
        numeric: j < kinds.length ? kinds[j]! : true,
        values,
      })),
    );

const files = fc
  .record({
    kinds: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
    n: fc.integer({ min: 2, max: 8 }),
  })
  .chain(({ kinds, n }) =>
    fc.record({
      real: file(kinds, n),
      synthetic: file(kinds, n + 1),
      order: fc.shuffledSubarray([...Array(kinds.length + 1).keys()], {
        minLength: kinds.length + 1,
        maxLength: kinds.length + 1,
      }),
      options: fc.constantFrom<EncodeOptions>({ missing: 'impute' }, { missing: 'drop' }),
    }),
  );

function encodeAll(real: Spec[], synthetic: Spec[], options: EncodeOptions) {
  const tables = { real: table('real.csv', real), synthetic: [table('syn.csv', synthetic)] };
  return encode(tables, inferSchema(tables, { target: 'y', task: 'regression' }), options);
}

describe('encoding properties', () => {
  it('does not depend on the order of the columns in the synthetic file', () => {
    fc.assert(
      fc.property(files, ({ real, synthetic, order, options }) => {
        let a;
        try {
          a = encodeAll(real, synthetic, options);
        } catch {
          return; // dropping every row with a missing value may leave none: a refusal, the same either way
        }
        const b = encodeAll(
          real,
          order.map((j) => synthetic[j]!),
          options,
        );
        expect(b.encoding.features).toEqual(a.encoding.features);
        expect(b.real.x.data).toEqual(a.real.x.data);
        expect(b.synthetic[0]!.x.data).toEqual(a.synthetic[0]!.x.data);
        expect(b.synthetic[0]!.y).toEqual(a.synthetic[0]!.y);
      }),
      { numRuns: 200 },
    );
  });

  it('one-hot columns of a categorical column sum to 1 in every row', () => {
    fc.assert(
      fc.property(files, ({ real, synthetic, options }) => {
        let out;
        try {
          out = encodeAll(real, synthetic, options);
        } catch {
          return;
        }
        for (const sample of [out.real, out.synthetic[0]!]) {
          for (const column of out.encoding.columns.filter((c) => c.kind === 'categorical')) {
            for (let i = 0; i < sample.x.rows; i++) {
              let sum = 0;
              for (let k = 0; k < column.categories.length; k++)
                sum += sample.x.data[i * sample.x.cols + column.offset + k]!;
              expect(sum).toBe(1);
            }
          }
          expect(sample.x.data.every((v) => Number.isFinite(v))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('fills the real file from its own statistics: the synthetic values never change it', () => {
    fc.assert(
      fc.property(files, ({ real, synthetic }) => {
        // Another synthetic file: every number shifted by 1000, every missing cell filled.
        const other = synthetic.map((s) =>
          s.name === 'y' || !s.numeric
            ? s
            : { ...s, values: s.values.map((v) => (v === null ? 7 : (v as number) + 1000)) },
        );
        const a = encodeAll(real, synthetic, { missing: 'impute' });
        const b = encodeAll(real, other, { missing: 'impute' });
        expect(b.encoding.features).toEqual(a.encoding.features);
        expect(b.real.x.data).toEqual(a.real.x.data);
      }),
      { numRuns: 100 },
    );
  });

  it('imputes numbers with the median of the present values (quickselect agrees with sorting)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }), {
          minLength: 1,
          maxLength: 40,
        }),
        (values) => {
          const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
          if (present.length === 0) return;
          const mid = present.length >> 1;
          const expected = present.length % 2 ? present[mid]! : (present[mid - 1]! + present[mid]!) / 2;
          expect(median(values)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
