/**
 * The real/synthetic scatter every data picture shares: real points as blue circles, synthetic as orange
 * triangles (Okabe-Ito, told apart by shape as well as colour), a little transparent so that overlaps show.
 * A function returning recharts' own Scatter elements: recharts must see them as the chart's children.
 */
import type { ReactElement } from 'react';
import { Scatter } from 'recharts';
import { COLORS } from '../palette';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export function sampleScatters(real: readonly Point[], synthetic: readonly Point[]): ReactElement[] {
  return [
    <Scatter
      key="real"
      name="real"
      data={real}
      fill={COLORS.real}
      fillOpacity={0.55}
      isAnimationActive={false}
      shape="circle"
      legendType="circle"
    />,
    <Scatter
      key="synthetic"
      name="synthetic"
      data={synthetic}
      fill={COLORS.synthetic}
      fillOpacity={0.65}
      isAnimationActive={false}
      shape="triangle"
    />,
  ];
}
