/**
 * The preset identifiers, kept apart from the presets' content (presets.ts) so the link codec can validate
 * `preset=` and `deck=` without loading the theory cards.
 */
export const PRESET_IDS = [
  'claim1',
  'counter1',
  'claim2',
  'counter2',
  'claim3',
  'counter3',
  'claim3-classification',
  'counter3-classification',
  'digits-claim2',
  'digits-counter2',
  'digits-claim3',
  'digits-counter3',
  'collapse',
  'collapse-fresh',
  'mix-helps',
  'mix-hurts',
  'ensemble',
  'select',
  'select-noisy',
] as const;

export type PresetId = (typeof PRESET_IDS)[number];

export function isPresetId(text: string): text is PresetId {
  return (PRESET_IDS as readonly string[]).includes(text);
}
