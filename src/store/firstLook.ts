/**
 * The first look: the scenario the empty link (opening the site, no scenario in the address) shows. The defaults
 * alone show U ≈ 0 for every model and τ = 1, so a newcomer sees nothing happen until they find a slider. The
 * first look is the defaults with the synthetic features shifted: the misspecified OLS (a line on the quadratic
 * η) pays a clear utility gap, the cubic and kNN hardly any, and the order of the three models holds while
 * every TSTR moves. The parameter defaults stay as they are: presets are diffs over them, and their verdicts are
 * tested. The runner then writes the whole scenario into the address bar, so a reload or a copied link keeps
 * these numbers even if the first look changes later.
 */
import type { DecodedPageLink } from '../scenario/url';
import { sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario, type Scenario } from '../scenario/schema';

/**
 * The first look as a diff over the defaults. Measured with seed 1 and the default 20 replicates
 * (`npx tsx src/cli/main.ts run --scenario "?shift=0.7" --threads 1`): U = 0.592 (95% CI 0.495–0.688) for
 * OLS (TRTR 0.769, TSTR 1.361), 0.0059 for the cubic and 0.044 for kNN (k = 10); Kendall τ_b = 1 and the same
 * best model in 20/20 replicates. Shift 0.8 and above already swap the cubic and kNN in one replicate
 * (τ_b = 0.97), and 0.7 is on the slider's 0.1 grid, so arrow keys step from it to round values.
 */
export const FIRST_LOOK: Readonly<Partial<Scenario>> = { shift: 0.7 };

/** The first-look scenario, on the given compute backend (a link may force one; the first look never does). */
export function firstLookScenario(backend: Scenario['backend']): Scenario {
  return sanitizeScenario({ ...FIRST_LOOK, backend }, defaultScenario()).scenario;
}

/**
 * Whether a link opens on the first look: it names no scenario parameter (the backend aside) and no preset,
 * and it is not a lecture, classroom or embed link, which keep opening on the defaults as they always did. The
 * view, theme, speed and sweep axes may be given: `?theme=dark` is still a first visit.
 */
export function opensFirstLook({
  scenarioKeys,
  page,
}: Pick<DecodedPageLink, 'scenarioKeys' | 'page'>): boolean {
  return (
    scenarioKeys.length === 0 &&
    page.preset === null &&
    page.deck.length === 0 &&
    !page.present &&
    !page.embed &&
    page.hide.length === 0
  );
}
