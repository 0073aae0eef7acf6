import { describe, expect, it } from 'vitest';
import { failure, readText, values } from './testing';

// The first records of vega-datasets' penguins.json and cars.json, as shipped (nulls and "." included).
const penguins = `[
  {"Species": "Adelie", "Island": "Torgersen", "Beak Length (mm)": 39.1, "Beak Depth (mm)": 18.7,
   "Flipper Length (mm)": 181, "Body Mass (g)": 3750, "Sex": "MALE"},
  {"Species": "Adelie", "Island": "Torgersen", "Beak Length (mm)": null, "Beak Depth (mm)": null,
   "Flipper Length (mm)": null, "Body Mass (g)": null, "Sex": null},
  {"Species": "Gentoo", "Island": "Biscoe", "Beak Length (mm)": 44.5, "Beak Depth (mm)": 15.7,
   "Flipper Length (mm)": 217, "Body Mass (g)": 4875, "Sex": "."}
]`;
const cars = `[
   {"Name":"chevrolet chevelle malibu","Miles_per_Gallon":18,"Cylinders":8,"Displacement":307,
    "Horsepower":130,"Weight_in_lbs":3504,"Acceleration":12,"Year":"1970-01-01","Origin":"USA"},
   {"Name":"ford pinto","Miles_per_Gallon":25,"Cylinders":4,"Displacement":98,
    "Horsepower":null,"Weight_in_lbs":2046,"Acceleration":19,"Year":"1971-01-01","Origin":"USA"}
]`;

describe('JSON records', () => {
  it("reads vega-datasets' penguins: numbers, text, null and '.' as missing", async () => {
    const table = await readText('penguins.json', penguins);
    expect(table.format).toBe('json');
    expect(table.columns).toEqual([
      'Species',
      'Island',
      'Beak Length (mm)',
      'Beak Depth (mm)',
      'Flipper Length (mm)',
      'Body Mass (g)',
      'Sex',
    ]);
    expect(values(table, 'Beak Length (mm)')).toEqual([39.1, null, 44.5]);
    expect(values(table, 'Sex')).toEqual(['MALE', null, null]);
    expect(Array.from(table.origin)).toEqual([1, 2, 3]);
    expect(table.originKind).toBe('row');
  });

  it("reads vega-datasets' cars, dates as text", async () => {
    const table = await readText('cars.json', cars);
    expect(values(table, 'Horsepower')).toEqual([130, null]);
    expect(values(table, 'Year')).toEqual(['1970-01-01', '1971-01-01']);
  });

  it('takes the union of keys; a missing key is a missing value; booleans become text', async () => {
    const table = await readText('u.json', '[{"a": 1, "b": true}, {"c": "x", "a": "2.5"}]');
    expect(table.columns).toEqual(['a', 'b', 'c']);
    expect(values(table, 'a')).toEqual([1, 2.5]);
    expect(values(table, 'b')).toEqual(['true', null]);
    expect(values(table, 'c')).toEqual([null, 'x']);
  });

  it('reads JSON Lines', async () => {
    const table = await readText('l.jsonl', '{"a": 1, "y": 0}\n\n{"a": 2, "y": 1}\n');
    expect(values(table, 'a')).toEqual([1, 2]);
  });

  it('refuses nested values, non-records, bad JSON and empty arrays, naming the place', async () => {
    expect(await failure(readText('n.json', '[{"a": 1}, {"a": {"b": 2}}]'))).toBe(
      'n.json row 2, column "a": a nested object or array; flatten the records first',
    );
    expect(await failure(readText('n.json', '[{"a": 1}, 3]'))).toBe(
      'n.json row 2: not a record (each row must be an object of column: value)',
    );
    expect(await failure(readText('n.json', '[]'))).toBe(
      'n.json: no records (an array of objects, one per row, is needed)',
    );
    expect(await failure(readText('n.json', '[{"a": 1},\n {"a": 2,}]'))).toMatch(
      /^n\.json line 2: not valid JSON/,
    );
    expect(await failure(readText('n.json', '[{"a": "inf"}]'))).toMatch(
      /^n\.json row 1, column "a": "inf" is infinite/,
    );
    expect(await failure(readText('n.json', '[{"a": 1}, {"a": 1e999}]'))).toBe(
      'n.json row 2, column "a": a number beyond the range of 64-bit floats (about ±1.8e308)',
    );
    expect(await failure(readText('n.jsonl', '{"a": 1}\n{"a": 2\n'))).toMatch(
      /^n\.jsonl line 2: not valid JSON/,
    );
  });
});
