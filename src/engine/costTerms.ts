/** The cost model's unit of work: units of each term, e.g. { cube: n³, pairs: n²/2 + test·n } (cost.ts). */
export type Terms = Readonly<Record<string, number>>;
