/** Findings that recognition makes (SPEC §5), in Chinese and English. */
import type { CellRef, Finding, Text } from '../../core/types';

function at(ref: CellRef): { sheet: string; cell: string } {
  return { sheet: ref.sheet, cell: ref.cell };
}

export const REASONS = {
  noHeader: {
    zh: '前 30 行中未找到可识别的表头（如"党支部"列、指标编号列、优秀/较好/一般/差票数列）',
    en: 'no recognisable header in the first 30 rows (a 党支部 column, indicator columns, or 优秀/较好/一般/差 vote columns)',
  },
  nameOnly: (what: Text): Text => ({
    zh: `工作表名称像${what.zh}，但未找到相应的表头`,
    en: `the sheet name suggests ${what.en}, but its header was not found`,
  }),
  duplicate: (what: Text, first: string): Text => ({
    zh: `已读取${what.zh}"${first}"，此表未读取`,
    en: `${what.en} "${first}" was already read; this one was not`,
  }),
} as const;

export const ROLE_NAMES = {
  catalogue: { zh: '指标目录', en: 'the indicator catalogue' },
  settings: { zh: '考核参数', en: 'the settings' },
  roster: { zh: '支部名单', en: 'the branch roster' },
  spot: { zh: '抽检记录', en: 'the spot checks' },
  summary: { zh: '考核汇总表', en: 'the summary sheet' },
} as const;

export function ignoredSheet(sheet: string, reason: Text): Finding {
  return {
    severity: 'info',
    code: 'ignored-sheet',
    sheet,
    message: { zh: `工作表"${sheet}"未识别，未读取：${reason.zh}。`, en: `Sheet "${sheet}" was not recognised and not read: ${reason.en}.` },
    suggestion: {
      zh: '如果这是评分表，请确认表头含"党支部"列和指标编号（如 1.1），或票数表的 优秀/较好/一般/差 列。',
      en: 'If this is a rating sheet, make sure its header has a 党支部 column and indicator codes (such as 1.1), or the 优秀/较好/一般/差 columns of a vote tally.',
    },
  };
}

export function unknownSource(ref: CellRef, label?: string): Finding {
  const quoted = label ? { zh: `（标注为"${label}"）`, en: ` (labelled "${label}")` } : { zh: '', en: '' };
  return {
    severity: 'error',
    code: 'unknown-source',
    ...at(ref),
    message: {
      zh: `无法确定此评分表的考核方式${quoted.zh}，其评分未计入。`,
      en: `The source of these ratings cannot be determined${quoted.en}; they were not used.`,
    },
    suggestion: {
      zh: '在表头上方加一行"测评类型：民主测评"（或 组织考核、自评），或在工作表名称中写明，或加一列"考核方式"。',
      en: 'Add a line "测评类型：民主测评" (or 组织考核, 自评) above the header, name the sheet after its source, or add a 考核方式 column.',
    },
  };
}

export function unknownSourceValue(ref: CellRef, value: string, rows: number, branch?: string): Finding {
  const f: Finding = {
    severity: 'error',
    code: 'unknown-source',
    ...at(ref),
    message: {
      zh: `考核方式"${value}"无法识别（共 ${rows} 行），这些评分未计入。`,
      en: `The source "${value}" is not recognised (${rows} row${rows > 1 ? 's' : ''}); those ratings were not used.`,
    },
    suggestion: { zh: '改为 组织考核、民主测评 或 自评。', en: 'Use 组织考核, 民主测评 or 自评.' },
  };
  if (branch) f.branch = branch;
  return f;
}

export type UnmappedWhy = 'unknown-code' | 'ambiguous' | 'unknown-text' | 'duplicate';

export function unmappedColumn(ref: CellRef, header: string, why: UnmappedWhy, codes: string[] = []): Finding {
  const reason: Record<UnmappedWhy, Text> = {
    'unknown-code': { zh: `指标目录中没有编号 ${codes[0] ?? ''}`, en: `the catalogue has no indicator ${codes[0] ?? ''}` },
    ambiguous: {
      zh: `可对应多个指标（${codes.join('、')}）`,
      en: `it could be any of several indicators (${codes.join(', ')})`,
    },
    'unknown-text': { zh: '与任何指标都不对应', en: 'it matches no indicator' },
    duplicate: { zh: `指标 ${codes[0] ?? ''} 已有一列`, en: `indicator ${codes[0] ?? ''} already has a column` },
  };
  const f: Finding = {
    severity: 'warning',
    code: 'unmapped-column',
    ...at(ref),
    message: {
      zh: `表头"${header}"像是指标，但${reason[why].zh}，该列未读取。`,
      en: `The header "${header}" looks like an indicator, but ${reason[why].en}; the column was not read.`,
    },
    suggestion: {
      zh: '把表头改为指标编号（如 2.3）或指标的完整内容。',
      en: 'Use the indicator code (such as 2.3) or its full text as the header.',
    },
  };
  if (why !== 'unknown-text' && why !== 'ambiguous' && codes[0]) f.indicator = codes[0];
  return f;
}

export function unmappedRow(ref: CellRef, text: string, rows: number): Finding {
  const shown = text === '' ? { zh: '（空白）', en: '(blank)' } : { zh: `"${text}"`, en: `"${text}"` };
  return {
    severity: 'warning',
    code: 'unmapped-column',
    ...at(ref),
    message: {
      zh: `指标${shown.zh}无法对应到指标目录（共 ${rows} 行），这些行未读取。`,
      en: `The indicator ${shown.en} matches none in the catalogue (${rows} row${rows > 1 ? 's' : ''}); those rows were not read.`,
    },
    suggestion: { zh: '填写指标编号（如 2.3）或指标的完整内容。', en: 'Enter the indicator code (such as 2.3) or its full text.' },
  };
}

export function invalidMembers(ref: CellRef, branch: string, shown: string): Finding {
  return {
    severity: 'error',
    code: 'invalid-count',
    ...at(ref),
    branch,
    message: {
      zh: `党员人数"${shown}"不是非负整数。`,
      en: `The member count "${shown}" is not a whole number ≥ 0.`,
    },
    suggestion: { zh: '填写党员人数（整数），或清空该单元格。', en: 'Enter the number of members (a whole number), or clear the cell.' },
  };
}
