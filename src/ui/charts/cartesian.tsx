/**
 * The recharts side of the kit: the frame every recharts chart shares (a container that fills the chart's box, the
 * chart, the grid in the theme's grid colour) and the pieces they repeat: axis and title colours, the number
 * formatter of tooltips, and the 95% band drawn under a mean's line. Pieces that recharts must see as its own
 * children (a band's Area) are plain functions that return recharts elements, not wrapper components.
 */
import type { ReactElement, ReactNode } from 'react';
import { Area, CartesianGrid, ResponsiveContainer, type CartesianGridProps, type Margin } from 'recharts';
import { formatNumber } from '../format';

/** Axis lines, ticks and their labels. */
export const AXIS_STROKE = 'var(--muted)';
/** Axis titles: in the text colour, at the size of the page's small print. */
export const AXIS_TITLE = { fill: 'var(--fg)', fontSize: 12 } as const;

/** Any recharts cartesian chart (ComposedChart, LineChart, BarChart, ScatterChart). */
type CartesianChart = (props: {
  data?: readonly object[];
  margin: Margin;
  children: ReactNode;
}) => ReactElement | null;

interface PlotProps {
  readonly chart: CartesianChart;
  readonly data?: readonly object[];
  readonly margin: Margin;
  /** Overrides of the grid (a bar chart has no vertical lines). */
  readonly grid?: Omit<CartesianGridProps, 'stroke'>;
  /** Axes, tooltip, legend and series, as the chart's own children. */
  readonly children: ReactNode;
}

/** A recharts chart that fills its box (give the box a height: the .chart class), on the theme's grid. */
export function CartesianPlot({ chart: Chart, data, margin, grid, children }: PlotProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <Chart data={data} margin={margin}>
        <CartesianGrid stroke="var(--grid)" {...grid} />
        {children}
      </Chart>
    </ResponsiveContainer>
  );
}

/** Tooltip values: numbers as everywhere on the page (3 significant digits), anything else as it is. */
export function formatValue(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

/**
 * A mean's 95% band: an Area over `dataKey`'s [lo, hi] pairs in the series' colour, without an outline, a legend
 * entry or a hover dot (its line carries those). Draw bands before lines so that lines stay on top.
 */
export function band(dataKey: string, name: string, fill: string, opacity: number): ReactElement {
  return (
    <Area
      key={dataKey}
      dataKey={dataKey}
      name={name}
      stroke="none"
      fill={fill}
      fillOpacity={opacity}
      legendType="none"
      activeDot={false}
      isAnimationActive={false}
    />
  );
}
