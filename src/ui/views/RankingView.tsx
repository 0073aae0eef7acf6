/**
 * The ranking view: does training on synthetic data order the models as training on real data does? The two
 * orders side by side, Kendall τ_b, Spearman ρ, the Synthetic Ranking Agreement (SRA) and top-1 agreement with
 * their intervals (a sentence instead when every replicate agrees), the per-pair agreement C_jk as a heatmap, and the population gaps Δ_jk between models (from the population references) that claim 3
 * says protect the order.
 */
import { useMemo } from 'react';
import { hasPopulationReferences, hasScenarioSizes } from '../../scenario/labs/index';
import { ChartFrame } from '../charts/ChartFrame';
import '../charts/viewLayout.css';
import { formatNumber } from '../format';
import { useLiveResults, useReferences } from '../liveResults';
import { rankIntervalText, top1Text } from '../rankingText';
import { StaleNote } from '../StaleNote';
import { Heatmap } from './ranking/Heatmap';
import {
  cleanMatrix,
  compactGap,
  compactShare,
  consistencyFill,
  gapFill,
  gapMatrix,
  pairLesson,
  pairsOf,
  populationAgreement,
  populationRisks,
  rankByMeans,
} from './ranking/orders';
import { SlopeChart } from './ranking/SlopeChart';
import './ranking/ranking.css';

function Stat({
  name,
  testId,
  value,
  interval,
  note,
  children,
}: {
  name: string;
  testId: string;
  value: number | null;
  interval: string;
  note?: string;
  children: string;
}) {
  return (
    <div className="stat" data-testid={`${testId}-card`}>
      <div className="stat-name">{name}</div>
      <div className="stat-value" data-testid={testId} data-value={value ?? ''}>
        {formatNumber(value)}
      </div>
      <div className="stat-interval">{interval}</div>
      {note && <div className="stat-note">{note}</div>}
      <p className="stat-help">{children}</p>
    </div>
  );
}

/** The one tie rule of C_jk, SRA and top-1 (docs/theory.md section 4), said once where those numbers are. */
const TIE_RULE =
  'Exact ties are broken by one random order of the models, the same for both: a pair tied in one order only counts ½, a pair tied in both counts as agreement.';

const percent = (v: number) => `${Math.round(v * 100)}%`;

