/**
 * Gaussian-fit generator: regression draws (x, y) ~ N(mean, S + ridge I) fitted to the joint real rows (so y | x is
 * linear-Gaussian); classification draws the class c with P(c) = n_c / n, then x ~ N(mean_c, S_c + ridge_c I).
 */
import type { Sample } from '../populations/population';
import type { Task } from '../task';
import type { RandomStream } from '../rng';
import {
  classesOf,
  drawByClass,
  drawComponent,
  gaussianComponent,
  jointRows,
  moments,
  pickRows,
  requireClassSize,
  ridgeFor,
  splitJoint,
  type GaussianComponent,
} from './gaussianCore';
import { GeneratorError } from './oracle';

export interface ClassGaussian {
  readonly label: number;
  /** Real points of this class: the class is drawn with probability count / n. */
  readonly count: number;
  readonly component: GaussianComponent;
}

export type GaussianFitModel =
  | { readonly task: 'regression'; readonly p: number; readonly joint: GaussianComponent }
  | { readonly task: 'classification'; readonly p: number; readonly classes: readonly ClassGaussian[] };

/**
 * Mean and covariance of the rows (divisor n - 1, or n for the maximum-likelihood fit), plus the ridge
 * RIDGE_FACTOR * tr(S) / d.
 */
function fitRows(data: Float64Array, d: number, what: string, ml: boolean): GaussianComponent {
  // Unit weights make moments() divide by n: the maximum-likelihood covariance.
  const { mean, cov } = ml ? moments(data, d, new Float64Array(data.length / d).fill(1)) : moments(data, d);
  return gaussianComponent(mean, cov, d, ridgeFor(cov, d), what);
}

/**
 * Fits the Gaussian generator to the real sample: the unbiased covariance, or with `ml` the maximum-likelihood one
 * (the self-consuming loop's refits, docs/theory.md §9.1). Throws GeneratorError when the joint fit has fewer than
 * 2 real points, or a class has fewer than 2.
 */
export function fitGaussian(real: Sample, task: Task, ml = false): GaussianFitModel {
  const p = real.x.cols;
  if (task === 'regression') {
    if (real.x.rows < 2) {
      throw new GeneratorError(
        `Gaussian fit: the joint (x, y) Gaussian needs at least 2 real points, got ${real.x.rows}`,
      );
    }
    return { task, p, joint: fitRows(jointRows(real), p + 1, 'Gaussian fit', ml) };
  }
  const classes = classesOf(real.y).map((cls) => {
    requireClassSize(cls, 2, 'Gaussian fit');
    return {
      label: cls.label,
      count: cls.rows.length,
      component: fitRows(pickRows(real, cls.rows), p, `Gaussian fit, class ${cls.label}`, ml),
    };
  });
  if (classes.length === 0) throw new GeneratorError('Gaussian fit: the real sample is empty');
  return { task, p, classes };
}

/** m draws from a fitted Gaussian generator. */
export function drawGaussianFit(model: GaussianFitModel, m: number, rand: RandomStream): Sample {
  const { p } = model;
  if (model.task === 'regression') {
    const joint = new Float64Array(m * (p + 1));
    for (let i = 0; i < m; i++) drawComponent(model.joint, rand, joint, i * (p + 1));
    return splitJoint(joint, p);
  }
  return drawByClass(model.classes, p, m, rand, (cls, out, offset) =>
    drawComponent(cls.component, rand, out, offset),
  );
}
