/**
 * An encoded sample back into a table's text (CSV): numeric columns as they are, one-hot groups as their most
 * likely category, the target as its class (classification) or value. The built-in generators draw in the encoded
 * space; decoded, their output is a synthetic file like any other (read, fingerprinted, kept, evaluated).
 * One-vs-rest targets (more than two classes) come back as the positive class or the first other class: lossy
 * for the other classes, exact for what the models see.
 */
import type { Sample } from '../engine/populations/population';
import type { Encoding } from './encode';

function cell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function classOf(encoding: Encoding, label: number): string {
  const { classes, positiveClass } = encoding.coding;
  if (!classes) return String(label);
  if (positiveClass === null) return classes[label >= 0.5 ? 1 : 0] ?? classes[0]!;
  return label >= 0.5 ? positiveClass : (classes.find((c) => c !== positiveClass) ?? positiveClass);
}

export function decodeCsv(sample: Sample, encoding: Encoding): string {
  const { rows, cols, data } = sample.x;
  const header = [...encoding.columns.map((c) => c.name), encoding.target].map(cell).join(',');
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const at = (j: number) => data[i * cols + j]!;
    const cells = encoding.columns.map((c) => {
      if (c.kind === 'numeric') return String(at(c.offset));
      let best = 0;
      for (let k = 1; k < c.categories.length; k++) if (at(c.offset + k) > at(c.offset + best)) best = k;
      return cell(c.categories[best] ?? '');
    });
    cells.push(
      cell(encoding.coding.task === 'regression' ? String(sample.y[i]) : classOf(encoding, sample.y[i]!)),
    );
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
