/**
 * The model zoo as a list: each model of the scenario with its colour, its hyper-parameters as number fields,
 * and a remove button; an "Add model" select offers the models of the task (up to 8). Every edit rewrites the
 * scenario's model text, which the sanitizer checks as it checks a link.
 */
import { useId, useState } from 'react';
import {
  MODEL_RULES,
  parseSpecText,
  SpecError,
  specLabel,
  splitSpecs,
  type ParsedSpec,
} from '../engine/learners/catalog';
import type { Task } from '../engine/task';
import { addNotices, setParam } from '../store/actions';
import { usePlayground } from '../store/playground';
import { modelColorAt } from './palette';

export const MAX_MODELS = 8;

/** Starting hyper-parameters for models whose rule has no default (kNN's k, poly's degree, KRR's gamma). */
const STARTERS: Readonly<Record<string, string>> = {
  poly: 'poly:degree=2',
  knn: 'knn:k=10',
  krr: 'krr:alpha=0.5,gamma=0.5',
  mlp: 'mlp:width=16,depth=2,epochs=200,lr=0.01',
};

function parsed(text: string, task: Task): ParsedSpec[] {
  return splitSpecs(text).flatMap((spec) => {
    try {
      return [parseSpecText(spec, task)];
    } catch (error) {
      if (error instanceof SpecError) return [];
      throw error;
    }
  });
}

function specText(name: string, params: Readonly<Record<string, number>>): string {
  const keys = Object.keys(MODEL_RULES[name]?.params ?? {});
  return keys.length === 0 ? name : `${name}:${keys.map((k) => `${k}=${params[k]}`).join(',')}`;
}

function ParamField({
  model,
  name,
  onChange,
}: {
  model: ParsedSpec;
  name: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const rule = MODEL_RULES[model.name]!.params[name]!;
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label className="model-param" htmlFor={id}>
      <span>{name}</span>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={rule.min}
        max={rule.max}
        step={rule.integer ? 1 : 'any'}
        value={draft ?? model.params[name]}
        aria-label={`${specLabel(model)}: ${name}`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== null && draft.trim() !== '') onChange(draft.trim());
          setDraft(null);
        }}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    </label>
  );
}

export function ModelPicker() {
  const text = usePlayground((s) => s.scenario.models);
  const task = usePlayground((s) => s.scenario.task);
  const lab = usePlayground((s) => s.scenario.lab);
  const models = parsed(text, task);
  const write = (list: string[]) => setParam('models', list.join(';'));
  const ids = models.map((m) => m.id);

  const setValue = (index: number, key: string, raw: string) => {
    const model = models[index]!;
    const rule = MODEL_RULES[model.name]!.params[key]!;
    const value = Number(raw);
    if (
      !Number.isFinite(value) ||
      value < rule.min ||
      value > rule.max ||
      (rule.integer && !Number.isInteger(value))
    ) {
      addNotices([
        `${specLabel(model)}: ${key} must be ${rule.integer ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max}; it stays ${model.params[key]}.`,
      ]);
      return;
    }
    const next = [...ids];
    next[index] = specText(model.name, { ...model.params, [key]: value });
    if (next.filter((id) => id === next[index]).length > 1) {
      addNotices([`${next[index]} is already in the list.`]);
      return;
    }
    write(next);
  };

  const available = Object.entries(MODEL_RULES).filter(
    ([, rule]) => rule.tasks.includes(task) && (!rule.images || lab === 'mnist'),
  );
  return (
    <div className="model-picker">
      <ul aria-label="Models">
        {models.map((model, index) => (
          <li key={model.id} data-model={model.id}>
            <div className="model-head">
              <span className="swatch" style={{ background: modelColorAt(index) }} aria-hidden />
              <strong>{specLabel(model)}</strong>
              <button
                type="button"
                className="remove"
                aria-label={`Remove ${specLabel(model)}`}
                disabled={models.length <= 1}
                title={models.length <= 1 ? 'At least one model is needed' : 'Remove this model'}
                onClick={() => write(ids.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </div>
            {Object.keys(MODEL_RULES[model.name]!.params).length > 0 && (
              <div className="model-params">
                {Object.keys(MODEL_RULES[model.name]!.params).map((key) => (
                  <ParamField key={key} model={model} name={key} onChange={(v) => setValue(index, key, v)} />
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
      <select
        aria-label="Add a model"
        data-testid="add-model"
        value=""
        disabled={models.length >= MAX_MODELS}
        onChange={(e) => {
          const name = e.target.value;
          if (!name) return;
          const starter = STARTERS[name] ?? name;
          const spec = parseSpecText(starter, task);
          if (ids.includes(spec.id)) {
            addNotices([`${specLabel(spec)} is already in the list: change its parameters instead.`]);
            return;
          }
          write([...ids, spec.id]);
        }}
      >
        <option value="">
          {models.length >= MAX_MODELS ? `At most ${MAX_MODELS} models` : '+ Add a model…'}
        </option>
        {available.map(([name, rule]) => (
          <option key={name} value={name}>
            {rule.label}
          </option>
        ))}
      </select>
    </div>
  );
}
