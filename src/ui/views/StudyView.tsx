/**
 * The studies beyond the paper (issue 14, docs/theory.md §9): the self-consuming loop's spread per generation, real
 * data pooled with synthetic (TMTR), an ensemble of synthetic datasets, and a hyperparameter chosen on synthetic
 * validation, each from the run's `summary.study`. Without a study it says where to pick one (and offers the
 * ones its lab offers). Results of an earlier scenario stay on screen, dimmed, until the new ones arrive.
 */
import type { StudyKind } from '../../engine/studies/types';
import { STUDY_PARAMS } from '../../scenario/params/study';
import { optionsIn } from '../../scenario/schema';
import { setParam } from '../../store/actions';
import { usePlayground } from '../../store/playground';
import '../charts/viewLayout.css';
import { useLiveResults } from '../liveResults';
import { StaleNote } from '../StaleNote';
import '../tables.css';
import { CollapseStudy } from './study/CollapseStudy';
import { EnsembleStudy } from './study/EnsembleStudy';
import { MixStudy } from './study/MixStudy';
import { SelectStudy } from './study/SelectStudy';
import './study/study.css';

type Study = Exclude<StudyKind, 'none'>;

const ABOUT: Readonly<Record<Study, string>> = {
  collapse:
    'Refit the generator on its own draws, generation after generation: how fast does the synthetic data lose its spread and its tails, and what does that do to U?',
  mix: 'Train on the real data pooled with the synthetic data (λ = m/n): do the synthetic points help a model trained on real data (TMTR vs TRTR)?',
  ensemble:
    'Fit each model on K synthetic datasets from K generator seeds and average the predictions: does the ensemble close the gap to TRTR?',
  select:
    'The models are the candidates of a hyperparameter (e.g. knn:k=1;knn:k=5;knn:k=20;knn:k=50): what does choosing it on synthetic validation data cost on real test data?',
};

const STUDIES: readonly Study[] = ['collapse', 'mix', 'ensemble', 'select'];

function PickStudy() {
  const labels = STUDY_PARAMS.study.kind === 'enum' ? STUDY_PARAMS.study.optionLabels : null;
  // The studies this lab offers (the digits lab has no loop and no ensemble).
  const offered = optionsIn(
    'study',
    usePlayground((s) => s.scenario),
  );
  return (
    <div className="study-pick" data-testid="study-pick">
      <p>
        No study is chosen: pick one in the controls (<strong>Study</strong> group), or here. Each runs the
        experiment with something beyond TRTR vs TSTR and shows its numbers in this view.
      </p>
      <ul>
        {STUDIES.filter((study) => offered.includes(study)).map((study) => (
          <li key={study}>
            <button type="button" onClick={() => setParam('study', study)} data-study={study}>
              {labels?.[study] ?? study}
            </button>
            <span>{ABOUT[study]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function StudyResults() {
  const { results, stale } = useLiveResults();
  if (!results) return <p className="placeholder">Training…</p>;
  const scenario = results.scenario;
  const study = results.summary.study;
  if (scenario.study === 'none' || !study || study.kind !== scenario.study) {
    return (
      <p className="placeholder" data-testid="study-waiting">
        Waiting for the first complete replicate: the study&apos;s numbers come with it.
      </p>
    );
  }
  const props = { summary: results.summary, scenario } as const;
  return (
    <div
      className={`views study-view${stale ? ' stale' : ''}`}
      data-stale={stale}
      data-study={study.kind}
      data-testid="study-view"
    >
      <StaleNote stale={stale} />
      <p className="lesson study-about">{ABOUT[study.kind]}</p>
      {study.kind === 'collapse' ? (
        <CollapseStudy {...props} study={study} />
      ) : study.kind === 'mix' ? (
        <MixStudy {...props} study={study} />
      ) : study.kind === 'ensemble' ? (
        <EnsembleStudy {...props} study={study} />
      ) : (
        <SelectStudy {...props} study={study} />
      )}
      {results.summary.completed === 1 && (
        <p className="study-note" data-testid="study-one-replicate">
          One replicate so far: every interval needs 2 (set R to 2 or more).
        </p>
      )}
    </div>
  );
}

export function StudyView() {
  const chosen = usePlayground((s) => s.scenario.study);
  return chosen === 'none' ? <PickStudy /> : <StudyResults />;
}
