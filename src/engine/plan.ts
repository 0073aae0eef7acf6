/**
 * The engine's view of a scenario: the real population P, the oracle synthetic settings, sizes and models.
 * planFromScenario turns a (validated) share-link scenario into it; nothing else in the engine reads the URL shape.
 */
import type { FittedGeneratorSettings } from './generators/fitted';
import type { OracleSettings } from './generators/oracle';
import { splitSpecs } from './learners/catalog';
import type { Population } from './populations/population';
import type { Scenario } from '../scenario/schema';

export interface ExperimentPlan {
  readonly population: Population;
  readonly synthetic: OracleSettings;
  /** Two-stage mode: the generator fitted on each real sample; null = oracle mode (`synthetic` applies). */
  readonly fitted: FittedGeneratorSettings | null;
  readonly n: number;
  readonly m: number;
  readonly nTest: number;
  readonly replicates: number;
  readonly seed: number;
  /** Where synthetic-trained models are scored: real test data (TSTR) or a synthetic hold-out (TSTS). */
  readonly tstrOn: 'real' | 'synthetic';
  /** Model specs in canonical form, e.g. ['ols', 'knn:k=10']. */
  readonly models: readonly string[];
}

export function planFromScenario(s: Scenario): ExperimentPlan {
  return {
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
        : { kind: s.generator, components: s.generatorComponents, neighbors: s.generatorNeighbors },
    n: s.n,
    m: s.m,
    nTest: s.nTest,
    replicates: s.replicates,
    seed: s.seed,
    tstrOn: s.tstrOn,
    models: splitSpecs(s.models),
  };
}
