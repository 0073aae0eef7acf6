/** Light / dark / system theme; the choice lives in the link (theme=) and on <html data-theme>. */
import { useEffect } from 'react';
import { THEMES, type Theme } from '../../scenario/page';
import { setPage } from '../../store/actions';
import { usePlayground } from '../../store/playground';

const LABELS: Record<Theme, string> = { auto: 'System theme', light: 'Light theme', dark: 'Dark theme' };

export function useTheme(): void {
  const theme = usePlayground((s) => s.page.theme);
  const present = usePlayground((s) => s.page.present);
  const embed = usePlayground((s) => s.page.embed);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
    root.toggleAttribute('data-present', present);
    root.toggleAttribute('data-embed', embed);
  }, [theme, present, embed]);
}

export function ThemeToggle() {
  const theme = usePlayground((s) => s.page.theme);
  return (
    <select
      className="theme"
      aria-label="Theme"
      value={theme}
      data-testid="theme"
      onChange={(e) => setPage({ theme: THEMES.find((t) => t === e.target.value) ?? 'auto' })}
    >
      {THEMES.map((t) => (
        <option key={t} value={t}>
          {LABELS[t]}
        </option>
      ))}
    </select>
  );
}
