/**
 * Oracle synthetic population P~ set directly by the user (theory.md, "oracle mode"):
 * X~ = shift + scale * Z (so mu~ = N(shift, scale^2)) and Y~ = eta(X~) + bias + sigma * eps (eta~ = eta + bias).
 */
import { drawSample, type ResponseModel, type Sample1d } from '../populations/sample';

export interface OraclePerturbation {
  readonly shift: number;
  readonly scale: number;
  readonly bias: number;
}

export function drawOracleSynthetic(
  seed: number,
  m: number,
  response: ResponseModel,
  perturbation: OraclePerturbation,
): Sample1d {
  return drawSample(
    seed,
    'synthetic',
    m,
    response,
    perturbation.shift,
    perturbation.scale,
    perturbation.bias,
  );
}
