/**
 * The simulated lab: a real population P with every knob (features, eta, noise) and a synthetic one set directly
 * (oracle mode) or fitted on each real sample (two-stage mode). It reads every parameter but the your-data lab's.
 */
import type { PopulationPlan } from '../../../engine/plan';
import { minCorrelation } from '../../../engine/populations/features';
import { sanitizeModels } from '../../models';
import { DATA_PARAMS } from '../../params/data';
import { DIGITS_PARAMS } from '../../params/digits';
import { PARAM_KEYS } from '../../params/index';
import { IMAGE_ONLY_GENERATORS, type Scenario } from '../../types';
import { experimentPart, offeredGenerator, studyRules, tabularGenerator, type LabDefinition } from '../lab';

export function simulatedPlan(s: Scenario): PopulationPlan {
  return {
    task: s.task,
    source: {
      kind: 'population',
      population: {
        task: s.task,
        features: {
          family: s.features,
          p: s.p,
          correlation: s.correlation,
          df: s.df,
          components: s.components,
          separation: s.separation,
        },
        shape: {
          kind: s.eta,
          mix: { linear: s.wLinear, quadratic: s.wQuadratic, sine: s.wSine, step: s.wStep },
        },
        sigma: s.sigma,
        sharpness: s.sharpness,
        offset: s.offset,
      },
      synthetic: {
        shift: s.shift,
        scale: s.scale,
        rotation: s.rotation,
        keepComponents: s.keepComponents,
        truncate: s.truncate,
        bias: s.bias,
        biasShape: s.biasShape,
        noiseScale: s.noiseScale,
        flip01: s.flip01,
        flip10: s.flip10,
      },
      fitted:
        s.generator === 'oracle'
          ? null
          : {
              kind: tabularGenerator(s.generator),
              components: s.generatorComponents,
              neighbors: s.generatorNeighbors,
            },
    },
    ...experimentPart(s),
  };
}

export const SIMULATED_LAB: LabDefinition = {
  id: 'simulated',
  title: 'simulated populations',
  // Every parameter but the your-data and digits labs' own.
  keys: new Set(PARAM_KEYS.filter((key) => !(key in DATA_PARAMS) && !(key in DIGITS_PARAMS))),
  excludedOptions: { generator: IMAGE_ONLY_GENERATORS },
  sweepAxis: { param: 'shift', from: 0, to: 3, steps: 7 },
  defaults: {},
  crossRules(scenario) {
    const notices: string[] = [];
    const offered = offeredGenerator(SIMULATED_LAB, scenario, 'oracle');
    let value = offered.scenario;
    if (offered.notice) notices.push(offered.notice);
    const studied = studyRules(SIMULATED_LAB, value);
    value = studied.scenario;
    notices.push(...studied.notices);
    const lowest = minCorrelation(value.p);
    if (value.correlation < lowest) {
      const rounded = Math.ceil(lowest * 100) / 100;
      notices.push(
        `corr = ${value.correlation} is not a valid correlation for p = ${value.p}; using ${rounded}.`,
      );
      value = { ...value, correlation: rounded };
    }
    const models = sanitizeModels(value);
    if (models.value !== value.models) value = { ...value, models: models.value };
    if (models.notice) notices.push(models.notice);
    return { scenario: value, notices };
  },
  plan: simulatedPlan,
};
