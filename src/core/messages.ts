/**
 * Every finding and note the core makes, in Chinese and English (SPEC §5). Messages are concrete: they
 * quote the value, name the branch, indicator and cell, and suggest a fix where there is one.
 */
import { fromNumber, roundHalfAwayFromZero } from './decimal';
import type { CellRef, Finding, FindingCode, Grade, Severity, Source, Text } from './types';

type Where = { sheet?: string; cell?: string; branch?: string; indicator?: string };

function make(
  severity: Severity,
  code: FindingCode,
  where: Where,
  message: Text,
  suggestion?: Text,
  extra?: Partial<Finding>,
): Finding {
  const f: Finding = { severity, code, message };
  if (where.sheet !== undefined) f.sheet = where.sheet;
  if (where.cell !== undefined) f.cell = where.cell;
  if (where.branch !== undefined && where.branch !== '') f.branch = where.branch;
  if (where.indicator !== undefined) f.indicator = where.indicator;
  if (suggestion) f.suggestion = suggestion;
  return extra ? { ...f, ...extra } : f;
}

/** A cell, or a whole sheet when the cell is unknown. */
export type Place = { sheet: string; cell?: string };

function at(ref: Place, more: Where = {}): Where {
  return { sheet: ref.sheet, cell: ref.cell, ...more };
}

/** A number for a message: at most 2 decimals, exact rounding. */
export function fmt(n: number): string {
  return String(roundHalfAwayFromZero(fromNumber(n), 2));
}

/** "工作表!A1" for mentioning another cell inside a message. */
function place(ref: CellRef): string {
  return `${ref.sheet}!${ref.cell}`;
}

const SOURCE_EN: Record<Source, string> = { 组织考核: 'organisational assessment', 民主测评: 'democratic evaluation', 自评: 'self-assessment' };
const GRADE_EN: Record<Grade, string> = { 优秀: 'excellent', 较好: 'good', 一般: 'fair', 差: 'poor' };

export function sourceEn(s: Source): string {
  return `${s} (${SOURCE_EN[s]})`;
}
export function gradeEn(g: Grade): string {
  return `${g} (${GRADE_EN[g]})`;
}

// ---------------------------------------------------------------------------------------------
// Catalogue (invalid-catalogue): each blocks every branch

function catalogueError(where: Where, message: Text, suggestion?: Text): Finding {
  return make('error', 'invalid-catalogue', where, message, suggestion, { blocksAll: true });
}

export function catalogueEmpty(sheet: string, cell?: string): Finding {
  return catalogueError(
    { sheet, cell },
    { zh: `指标目录工作表“${sheet}”中没有任何指标。`, en: `The catalogue sheet "${sheet}" lists no indicator.` },
    {
      zh: '按 编号、类别、考核内容、分值 四列填写指标，或删除该工作表以使用默认的 26 项指标。',
      en: 'List the indicators in the columns 编号, 类别, 考核内容, 分值, or delete the sheet to use the default 26 indicators.',
    },
  );
}

export function catalogueBadCode(ref: CellRef, shown: string): Finding {
  return catalogueError(
    at(ref),
    {
      zh: `指标编号“${shown}”无效，应为“类别号.序号”的形式。`,
      en: `The indicator code "${shown}" is not valid: it must be category.item.`,
    },
    { zh: '改为 1.1、2.3 这样的编号。', en: 'Write a code such as 1.1 or 2.3.' },
  );
}

export function catalogueDuplicateCode(ref: CellRef, code: string, first: CellRef): Finding {
  return catalogueError(
    at(ref, { indicator: code }),
    {
      zh: `指标编号 ${code} 重复，${place(first)} 已使用该编号。`,
      en: `The indicator code ${code} is used twice; ${place(first)} already has it.`,
    },
    { zh: '每个指标使用唯一的编号。', en: 'Give every indicator its own code.' },
  );
}

export function catalogueBadPoints(ref: CellRef, code: string, shown: string): Finding {
  return catalogueError(
    at(ref, { indicator: code }),
    {
      zh: `指标 ${code} 的分值“${shown}”无效，分值应为大于 0 的数。`,
      en: `The points "${shown}" of indicator ${code} are not valid: points must be a number above 0.`,
    },
    { zh: '填写正数分值，如 3 或 4.5。', en: 'Enter a positive number such as 3 or 4.5.' },
  );
}

export function catalogueMissingText(ref: CellRef, code: string): Finding {
  return catalogueError(
    at(ref, { indicator: code }),
    { zh: `指标 ${code} 没有填写考核内容。`, en: `Indicator ${code} has no text (考核内容).` },
    { zh: '填写该指标的考核内容。', en: 'Enter the text of the indicator.' },
  );
}

export function catalogueSum(sheet: string, cell: string | undefined, total: string): Finding {
  return catalogueError(
    { sheet, cell },
    { zh: `各指标分值合计为 ${total}，应恰好为 100。`, en: `The indicators' points add up to ${total}; they must add up to exactly 100.` },
    { zh: '调整分值，使合计为 100。', en: 'Adjust the points so that they add up to 100.' },
  );
}

// ---------------------------------------------------------------------------------------------
// Settings (invalid-settings): each blocks every branch

