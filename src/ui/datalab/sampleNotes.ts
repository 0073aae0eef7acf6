/**
 * What a large or wide table's fidelity and privacy were measured on, in words (the panel and the report say
 * the same): seeded row samples past the metrics' sizes, and a linear C2ST on wide tables.
 */
import type { PrivacySample } from '../../engine/metrics/privacy';
import type { TableFidelity } from '../../engine/metrics/tableFidelity';

const count = (v: number) => v.toLocaleString('en-US');

/** What a large or wide table's fidelity was measured on, in words. */
export function fidelityNote(fidelity: TableFidelity): string {
  const parts: string[] = [];
  if (fidelity.sample) {
    parts.push(
      `Measured on seeded samples of the rows: up to ${count(fidelity.sample.columns)} a side for KS, TV and ` +
        `correlations, ${count(fidelity.sample.c2st)} a side for the C2ST.`,
    );
  }
  if (fidelity.c2stFeatures === 'linear')
    parts.push('The C2ST classifier uses the columns alone (no squares or products) on a table this wide.');
  return parts.join(' ');
}

/** Where the distances to the closest record used samples of the rows. */
export function privacyNote(sample: PrivacySample): string {
  return (
    `Distances on seeded samples: up to ${count(sample.queries)} synthetic and ${count(sample.queries)} ` +
    `hold-out rows against ${count(sample.reference)} of the ${count(sample.trainRows)} training rows (the ` +
    'same rows for both); exact copies are counted over every row.'
  );
}
