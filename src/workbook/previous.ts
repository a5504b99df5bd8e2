/**
 * Last year's results for --previous (SPEC §8): from last year's graded workbook (the 考核汇总 sheet the
 * product marked) or from last year's JSON report (SPEC §7). Host-independent: the CLI, the pane and the
 * page hand in a snapshot or the parsed JSON; a file that is neither is one clear sentence, never a guess.
 */
import type { PreviousBranch, PreviousYear } from '../core/previous';
import { normalizeKey, trimAll } from '../core/text';
import { GRADES, type CellValue, type Grade, type Text } from '../core/types';
import { SUMMARY } from './plans/labels';
import type { WorkbookSnapshot } from './snapshot';

/** `whole`: the sentence already says it is about last year's file (else the caller says so: previousFailure). */
export type PreviousRead = { ok: true; previous: PreviousYear } | { ok: false; error: Text; whole?: boolean };

/** A JSON report larger than this is not one of ours (a report of 100,000 branches is about 60 MB). */
export const MAX_PREVIOUS_JSON = 128 * 1024 * 1024;

/** The one sentence for a file of last year's results that cannot be used (CLI stderr, the pane's message). */
export function previousFailure(read: { error: Text; whole?: boolean }): Text {
  return read.whole ? read.error : { zh: `上年结果：${read.error.zh}`, en: `Last year's results: ${read.error.en}` };
}

/** How last year's file is read, by its name: a JSON report, or a workbook (a CSV is refused: it holds no marked 考核汇总). */
export function previousFileKind(name: string): 'json' | 'csv' | 'workbook' {
  return /\.json$/i.test(name) ? 'json' : /\.csv$/i.test(name) ? 'csv' : 'workbook';
}

/** A CSV given as last year's results: `shown` is how the file is named (the CLI: the path as typed). */
export function previousCsvRefused(shown: string): Text {
  return {
    zh: `上年结果应为评定后的工作簿（.xlsx）或 JSON 报告，而不是 CSV：${shown}`,
    en: `Last year's results must be a graded workbook (.xlsx) or a JSON report, not a CSV: ${shown}`,
  };
}

/** A .json over MAX_PREVIOUS_JSON: said before reading it where the size is known (the page). */
export function previousJsonTooLarge(shown: string): Text {
  return { zh: `上年报告 ${shown} 超过 128 MB，不是本产品的报告`, en: `Last year's report ${shown} is larger than 128 MB: not a report of this product` };
}

/**
 * Last year's JSON report as bytes (UTF-8, a BOM allowed), under the size limit. `source` names the file in
 * findings and messages about its content, `shown` in messages about the file itself (the CLI: the path).
 */
export function previousFromJsonBytes(bytes: Uint8Array, source: string, shown: string = source): PreviousRead {
  if (bytes.length > MAX_PREVIOUS_JSON) {
    return { ok: false, whole: true, error: previousJsonTooLarge(shown) };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, whole: true, error: { zh: `上年报告 ${shown} 不是有效的 JSON 文件`, en: `Last year's report ${shown} is not a valid JSON file` } };
  }
  return previousFromReport(json, source);
}

/** Branches a previous year may list: as many as a workbook the product grades. */
const MAX_BRANCHES = 100_000;

const fail = (zh: string, en: string): PreviousRead => ({ ok: false, error: { zh, en } });

const isGrade = (v: unknown): v is Grade => typeof v === 'string' && (GRADES as readonly string[]).includes(v);

/** The 4-digit year in a title such as "2025年度党支部工作目标管理考核汇总表". */
function yearIn(v: CellValue): number | null {
  const m = typeof v === 'string' ? /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(v) : null;
  return m ? Number(m[1]) : null;
}

const textOf = (v: CellValue): string => (typeof v === 'string' ? trimAll(v) : typeof v === 'number' ? String(v) : '');

/**
 * The marked 考核汇总 of a graded workbook: its header row (in either language the sheet was written in),
 * then one row per branch with 党支部, 总分, 等级, 排名 (blank for a 待补充 branch).
 */
