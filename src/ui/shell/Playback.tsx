/** Play / pause, step (one replicate), reset (same seed, from the first replicate) and the replay speed. */
import { reset, setPage, setPaused, step } from '../../store/actions';
import { usePlayground } from '../../store/playground';

export function Playback() {
  const paused = usePlayground((s) => s.paused);
  const speed = usePlayground((s) => s.page.speed);
  const progress = usePlayground((s) =>
    s.results ? `${s.results.summary.completed}/${s.results.summary.planned}` : '0/…',
  );
  return (
    <div className="playback" role="group" aria-label="Playback">
      <button
        type="button"
        data-testid="play"
        aria-pressed={!paused}
        aria-keyshortcuts="Space"
        title={paused ? 'Play: fit the remaining replicates (Space)' : 'Pause after this replicate (Space)'}
        onClick={() => setPaused(!paused)}
      >
        {paused ? '▶ Play' : '❚❚ Pause'}
      </button>
      <button
        type="button"
        data-testid="step"
        aria-keyshortcuts="ArrowRight"
        title="Fit one more replicate (→)"
        onClick={step}
      >
        Step
      </button>
      <button
        type="button"
        data-testid="reset"
        aria-keyshortcuts="R"
        title="Start again from replicate 1 with the same seed (R)"
        onClick={reset}
      >
        Reset
      </button>
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select
          value={speed}
          data-testid="speed"
          aria-label="Speed"
          title="fast: all replicates at once · slow: one replicate at a time"
          onChange={(e) => setPage({ speed: e.target.value === 'slow' ? 'slow' : 'fast' })}
        >
          <option value="fast" title="All replicates as fast as the engine goes">
            fast
          </option>
          <option value="slow" title="One replicate every 0.45 s, to watch the intervals shrink">
            slow
          </option>
        </select>
      </label>
      <span className="progress" data-testid="progress" aria-label="Replicates done">
        {progress}
      </span>
    </div>
  );
}
