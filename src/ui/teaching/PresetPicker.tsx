/** The preset picker (placeholder until it is built). */
export function PresetPicker() {
  return null;
}
