/**
 * Old links keep their numbers: v1 and v2 links (written before labs existed) open in the simulated lab and give
 * exactly the TRTR and TSTR of every replicate that the code of that time computed (the values below were
 * printed by commit 67e05cc, the last one before labs, with the same links), with kernel ridge and kNN in
 * JavaScript and in the float64 WebAssembly kernels alike.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { float64Kernel, setFloat64Kernel } from '../engine/kernels/float64';
import { runExperiment } from '../engine/run';
import { planFromScenario } from './labs/index';
import { decodeLink, decodeScenario, encodeScenario, URL_VERSION } from './url';

const GOLDEN = [
  {
    link: '?v=1&eta=sine&shift=1&k=7&seed=3&n=60&m=60&test=1000',
    records: [
      {
        trtr: [0.6553446211957713, 0.4680937146742811, 0.34849067949768114],
        tstr: [0.70076573536417, 1.3662374029052395, 0.3918827452266721],
      },
    ],
  },
  {
    link: '?v=2&task=regression&p=2&eta=quadratic&shift=0.5&scale=1.3&n=80&m=80&test=1000&R=3&models=ols;poly:degree=2;knn:k=5;krr:alpha=0.5,gamma=0.5&seed=7',
    records: [
      {
        trtr: [2.412162241196298, 0.326496485546368, 1.4872165387196423, 1.3007010786824031],
        tstr: [2.401545014760015, 0.27266403414151497, 0.7938900160203507, 0.7092146283011795],
      },
      {
        trtr: [2.1954780635385833, 0.26573673585922375, 0.8544157264422734, 0.838476345227959],
        tstr: [1.8759825822724285, 0.24728939279022147, 0.5947263572100037, 0.5969519124745865],
      },
      {
        trtr: [1.7617459385853644, 0.2818610242324846, 0.9032007877658211, 0.8316648012411898],
        tstr: [2.4816591105143164, 0.2449807003753828, 0.5638360485522159, 0.6475799766989722],
      },
    ],
  },
  {
    link: '?v=2&task=classification&p=2&gen=gmm&gen_k=2&n=120&m=120&test=1000&R=2&models=logistic:C=1;knn:k=3&seed=11',
    records: [
      { trtr: [0.206, 0.148], tstr: [0.236, 0.198] },
      { trtr: [0.231, 0.148], tstr: [0.237, 0.176] },
    ],
  },
];

describe('links from before labs', () => {
  afterEach(() => setFloat64Kernel(true));
  const routes = GOLDEN.flatMap((golden) => [true, false].map((wasm) => ({ ...golden, wasm })));
  it.each(routes)(
    '$link opens in the simulated lab with the same numbers (float64 kernels: $wasm)',
    async ({ link, records, wasm }) => {
      setFloat64Kernel(wasm);
      if (wasm) expect(await float64Kernel()).not.toBeNull(); // loaded before the first fit: no fit in JavaScript
      const { scenario, notices } = decodeScenario(link);
      expect(notices).toEqual([]);
      expect(scenario.lab).toBe('simulated');
      const result = await runExperiment(planFromScenario(scenario), { fidelity: false });
      expect(result.records.map(({ trtr, tstr }) => ({ trtr, tstr }))).toEqual(records);
    },
  );

  it('a v2 link is rewritten as v3 with lab=simulated and every other value as it was', () => {
    const v2 = GOLDEN[1]!.link;
    const { scenario } = decodeScenario(v2);
    const v3 = encodeScenario(scenario);
    expect(URL_VERSION).toBe(3);
    expect(v3).toMatch(/^v=3&lab=simulated&task=regression&p=2&/);
    // Decoding the rewritten link gives the same scenario, and a link without lab= is the simulated lab.
    expect(decodeScenario(`?${v3}`).scenario).toEqual(scenario);
    expect(decodeScenario(`?${v3.replace('&lab=simulated', '')}`).scenario).toEqual(scenario);
  });

  it('a v2 link that names a lab (no such link was ever written) is still read as the simulated lab', () => {
    const { scenario, notices } = decodeLink('?v=2&lab=toy&shift=1');
    expect(scenario.lab).toBe('simulated');
    expect(scenario.shift).toBe(1);
    expect(notices).toEqual([]);
  });
});