function settingsError(ref: Place, message: Text, suggestion?: Text): Finding {
  return make('error', 'invalid-settings', at(ref), message, suggestion, { blocksAll: true });
}

export function settingsUnknownKey(ref: CellRef, shown: string, keys: readonly string[]): Finding {
  return settingsError(
    ref,
    { zh: `无法识别的参数“${shown}”。`, en: `Unknown setting "${shown}".` },
    {
      zh: `参数名应为以下之一：${keys.join('、')}；不需要的行请删除。`,
      en: `A setting must be one of: ${keys.join(', ')}; delete rows you do not need.`,
    },
  );
}

export function settingsValueWithoutKey(ref: CellRef, shown: string): Finding {
  return settingsError(
    ref,
    { zh: `值“${shown}”没有对应的参数名。`, en: `The value "${shown}" has no setting name.` },
    { zh: '在左侧填写参数名，或删除该值。', en: 'Enter the setting name to its left, or delete the value.' },
  );
}

export function settingsDuplicateKey(ref: CellRef, key: string, first: CellRef): Finding {
  return settingsError(
    ref,
    { zh: `参数“${key}”重复，${place(first)} 已设置该参数。`, en: `The setting "${key}" appears twice; ${place(first)} already sets it.` },
    { zh: '只保留一行。', en: 'Keep only one row.' },
  );
}

export function settingsBadValue(ref: CellRef, key: string, shown: string, allowed: Text): Finding {
  return settingsError(
    ref,
    {
      zh: `参数“${key}”的值“${shown}”无效：${allowed.zh}。`,
      en: `The value "${shown}" of the setting "${key}" is not valid: ${allowed.en}.`,
    },
    { zh: `改为有效的值，或清空以使用默认值。`, en: 'Enter a valid value, or clear it to use the default.' },
  );
}

export function settingsWeightsSum(ref: Place, parts: string | readonly string[], total: string): Finding {
  // Chinese lists take 、 (full-width), English ", ".
  const list = (sep: string) => (typeof parts === 'string' ? parts : parts.join(sep));
  return settingsError(
    ref,
    {
      zh: `三种考核方式的权重合计为 ${total}（${list('、')}），应恰好为 100%。`,
      en: `The weights of the three sources add up to ${total} (${list(', ')}); they must add up to exactly 100%.`,
    },
    { zh: '调整组织考核权重、民主测评权重、自评权重，使合计为 100%。', en: 'Adjust 组织考核权重, 民主测评权重 and 自评权重 so that they add up to 100%.' },
  );
}

export function settingsOrder(ref: Place, what: Text, values: string): Finding {
  return settingsError(
    ref,
    { zh: `${what.zh}的顺序不对（${values}）。`, en: `The ${what.en} are out of order (${values}).` },
    { zh: `${what.zh}应从优秀到差依次递减。`, en: `The ${what.en} must decrease from 优秀 to 差.` },
  );
}

// ---------------------------------------------------------------------------------------------
// Branches

export function noRoster(): Finding {
  return make(
    'warning',
    'no-roster',
    {},
    {
      zh: '未找到支部名单，参评党支部取自评分表（按首次出现的顺序）。',
      en: 'No branch roster was found; the branches were taken from the ratings, in order of first appearance.',
    },
    {
      zh: '添加名称含“名单”的工作表并列出全部党支部，以便核对写错的支部名称和党员人数。',
      en: 'Add a sheet whose name contains 名单 listing every branch, so that misspelled names and member counts can be checked.',
    },
  );
}

/**
 * A name not on the roster. The roster branches it may mean (`holds`, within the documented edit
 * distance) are blocked too, since a grade must not come from partial data: this one finding names them.
 */
export function unknownBranch(ref: CellRef, name: string, candidates: string[], rows: number, holds: string[] = []): Finding {
  const times = rows > 1 ? { zh: `（共 ${rows} 行）`, en: ` (${rows} rows)` } : { zh: '', en: '' };
  const held = holds.length
    ? {
        zh: `；名称相近的${holds.map((c) => `“${c}”`).join('、')}可能就是它，暂不评定`,
        en: `; ${holds.map((c) => `"${c}"`).join(', ')}, whose name is close, may be the same branch and ${holds.length > 1 ? 'are' : 'is'} not graded yet`,
      }
    : { zh: '', en: '' };
  const suggestion: Text = candidates.length
    ? {
        zh: `是否应为：${candidates.map((c) => `“${c}”`).join('、')}？请改正名称，或将该支部加入支部名单。`,
        en: `Did you mean ${candidates.map((c) => `"${c}"`).join(', ')}? Correct the name, or add the branch to the roster.`,
      }
    : { zh: '请改正名称，或将该支部加入支部名单。', en: 'Correct the name, or add the branch to the roster.' };
  return make(
    'error',
    'unknown-branch',
    at(ref, { branch: name }),
    {
      zh: `党支部“${name}”不在支部名单中${times.zh}，其评分未计入${held.zh}。`,
      en: `The branch "${name}" is not on the roster${times.en}; its ratings were not used${held.en}.`,
    },
    suggestion,
    { candidates },
  );
}

