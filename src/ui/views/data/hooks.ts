/** Small hooks for the canvas pictures: a counter that moves when the theme changes, and the theme's colours. */
import { useEffect, useState } from 'react';
import { parseCssColor } from '../../charts/colormap';
import type { Theme } from './surfaceLayout';

/** Bumps when <html data-theme> or the system colour scheme changes (canvas colours come from CSS vars). */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class'],
    });
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    media?.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      media?.removeEventListener('change', bump);
    };
  }, []);
  return version;
}

/** The page's theme colours as the element sees them. */
export function themeOf(element: Element): Theme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const card = read('--card', '#ffffff');
  return {
    fg: read('--fg', '#1b1f24'),
    muted: read('--muted', '#5b6470'),
    grid: read('--grid', '#e3e6ea'),
    border: read('--border', '#d9dde3'),
    card,
    cardRgb: parseCssColor(card) ?? [255, 255, 255],
  };
}
