/**
 * The preset picker: "Free play" and the presets, grouped by claim (each claim with its counter-examples), then
 * the digits lab's (choosing one opens that lab), then the studies beyond the paper.
 * Choosing one loads its scenario, view and theory card; "Free play" drops the card and keeps the scenario.
 */
import { applyPreset, setPage } from '../../store/actions';
import { usePlayground } from '../../store/playground';
import { DIGITS_PRESETS, isPresetId, PRESET_GROUPS, STUDY_PRESETS } from '../../teaching/presets';
import './teaching.css';

const GROUP_TITLES: Readonly<Record<1 | 2 | 3, string>> = {
  1: 'Claim 1: feature fidelity',
  2: 'Claim 2: ranking under feature shift',
  3: 'Claim 3: ranking under poor responses',
};

export function PresetPicker() {
  const preset = usePlayground((s) => s.page.preset);
  return (
    <select
      className="preset-picker"
      aria-label="Preset"
      data-testid="preset-picker"
      title="Teaching presets: each claim of the utility theory and its counter-example"
      value={preset ?? ''}
      onChange={(event) => {
        const value = event.target.value;
        if (isPresetId(value)) applyPreset(value);
        else setPage({ preset: null });
      }}
    >
      <option value="">Free play</option>
      {PRESET_GROUPS.map((group) => (
        <optgroup key={group.claim} label={GROUP_TITLES[group.claim]}>
          {group.presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </optgroup>
      ))}
      <optgroup label="Digits (MNIST): claims 2 and 3">
        {DIGITS_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </optgroup>
      <optgroup label="Beyond the paper: collapse, pooling, ensembles, selection">
        {STUDY_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
