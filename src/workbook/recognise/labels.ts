/**
 * Labels above a header ("党支部：机关第一党支部　测评类型：民主测评") and the keyword rules that turn a
 * text into a source, a period or a rater identity (SPEC §4.4).
 */
import { normalizeKey, trimAll } from '../../core/text';
import type { CellRef, Period, RaterType, Source } from '../../core/types';
import type { Ctx } from './context';
import type { Grid } from './grid';
import { MAX_HEADER_COLS } from './header';
import { ROLE_WORDS } from './vocab';

/** Source of a text: 自评/自查 first ("自评" is not a 测评), then 民主, 组织/考核组, and 测评 last. */
export function sourceOfText(s: string): Source | undefined {
  const k = normalizeKey(s);
  if (k.includes('自评') || k.includes('自查')) return '自评';
  if (k.includes('民主')) return '民主测评';
  if (k.includes('组织') || k.includes('考核组')) return '组织考核';
  if (k.includes('测评')) return '民主测评';
  return undefined;
}

const HALF_YEAR = /上半年|半年|(^|[^0-9])0?6月/;
const ANNUAL = /下半年|全年|年度|12月/;

/** half-year for 半年/上半年/6月, annual for 全年/年度/12月/下半年, undefined when the text says neither. */
export function periodOfText(s: string): Period | undefined {
  const k = normalizeKey(s);
  if (k === '') return undefined;
  if (k.includes('下半年')) return 'annual';
  if (HALF_YEAR.test(k)) return 'half-year';
  if (ANNUAL.test(k)) return 'annual';
  return undefined;
}

/** Rater identity: a value containing 党员 but not 非党 is a party member; other non-blank values are not. */
export function raterTypeOf(s: string): RaterType | undefined {
  const k = normalizeKey(s);
  if (k === '') return undefined;
  return k.includes('党员') && !k.includes('非党') ? 'party' : 'nonparty';
}

type LabelKind = 'branch' | 'source' | 'period';
const LABEL_KEYS: [string, LabelKind][] = [
  ['被考核党支部', 'branch'],
  ['被考核党组织', 'branch'],
  ['被考核单位', 'branch'],
  ['党支部名称', 'branch'],
  ['支部名称', 'branch'],
  ['党支部', 'branch'],
  ['党组织', 'branch'],
  ['支部', 'branch'],
  ['单位', 'branch'],
  ['测评类型', 'source'],
  ['考核类型', 'source'],
  ['测评方式', 'source'],
  ['考核方式', 'source'],
  ['评价方式', 'source'],
  ['类别', 'source'],
  ['来源', 'source'],
  ['考核期间', 'period'],
  ['测评期间', 'period'],
  ['期间', 'period'],
  ['时段', 'period'],
];
const KIND_OF = new Map(LABEL_KEYS);
/** Short keys that are often the tail of another word (填报单位): they need a boundary before them. */
const WEAK = new Set(['支部', '单位', '类别', '来源', '期间', '时段']);
const LABEL_RE = new RegExp(`(${LABEL_KEYS.map(([k]) => k).join('|')})[ \\t\\u3000]*[:：]`, 'g');
const COLON = /[:：]/;
const LETTER = /\p{L}/u;
/**
 * Other keys written beside a label in the same cell ("党支部：后勤 党支部  日期：2025年12月"): a label's
 * value stops at one of them (or at the next label key), never at a space, so names with spaces survive.
 */
const STOP_RE = new RegExp(
  `(?:${[
    '填表日期', '填报日期', '测评日期', '考核日期', '日期', '时间',
    '参评人数', '应到人数', '实到人数', '应参评人数', '实参评人数', '人数', '有效票数', '份数',
    '填表人', '填报人', '统计人', '计票人', '监票人', '审核人', '负责人', '联系人', '联系电话', '电话',
    '填报单位', '填表单位',
  ].join('|')})[ \t\u3000]*[:：]`,
);
const TRAILING = /[,，;；、。.]+$/;

export interface Labels {
  branch?: { name: string; ref: CellRef };
  source?: Source;
  /** a source label whose value names no source */
  sourceText?: string;
  period?: Period;
  /** from title texts (no label key): lower priority than the sheet name */
  titleSource?: Source;
  titleHalfYear?: boolean;
}

interface Hit {
  kind: LabelKind;
  start: number;
  end: number;
}

function hits(text: string): Hit[] {
  const out: Hit[] = [];
  LABEL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL_RE.exec(text)) !== null) {
    const key = m[1];
    if (WEAK.has(key) && m.index > 0 && LETTER.test(text[m.index - 1])) continue;
    out.push({ kind: KIND_OF.get(key) as LabelKind, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The value after a label key: up to a stop key (or the end), trimmed, without trailing punctuation. */
function cleanLabelValue(raw: string): string {
  const stop = STOP_RE.exec(raw);
  const value = stop ? raw.slice(0, stop.index) : raw;
  return trimAll(trimAll(value).replace(TRAILING, ''));
}

/** Labels and titles in rows [from, to) of a sheet. */
export function readLabels(grid: Grid, ctx: Ctx, from: number, to: number): Labels {
  const out: Labels = {};
  const width = Math.min(grid.width, MAX_HEADER_COLS);
  for (let r = Math.max(0, from); r < to && r < grid.height; r++) {
    for (let c = 0; c < width; c++) {
      const v = grid.value(r, c);
      if (typeof v !== 'string') continue;
      const text = v;
      const found = hits(text);
      if (found.length === 0) {
        if (COLON.test(text) || ROLE_WORDS.has(ctx.key(text))) continue;
        out.titleSource ??= sourceOfText(text);
        const k = normalizeKey(text);
        if ((k.includes('上半年') || k.includes('半年')) && !k.includes('下半年')) out.titleHalfYear = true;
        continue;
      }
      found.forEach((h, i) => {
        let value = cleanLabelValue(text.slice(h.end, i + 1 < found.length ? found[i + 1].start : text.length));
        let ref = grid.ref(r, c);
        if (value === '' && i === found.length - 1) {
          // "党支部：" in one cell and the name in the next one
          for (let c2 = c + 1; c2 < width; c2++) {
            const next = grid.text(r, c2);
            if (next === '') continue;
            if (!COLON.test(next)) {
              value = cleanLabelValue(next);
              ref = grid.ref(r, c2);
            }
            break;
          }
        }
        if (value === '') return;
        if (h.kind === 'branch') out.branch ??= { name: value, ref };
        else if (h.kind === 'source') {
          const s = sourceOfText(value);
          if (s) out.source ??= s;
          else out.sourceText ??= value;
        } else out.period ??= periodOfText(value) ?? 'annual';
      });
    }
  }
  return out;
}
