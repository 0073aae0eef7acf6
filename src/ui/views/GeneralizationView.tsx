/**
 * The generalization view: (a) mean TRTR vs TSTR per model with 95% intervals; (b) U per model with its interval
 * and the population limit, and where the gap TSTR − TRTR comes from (response, feature × misspecification and
 * estimation parts, from the population references); (c) the numbers table. Results of an earlier scenario stay
 * on screen, dimmed, until the new ones arrive.
 */
import { hasPopulationLimit, hasScenarioSizes } from '../../scenario/labs/index';
import { useMemo } from 'react';
import { usePlayground } from '../../store/playground';
import { ChartFrame } from '../charts/ChartFrame';
import '../charts/viewLayout.css';
import type { PopulationReferences } from '../../engine/references';
import { useLiveResults, useReferences, type LiveReferences } from '../liveResults';
import { ResultsTable } from '../ResultsTable';
import { StaleNote } from '../StaleNote';
import '../tables.css';
import { decompositionRows } from './generalization/decomposition';
import { DecompositionChart } from './generalization/DecompositionChart';
import { DecompositionTable } from './generalization/DecompositionTable';
import { RiskChart } from './generalization/RiskChart';
import { UtilityChart } from './generalization/UtilityChart';

/** What the references are, model by model, with the sizes actually used (kernel ridge is capped). */
function referenceSummary(value: PopulationReferences): string {
  const exact = value.models.filter((m) => m.method === 'exact').map((m) => m.id);
  const sampled = value.models.filter((m) => m.method === 'monte-carlo');
  const sizes = [...new Set(sampled.map((m) => m.size ?? value.size))].map(
    (n) =>
      `${sampled
        .filter((m) => (m.size ?? value.size) === n)
        .map((m) => m.id)
        .join(', ')} on ${n.toLocaleString('en-US')}`,
  );
  const parts = [
    exact.length > 0
      ? `${exact.join(', ')}: exact, from the Gaussian closed forms (no sampling).`
      : value.exactUnavailable
        ? `No closed form here (${value.exactUnavailable}).`
        : '',
    sampled.length > 0
      ? `Monte Carlo: mean of ${value.fits} independent fits, each on fresh real, response-only and synthetic training samples (${sizes.join('; ')} points) scored on ${value.size.toLocaleString('en-US')} real test points; intervals 95% over the fits.`
      : '',
  ];
  return `Population values. ${parts.filter(Boolean).join(' ')}`;
}

function ReferenceStatus({
  references,
  oracle,
  tsts,
}: {
  references: LiveReferences;
  oracle: boolean;
  tsts: boolean;
}) {
  if (!oracle) {
    return (
      <p className="view-status" data-testid="references-status" data-status="not-oracle">
        The population limit needs a simulated population in the oracle mode: with a fitted generator (or a
        dataset) the synthetic population depends on the real sample D, so only the measured gap is shown.
      </p>
    );
  }
  const { status, value, error } = references;
  return (
    <p className={`view-status ${status}`} data-testid="references-status" data-status={status}>
      {status === 'error'
        ? `The population limit could not be computed: ${error}`
        : status === 'done' && value
          ? referenceSummary(value)
          : 'Computing the population references…'}
      {tsts &&
        ' With TSTS the measured gap is scored on synthetic data, so it is not drawn: the population limit is the TSTR one (scored on real data).'}
    </p>
  );
}

export function GeneralizationView() {
  const { results, stale } = useLiveResults();
  const scenario = usePlayground((s) => s.scenario);
  // The run gets the engine first: the references are asked for once its first numbers are in.
  const references = useReferences(results !== null && !stale);
  const shownScenario = results?.scenario ?? scenario;
  const tsts = shownScenario.tstrOn === 'synthetic';
  const risk = tsts ? 'TSTS' : 'TSTR';
  const oracle = hasPopulationLimit(scenario);
  const sized = hasScenarioSizes(shownScenario);
  const classification = shownScenario.task === 'classification';
  const unit = classification ? '0-1 error on real data' : 'mean squared error on real data';
  const loss = classification ? '0-1 error' : 'Mean squared error';
  const value = oracle && !stale ? references.value : null;
  const rows = useMemo(
    () => (results ? decompositionRows(results.summary.models, value, tsts) : []),
    [results, value, tsts],
  );

  return (
    <div className={`views generalization-view${stale ? ' stale' : ''}`} data-stale={stale}>
      <StaleNote stale={stale} />
      <div className="view-grid">
        <ChartFrame id="risks" title={`Test risk: TRTR vs ${risk}`}>
          <p className="view-explain">
            Each model trained on real data (<strong>TRTR</strong>) and on synthetic data (
            <strong>{risk}</strong>),{' '}
            {tsts ? 'the latter tested on a synthetic hold-out' : 'both tested on real data'}: mean over
            replicates, whiskers 95% intervals.
          </p>
          <div className="chart">
            {results ? (
              <RiskChart models={results.summary.models} tsts={tsts} />
            ) : (
              <p className="placeholder">Training…</p>
            )}
          </div>
        </ChartFrame>
        <ChartFrame id="utility" title="Generalization utility U per model">
          <p className="view-explain">
            <strong>U = |mean {risk} − mean TRTR|</strong>: how much the risk on real data moves when the
            model is trained on synthetic instead of real data. Small U = the synthetic data can stand in for
            the real data for this model.
            {oracle && (
              <>
                {' '}
                ◇ is the population limit |R(f̄) − R(f*)|, where U goes as n and m grow for the fixed-dimension
                fits (OLS, ridge, polynomial, logistic); □ marks kNN, kernel ridge and MLPs, whose value at
                the reference size N is shown instead: with a fixed k or α their fit keeps changing with the
                sample size, so there is no fixed best-in-class fit for U to approach. Exact where a closed
                form exists (OLS and polynomial regression, Gaussian features), else a Monte Carlo mean with
                its 95% interval (grey whisker).
              </>
            )}
          </p>
          {results ? <UtilityChart rows={rows} unit={unit} /> : <p className="placeholder">Training…</p>}
        </ChartFrame>
      </div>
      {sized && (
        <ChartFrame id="decomposition" title={`Where the gap ${risk} − TRTR comes from`}>
          <p className="view-explain">
            Read each model left to right: the synthetic <strong>responses</strong> (η̃ vs η, and their noise),
            then the synthetic <strong>features</strong> (μ̃ vs μ), which matter only when the model cannot
            represent η (misspecification), add up to the <strong>population limit</strong> R(f̄) − R(f*) ◇ (□:
            the value at the reference size N, for learners without such a limit); the{' '}
            <strong>estimation</strong> part (finite n = {shownScenario.n}, m = {shownScenario.m}) takes it to
            the measured gap ●. Parts are signed: one that points left lowers the gap.
          </p>
          <ReferenceStatus references={references} oracle={oracle} tsts={tsts} />
          {results ? (
            <>
              <DecompositionChart rows={rows} showGap={!tsts} unit={`${unit}, difference`} />
              <DecompositionTable rows={rows} risk={risk} />
            </>
          ) : (
            <p className="placeholder">Training…</p>
          )}
        </ChartFrame>
      )}
      {results && (
        <section className="view-numbers" aria-labelledby="generalization-numbers">
          <h3 id="generalization-numbers">The numbers: TRTR, {risk}, U per model</h3>
          <ResultsTable summary={results.summary} loss={loss} tsts={tsts} />
        </section>
      )}
    </div>
  );
}