export function RankingView() {
  const { results, stale } = useLiveResults();
  const references = useReferences(results !== null && !stale);
  const models = useMemo(() => results?.summary.models ?? [], [results]);
  const ranked = useMemo(() => rankByMeans(models), [models]);
  const labels = models.map((m) => m.label);
  const refValue = stale ? null : references.value;
  const gaps = useMemo(() => gapMatrix(models, refValue), [models, refValue]);
  const agreement = useMemo(
    () => (results ? populationAgreement(results.records, populationRisks(models, refValue)) : null),
    [results, models, refValue],
  );

  if (!results) return <p className="placeholder">Training…</p>;
  const shown = results.scenario;
  const risk = shown.tstrOn === 'synthetic' ? 'TSTS' : 'TSTR';
  if (models.length < 2) {
    return (
      <div className="views ranking-view">
        <StaleNote stale={stale} />
        <p className="view-empty" data-testid="ranking-needs-models">
          Ranking needs 2 or more models: with {models.length === 1 ? `only ${models[0]!.label}` : 'no model'}{' '}
          there is nothing to order. Add a model under <strong>Models</strong> in the controls.
        </p>
      </div>
    );
  }
  const ranking = results.summary.ranking;
  const consistency = cleanMatrix(ranking?.consistency, models.length);
  const pairs = pairsOf(models.length, consistency, gaps);
  const lesson = pairLesson(pairs, labels);
  const maxGap = Math.max(0, ...pairs.map((p) => p.gap ?? 0));
  const complete = ranking?.replicates ?? 0;

  return (
    <div className={`views ranking-view${stale ? ' stale' : ''}`} data-stale={stale}>
      <StaleNote stale={stale} />
      <p className="view-explain">
        Someone with only synthetic data picks a model by its {risk}. Does that order the models as their real
        risks (TRTR) would? Per replicate, both orders are compared; the numbers are averages over the{' '}
        {complete} replicate{complete === 1 ? '' : 's'} where every model was fitted, with 95% intervals from
        resampling those replicates (a bootstrap: they stay within each statistic&rsquo;s range).
      </p>
      <div className="stats view-numbers" data-testid="ranking-stats">
        <Stat
          name="Kendall τ_b"
          testId="tau"
          value={ranking?.kendallTauB?.mean ?? null}
          interval={rankIntervalText(
            ranking?.kendallTauB ?? null,
            'correlation',
            'undefined (all risks tied)',
          )}
        >
          Pairs ordered alike minus pairs reversed, as a share: 1 = same order, 0 = unrelated, −1 = reversed.
        </Stat>
        <Stat
          name="Spearman ρ"
          testId="rho"
          value={ranking?.spearmanRho?.mean ?? null}
          interval={rankIntervalText(
            ranking?.spearmanRho ?? null,
            'correlation',
            'undefined (all risks tied)',
          )}
        >
          Correlation of the two lists of ranks: 1 = same ranks.
        </Stat>
        <Stat
          name="Synthetic Ranking Agreement (SRA)"
          testId="sra"
          value={ranking?.sra?.mean ?? null}
          interval={rankIntervalText(ranking?.sra ?? null, 'share', 'no complete replicate')}
        >
          {`Share of pairs of models that ${risk} orders as TRTR does (Jordon et al. 2018): the mean of C_jk.`}
        </Stat>
        <Stat
          name="Same best model"
          testId="top1"
          value={ranking?.top1?.estimate ?? null}
          interval={top1Text(ranking?.top1 ?? null)}
        >
          {`Share of replicates in which ${risk} and TRTR pick the same best model (Wilson interval). With a tie for best, a replicate counts the chance that one random tie-break picks the same model.`}
        </Stat>
      </div>
      <div className="view-grid">
        <ChartFrame id="orders" title={`Model order: TRTR vs ${risk}`}>
          <p className="view-explain">
            Ordered by mean risk over replicates. Crossing lines: the synthetic data order those models&apos;
            mean risks the other way; models whose means are closer than their intervals can cross by chance
            (their pair&apos;s consistency C_jk beside says how often the order holds per replicate).
          </p>
          <SlopeChart models={ranked} risk={risk} />
          {models.some((m) => m.pending) && (
            <p className="view-status">
              Still fitting:{' '}
              {models
                .filter((m) => m.pending)
                .map((m) => m.label)
                .join(', ')}
            </p>
          )}
          {models.some((m) => !m.pending && !ranked.some((r) => r.id === m.id)) && (
            <p className="view-status error">
              Not ranked (could not fit):{' '}
              {models
                .filter((m) => !m.pending && !ranked.some((r) => r.id === m.id))
                .map((m) => m.label)
                .join(', ')}
            </p>
          )}
        </ChartFrame>
        <ChartFrame
          id="consistency"
          title="Synthetic Ranking Agreement per pair C_jk (SRA; Jordon et al. 2018)"
        >
          <p className="view-explain">
            Share of replicates in which {risk} orders models j and k as TRTR does. 1 = always, ½ = a coin
            flip, 0 = always reversed. {TIE_RULE}
          </p>
          {consistency ? (
            <Heatmap
              labels={labels}
              matrix={consistency}
              format={(v) => v.toFixed(2)}
              compact={compactShare}
              fill={consistencyFill}
              testId="consistency"
              name="Synthetic Ranking Agreement per pair"
              mutedDiagonal
            />
          ) : (
            <p className="view-status">No replicate with every model fitted yet.</p>
          )}
        </ChartFrame>
      </div>
      {hasScenarioSizes(shown) && (
        <ChartFrame id="model-gaps" title="Gaps between models Δ_jk = |R(f*_j) − R(f*_k)|">
          <p className="view-explain">
            How far apart the models really are: the difference of their population risks on real data, the Δ
            the verdicts use (exact for OLS and polynomial regression where the Gaussian closed forms hold,
            else the mean of 5 Monte Carlo fits on 10,000 real points). Claim 3: pairs with a wide gap stay
            ordered alike even when the synthetic responses are poor; near-tied pairs drift toward a coin
            flip.
          </p>
          {!hasPopulationReferences(shown) ? (
            <p className="view-status" data-testid="references-status" data-status="not-available">
              This lab has no population to fit the models on (its data are a fixed dataset), so the gaps
              between the models&apos; population risks are not known here.
            </p>
          ) : references.status === 'error' ? (
            <p className="view-status error" data-testid="references-status" data-status="error">
              The population gaps could not be computed: {references.error}
            </p>
          ) : gaps ? (
            <>
              <Heatmap
                labels={labels}
                matrix={gaps}
                format={formatNumber}
                compact={compactGap}
                fill={(v) => gapFill(v, maxGap)}
                testId="model-gaps"
                name="Population gaps between models"
                mutedDiagonal
              />
              {lesson && (
                <p className="lesson" data-testid="ranking-lesson">
                  {lesson}
                </p>
              )}
              {agreement && (
                <p className="view-status" data-testid="population-agreement">
                  Agreement with the population order R(f*), averaged over pairs: {risk}{' '}
                  {percent(agreement.tstr)}, TRTR {percent(agreement.trtr)} of replicates.
                </p>
              )}
            </>
          ) : (
            <p className="view-status running" data-testid="references-status" data-status="running">
              Computing the population gaps (closed forms where they hold, else 5 fits on 10,000 real points)…
            </p>
          )}
        </ChartFrame>
      )}
    </div>
  );
}
