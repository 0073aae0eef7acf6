/**
 * The example datasets the lab plans to offer (vega-datasets' penguins.json and cars.json), end to end on a few
 * of their records as shipped: read, schema, encode.
 */
import { describe, expect, it } from 'vitest';
import { encode } from './encode';
import { readTable } from './read';
import { inferSchema } from './schema';
import { bytes } from './testing';

const penguin = (
  species: string,
  island: string,
  beak: number | null,
  mass: number | null,
  sex: string | null,
) => ({ Species: species, Island: island, 'Beak Length (mm)': beak, 'Body Mass (g)': mass, Sex: sex });
const penguins = [
  penguin('Adelie', 'Torgersen', 39.1, 3750, 'MALE'),
  penguin('Adelie', 'Torgersen', null, null, null),
  penguin('Adelie', 'Biscoe', 37.8, 3400, 'FEMALE'),
  penguin('Gentoo', 'Biscoe', 44.5, 4875, '.'),
  penguin('Gentoo', 'Biscoe', 46.1, 4500, 'FEMALE'),
  penguin('Chinstrap', 'Dream', 46.5, 3500, 'FEMALE'),
  penguin('Chinstrap', 'Dream', 50, 3900, 'MALE'),
  penguin('Gentoo', 'Biscoe', 50, 5700, 'MALE'),
];
const car = (
  name: string,
  mpg: number | null,
  cylinders: number,
  hp: number | null,
  year: string,
  origin: string,
) => ({
  Name: name,
  Miles_per_Gallon: mpg,
  Cylinders: cylinders,
  Horsepower: hp,
  Year: year,
  Origin: origin,
});
const cars = [
  car('chevrolet chevelle malibu', 18, 8, 130, '1970-01-01', 'USA'),
  car('buick skylark 320', 15, 8, 165, '1970-01-01', 'USA'),
  car('citroen ds-21 pallas', null, 4, 115, '1970-01-01', 'Europe'),
  car('ford pinto', 25, 4, null, '1971-01-01', 'USA'),
  car('datsun pl510', 27, 4, 88, '1971-01-01', 'Japan'),
  car('volkswagen 1131 deluxe sedan', 26, 4, 46, '1970-01-01', 'Europe'),
  car('toyota corona mark ii', 24, 4, 95, '1970-01-01', 'Japan'),
  car('amc hornet', 18, 6, 97, '1970-01-01', 'USA'),
  car('ford maverick', 21, 6, 85, '1970-01-01', 'USA'),
  car('plymouth duster', 22, 6, 95, '1970-01-01', 'USA'),
  car('amc gremlin', 21, 6, 90, '1970-01-01', 'USA'),
  car('datsun 1200', 35, 4, 69, '1971-01-01', 'Japan'),
];
const json = (name: string, records: object[]) => readTable(name, bytes(JSON.stringify(records, null, 1)));

describe('example datasets', () => {
  it('penguins: Sex as a binary target; rows without it dropped, missing numbers imputed', async () => {
    const real = await json('penguins.json', penguins);
    const files = { real, synthetic: [await json('synthetic.json', penguins.slice(2))] };
    const schema = inferSchema(files, { target: 'Sex' });
    expect(schema.task).toBe('classification');
    const out = encode(files, schema);
    expect(out.encoding.coding.classes).toEqual(['FEMALE', 'MALE']);
    expect(out.encoding.features).toEqual([
      'Species=Adelie',
      'Species=Chinstrap',
      'Species=Gentoo',
      'Island=Biscoe',
      'Island=Dream',
      'Island=Torgersen',
      'Beak Length (mm)',
      'Body Mass (g)',
    ]);
    expect(out.real.x.rows).toBe(6);
    expect(Array.from(out.real.y)).toEqual([1, 0, 0, 0, 1, 1]);
    expect(out.notices).toContain('penguins.json: 2 rows without a value in "Sex" dropped');
  });

  it('penguins: Species has three classes, so one is chosen against the rest', async () => {
    const files = {
      real: await json('penguins.json', penguins),
      synthetic: [await json('s.json', penguins)],
    };
    const schema = inferSchema(files, { target: 'Species' });
    expect(() => encode(files, schema)).toThrow(/3 classes in the target/);
    const out = encode(files, schema, { positiveClass: 'Gentoo' });
    expect(Array.from(out.real.y)).toEqual([0, 0, 0, 1, 1, 0, 0, 1]);
  });

  it('cars: regression on miles per gallon; the name is left out as ID-like, year and origin one-hot', async () => {
    const files = {
      real: await json('cars.json', cars),
      synthetic: [await json('s.json', cars.slice(0, 8))],
    };
    // Twelve records hold only 9 distinct whole mpg values, which looks like classes; the full file has 129.
    expect(inferSchema(files, { target: 'Miles_per_Gallon' }).why.task).toBe(
      'target "Miles_per_Gallon" holds 9 distinct integer values (at most 10); choose regression if they are amounts',
    );
    const schema = inferSchema(files, { target: 'Miles_per_Gallon', task: 'regression' });
    expect(schema.columns.find((c) => c.name === 'Name')!.reason).toBe('ID-like: every value differs');
    const out = encode(files, schema);
    expect(out.encoding.features).toEqual([
      'Cylinders',
      'Horsepower',
      'Year=1970-01-01',
      'Year=1971-01-01',
      'Origin=Europe',
      'Origin=Japan',
      'Origin=USA',
    ]);
    expect(out.real.x.rows).toBe(11);
    expect(out.summary).toBe(
      '7 features: 2 numeric columns used as they are, 2 columns one-hot encoded into 5 features, 1 ID-like column left out, 2 missing values imputed, 2 rows dropped',
    );
  });
});
