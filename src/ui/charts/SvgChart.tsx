/**
 * The frame every hand-drawn SVG chart shares: a box that measures the width it gets (the chart lays itself out
 * for it: label columns, wrapping legends, cell sizes) and an <svg> of exactly that size with a text alternative
 * (role="img" and an aria-label that carries the numbers) and a test id. Exports find the <svg> under the
 * chart's ChartFrame; sizes are in user units equal to CSS pixels, so the file looks as on screen.
 */
import { useRef, type HTMLAttributes, type ReactNode, type RefObject, type SVGAttributes } from 'react';
import { useElementWidth } from '../useElementWidth';
import './svgChart.css';

export interface ChartBox {
  /** Attach to SvgChart's `box`. */
  readonly box: RefObject<HTMLDivElement | null>;
  /** The box's width, at least `min` (0 until measured when `min` is 0). */
  readonly width: number;
}

/** The width a chart has to lay itself out in. */
export function useChartBox(min = 0): ChartBox {
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(min, useElementWidth(box));
  return { box, width };
}

type DataAttributes = { readonly [key: `data-${string}`]: string | number | boolean | undefined };

interface Props extends Omit<SVGAttributes<SVGSVGElement>, 'width' | 'height' | 'viewBox' | 'role'> {
  readonly box: RefObject<HTMLDivElement | null>;
  /** The picture's size; the width may be less than the box's (a small matrix). */
  readonly width: number;
  readonly height: number;
  /** The text alternative: what the picture shows, with its numbers. */
  readonly label: string;
  readonly testId?: string;
  /** The measuring box's class ("sv-box": full width, clips an overflow) and attributes. */
  readonly boxClass?: string;
  readonly boxProps?: DataAttributes & Omit<HTMLAttributes<HTMLDivElement>, 'className'>;
  /** False leaves the box empty (a chart that waits for its first measurement rather than draw at a guess). */
  readonly draw?: boolean;
  readonly children: ReactNode;
}

export function SvgChart({
  box,
  width,
  height,
  label,
  testId,
  boxClass = 'sv-box',
  boxProps,
  draw = true,
  children,
  ...svg
}: Props) {
  return (
    <div ref={box} className={boxClass} {...boxProps}>
      {draw && (
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={label}
          data-testid={testId}
          {...svg}
        >
          {children}
        </svg>
      )}
    </div>
  );
}
