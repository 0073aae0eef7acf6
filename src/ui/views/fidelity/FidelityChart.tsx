/**
 * Fidelity beside utility in one picture: above, how easily a classifier tells the synthetic records from real
 * ones (C2ST AUC on a 0.5 – 1 scale, with the "hard / in between / easy" zones); below, how far each model's risk
 * on real data moves when it is trained on synthetic data (U / mean TRTR, with its 95% interval and the 10% and
 * 25% marks the lesson uses).
 */
import { memo } from 'react';
import { BottomAxis } from '../../charts/axis';
import { RowLabel, Whisker } from '../../charts/marks';
import { linearScale } from '../../charts/scale';
import { SvgChart, useChartBox } from '../../charts/SvgChart';
import { textWidth } from '../../charts/text';
import { formatNumber, niceTicks } from '../../format';
import { modelColorAt } from '../../palette';
import { KEPT, LOST, percent, type RelativeUtility } from './measures';

const ROW = 26;

export const FidelityChart = memo(function FidelityChart({
  auc,
  utilities,
}: {
  auc: number | null;
  utilities: readonly RelativeUtility[];
}) {
  const { box, width } = useChartBox(280);
  const labelWidth = Math.round(Math.min(150, Math.max(80, width * 0.26)));
  const x0 = labelWidth + 6;
  const x1 = width - 16;
  const titled = (long: string, short: string) => (textWidth(long, 12) + 8 < width ? long : short);

  // Panel A: the AUC.
  const aucLo = auc !== null && auc < 0.5 ? Math.floor(auc * 10) / 10 : 0.5;
  const a = linearScale(aucLo, 1, x0, x1);
  const aTop = 24;
  const aBar = aTop + 18;
  const aBottom = aBar + 18;
  const zones = [
    { from: aucLo, to: 0.6, label: 'hard to tell apart' },
    { from: 0.6, to: 0.75, label: 'in between' },
    { from: 0.75, to: 1, label: 'easily told apart' },
  ];
  const aTicks = [aucLo, ...[0.6, 0.7, 0.8, 0.9, 1].filter((t) => t > aucLo + 0.05)];

  // Panel B: U / TRTR per model.
  const bTitle = aBottom + 40;
  const bTop = bTitle + 14;
  const bBottom = bTop + Math.max(1, utilities.length) * ROW;
  const top = Math.max(LOST * 1.2, ...utilities.flatMap((u) => [u.relative, u.hi ?? u.relative]));
  const ticks = niceTicks(0, top, width < 420 ? 4 : 6);
  const b = linearScale(0, ticks[ticks.length - 1]!, x0, x1);
  const height = bBottom + 22;

  return (
    <SvgChart
      box={box}
      width={width}
      height={height}
      label={`C2ST AUC ${formatNumber(auc)}; risk change U / TRTR: ${utilities
        .map((u) => `${u.label} ${percent(u.relative)}`)
        .join(', ')}`}
      testId="fidelity-chart"
    >
      <text x={2} y={12} fontSize={12} fontWeight={600} fill="var(--fg)">
        {titled('Can a classifier tell the records apart? (C2ST AUC)', 'Told apart? (C2ST AUC)')}
      </text>
      {zones.map((z, i) => (
        <g key={z.label}>
          <rect
            x={a(z.from)}
            y={aBar - 2}
            width={Math.max(0, a(z.to) - a(z.from))}
            height={16}
            fill="var(--grid)"
            opacity={0.35 + 0.25 * i}
          />
          <text
            x={(a(z.from) + a(z.to)) / 2}
            y={aTop + 6}
            textAnchor="middle"
            fontSize={10}
            fill="var(--muted)"
          >
            {a(z.to) - a(z.from) > z.label.length * 5.2 ? z.label : ''}
          </text>
        </g>
      ))}
      <RowLabel x={4} y={aBar + 6} width={labelWidth} color="#E69F00" label="C2ST AUC" />
      {auc !== null ? (
        <g data-testid="auc-marker" data-value={auc}>
          <rect
            x={Math.min(a(0.5), a(auc))}
            y={aBar + 1}
            width={Math.max(2, Math.abs(a(auc) - a(0.5)))}
            height={10}
            fill="var(--accent)"
            rx={2}
          />
          <text
            x={a(auc) > x1 - 40 ? a(auc) - 4 : a(auc) + 4}
            y={aBar + 6}
            textAnchor={a(auc) > x1 - 40 ? 'end' : 'start'}
            dominantBaseline="central"
            fontSize={11}
            fontWeight={600}
            fill="var(--fg)"
          >
            {formatNumber(auc)}
          </text>
        </g>
      ) : (
        <text x={x0 + 4} y={aBar + 6} dominantBaseline="central" fontSize={11} fill="var(--muted)">
          not available
        </text>
      )}
      {aTicks.map((t) => (
        <text key={t} x={a(t)} y={aBottom + 10} textAnchor="middle" fontSize={10.5} fill="var(--muted)">
          {t.toFixed(1)}
        </text>
      ))}

      <text x={2} y={bTitle} fontSize={12} fontWeight={600} fill="var(--fg)">
        {titled('How far does the risk on real data move? (U / TRTR)', 'Risk change on real data (U / TRTR)')}
      </text>
      <BottomAxis
        scale={b}
        ticks={ticks}
        top={bTop}
        bottom={bBottom}
        format={percent}
        fontSize={10.5}
        zeroWidth={1}
      />
      {[KEPT, LOST].map((mark) => (
        <line
          key={mark}
          x1={b(mark)}
          x2={b(mark)}
          y1={bTop}
          y2={bBottom}
          stroke="var(--muted)"
          strokeDasharray="4 3"
        />
      ))}
      {utilities.length === 0 && (
        <text x={x0 + 4} y={bTop + ROW / 2} dominantBaseline="central" fontSize={11} fill="var(--muted)">
          no model fitted
        </text>
      )}
      {utilities.map((u, i) => {
        const y = bTop + i * ROW + ROW / 2;
        const color = modelColorAt(u.index);
        return (
          <g key={u.id} data-model={u.id} data-value={u.relative}>
            <RowLabel x={4} y={y} width={labelWidth} color={color} label={u.label} />
            <rect
              x={b(0)}
              y={y - 6}
              width={Math.max(1.5, b(u.relative) - b(0))}
              height={12}
              fill={color}
              rx={2}
            />
            {u.lo !== null && u.hi !== null && (
              <Whisker x0={b(u.lo)} x1={b(u.hi)} y={y} color="var(--fg)" cap={4} />
            )}
          </g>
        );
      })}
    </SvgChart>
  );
});
