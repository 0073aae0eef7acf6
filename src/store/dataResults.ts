/**
 * The your-data lab's results in the page: the chosen dataset's summary handed to the views (playground.ts
 * `results`), and the page's pace learnt from a finished evaluation, as from a finished run.
 */
import { learnPace } from './gate';
import { useDataLab, type DataLabEstimate } from './dataLab';
import { usePlayground } from './playground';

/** Shows dataset `index`'s summary in the page's views (Generalization, Ranking, the exports). */
export function showDataset(index: number, done = true): void {
  const { evaluation, partial } = useDataLab.getState();
  const report = evaluation?.reports[index];
  const summary = report?.summary ?? partial[index];
  if (!summary) return;
  usePlayground.setState({
    results: {
      summary,
      records: report?.records ?? [],
      visual: null,
      fidelity: null,
      training: [],
      done: done && report !== undefined,
      elapsedMs: report?.elapsedMs ?? 0,
      scenario: usePlayground.getState().scenario,
    },
    status: done ? 'done' : 'running',
  });
}

/** The page's pace learns from finished evaluations too (estimated seconds at pace 1 against measured). */
export function learnDataPace(estimate: DataLabEstimate | null, elapsedMs: number): void {
  if (!estimate) return;
  // The estimate at pace 1 on the threads it ran on, against the time it took.
  const atPaceOne = estimate.seconds / (estimate.factor ?? 1);
  const pace = learnPace(usePlayground.getState().pace, atPaceOne, elapsedMs / 1000);
  if (pace !== usePlayground.getState().pace) usePlayground.setState({ pace });
}
