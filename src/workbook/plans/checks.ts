/**
 * 校验问题 (SPEC §6): the count of findings per code and severity, then one row per finding with a link to
 * its cell. Findings arrive sorted (errors first, then sheet and cell); their order is kept.
 */
import { FINDING_CODES, type Finding, type FindingCode, type Lang, type Severity } from '../../core/types';
import type { CellStyle, SheetPlan } from '../plan';
import { CHECKS as L, CODE_NAME, SEVERITY_LABEL, pick } from './labels';
import { BORDER, HEADER, LINK, SUBTITLE, SheetBuilder, TITLE, linesHeight, rangeOf, rowsOf, wrappedLines } from './sheet';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const LAST = 7;
const WIDTHS = [8, 22, 16, 10, 20, 8, 56, 44];
/** 说明, then 建议 */
const MESSAGE_COL = 6;
/** Freezing more rows than a laptop screen shows would stop the sheet from scrolling. */
const MAX_FROZEN_ROWS = 14;

const SEVERITY_STYLE: Record<Severity, CellStyle> = {
  error: { fill: '#FFC7CE', fontColor: '#9C0006', hAlign: 'center' },
  warning: { fill: '#FFEB9C', fontColor: '#9C5700', hAlign: 'center' },
  info: { fill: '#DDEBF7', fontColor: '#1F4E78', hAlign: 'center' },
};

/** (severity, code, count) in severity order, then the codes' order of SPEC §5. */
export function countFindings(findings: Finding[]): { severity: Severity; code: FindingCode; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of findings) {
    const key = `${f.severity}|${f.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: { severity: Severity; code: FindingCode; count: number }[] = [];
  for (const severity of SEVERITIES) {
    for (const code of FINDING_CODES) {
      const count = counts.get(`${severity}|${code}`);
      if (count) out.push({ severity, code, count });
    }
  }
  return out;
}

/**
 * Insert findings made while planning (sheet-renamed, formula-not-overwritten) after the last finding of
 * the same severity, so the core's order stays as it was.
 */
export function mergeFindings(sorted: Finding[], extra: Finding[]): Finding[] {
  const out = [...sorted];
  for (const f of extra) {
    const rank = SEVERITIES.indexOf(f.severity);
    let at = out.length;
    while (at > 0 && SEVERITIES.indexOf(out[at - 1].severity) > rank) at--;
    out.splice(at, 0, f);
  }
  return out;
}

export function planChecksSheet(findings: Finding[], lang: Lang, name: string, replaces?: string): SheetPlan {
  const sb = new SheetBuilder();
  sb.set(0, 0, pick(L.title, lang)).merge(0, 0, 0, LAST).style(0, 0, 0, LAST, TITLE).height(0, 28);

  const counts = countFindings(findings);
  const by = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const summary = findings.length ? L.counts(by('error'), by('warning'), by('info')) : L.none;
  sb.set(1, 0, pick(summary, lang)).merge(1, 0, 1, LAST).style(1, 0, 1, LAST, { ...SUBTITLE, italic: false, fontSize: 11 });

  let r = 3;
  if (counts.length) {
    sb.row(r, 0, [pick(L.severity, lang), pick(L.code, lang), pick(L.name, lang), pick(L.count, lang)]).style(r, 0, r, 3, HEADER);
    r++;
    const first = r;
    for (const c of counts) {
      sb.row(r, 0, [pick(SEVERITY_LABEL[c.severity], lang), c.code, pick(CODE_NAME[c.code], lang), c.count]);
      sb.style(r, 0, r, 0, SEVERITY_STYLE[c.severity]);
      r++;
    }
    sb.style(first, 0, r - 1, 3, BORDER);
    r++;
  }

  const h = r;
  sb.row(h, 0, [
    pick(L.severity, lang),
    pick(L.code, lang),
    pick(L.sheet, lang),
    pick(L.cell, lang),
    pick(L.branch, lang),
    pick(L.indicator, lang),
    pick(L.message, lang),
    pick(L.suggestion, lang),
  ]);
  sb.style(h, 0, h, LAST, HEADER);
  r = h + 1;
  for (const f of findings) {
    sb.row(r, 0, [
      pick(SEVERITY_LABEL[f.severity], lang),
      f.code,
      f.sheet ?? null,
      f.cell ?? null,
      f.branch ?? null,
      f.indicator ?? null,
      pick(f.message, lang),
      f.suggestion ? pick(f.suggestion, lang) : null,
    ]);
    if (f.sheet && f.cell) {
      sb.link(r, 3, f.cell, f.sheet, f.cell);
      sb.style(r, 3, r, 3, LINK);
    }
    sb.style(r, 0, r, 0, SEVERITY_STYLE[f.severity]);
    const lines = Math.max(
      wrappedLines(pick(f.message, lang), WIDTHS[MESSAGE_COL] - 1),
      f.suggestion ? wrappedLines(pick(f.suggestion, lang), WIDTHS[MESSAGE_COL + 1] - 1) : 1,
    );
    if (lines > 1) sb.height(r, linesHeight(lines));
    r++;
  }
  if (findings.length) sb.style(h + 1, 0, r - 1, LAST, { ...BORDER, wrap: true });

  return sb.build({
    kind: 'checks',
    name,
    ...(replaces ? { replaces } : {}),
    columnWidths: [...WIDTHS],
    ...(h + 1 <= MAX_FROZEN_ROWS ? { freeze: { rows: h + 1, columns: 0 } } : {}),
    print: {
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      titleRows: rowsOf(h),
      area: rangeOf(0, 0, Math.max(r - 1, h), LAST),
    },
  });
}
