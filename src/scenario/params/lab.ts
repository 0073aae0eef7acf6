/** The lab a scenario belongs to: which data, generators and parameters it has (scenario/labs/). */
import { LAB_IDS, type ParamsOf } from '../types';

export const LAB_PARAMS: ParamsOf<'lab'> = {
  lab: {
    kind: 'enum',
    url: 'lab',
    label: 'Lab',
    help: 'Simulated populations (every knob of real vs synthetic), real handwritten digits (MNIST), the toy dataset the tests use, or your own files.',
    group: 'experiment',
    options: LAB_IDS,
    optionLabels: {
      simulated: 'Simulated populations',
      toy: 'Toy dataset (for tests)',
      data: 'Your data',
      mnist: 'Digits (MNIST)',
    },
    default: 'simulated',
    // The simulated lab is the playground's public lab: the control shows only where a link opened another.
    relevant: (s) => s.lab !== 'simulated',
  },
};