export function orphanRow(ref: CellRef): Finding {
  return make(
    'error',
    'orphan-row',
    at(ref),
    { zh: '该行有评分，但没有填写党支部。', en: 'This row has ratings but no branch.' },
    { zh: '填写党支部名称，或删除该行。', en: 'Enter the branch name, or delete the row.' },
  );
}

// ---------------------------------------------------------------------------------------------
// Ratings and tallies

const SCALE_HINT: Text = {
  zh: '填写 优秀、较好、一般 或 差（也可写 优、良、中、差 或 A、B、C、D）。',
  en: 'Enter 优秀, 较好, 一般 or 差 (or A, B, C, D; excellent, good, fair, poor).',
};

/** An option number (1–4) from a questionnaire download read without 问卷选项顺序 (SPEC §4.4 d). */
const OPTION_NUMBER_HINT: Text = {
  zh: '这是问卷的选项序号：请在“考核参数”中设置“问卷选项顺序”（如 优秀,较好,一般,差），或下载答卷时选择按选项文本下载。',
  en: 'This is a questionnaire option number: set 问卷选项顺序 (the option order, e.g. 优秀,较好,一般,差) in the settings sheet, or download the answers as option text.',
};

export function invalidRating(ref: CellRef, branch: string, indicator: string, shown: string): Finding {
  return make(
    'error',
    'invalid-rating',
    at(ref, { branch, indicator }),
    {
      zh: `指标 ${indicator} 的评分“${shown}”不是有效的等级。`,
      en: `The rating "${shown}" for indicator ${indicator} is not on the scale.`,
    },
    /^[1-9]$/.test(shown) ? OPTION_NUMBER_HINT : SCALE_HINT,
  );
}

export function missingRating(ref: CellRef, branch: string, indicator: string, asError: boolean): Finding {
  return asError
    ? make(
        'error',
        'missing-rating',
        at(ref, { branch, indicator }),
        {
          zh: `指标 ${indicator} 未评分（参数“空白评分”为空白视为错误）。`,
          en: `Indicator ${indicator} is not rated (the setting 空白评分 treats blanks as errors).`,
        },
        SCALE_HINT,
      )
    : make(
        'warning',
        'missing-rating',
        at(ref, { branch, indicator }),
        {
          zh: `指标 ${indicator} 未评分，按弃权处理，不计入该指标的平均。`,
          en: `Indicator ${indicator} is not rated; it counts as an abstention and is left out of that indicator's mean.`,
        },
        { zh: '如属漏录，请补填等级。', en: 'If the rating was left out by mistake, enter it.' },
      );
}

export function emptyForm(ref: CellRef, branch: string): Finding {
  return make(
    'warning',
    'missing-rating',
    at(ref, { branch }),
    { zh: '该行所有指标都未评分，不计为一份测评表。', en: 'Every indicator of this row is blank; it is not counted as a form.' },
    { zh: '补填评分，或删除该行。', en: 'Enter the ratings, or delete the row.' },
  );
}

export function invalidCount(ref: CellRef, branch: string, indicator: string, grade: Grade, shown: string): Finding {
  return make(
    'error',
    'invalid-count',
    at(ref, { branch, indicator }),
    {
      zh: `指标 ${indicator} 的“${grade}”票数“${shown}”无效，应为不小于 0 的整数或勾（√）。`,
      en: `The ${gradeEn(grade)} vote count "${shown}" for indicator ${indicator} is not valid: enter a whole number ≥ 0 or a tick (√).`,
    },
    { zh: '填写票数，如 0、3、12；没有票可留空。', en: 'Enter a number of votes such as 0, 3 or 12; leave it blank for none.' },
  );
}

export function tallyMismatch(ref: CellRef, branch: string, totals: { indicator: string; votes: number }[]): Finding {
  const list = totals.map((t) => `${t.indicator}: ${t.votes}`).join(', ');
  return make(
    'warning',
    'tally-mismatch',
    at(ref, { branch }),
    {
      zh: `票数汇总中各指标的总票数不一致（${list}）。`,
      en: `The vote totals differ between indicators in this tally (${list}).`,
    },
    {
      zh: '核对票数：每个指标的总票数通常应等于收回的测评表份数。',
      en: 'Check the counts: each indicator usually has as many votes as forms were returned.',
    },
  );
}

export function invalidAdjustment(ref: CellRef, branch: string, shown: string): Finding {
  return make(
    'error',
    'invalid-adjustment',
    at(ref, { branch }),
    { zh: `加减分“${shown}”不是数字。`, en: `The adjustment "${shown}" is not a number.` },
    { zh: '填写带符号的分数，如 2、-1.5；仅作记录时留空。', en: 'Enter a signed number such as 2 or -1.5; leave it blank for a record only.' },
  );
}

// ---------------------------------------------------------------------------------------------
// Completeness

export function missingSource(branch: string, source: Source, weight: number): Finding {
  const pct = `${fmt(weight * 100)}%`;
  return make(
    'error',
    'missing-source',
    { branch },
    {
      zh: `党支部“${branch}”没有${source}的测评表，而${source}的权重为 ${pct}。`,
      en: `The branch "${branch}" has no ${sourceEn(source)} forms, and that source weighs ${pct}.`,
    },
    {
      zh: `录入该支部的${source}结果，或检查评分表中的支部名称和测评类型。`,
      en: `Enter the branch's ${SOURCE_EN[source]} forms, or check the branch names and source in the rating sheets.`,
    },
    { source },
  );
}

