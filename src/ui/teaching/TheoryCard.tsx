/** The preset's theory card with its live verdict (placeholder until it is built). */
export function TheoryCard() {
  return null;
}
