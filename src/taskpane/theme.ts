/**
 * Light or dark: inside Office from the Office theme, standalone from the browser's colour scheme.
 */
export type ThemeMode = 'light' | 'dark';

/** Relative luminance (0–1) of "#RRGGBB" or "#RGB"; null when unreadable. */
export function luminance(color: string): number | null {
  let hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Office.context.officeTheme (isDarkTheme where the host supports it, else the body background). */
export function themeFromOffice(theme: { isDarkTheme?: boolean; bodyBackgroundColor?: string } | null | undefined): ThemeMode {
  if (!theme) return 'light';
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme ? 'dark' : 'light';
  const l = theme.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : null;
  return l !== null && l < 0.2 ? 'dark' : 'light';
}

/** prefers-color-scheme, light when the page cannot tell. */
export function themeFromPage(win: Pick<Window, 'matchMedia'> | undefined): ThemeMode {
  try {
    return win?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}