export function missingIndicator(branch: string, source: Source, indicator: string, sheet?: string): Finding {
  return make(
    'error',
    'missing-indicator',
    { branch, indicator, sheet },
    {
      zh: `党支部“${branch}”的${source}中，指标 ${indicator} 没有任何有效评分。`,
      en: `No ${sourceEn(source)} form of the branch "${branch}" rates indicator ${indicator} validly.`,
    },
    {
      zh: `补填该指标的评分，或检查该列表头是否能识别为指标 ${indicator}。`,
      en: `Enter ratings for that indicator, or check that its column header is recognised as ${indicator}.`,
    },
    { source },
  );
}

// ---------------------------------------------------------------------------------------------
// Democratic evaluation and plausibility

export function tooManyForms(branch: string, forms: number, members: number, sheet?: string): Finding {
  return make(
    'error',
    'too-many-forms',
    { branch, sheet },
    {
      zh: `党支部“${branch}”有 ${forms} 份党员民主测评表，多于支部名单中的党员人数 ${members}。`,
      en: `The branch "${branch}" has ${forms} democratic-evaluation forms from party members, more than its ${members} members on the roster.`,
    },
    {
      zh: '检查是否有测评表重复录入，或核对支部名单中的党员人数。',
      en: 'Check for forms entered twice, or correct the member count on the roster.',
    },
  );
}

export function lowParticipation(branch: string, forms: number, minimum: number): Finding {
  return make(
    'warning',
    'low-participation',
    { branch },
    {
      zh: `党支部“${branch}”只有 ${forms} 份民主测评表，少于最少份数 ${minimum}。`,
      en: `The branch "${branch}" has only ${forms} democratic-evaluation forms, fewer than the minimum of ${minimum}.`,
    },
    { zh: '核对是否有测评表漏录。', en: 'Check whether some forms were not entered.' },
  );
}

export function lowPartyParticipation(branch: string, partyForms: number, members: number): Finding {
  return make(
    'warning',
    'low-participation',
    { branch },
    {
      zh: `党支部“${branch}”只有 ${partyForms} 份党员民主测评表，未超过党员人数 ${members} 的一半。`,
      en: `The branch "${branch}" has only ${partyForms} democratic-evaluation forms from party members, no more than half of its ${members} members.`,
    },
    { zh: '核对参会人数和测评表是否漏录。', en: 'Check the attendance and whether some forms were not entered.' },
  );
}

export function noNonpartyRaters(branch: string, sheet?: string): Finding {
  return make(
    'warning',
    'no-nonparty-raters',
    { branch, sheet },
    {
      zh: `党支部“${branch}”的民主测评中没有党外群众代表参加。`,
      en: `No non-party representative took part in the democratic evaluation of the branch "${branch}".`,
    },
    {
      zh: '按办法应邀请党外群众（含非党行政领导）代表参加测评；如已参加，请核对测评人身份列。',
      en: 'The policy asks for non-party representatives (including non-party administrative leaders); if they took part, check the rater identity column.',
    },
  );
}

export function duplicateRater(ref: CellRef, branch: string, source: Source, rater: string, first: CellRef): Finding {
  return make(
    'warning',
    'duplicate-rater',
    at(ref, { branch }),
    {
      zh: `测评人“${rater}”对党支部“${branch}”的${source}填写了两次，另一份在 ${place(first)}。`,
      en: `The rater "${rater}" appears twice for the branch "${branch}" (${sourceEn(source)}); the other form is at ${place(first)}.`,
    },
    { zh: '删除重复录入的一份，或更正测评人编号。', en: 'Delete the duplicate form, or correct the rater.' },
  );
}

export function uniformForm(ref: CellRef, branch: string, source: Source, grade: Grade): Finding {
  return make(
    'info',
    'uniform-form',
    at(ref, { branch }),
    {
      zh: `该份${source}表对所有指标都评为“${grade}”。`,
      en: `This ${sourceEn(source)} form rates every indicator ${gradeEn(grade)}.`,
    },
  );
}