export function previousFromSnapshot(snapshot: WorkbookSnapshot, source: string): PreviousRead {
  const sheet = snapshot.sheets.find((s) => s.createdBy === 'summary');
  if (!sheet) {
    return fail(
      `${source} 中没有本产品写入的“考核汇总”表：请选择上年评定后保存的结果工作簿，或上年的 JSON 报告`,
      `${source} holds no 考核汇总 sheet written by this product: choose last year's graded workbook or last year's JSON report`,
    );
  }
  const labels = (t: Text) => new Set([normalizeKey(t.zh), normalizeKey(t.en)]);
  const want = { branch: labels(SUMMARY.branch), total: labels(SUMMARY.total), grade: labels(SUMMARY.grade), rank: labels(SUMMARY.rank) };
  for (let r = 0; r < Math.min(sheet.values.length, 20); r++) {
    const row = sheet.values[r] ?? [];
    const find = (set: Set<string>) => row.findIndex((v) => typeof v === 'string' && set.has(normalizeKey(v)));
    const col = { branch: find(want.branch), total: find(want.total), grade: find(want.grade), rank: find(want.rank) };
    if (col.branch < 0 || col.total < 0 || col.grade < 0 || col.rank < 0) continue;
    const branches: PreviousBranch[] = [];
    for (let i = r + 1; i < sheet.values.length && branches.length < MAX_BRANCHES; i++) {
      const cells = sheet.values[i] ?? [];
      const name = textOf(cells[col.branch] ?? null);
      if (!name) continue;
      const total = cells[col.total];
      const grade = cells[col.grade];
      const rank = cells[col.rank];
      const graded = typeof total === 'number' && isGrade(grade) && typeof rank === 'number';
      branches.push({ name, total: graded ? total : null, grade: graded ? grade : null, rank: graded ? rank : null });
    }
    if (!branches.length) return fail(`${source} 的“${sheet.name}”表中没有党支部`, `The sheet "${sheet.name}" of ${source} lists no branch`);
    return { ok: true, previous: { year: yearIn(sheet.values[0]?.[0] ?? null), branches, source } };
  }
  return fail(
    `${source} 的“${sheet.name}”表缺少 党支部、总分、等级、排名 表头，无法读取上年结果`,
    `The sheet "${sheet.name}" of ${source} lacks the Branch, Total, Grade and Rank headers: last year's results cannot be read`,
  );
}

/** Last year's JSON report (schemaVersion 1): `year` and `branches[]` with name, total, grade, rank. */
export function previousFromReport(json: unknown, source: string): PreviousRead {
  const notReport = () =>
    fail(`${source} 不是本产品的 JSON 报告（缺少 schemaVersion 1 和 branches）`, `${source} is not a JSON report of this product (no schemaVersion 1 and branches)`);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return notReport();
  const report = json as { schemaVersion?: unknown; year?: unknown; branches?: unknown };
  if (report.schemaVersion !== 1 || !Array.isArray(report.branches)) return notReport();
  if (report.branches.length > MAX_BRANCHES) return fail(`${source} 列出的党支部超过 ${MAX_BRANCHES} 个`, `${source} lists more than ${MAX_BRANCHES} branches`);
  const branches: PreviousBranch[] = [];
  for (let i = 0; i < report.branches.length; i++) {
    const b = report.branches[i] as { name?: unknown; total?: unknown; grade?: unknown; rank?: unknown } | null;
    const name = b && typeof b.name === 'string' ? trimAll(b.name) : '';
    if (!b || !name) return fail(`${source} 的 branches[${i}] 缺少党支部名称（name）`, `branches[${i}] of ${source} has no branch name`);
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    const graded = num(b.total) !== null && isGrade(b.grade) && num(b.rank) !== null;
    branches.push({ name, total: graded ? num(b.total) : null, grade: graded ? (b.grade as Grade) : null, rank: graded ? num(b.rank) : null });
  }
  const year = typeof report.year === 'number' && Number.isInteger(report.year) ? report.year : null;
  return { ok: true, previous: { year, branches, source } };
}
