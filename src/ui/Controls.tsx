/** The scenario's controls, generated from the schema: one slider or select per parameter, grouped. */
import { useId } from 'react';
import { PARAM_KEYS, PARAMS, type NumberParam, type ParamGroup, type Scenario } from '../scenario/schema';
import { usePlayground } from '../store/playground';
import { formatParam } from './format';

const GROUPS: { id: ParamGroup; title: string }[] = [
  { id: 'real', title: 'Real population' },
  { id: 'synthetic', title: 'Synthetic data' },
  { id: 'models', title: 'Models' },
  { id: 'experiment', title: 'Experiment' },
];

function NumberControl({ name, spec }: { name: keyof Scenario; spec: NumberParam }) {
  const id = useId();
  const value = usePlayground((s) => s.scenario[name]) as number;
  const kMax = usePlayground((s) => Math.min(s.scenario.n, s.scenario.m));
  const setParam = usePlayground((s) => s.setParam);
  const max = name === 'k' ? Math.min(spec.max, kMax) : spec.max;
  if (name === 'seed') {
    return (
      <div className="control">
        <label htmlFor={id} title={spec.help}>
          {spec.label}
        </label>
        <div className="seed-row">
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={spec.min}
            max={spec.max}
            step={1}
            value={value}
            data-param={spec.url}
            onChange={(e) => e.target.value !== '' && setParam(name, e.target.value)}
          />
          <button
            type="button"
            onClick={() => setParam(name, Math.floor(Math.random() * spec.max))}
            title="Draw everything again with a new random seed"
          >
            New seed
          </button>
        </div>
        <p className="help">{spec.help}</p>
      </div>
    );
  }
  return (
    <div className="control">
      <label htmlFor={id} title={spec.help}>
        {spec.label} <output htmlFor={id}>{formatParam(value, spec.step, spec.integer)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={spec.min}
        max={max}
        step={spec.step}
        value={value}
        data-param={spec.url}
        aria-valuetext={`${spec.label}: ${formatParam(value, spec.step, spec.integer)}`}
        onChange={(e) => setParam(name, e.target.value)}
      />
      <p className="help">{spec.help}</p>
    </div>
  );
}

function EnumControl({ name }: { name: keyof Scenario }) {
  const id = useId();
  const spec = PARAMS[name];
  const value = usePlayground((s) => s.scenario[name]) as string;
  const setParam = usePlayground((s) => s.setParam);
  if (spec.kind !== 'enum') return null;
  const labels = spec.optionLabels as Record<string, string>;
  return (
    <div className="control">
      <label htmlFor={id} title={spec.help}>
        {spec.label}
      </label>
      <select id={id} value={value} data-param={spec.url} onChange={(e) => setParam(name, e.target.value)}>
        {spec.options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
      <p className="help">{spec.help}</p>
    </div>
  );
}

export function Controls() {
  return (
    <form className="controls" aria-label="Scenario parameters" onSubmit={(e) => e.preventDefault()}>
      {GROUPS.map((group) => (
        <fieldset key={group.id}>
          <legend>{group.title}</legend>
          {PARAM_KEYS.filter((key) => PARAMS[key].group === group.id).map((key) => {
            const spec = PARAMS[key];
            return spec.kind === 'number' ? (
              <NumberControl key={key} name={key} spec={spec} />
            ) : (
              <EnumControl key={key} name={key} />
            );
          })}
        </fieldset>
      ))}
    </form>
  );
}
