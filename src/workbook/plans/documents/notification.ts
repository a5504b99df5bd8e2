/**
 * 考核结果通报 as an official document (SPEC §8): what the Word file says, in reading order, with no Word
 * types. The host (src/hosts/docx) lays it out to GB/T 9704-2012; this model decides the words.
 */
import { DEFAULT_DOCUMENT_FONT } from '../../../core/ruleset';
import { GRADES, type DateStyle, type NotificationModel, type Ruleset } from '../../../core/types';
import { chineseDate } from '../sheet';

export interface DocumentTable {
  columns: string[];
  rows: string[][];
  /** relative column widths */
  widths: number[];
}

export interface NotificationDocument {
  title: string;
  /** 主送机关 */
  addressee: string;
  /** body paragraphs, each indented two characters */
  body: string[];
  /** 附件说明 under the body: "附件：…" */
  attachmentNote: string;
  issuer: string;
  /** 成文日期 as printed */
  date: string;
  /** the 附件: the ranked table, and the incomplete branches apart */
  attachment: { title: string; ranked: DocumentTable; incompleteTitle?: string; incomplete?: DocumentTable };
  fonts: { title: string; body: string; heading: string; pageNumber: string };
}

export const TITLE_FONT = '方正小标宋简体';
export const HEADING_FONT = '黑体';
export const PAGE_NUMBER_FONT = '宋体';
export const ADDRESSEE = '各党总支、党支部：';

const DIGITS = '〇一二三四五六七八九';

/** 1–31 in Chinese numerals as dates write them: 十, 十二, 二十, 三十一. */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}

/** 2026-12-31 → 2026年12月31日 (GB/T 9704-2012: Arabic numerals) or 二〇二六年十二月三十一日. */
export function documentDate(iso: string, style: DateStyle = 'arabic'): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso);
  if (!m) return iso;
  if (style === 'arabic') return chineseDate(iso);
  const year = [...m[1]].map((d) => DIGITS[Number(d)]).join('');
  return `${year}年${chineseNumber(Number(m[2]))}月${chineseNumber(Number(m[3]))}日`;
}

/** "2（并列）" for a tied rank. */
function rankText(rank: number, tied: boolean): string {
  return tied ? `${rank}（并列）` : String(rank);
}

function totalText(total: number, decimals: number): string {
  return total.toFixed(decimals);
}

export function buildNotificationDocument(model: NotificationModel, ruleset: Ruleset, fallbackDate: string): NotificationDocument {
  const yearText = model.year === null ? '' : `${model.year}年度`;
  const counts = GRADES.map((g) => `“${g}”${model.gradeCounts[g] ?? 0}个`).join('，');
  const graded = model.ranked.length;
  const body = [model.lead];
  body.push(
    graded
      ? `本次考核评定${graded}个党支部，其中${counts}。各党支部名次、总分和等级见附件。`
      : '本次考核暂无评定等级的党支部。',
  );
  body.push(
    model.candidates.length
      ? `根据考核结果，推荐${model.candidates.join('、')}为先进党支部候选单位，报党委研究确定。`
      : '本次考核无评定为“优秀”的党支部，暂不推荐先进党支部候选单位。',
  );
  if (model.incomplete.length) {
    body.push(
      `${model.incomplete.map((b) => b.name).join('、')}共${model.incomplete.length}个党支部考核材料不全，暂不评定等级、不排名，待材料补齐后另行通报。`,
    );
  }
  body.push('希望各党支部以此次考核为契机，对照考核指标查找不足、认真整改，不断提高党支部工作水平。');

  // short enough for one line of 2号
  const attachmentTitle = `${yearText}党支部考核结果排名表`;
  const ranked: DocumentTable = {
    columns: ['名次', '党支部', '所属总支', '总分', '等级'],
    widths: [14, 34, 26, 13, 13],
    rows: model.ranked.map((b) => [rankText(b.rank, b.tied), b.name, b.group ?? '', totalText(b.total, ruleset.decimals), b.grade]),
  };
  const attachment: NotificationDocument['attachment'] = { title: attachmentTitle, ranked };
  if (model.incomplete.length) {
    attachment.incompleteTitle = '待补充党支部（材料不全，暂不评定、不排名）';
    attachment.incomplete = {
      columns: ['序号', '党支部', '所属总支', '原因'],
      widths: [10, 30, 22, 38],
      rows: model.incomplete.map((b, i) => [String(i + 1), b.name, b.group ?? '', b.reason]),
    };
  }
  return {
    title: model.title,
    addressee: ADDRESSEE,
    body,
    attachmentNote: `附件：${attachmentTitle}`,
    issuer: model.issuer,
    date: documentDate(model.date || fallbackDate, ruleset.dateStyle ?? 'arabic'),
    attachment,
    fonts: { title: TITLE_FONT, body: ruleset.documentFont ?? DEFAULT_DOCUMENT_FONT, heading: HEADING_FONT, pageNumber: PAGE_NUMBER_FONT },
  };
}
