/** Shared styles: a narrow (320 px) pane, Fluent tokens only, so both themes work. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Grade } from '../core/types';

export const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '0',
    maxWidth: '100%',
    boxSizing: 'border-box',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: '0', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // Five short labels fit one line at 320 px in both languages; wrapping is only the fallback for zoom.
  tabs: { flexWrap: 'wrap' },
  // Five tabs on one line down to 320 px in both languages: less padding; the English labels, wider than
  // the Chinese ones, drop to caption size below 380 px. Wrapping stays only as the fallback for zoom.
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  tabNarrow: {
    '@media (max-width: 379px)': {
      '& span': { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
    },
  },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: '0' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: '0' },
  intro: { margin: '0', fontSize: tokens.fontSizeBase300 },
  h3: { margin: '0', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hiddenInput: { display: 'none' },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },

  chart: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  chartRow: { display: 'grid', gridTemplateColumns: '5.5em 1fr 2.5em', alignItems: 'center', gap: tokens.spacingHorizontalS },
  chartTrack: { height: '12px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  chartBar: { display: 'block', height: '100%', borderRadius: tokens.borderRadiusSmall },
  chartCount: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },

  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      padding: '4px 4px',
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'left',
      verticalAlign: 'top',
    },
    '& th': { fontWeight: tokens.fontWeightSemibold },
    // Column headers stay on one line; branch names (row headers) wrap, so the table fits 320 px.
    '& thead th': { whiteSpace: 'nowrap' },
  },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: '4px', captionSide: 'top' },
  branchName: { overflowWrap: 'anywhere', whiteSpace: 'normal' },

  groupHeader: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  codeTitle: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  findingList: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  finding: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    color: 'inherit',
    backgroundColor: tokens.colorNeutralBackground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
    // Buttons are border-box already; without this the plain (info) cards were wider than the buttons.
    boxSizing: 'border-box',
    overflowWrap: 'anywhere',
  },
  findingButton: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  findingLine: { display: 'block' },
  address: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  selected: {
    marginTop: '4px',
    padding: tokens.spacingHorizontalS,
    border: `2px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  bigAddress: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
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
  settingList: { listStyleType: 'none', margin: '0', padding: '0' },
  settingItem: { padding: '6px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  settingHead: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  settingLabel: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  settingInput: { minWidth: '0', flexGrow: 1 },
  settingCell: { display: 'flex', gap: '4px', alignItems: 'center', marginTop: '4px' },
});

/**
 * Bar colours per grade. Foreground tokens, which each theme tunes against its own background: the
 * Background3 ones are the same dark hues in both themes, so on the dark track (#141414) the blue and
 * green bars were barely visible (2.2–2.8:1); these are ≥ 5:1 in dark and light (marigold in light: 2.6:1,
 * the count beside every bar says the same in text).
 */
export const GRADE_COLOR: Record<Grade, string> = {
  优秀: tokens.colorPaletteGreenForeground1,
  较好: tokens.colorBrandForeground1,
  一般: tokens.colorPaletteMarigoldForeground1,
  差: tokens.colorPaletteRedForeground1,
};

export const GRADE_BADGE: Record<Grade, 'success' | 'brand' | 'warning' | 'danger'> = {
  优秀: 'success',
  较好: 'brand',
  一般: 'warning',
  差: 'danger',
};
