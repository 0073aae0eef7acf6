/**
 * The preset's theory card: the claim in words, its formula (KaTeX, loaded on first use so the page's first
 * numbers do not wait for it), what to look at on the page, and the live verdict read from the current results.
 * Shown while a preset is chosen; the close button leaves the scenario as it is and only drops the card.
 */
import 'katex/dist/katex.min.css';
import { useEffect, useMemo, useState } from 'react';
import type { ScenarioResult } from '../../scenario/results';
import { sanitizeScenario } from '../../scenario/sanitize';
import { defaultScenario, type Scenario } from '../../scenario/schema';
import { encodeScenario } from '../../scenario/url';
import { applyPreset, requestExactComparison, requestReferences, setPage } from '../../store/actions';
import { usePlayground, verdictContextOf } from '../../store/playground';
import { PRESETS, type Preset, type Verdict, type VerdictContext } from '../../teaching/presets';
import './teaching.css';

type Render = (tex: string) => string;

/** KaTeX's renderToString once loaded (display mode; a TeX error shows the source in red, never throws). */
let katexRender: Render | null = null;
let katexLoad: Promise<Render> | null = null;

function loadKatex(): Promise<Render> {
  katexLoad ??= import('katex').then(({ default: katex }) => {
    katexRender = (tex: string) =>
      katex.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' });
    return katexRender;
  });
  return katexLoad;
}

function Formula({ tex }: { tex: string }) {
  const [loaded, setLoaded] = useState(katexRender !== null);
  useEffect(() => {
    let live = true;
    loadKatex()
      .then(() => live && setLoaded(true))
      .catch(() => undefined); // Stays as TeX source.
    return () => {
      live = false;
    };
  }, []);
  const html = useMemo(() => (loaded && katexRender ? katexRender(tex) : null), [tex, loaded]);
  return html === null ? (
    <div className="theory-formula loading" data-testid="formula">
      <code>{tex}</code>
    </div>
  ) : (
    <div className="theory-formula" data-testid="formula" dangerouslySetInnerHTML={{ __html: html }} />
  );
}

const STATUS_LABEL: Readonly<Record<Verdict['status'], string>> = {
  pending: 'Running',
  holds: 'Holds',
  fails: 'Does not hold',
};

const STATUS_ICON: Readonly<Record<Verdict['status'], string>> = { pending: '…', holds: '✓', fails: '✗' };

/** The verdict for the current scenario; pending while the shown results belong to an earlier one. */
function currentVerdict(
  preset: Preset,
  results: ScenarioResult | null,
  scenario: Scenario,
  error: string | null,
  context: VerdictContext,
): Verdict {
  if (error) return { status: 'fails', text: `The run stopped with an error: ${error}` };
  // Results cross the worker boundary as copies: the same scenario is the same link, not always the same object.
  const current =
    results !== null &&
    (results.scenario === scenario || encodeScenario(results.scenario) === encodeScenario(scenario));
  if (!current) return { status: 'pending', text: 'Computing the scenario’s first replicates…' };
  return preset.verdict(results, context);
}

/**
 * Asks for what the verdict needs besides the run (population references, the run with exact responses) once
 * the run is complete, so they never hold back the run's own numbers; each is computed once per scenario.
 */
function useVerdictNeeds(preset: Preset | undefined, complete: boolean): void {
  useEffect(() => {
    if (!preset || !complete) return;
    if (preset.needs.includes('references')) requestReferences();
    if (preset.needs.includes('exact-responses')) requestExactComparison();
  }, [preset, complete]);
}

export function TheoryCard() {
  const id = usePlayground((s) => s.page.preset);
  const results = usePlayground((s) => s.results);
  const scenario = usePlayground((s) => s.scenario);
  const error = usePlayground((s) => s.error);
  const references = usePlayground((s) => s.references);
  const comparison = usePlayground((s) => s.comparison);
  const preset = id ? PRESETS[id] : undefined;
  const complete = results !== null && results.done && results.scenario === scenario;
  useVerdictNeeds(preset, complete);
  const verdict = useMemo(
    () =>
      preset
        ? currentVerdict(
            preset,
            results,
            scenario,
            error,
            verdictContextOf({ scenario, references, comparison }),
          )
        : null,
    [preset, results, scenario, error, references, comparison],
  );
  // The preset's own scenario (as applyPreset builds it), to offer a way back after the sliders moved.
  const changed = useMemo(() => {
    if (!preset) return false;
    const own = sanitizeScenario(
      { ...preset.scenario, backend: scenario.backend },
      defaultScenario(),
    ).scenario;
    return encodeScenario(own) !== encodeScenario(scenario);
  }, [preset, scenario]);
  if (!preset || !verdict) return null;
  const kind =
    preset.claim === null
      ? 'Theory card · beyond the paper'
      : `Theory card · ${preset.kind === 'claim' ? 'claim' : 'counter-example'} ${preset.claim} of 3`;
  return (
    <section
      className={`card theory-card ${preset.kind}`}
      aria-labelledby="theory-title"
      data-testid="theory-card"
      data-preset={preset.id}
    >
      <div className="theory-head">
        <div>
          <span className="theory-kind">{kind}</span>
          <h2 id="theory-title">{preset.title}</h2>
        </div>
        <button
          type="button"
          className="theory-close"
          aria-label="Close the theory card"
          title="Close the theory card (keeps the scenario)"
          onClick={() => setPage({ preset: null })}
        >
          ×
        </button>
      </div>
      <div className="theory-body">
        <div className="theory-claim">
          <p className="theory-statement">{preset.card.statement}</p>
          <Formula tex={preset.card.formula} />
          <p className="theory-source">
            {preset.card.source ? (
              `${preset.card.source}.`
            ) : (
              <>
                Formalization used by this playground, after Xu, Sun and Cheng,{' '}
                <cite>Utility Theory of Synthetic Data Generation</cite> (arXiv:2305.10015).
              </>
            )}
          </p>
        </div>
        <div className="theory-side">
          <p className="theory-look">
            <strong>What to look at. </strong>
            {preset.card.lookAt}
          </p>
          <div
            className="verdict"
            data-testid="verdict"
            data-status={verdict.status}
            aria-live="polite"
            aria-atomic="true"
            aria-busy={verdict.status === 'pending'}
          >
            <span className="verdict-badge">
              <span aria-hidden="true">{STATUS_ICON[verdict.status]} </span>
              {STATUS_LABEL[verdict.status]}
              <span className="visually-hidden">:</span>
            </span>
            <span className="verdict-text" data-testid="verdict-text">
              {verdict.text}
            </span>
          </div>
          {changed && (
            <p className="theory-changed">
              The scenario differs from the preset’s.{' '}
              <button
                type="button"
                className="link-button"
                data-testid="restore-preset"
                onClick={() => applyPreset(preset.id)}
              >
                Restore the preset
              </button>
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
