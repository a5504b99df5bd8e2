/**
 * What the pane's components share: the few layout styles of every tab, the grade colours, and the themes
 * with a font stack that names Chinese fonts. Each component has its own makeStyles beside it.
 */
import { makeStaticStyles, makeStyles, tokens, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { Grade } from '../core/types';
import type { ThemeMode } from './theme';

/**
 * Segoe UI for Latin, then the system's Chinese UI font: Microsoft YaHei UI (Windows), PingFang SC (macOS),
 * and the fonts of domestic Linux desktops. Fluent's own stack names no Chinese font, so the browser fell
 * back to SimSun.
 */
export const FONT_STACK =
  "'Segoe UI', 'Segoe UI Web (West European)', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";

/**
 * English: the same fonts, with the Latin punctuation (quotes, apostrophe, dashes, ellipsis) taken from a
 * Latin font first. Where Segoe UI is missing (Linux, the domestic desktops WPS offices use, macOS) the
 * CJK font set ’ and “” full-width ("branch’ s"). Only those characters change font, so the letters keep
 * the metrics the 320 px pane was laid out with (an English-first stack of whole Latin fonts widened it).
 * Chinese keeps full-width quotes, as Chinese typesetting wants.
 */
export const LATIN_PUNCTUATION = 'BA Latin Punctuation';
export const FONT_STACK_EN = `'${LATIN_PUNCTUATION}', ${FONT_STACK}`;

/** U+2010–2027: hyphens and dashes, quotes, bullet, ellipsis; U+00B7 middle dot. */
const PUNCTUATION_RANGE = 'U+2010-2027, U+00B7';
/**
 * Installed fonts only (local(): nothing is downloaded): Windows, macOS, then Debian's fonts-liberation,
 * fonts-noto-core and fonts-dejavu-core (one of which Debian's Chromium brings along).
 */
const REGULAR = ["'Segoe UI'", "'SegoeUI'", "'Helvetica Neue'", "'Arial'", "'ArialMT'", "'Liberation Sans'", "'LiberationSans'", "'Noto Sans'", "'NotoSans-Regular'", "'DejaVu Sans'", "'DejaVuSans'"];
const BOLD = ["'Segoe UI Semibold'", "'SegoeUI-Semibold'", "'Segoe UI Bold'", "'Helvetica Neue Bold'", "'Arial Bold'", "'Arial-BoldMT'", "'Liberation Sans Bold'", "'LiberationSans-Bold'", "'Noto Sans Bold'", "'NotoSans-Bold'", "'DejaVu Sans Bold'", "'DejaVuSans-Bold'"];
const face = (names: string[], weight: string) => ({
  '@font-face': {
    fontFamily: `'${LATIN_PUNCTUATION}'`,
    src: names.map((n) => `local(${n})`).join(', '),
    fontWeight: weight,
    unicodeRange: PUNCTUATION_RANGE,
  },
});

/** Registers the punctuation face FONT_STACK_EN starts with (call once, where the theme is chosen). */
export const useLatinPunctuation = makeStaticStyles([face(REGULAR, '100 500'), face(BOLD, '600 900')]);

export function paneTheme(mode: ThemeMode, lang: 'zh' | 'en' = 'zh'): Theme {
  const base = mode === 'dark' ? webDarkTheme : webLightTheme;
  return { ...base, fontFamilyBase: lang === 'en' ? FONT_STACK_EN : FONT_STACK };
}

export const useCommonStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: '0' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: 'inherit', margin: '0' },
  intro: { margin: '0', fontSize: tokens.fontSizeBase300 },
  h2: { margin: '0', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: '0', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: '0',
  },
});

/**
 * Grade colours, for the bars and the grade badges alike (one yellow). Foreground tokens, which each
 * theme tunes against its own background: ≥ 5:1 on white in light (一般 #835b00: 6.3:1) and on the dark
 * background in dark.
 */
export const GRADE_COLOR: Record<Grade, string> = {
  优秀: tokens.colorPaletteGreenForeground1,
  较好: tokens.colorBrandForeground1,
  一般: tokens.colorPaletteMarigoldForeground2,
  差: tokens.colorPaletteRedForeground1,
};

/** Text on a grade colour: the page background, which contrasts with each colour in both themes. */
export const ON_GRADE_COLOR = tokens.colorNeutralBackground1;