export function selfGap(branch: string, self: number, unrounded: number): Finding {
  const total = Number(roundHalfAwayFromZero(fromNumber(unrounded), 1)); // as the sheets show it
  return make(
    'info',
    'self-gap',
    { branch },
    {
      zh: `党支部“${branch}”的年度自评得分 ${fmt(self)} 比考核总分 ${fmt(total)} 高出 ${fmt(self - total)} 分（超过 10 分）。`,
      en: `The branch "${branch}" scored itself ${fmt(self)}, ${fmt(self - total)} points above its total of ${fmt(total)} (more than 10).`,
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Notes (备注)

export const notes = {
  errors(n: number): Text {
    return { zh: `${n} 个错误，见校验问题`, en: `${n} error${n === 1 ? '' : 's'}, see checks` };
  },
  blockedByAll(): Text {
    return {
      zh: '考核参数或指标目录有错误，暂不评定',
      en: 'The settings or the catalogue have errors; no branch is graded',
    };
  },
  misspelledForms(names: string[]): Text {
    return {
      zh: `名单外的名称${names.map((n) => `“${n}”`).join('、')}可能指本支部，其评分未计入`,
      en: `ratings under ${names.map((n) => `"${n}"`).join(', ')} (not on the roster) may belong to this branch and were not used`,
    };
  },
  adjustmentClamped(sum: number, cap: number): Text {
    return {
      zh: `加减分合计 ${fmt(sum)}，按上限计为 ${fmt(sum < 0 ? -cap : cap)}`,
      en: `adjustments add up to ${fmt(sum)}, capped at ${fmt(sum < 0 ? -cap : cap)}`,
    };
  },
  totalClamped(raw: number, shown: number): Text {
    return { zh: `总分 ${fmt(raw)} 按 0–100 计为 ${fmt(shown)}`, en: `total ${fmt(raw)} limited to ${fmt(shown)} (0–100)` };
  },
  sourceLacksIndicators(source: Source, indicators: string[]): Text {
    return {
      zh: `${source}缺少指标 ${indicators.join('、')} 的评分，未计算${source}得分`,
      en: `${sourceEn(source)} lacks ratings for ${indicators.join(', ')}; no score computed`,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Recognition (SPEC §4): sheets not read, sources, indicator columns and rows, roster counts

export function ignoredSheet(sheet: string, reason: Text): Finding {
  return {
    severity: 'info',
    code: 'ignored-sheet',
    sheet,
    message: { zh: `工作表“${sheet}”未识别，未读取：${reason.zh}。`, en: `Sheet "${sheet}" was not recognised and not read: ${reason.en}.` },
    suggestion: {
      zh: '如果这是评分表，请确认表头含“党支部”列和指标编号（如 1.1），或票数表的 优秀/较好/一般/差 列。',
      en: 'If this is a rating sheet, make sure its header has a 党支部 column and indicator codes (such as 1.1), or the 优秀/较好/一般/差 columns of a vote tally.',
    },
  };
}

export function unknownSource(ref: CellRef, label?: string): Finding {
  const quoted = label ? { zh: `（标注为“${label}”）`, en: ` (labelled "${label}")` } : { zh: '', en: '' };
  return {
    severity: 'error',
    code: 'unknown-source',
    ...at(ref),
    message: {
      zh: `无法确定此评分表的考核方式${quoted.zh}，其评分未计入。`,
      en: `The source of these ratings cannot be determined${quoted.en}; they were not used.`,
    },
    suggestion: {
      zh: '在表头上方加一行“测评类型：民主测评”（或 组织考核、自评），或在工作表名称中写明，或加一列“考核方式”。',
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
      zh: `考核方式“${value}”无法识别（共 ${rows} 行），这些评分未计入。`,
      en: `The source "${value}" is not recognised (${rows} row${rows > 1 ? 's' : ''}); those ratings were not used.`,
    },
    suggestion: { zh: '改为 组织考核、民主测评 或 自评。', en: 'Use 组织考核, 民主测评 or 自评.' },
  };
  if (branch) f.branch = branch;
  return f;
}

/**
 * unmapped-column for header cells past the columns read (a hostile sheet may be 16,384 wide): said once,
 * at the first such cell that looks like an indicator, so ratings beyond it are never dropped unseen.
 */
export function headerBeyondLimit(ref: CellRef, header: string, limit: number): Finding {
  return {
    severity: 'warning',
    code: 'unmapped-column',
    ...at(ref),
    message: {
      zh: `表头“${header}”像是指标，但位于第 ${limit} 列之后，超出读取范围，该列及其右侧各列未读取。`,
      en: `The header "${header}" looks like an indicator, but it lies beyond column ${limit}, past what is read; it and the columns to its right were not read.`,
    },
    suggestion: {
      zh: `把评分列移到前 ${limit} 列之内。`,
      en: `Move the rating columns within the first ${limit} columns.`,
    },
  };
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
      zh: `表头“${header}”像是指标，但${reason[why].zh}，该列未读取。`,
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
  const shown = text === '' ? { zh: '（空白）', en: '(blank)' } : { zh: `“${text}”`, en: `"${text}"` };
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
      zh: `党员人数“${shown}”不是非负整数。`,
      en: `The member count "${shown}" is not a whole number ≥ 0.`,
    },
    suggestion: { zh: '填写党员人数（整数），或清空该单元格。', en: 'Enter the number of members (a whole number), or clear the cell.' },
  };
}

// ---------------------------------------------------------------------------------------------
// Writing the outputs (SPEC §4.6, §6)

/** The warning that tells the user where an output went instead of their own sheet. */
export function renamedFinding(userSheet: string, newName: string): Finding {
  return {
    severity: 'warning',
    code: 'sheet-renamed',
    sheet: userSheet,
    message: {
      zh: `工作表“${userSheet}”不是本工具创建的，未作改动；结果已写入“${newName}”。`,
      en: `Sheet "${userSheet}" was not created by this tool and was left unchanged; the output was written to "${newName}".`,
    },
    suggestion: {
      zh: `如需使用原名称，请将“${userSheet}”改名或删除后重新运行。`,
      en: `To use the original name, rename or delete "${userSheet}" and run again.`,
    },
  };
}

export function formulaFinding(sheet: string, cell: string, branch: string, formula: string): Finding {
  return {
    severity: 'warning',
    code: 'formula-not-overwritten',
    sheet,
    cell,
    branch,
    message: {
      zh: `单元格 ${cell} 含公式（=${formula}），未写入${branch}的结果。`,
      en: `Cell ${cell} holds a formula (=${formula}); the result for ${branch} was not written there.`,
    },
    suggestion: {
      zh: '如需由本工具填写，请删除该公式后重新运行；否则请核对公式结果与“计算明细”是否一致。',
      en: 'Delete the formula and run again to have it filled, or check its result against the calculation details.',
    },
  };
}

export function skippedRow(ref: CellRef, row: number): Finding {
  return make(
    'warning',
    'skipped-row',
    at(ref),
    {
      zh: `第 ${row} 行含有评分，但看起来像合计、备注或表头行，未计入。`,
      en: `Row ${row} holds ratings but looks like a total, note or header row; it was not counted.`,
    },
    {
      zh: '如果这是一份评分，请填写党支部名称并删除“合计”“备注”等字样；否则可忽略。',
      en: 'If it is a form, fill in its branch and remove words such as 合计 or 备注; otherwise ignore this.',
    },
  );
}

export function noRatings(sheets: string[]): Finding {
  return make(
    'warning',
    'no-ratings',
    sheets.length > 0 ? { sheet: sheets[0] } : {},
    {
      zh: `评分表（${sheets.join('、')}）已识别，但还没有填写任何评分，没有党支部可以评定。`,
      en: `The rating sheets (${sheets.join(', ')}) were recognised but hold no rating yet; no branch can be graded.`,
    },
    {
      zh: '在评分表中逐行填写党支部和各指标的等级（优秀、较好、一般、差）后重新运行。',
      en: 'Fill in each form (branch and a grade 优秀/较好/一般/差 per indicator), then run again.',
    },
  );
}

/** Cells named in an uncalculated-formula finding: the first ones, then how many more. */
const LISTED_CELLS = 10;

/**
 * uncalculated-formula (SPEC §4, §5): formula cells of one sheet with no stored result, once per sheet.
 * On rating and tally cells an error (the branches concerned are blocked: their figures are unknown, not
 * blank); elsewhere (roster, settings, other cells) a warning: those cells are read as blank.
 */
export function uncalculatedFormula(sheet: string, cells: readonly string[], kind: 'rating' | 'count' | 'other', branches: readonly string[] = []): Finding {
  const ratings = kind !== 'other';
  const n = cells.length;
  const shown = cells.slice(0, LISTED_CELLS);
  const zhCells = shown.join('、') + (n > shown.length ? ` 等 ${n} 个` : '');
  const enCells = shown.join(', ') + (n > shown.length ? `, … (${n} in all)` : '');
  const what = { rating: { zh: '评分单元格', en: 'rating cell' }, count: { zh: '票数单元格', en: 'vote-count cell' }, other: { zh: '单元格', en: 'cell' } }[kind];
  if (n > 1) what.en += 's';
  const message: Text = ratings
    ? {
        zh: `公式没有计算结果：请在 Excel 或 WPS 中打开、保存后再计算。工作表“${sheet}”中有 ${n} 个${what.zh}是没有保存结果的公式（${zhCells}），其结果未知，不按空白处理，相关党支部暂不评定。`,
        en: `Formulas without a calculated result: open the file in Excel or WPS, save it and grade again. Sheet "${sheet}" has ${n} ${what.en} holding a formula with no stored result (${enCells}); their values are unknown, not blank, so the branches concerned are not graded.`,
      }
    : {
        zh: `公式没有计算结果：请在 Excel 或 WPS 中打开、保存后再计算。工作表“${sheet}”中有 ${n} 个${what.zh}是没有保存结果的公式（${zhCells}），暂按空白读取。`,
        en: `Formulas without a calculated result: open the file in Excel or WPS, save it and grade again. Sheet "${sheet}" has ${n} ${what.en} holding a formula with no stored result (${enCells}), read as blank for now.`,
      };
  const suggestion: Text = {
    zh: '由程序（如 openpyxl）生成或设为“打开时重新计算”的文件只保存公式、不保存结果；在 Excel 或 WPS 中打开后保存一次，结果就会保存下来。',
    en: 'Files written by programs (such as openpyxl) or set to recalculate on opening keep formulas without their results; opening and saving the file once in Excel or WPS stores them.',
  };
  const extra: Partial<Finding> = {};
  if (ratings && branches.length > 1) extra.branches = [...branches];
  return make(ratings ? 'error' : 'warning', 'uncalculated-formula', { sheet, cell: cells[0], ...(ratings && branches.length === 1 ? { branch: branches[0] } : {}) }, message, suggestion, extra);
}

/** The things outside cells that may refer to a sheet (SPEC §5 output-referenced), as the snapshot names them. */
export type ReferringObject = 'name' | 'chart' | 'pivot' | 'validation' | 'conditional-format';

const OBJECT_WORDS: Record<ReferringObject, Text> = {
  name: { zh: '名称', en: 'defined name' },
  chart: { zh: '图表', en: 'chart' },
  pivot: { zh: '数据透视表', en: 'pivot table' },
  validation: { zh: '数据验证', en: 'data validation' },
  'conditional-format': { zh: '条件格式', en: 'conditional format' },
};

function outputTargets(targets: readonly string[]): Text {
  return { zh: targets.map((t) => `“${t}”`).join('、'), en: targets.map((t) => `"${t}"`).join(', ') };
}

/** What happens to a sheet the product writes, said once for cells and objects alike. */
function outputRewritten(plural: boolean): Text {
  return {
    zh: `每次计算等级时，本程序都会就地改写${plural ? '这些表' : '该表'}：引用仍指向同一张表，但表中的行随名单和考核结果而变，同一个单元格以后可能对应另一个党支部或另一项数字。请核对这些引用是否仍指向原本想要的内容。`,
    en: `Each time grades are calculated the product rewrites ${plural ? 'those sheets' : 'that sheet'} in place: references still point at the same sheet, but its rows follow the roster and the results, so the same cell may later hold another branch or another figure. Check that these references still point at what was meant.`,
  };
}

const OUTPUT_LOOKUP: Text = {
  zh: '按党支部名称查找，不要引用固定单元格：例如用 XLOOKUP、VLOOKUP 或 INDEX 加 MATCH 在“党支部”列中查找支部名称，再取所需的列。',
  en: 'Look branches up by name instead of referring to a fixed cell: for example XLOOKUP, VLOOKUP or INDEX with MATCH on the 党支部 column, then take the column you need.',
};

/**
 * output-referenced (SPEC §5), cells: formulas on one of the user's sheets that refer to sheets the
 * product rewrites. Once per referring sheet, listing the first cells and how many in all.
 */
export function outputReferencedCells(sheet: string, cells: readonly string[], targets: readonly string[]): Finding {
  const n = cells.length;
  const shown = cells.slice(0, LISTED_CELLS);
  const zhCells = shown.join('、') + (n > shown.length ? ` 等 ${n} 个` : '');
  const enCells = shown.join(', ') + (n > shown.length ? `, … (${n} in all)` : '');
  const t = outputTargets(targets);
  const after = outputRewritten(targets.length > 1);
  return make(
    'warning',
    'output-referenced',
    { sheet, cell: cells[0] },
    {
      zh: `工作表“${sheet}”中有 ${n} 个单元格的公式引用了本程序生成的工作表${t.zh}（${zhCells}）。${after.zh}`,
      en: `${n} cell${n > 1 ? 's' : ''} on sheet "${sheet}" hold${n > 1 ? '' : 's'} a formula referring to ${t.en}, written by this product (${enCells}). ${after.en}`,
    },
    OUTPUT_LOOKUP,
  );
}

/** output-referenced (SPEC §5), objects: a defined name, chart, pivot table, validation or conditional format. */
export function outputReferencedObject(kind: ReferringObject, label: string, targets: readonly string[], sheet?: string, cell?: string): Finding {
  const w = OBJECT_WORDS[kind];
  const t = outputTargets(targets);
  const after = outputRewritten(targets.length > 1);
  const onZh = sheet !== undefined ? `（在工作表“${sheet}”中）` : '';
  const onEn = sheet !== undefined ? ` on sheet "${sheet}"` : '';
  return make(
    'warning',
    'output-referenced',
    sheet !== undefined ? { sheet, ...(cell !== undefined ? { cell } : {}) } : {},
    {
      zh: `${w.zh}“${label}”${onZh}引用了本程序生成的工作表${t.zh}。${after.zh}`,
      en: `The ${w.en} "${label}"${onEn} refers to ${t.en}, written by this product. ${after.en}`,
    },
    OUTPUT_LOOKUP,
  );
}

export function derivedTally(ref: CellRef, from: string[], branches: number): Finding {
  const zhFrom = from.map((n) => `“${n}”`).join('、');
  const enFrom = from.map((n) => `"${n}"`).join(', ');
  return make(
    'info',
    'derived-tally',
    at(ref),
    {
      zh: `工作表“${ref.sheet}”的票数由公式从${zhFrom}计算而来（${branches} 个党支部），这些评分已按原表计入，票数未重复计入。`,
      en: `The counts on sheet "${ref.sheet}" are formulas over ${enFrom} (${branches} branch${branches > 1 ? 'es' : ''}); those forms are counted there, so the tally was not counted again.`,
    },
  );
}

export function possibleDoubleCount(ref: CellRef, branch: string, source: Source, tallySheet: string, formsSheet: string): Finding {
  return make(
    'warning',
    'possible-double-count',
    at(ref, { branch }),
    {
      zh: `${branch}的${source}既有“${formsSheet}”中的测评表，又有“${tallySheet}”中填写的票数，两者都已计入；如果票数是由这些测评表汇总的，每份测评表被计算了两次。`,
      en: `${branch} has ${sourceEn(source)} forms on "${formsSheet}" and typed vote counts on "${tallySheet}"; both were counted. If the counts summarise those forms, each form counts twice.`,
    },
    {
      zh: `只保留一种：删除重复的票数表，或把“${tallySheet}”的票数改为引用“${formsSheet}”的公式（如 COUNTIFS）。`,
      en: `Keep one: remove the duplicate tally, or make the counts on "${tallySheet}" formulas over "${formsSheet}" (such as COUNTIFS).`,
    },
  );
}

export function advancedTie(tied: string[], quota: number): Finding {
  return make(
    'warning',
    'advanced-tie',
    {},
    {
      zh: `先进党支部推荐名额为 ${quota} 个，${tied.map((n) => `“${n}”`).join('、')}总分相同、并列在名额线上；推荐名单暂按支部名单顺序列出。`,
      en: `The advanced-branch quota is ${quota}; ${tied.map((n) => `"${n}"`).join(', ')} share the total at the cap, and the candidates follow roster order for now.`,
    },
    {
      zh: '请党委研究确定推荐哪一个（或调整推荐名额）。',
      en: 'Let the committee decide between them (or change the quota, 先进推荐名额).',
    },
  );
}

/** placeholder-issuer: a document is written while 发文单位 is still the placeholder (SPEC §5). */
export function placeholderIssuer(issuer: string): Finding {
  return make(
    'warning',
    'placeholder-issuer',
    {},
    {
      zh: `公文落款的发文单位仍是占位的“${issuer}”。`,
      en: `The documents are signed by the placeholder issuer “${issuer}”.`,
    },
    {
      zh: '在“考核参数”表中填写“发文单位”（如 中共××研究院委员会办公室）后重新生成公文。',
      en: 'Enter the issuing office as 发文单位 in the settings sheet (考核参数) and make the documents again.',
    },
  );
}

/** legacy-format: an .xls, .et or .ods input; the results go to a new .xlsx holding the product's sheets only. */
export function legacyFormat(format: 'xls' | 'et' | 'ods'): Finding {
  const kind =
    format === 'ods'
      ? { zh: ' OpenDocument 表格（.ods）', en: 'an OpenDocument Spreadsheet (.ods)' }
      : format === 'et'
        ? { zh: '旧版WPS 表格（.et）', en: 'a legacy WPS Spreadsheets (.et)' }
        : { zh: '旧版Excel 97–2003（.xls）', en: 'a legacy Excel 97–2003 (.xls)' };
  return make(
    'info',
    'legacy-format',
    {},
    {
      zh: `输入是${kind.zh}工作簿，无法原样保留：结果写入新的 .xlsx 文件，其中只有考核结果表。`,
      en: `The input is ${kind.en} workbook, which cannot be kept whole: the results go to a new .xlsx file holding the product's sheets only.`,
    },
    {
      zh: '如需把结果和原始数据放在同一个文件中，请在 Excel 或 WPS 中把工作簿另存为 .xlsx 后重新评定。',
      en: 'To keep the results and the data in one file, save the workbook as .xlsx in Excel or WPS and grade it again.',
    },
  );
}

/**
 * calculation-manual: Excel's calculation is manual and the recalculation the add-in asked for was
 * refused, so formula results (tallies, lookups) are as last calculated.
 */
export function calculationManual(): Finding {
  return make(
    'warning',
    'calculation-manual',
    {},
    {
      zh: 'Excel 的计算方式为“手动”，加载项请求重新计算未获执行：公式单元格（如票数统计、查找引用）取的是上次计算的结果，可能不是最新的。',
      en: "Excel's calculation is set to manual and the recalculation the add-in asked for was refused: formula cells (vote counts, lookups) hold their last calculated results, which may be out of date.",
    },
    {
      zh: '请按 F9（或“公式 → 开始计算”）后重新计算等级；或在“公式 → 计算选项”中改为“自动”。',
      en: 'Press F9 (or Formulas → Calculate Now) and grade again, or set Formulas → Calculation Options to Automatic.',
    },
  );
}

/** SPEC §5 previous-unmatched: a branch of one year with no branch of the same name in the other. */
export function previousUnmatched(branch: string, side: 'current' | 'previous', previous: { year: number | null; source: string }): Finding {
  const last = previous.year === null ? { zh: '上年', en: "last year's" } : { zh: `${previous.year}年度`, en: `the ${previous.year}` };
  return make(
    'info',
    'previous-unmatched',
    side === 'current' ? { branch } : {},
    side === 'current'
      ? {
          zh: `党支部“${branch}”在${last.zh}结果（${previous.source}）中没有同名党支部，不列上年总分、等级和名次。`,
          en: `The branch "${branch}" has no branch of the same name in ${last.en} results (${previous.source}): no previous total, grade or rank is shown.`,
        }
      : {
          zh: `${last.zh}结果（${previous.source}）中的党支部“${branch}”不在本年度的党支部中。`,
          en: `The branch "${branch}" of ${last.en} results (${previous.source}) is not among this year's branches.`,
        },
    {
      zh: '若党支部改了名称，请在上年结果或本年名单中统一写法后重新评定；新成立或已撤销的党支部无需处理。',
      en: 'If the branch was renamed, write the name the same way in last year\'s results or this year\'s roster and grade again; a new or dissolved branch needs nothing.',
    },
  );
}
