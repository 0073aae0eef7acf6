/** The scenario's controls, generated from the schema: one slider or select per parameter, grouped. */
import { useId } from 'react';
import { useState } from 'react';
import {
  isRelevant,
  optionsIn,
  PARAM_KEYS,
  paramSpec,
  type NumberParam,
  type ParamGroup,
  type Scenario,
  type TextParam,
} from '../scenario/schema';
import { setParam } from '../store/actions';
import { usePlayground } from '../store/playground';
import { PRESETS, type PresetId } from '../teaching/presets';
import { formatParam } from './format';
import { ModelPicker } from './ModelPicker';

const GROUPS: { id: ParamGroup; title: string }[] = [
  { id: 'real', title: 'Real population' },
  { id: 'synthetic', title: 'Synthetic data' },
  { id: 'study', title: 'Study (beyond the paper)' },
  { id: 'models', title: 'Models' },
  { id: 'experiment', title: 'Experiment' },
];

function NumberControl({ name, spec }: { name: keyof Scenario; spec: NumberParam }) {
  const id = useId();
  const value = usePlayground((s) => s.scenario[name]) as number;
  const max =
    name === 'keepComponents' ? Math.min(spec.max, usePlayground.getState().scenario.components) : spec.max;
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

/** Free text, committed on Enter or when the field loses focus (half-typed specs are not sanitized away). */
function TextControl({ name, spec }: { name: keyof Scenario; spec: TextParam }) {
  const id = useId();
  const value = usePlayground((s) => s.scenario[name]) as string;
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="control">
      <label htmlFor={id} title={spec.help}>
        {spec.label}
      </label>
      <input
        id={id}
        type="text"
        className="text-param"
        spellCheck={false}
        value={draft ?? value}
        maxLength={spec.maxLength}
        data-param={spec.url}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== null) setParam(name, draft);
          setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
      <p className="help">{spec.help}</p>
    </div>
  );
}

function EnumControl({ name }: { name: keyof Scenario }) {
  const id = useId();
  const spec = paramSpec(name);
  const scenario = usePlayground((s) => s.scenario);
  const value = scenario[name] as string;
  if (spec.kind !== 'enum') return null;
  const labels = spec.optionLabels as Record<string, string>;
  return (
    <div className="control">
      <label htmlFor={id} title={spec.help}>
        {spec.label}
      </label>
      <select id={id} value={value} data-param={spec.url} onChange={(e) => setParam(name, e.target.value)}>
        {optionsIn(name, scenario).map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
      <p className="help">{spec.help}</p>
    </div>
  );
}

/**
 * Which parameters a lecture shows: those its preset sets, and the replicates. The rest are "advanced" and wait
 * behind "All controls".
 */
function lectureKeys(preset: PresetId | null): Set<keyof Scenario> | null {
  const chosen = preset ? PRESETS[preset] : undefined;
  if (!chosen) return null;
  return new Set([...(Object.keys(chosen.scenario) as (keyof Scenario)[]), 'replicates']);
}

export function Controls() {
  const scenario = usePlayground((s) => s.scenario);
  const hide = usePlayground((s) => s.page.hide);
  const present = usePlayground((s) => s.page.present);
  const preset = usePlayground((s) => s.page.preset);
  const [all, setAll] = useState(false);
  const lecture = present && !all ? lectureKeys(preset) : null;
  const visible = (key: keyof Scenario, group: ParamGroup) => {
    const spec = paramSpec(key);
    return (
      spec.group === group &&
      isRelevant(key, scenario) &&
      !hide.includes(spec.url) &&
      (lecture === null || lecture.has(key))
    );
  };
  return (
    <form className="controls" aria-label="Scenario parameters" onSubmit={(e) => e.preventDefault()}>
      {present && lectureKeys(preset) && (
        <button type="button" className="link-button" onClick={() => setAll((now) => !now)}>
          {all ? 'Only this slide’s controls' : 'All controls'}
        </button>
      )}
      {GROUPS.filter((group) => PARAM_KEYS.some((key) => visible(key, group.id))).map((group) => (
        <fieldset key={group.id}>
          <legend>{group.title}</legend>
          {PARAM_KEYS.filter((key) => visible(key, group.id)).map((key) => {
            const spec = paramSpec(key);
            if (spec.kind === 'number') return <NumberControl key={key} name={key} spec={spec} />;
            // The model list has its picker; other text (the your-data lab's target) is a plain field.
            if (spec.kind === 'text' && key !== 'models')
              return <TextControl key={key} name={key} spec={spec} />;
            if (spec.kind === 'text')
              return (
                <div key={key}>
                  <ModelPicker />
                  <details className="as-text">
                    <summary>Edit the list as text</summary>
                    <TextControl name={key} spec={spec} />
                  </details>
                </div>
              );
            return <EnumControl key={key} name={key} />;
          })}
        </fieldset>
      ))}
    </form>
  );
}
