/**
 * Parameters of the your-data lab (issue 15): the target column, the test share, what to do with missing cells,
 * and the files' names and SHA-256 fingerprints (never their data) that a share link carries.
 */
import { MISSING_POLICIES, number, type ParamsOf } from '../types';

export const DATA_PARAMS: ParamsOf<'target' | 'positive' | 'testFraction' | 'maxRows' | 'missing' | 'files'> =
  {
    target: {
      kind: 'text',
      url: 'target',
      label: 'Target column',
      help: 'The column to predict; empty: y, target, label or class, else the last column.',
      group: 'real',
      maxLength: 200,
      default: '',
      // Chosen among the loaded files' columns, in the schema panel: no control of its own.
      relevant: () => false,
    },
    positive: {
      kind: 'text',
      url: 'positive',
      label: 'Positive class',
      help: 'A target of more than two classes: the class told apart from the rest (one-vs-rest), as label 1.',
      group: 'real',
      maxLength: 200,
      default: '',
      // Chosen in the schema panel among the target's classes.
      relevant: () => false,
    },
    testFraction: number({
      url: 'test_share',
      label: 'Real rows held out for testing',
      help: 'Without a test file, each replicate holds out this share of the real rows (a stratified split).',
      group: 'experiment',
      min: 0.05,
      max: 0.5,
      step: 0.05,
      default: 0.25,
      // With a test file nothing is held out.
      relevant: (s) => !s.files.split(';').some((entry) => entry.startsWith('t:')),
    }),
    maxRows: number({
      url: 'max_rows',
      label: 'Most rows per file (0 = all)',
      help:
        'Past this, each replicate trains and tests on a seeded sample of this many rows of each file: the ' +
        'evaluation of a large file costs less, and its intervals say what the sample leaves uncertain.',
      group: 'experiment',
      min: 0,
      max: 1_000_000,
      step: 500,
      integer: true,
      default: 0,
    }),
    missing: {
      kind: 'enum',
      url: 'missing',
      label: 'Missing cells',
      help: 'Impute them (median or most frequent, from the real training file), or drop the rows that have any.',
      group: 'real',
      options: MISSING_POLICIES,
      optionLabels: { impute: 'impute', drop: 'drop rows' },
      default: 'impute',
      // Chosen in the schema panel, beside the missing cells it counts.
      relevant: () => false,
    },
    files: {
      kind: 'text',
      url: 'files',
      label: 'Files',
      help: 'The files of a your-data link: role, SHA-256 fingerprint and name of each (never their data).',
      group: 'real',
      maxLength: 4000,
      default: '',
      // Set by loading files, not typed: no control.
      relevant: () => false,
    },
  };
