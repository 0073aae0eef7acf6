/**
 * Every parameter of every lab in one typed list (key, type, bounds, default, URL name, label, help, when it
 * matters), merged from this folder in link order. Labs (scenario/labs/) say which of them they read.
 */
import { DATA_PARAMS } from './data';
import { DIGITS_PARAMS } from './digits';
import { EXPERIMENT_PARAMS } from './experiment';
import { LAB_PARAMS } from './lab';
import { REAL_PARAMS } from './real';
import { STUDY_PARAMS } from './study';
import { SYNTHETIC_PARAMS } from './synthetic';
import type { ParamSpec, ParamsOf, Scenario } from '../types';

export const PARAMS: ParamsOf<keyof Scenario> = {
  ...LAB_PARAMS,
  ...REAL_PARAMS,
  ...SYNTHETIC_PARAMS,
  ...EXPERIMENT_PARAMS,
  ...DATA_PARAMS,
  ...DIGITS_PARAMS,
  ...STUDY_PARAMS,
};

export const PARAM_KEYS = Object.keys(PARAMS) as (keyof Scenario)[];

/** The spec of a parameter, widened for code that handles every kind. */
export function paramSpec(key: keyof Scenario): ParamSpec {
  return PARAMS[key] as ParamSpec;
}
