/**
 * A small builder for SheetPlan grids: values, styles, merges and links addressed by 0-based (row, column),
 * so each sheet builder reads like its layout. Shared number formats and colours live here too.
 */
import type { Grade, Lang, Ruleset, Source } from '../../core/types';
import type { CellLink, CellStyle, ListValidation, PlanValue, SheetPlan, StyleRange } from '../plan';
import { address, columnName } from '../snapshot';

/** "A1:C3" from 0-based corners; a single cell stays "A1". */
export function rangeOf(r0: number, c0: number, r1 = r0, c1 = c0): string {
  const a = address(r0, c0);
  return r0 === r1 && c0 === c1 ? a : `${a}:${address(r1, c1)}`;
}

/** Whole-column span of rows, "3:3" style, 0-based rows in, 1-based out. */
export function rowsOf(r0: number, r1 = r0): string {
  return `${r0 + 1}:${r1 + 1}`;
}

export { columnName };

/** Excel refuses (Office.js) or repairs (a file) a cell holding more characters than this. */
export const MAX_CELL_TEXT = 32767;

/** Text cut to what one cell can hold, marked with an ellipsis where it was cut. */
export function fitCell(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // never split a surrogate pair
  return text.slice(0, end) + '…';
}

/**
 * Lines a wrapped text takes in a column `width` characters wide (CJK and full-width characters count
 * double), so rows can be given a height: Excel does not grow rows of a generated file by itself.
 */
export function wrappedLines(text: string, width: number): number {
  let units = 0;
  let lines = 1;
  for (const ch of text) {
    if (ch === '\n') {
      lines++;
      units = 0;
      continue;
    }
    const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch);
    units += wide ? 2 : 1;
    if (units > width) {
      lines++;
      units = wide ? 2 : 1;
    }
  }
  return lines;
}

/** Text cut to `max` UTF-16 units with an ellipsis, never inside a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + '…';
}

/**
 * What a drop-down says to a value outside its list. Always a warning that lets the value stay, never a stop:
 * the product reads other spellings too (优, 良, A … for a grade, SPEC §3) and checks every value itself,
 * naming the cell of any it cannot read. Excel caps the title at 32 characters and the message at 255.
 */
export function dropDownAlert(list: readonly string[]): { title: string; message: string } {
  const shown = clip(list.join('、'), 60);
  return {
    title: '不在下拉列表中 / Not in the list',
    message: clip(
      `建议从下拉列表中选择（${shown}）。其他写法也可以保留：计算时会检查，无法识别的列入“校验问题”。\n` +
        'You may keep another entry: grading checks every value and lists what it cannot read.',
      255,
    ),
  };
}

/**
 * Row height in points for that many lines of 11-point text, within Excel's 409-point limit. 16 points a
 * line: Excel sets 宋体 11 at about 14.3, LibreOffice's CJK fallback (Noto Sans CJK) at 16, and neither
 * grows a row of a generated file by itself, so the taller one decides.
 */
export function linesHeight(lines: number): number {
  return Math.min(409, lines * 16 + 4);
}

export class SheetBuilder {
  private readonly grid: PlanValue[][] = [];
  readonly styles: StyleRange[] = [];
  readonly merges: string[] = [];
  readonly links: CellLink[] = [];
  readonly validations: ListValidation[] = [];
  readonly rowHeights: { row: number; height: number }[] = [];

  set(r: number, c: number, v: PlanValue): this {
    while (this.grid.length <= r) this.grid.push([]);
    const row = this.grid[r];
    while (row.length < c) row.push(null);
    row[c] = typeof v === 'string' ? fitCell(v) : v;
    return this;
  }

  /** Write `vals` left to right from (r, c0). */
  row(r: number, c0: number, vals: PlanValue[]): this {
    vals.forEach((v, i) => this.set(r, c0 + i, v));
    return this;
  }

  /** Insert a style range at position `at` of the list, so that styles added after `at` override it. */
  styleBefore(at: number, r0: number, c0: number, r1: number, c1: number, style: CellStyle): this {
    if (r1 >= r0 && c1 >= c0) this.styles.splice(at, 0, { range: rangeOf(r0, c0, r1, c1), style });
    return this;
  }

  style(r0: number, c0: number, r1: number, c1: number, style: CellStyle): this {
    if (r1 >= r0 && c1 >= c0) this.styles.push({ range: rangeOf(r0, c0, r1, c1), style });
    return this;
  }

  merge(r0: number, c0: number, r1: number, c1: number): this {
    if (r1 > r0 || c1 > c0) this.merges.push(rangeOf(r0, c0, r1, c1));
    return this;
  }

  /** A value that links to a cell of this workbook. */
  link(r: number, c: number, text: string, sheet: string, target: string): this {
    this.set(r, c, text);
    this.links.push({ cell: address(r, c), sheet, target });
    return this;
  }

  validate(r0: number, c0: number, r1: number, c1: number, list: string[]): this {
    this.validations.push({ range: rangeOf(r0, c0, r1, c1), list: [...list] });
    return this;
  }

  height(r: number, height: number): this {
    this.rowHeights.push({ row: r, height });
    return this;
  }

