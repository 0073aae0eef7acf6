/**
 * The standard workloads S1–S3 (bench/scenarios/*.json): a share link plus, for sweeps, the axes by link name.
 * `quick` shrinks them (fewer replicates and grid points) for a smoke run; the printed table says so.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PARAM_KEYS, paramSpec, type Scenario } from '../src/scenario/schema';
import { decodeScenario, encodeScenario } from '../src/scenario/url';
import type { SweepAxis } from '../src/scenario/sweep';

export interface Workload {
  readonly name: 'S1' | 'S2' | 'S3';
  readonly description: string;
  readonly scenario: Scenario;
  /** The scenario's share link (what the browser opens). */
  readonly link: string;
  readonly axes: readonly SweepAxis[];
  /** Model fits the workload makes: points x replicates x models x 2 (real and synthetic). */
  readonly fits: number;
}

interface WorkloadFile {
  name: Workload['name'];
  description: string;
  link: string;
  axes?: { param: string; from: number; to: number; steps: number }[];
}

const byUrl = new Map(PARAM_KEYS.map((key) => [paramSpec(key).url, key]));

export function loadWorkload(name: Workload['name'], quick = false): Workload {
  const path = fileURLToPath(new URL(`./scenarios/${name.toLowerCase()}.json`, import.meta.url));
  const file = JSON.parse(readFileSync(path, 'utf8')) as WorkloadFile;
  const { scenario: decoded, notices } = decodeScenario(file.link);
  if (notices.length > 0) throw new Error(`${path}: ${notices.join(' ')}`);
  const scenario = quick ? { ...decoded, replicates: Math.min(decoded.replicates, 6) } : decoded;
  const axes = (file.axes ?? []).map((axis) => {
    const param = byUrl.get(axis.param);
    if (!param) throw new Error(`${path}: unknown parameter ${axis.param}`);
    return { param, from: axis.from, to: axis.to, steps: quick ? Math.min(axis.steps, 3) : axis.steps };
  });
  const points = axes.reduce((total, axis) => total * axis.steps, 1);
  const models = scenario.models.split(';').filter((m) => m.trim() !== '').length;
  return {
    name: file.name,
    description: file.description,
    scenario,
    link: encodeScenario(scenario),
    axes,
    fits: points * scenario.replicates * models * 2,
  };
}

export const WORKLOADS = ['S1', 'S2', 'S3'] as const;
