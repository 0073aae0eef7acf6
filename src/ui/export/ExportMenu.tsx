/** Results and scenario exports, scenario file loading, QR code (placeholder until it is built). */
export function ExportMenu() {
  return null;
}