  /** Rows written so far (the last used row + 1). */
  get rowCount(): number {
    return this.grid.length;
  }

  /** Dense copy of the grid: every row an array, holes as null. */
  values(): PlanValue[][] {
    return this.grid.map((row) => Array.from(row, (v) => (v === undefined ? null : v)));
  }

  build(meta: Omit<SheetPlan, 'mode' | 'values' | 'styles' | 'merges' | 'links' | 'validations' | 'rowHeights'>): SheetPlan {
    const plan: SheetPlan = {
      mode: 'new',
      ...meta,
      values: this.values(),
      styles: this.styles.map((s) => ({ range: s.range, style: { ...s.style } })),
      merges: [...this.merges],
      links: this.links.map((l) => ({ ...l })),
      validations: this.validations.map((v) => ({ range: v.range, list: [...v.list] })),
    };
    if (this.rowHeights.length) plan.rowHeights = this.rowHeights.map((h) => ({ ...h }));
    return plan;
  }
}

// ---------------------------------------------------------------------------------------------
// Shared looks

export const TITLE: CellStyle = { bold: true, fontSize: 16, hAlign: 'center', vAlign: 'middle' };
export const SUBTITLE: CellStyle = { italic: true, fontSize: 9, fontColor: '#595959', hAlign: 'left', wrap: true };
export const HEADER: CellStyle = { bold: true, fill: '#D9E1F2', hAlign: 'center', vAlign: 'middle', wrap: true, border: true };
export const BORDER: CellStyle = { border: true, vAlign: 'middle' };
export const TOTAL_ROW: CellStyle = { bold: true, fill: '#F2F2F2' };
export const LINK: CellStyle = { fontColor: '#0563C1', underline: true };

/** Grade cells: Excel's familiar good/neutral/bad palette, dark text on a light fill so it prints readably. */
export const GRADE_STYLE: Record<Grade, CellStyle> = {
  优秀: { fill: '#C6EFCE', fontColor: '#006100', hAlign: 'center' },
  较好: { fill: '#DDEBF7', fontColor: '#1F4E78', hAlign: 'center' },
  一般: { fill: '#FFEB9C', fontColor: '#9C5700', hAlign: 'center' },
  差: { fill: '#FFC7CE', fontColor: '#9C0006', hAlign: 'center' },
};

export const SCORE_FORMAT = '0.0';

/** Number format of a total rounded to `decimals` (0–2, SPEC §3). */
export function totalFormat(decimals: number): string {
  const d = Math.max(0, Math.min(2, Math.trunc(decimals)));
  return d === 0 ? '0' : '0.' + '0'.repeat(d);
}

/** 0.6 → "60%" (no float noise: 0.07 → "7%"). */
export function percent(x: number): string {
  return `${Number((x * 100).toFixed(6))}%`;
}

/** A number without float noise, for labels ("0.85", "90"). */
export function plain(x: number): string {
  return String(Number(x.toFixed(6)));
}

const SOURCE_EN: Record<Source, string> = { 组织考核: 'organisational', 民主测评: 'democratic', 自评: 'self' };

/** One line stating the effective ruleset, shown under sheet titles (SPEC §3: always shown). */
export function rulesetLine(rs: Ruleset, lang: Lang): string {
  const w = rs.weights;
  const t = rs.thresholds;
  const s = rs.scale;
  if (lang === 'en') {
    const weights = (Object.keys(SOURCE_EN) as Source[]).map((k) => `${SOURCE_EN[k]} ${percent(w[k])}`).join(', ');
    return (
      `Ruleset: weights ${weights}; bands 优秀 ≥${plain(t.优秀)}, 较好 ≥${plain(t.较好)}, 一般 ≥${plain(t.一般)}, 差 below; ` +
      `scale 优秀 ${plain(s.优秀)}, 较好 ${plain(s.较好)}, 一般 ${plain(s.一般)}, 差 ${plain(s.差)}; ` +
      `total to ${rs.decimals} decimal(s); ties ${rs.ranking === 'competition' ? 'skip the next rank' : 'do not skip'}; ` +
      `adjustments capped at ±${plain(rs.adjustmentCap)}`
    );
  }
  return (
    `考核参数：组织考核 ${percent(w.组织考核)}、民主测评 ${percent(w.民主测评)}、自评 ${percent(w.自评)}；` +
    `优秀 ≥${plain(t.优秀)}、较好 ≥${plain(t.较好)}、一般 ≥${plain(t.一般)}、差 <${plain(t.一般)}；` +
    `系数 优秀 ${plain(s.优秀)}、较好 ${plain(s.较好)}、一般 ${plain(s.一般)}、差 ${plain(s.差)}；` +
    `总分保留 ${rs.decimals} 位小数；${rs.ranking === 'competition' ? '并列占位' : '并列不占位'}；加减分上限 ±${plain(rs.adjustmentCap)}`
  );
}

/** "2026-12-31" → "2026年12月31日"; anything else unchanged. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** Category name without its numeral: "一、党支部班子自身建设" → "党支部班子自身建设". */
export function bareCategoryName(name: string): string {
  return name.replace(/^\s*[一二三四五六七八九十\d]+\s*[、.．,，)）]\s*/, '').trim() || name;
}
