/**
 * One sweep axis: the parameter (the numeric scenario parameters a sweep may move, grouped as in the controls)
 * and from / to / steps. What is typed is checked as it is typed: a usable axis goes into the page state (and
 * the share link) at once; unreadable input stays in the box with a message and changes nothing.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { sweepableIn } from '../../../scenario/page';
import type { SweepAxis } from '../../../scenario/sweep';
import { isRelevant, paramSpec, type ParamGroup, type Scenario } from '../../../scenario/schema';
import { axisFor, checkAxis, draftOf, numberSpec, sameAxis, type AxisDraft } from './axes';

const GROUP_TITLES: Readonly<Record<ParamGroup, string>> = {
  real: 'Real population',
  synthetic: 'Synthetic data',
  study: 'Study',
  models: 'Models',
  experiment: 'Experiment',
};

interface Props {
  /** "sx" or "sy": test ids and element ids. */
  readonly id: 'sx' | 'sy';
  readonly title: string;
  readonly axis: SweepAxis;
  /** The other axis's parameter, which this one may not take. */
  readonly exclude: keyof Scenario | null;
  readonly scenario: Scenario;
  readonly onChange: (axis: SweepAxis) => void;
}

type Field = 'from' | 'to' | 'steps';

export function AxisEditor({ id, title, axis, exclude, scenario, onChange }: Props) {
  const uid = useId();
  const [draft, setDraft] = useState<AxisDraft>(() => draftOf(axis));
  const [seen, setSeen] = useState(axis);
  // The axis changed from outside (a preset, a link, the other axis): show it, unless it is what is typed.
  if (seen !== axis) {
    setSeen(axis);
    if (!sameAxis(checkAxis(draft).axis, axis)) setDraft(draftOf(axis));
  }
  const check = checkAxis(draft);
  const spec = numberSpec(draft.param);
  const irrelevant = !isRelevant(draft.param, scenario);

  const edit = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...draft, [field]: event.target.value };
    setDraft(next);
    const checked = checkAxis(next).axis;
    if (checked && !sameAxis(checked, axis)) onChange(checked);
  };
  const pick = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = axisFor(event.target.value as keyof Scenario, check.axis?.steps ?? axis.steps);
    setDraft(draftOf(next));
    onChange(next);
  };

  const groups = new Map<ParamGroup, (keyof Scenario)[]>();
  for (const key of sweepableIn(scenario)) {
    if (key === exclude) continue;
    const group = paramSpec(key).group;
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  const field = (name: Field, label: string, mode: 'decimal' | 'numeric') => {
    const error = check.errors[name];
    return (
      <label className="sweep-field">
        <span>{label}</span>
        <input
          type="text"
          inputMode={mode}
          value={draft[name]}
          onChange={edit(name)}
          data-testid={`${id}-${name}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${uid}-${name}-error` : `${uid}-range`}
          spellCheck={false}
          autoComplete="off"
        />
      </label>
    );
  };

  return (
    <fieldset className="sweep-axis" data-testid={`${id}-axis`}>
      <legend>{title}</legend>
      <label className="sweep-param">
        <span>Parameter</span>
        <select value={draft.param} onChange={pick} data-testid={`${id}-param`}>
          {[...groups].map(([group, keys]) => (
            <optgroup key={group} label={GROUP_TITLES[group]}>
              {keys.map((key) => {
                const s = paramSpec(key);
                const matters = isRelevant(key, scenario);
                return (
                  <option key={key} value={key}>
                    {s.label}
                    {matters ? '' : ' (no effect here)'}
                  </option>
                );
              })}
            </optgroup>
          ))}
        </select>
      </label>
      <div className="sweep-range">
        {field('from', 'from', 'decimal')}
        {field('to', 'to', 'decimal')}
        {field('steps', 'steps', 'numeric')}
      </div>
      <p className="sweep-help" id={`${uid}-range`}>
        Range {spec.min} … {spec.max}
        {spec.integer ? ', whole numbers' : ''}; 2 to 25 steps.
      </p>
      {irrelevant && (
        <p className="sweep-note">
          {spec.label} has no effect in the current scenario: every point would give the same numbers.
        </p>
      )}
      {(['from', 'to', 'steps'] as const).map((name) =>
        check.errors[name] ? (
          <p key={name} className="sweep-error" id={`${uid}-${name}-error`} role="alert">
            {check.errors[name]}
          </p>
        ) : null,
      )}
      {check.notes.map((note) => (
        <p key={note} className="sweep-note">
          {note}
        </p>
      ))}
    </fieldset>
  );
}
