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

function at(ref: Place | undefined, more: Where = {}): Where {
  return ref ? { sheet: ref.sheet, cell: ref.cell, ...more } : more;
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
    { zh: `指标目录工作表"${sheet}"中没有任何指标。`, en: `The catalogue sheet "${sheet}" lists no indicator.` },
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
      zh: `指标编号"${shown}"无效，应为"类别号.序号"的形式。`,
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
      zh: `指标 ${code} 的分值"${shown}"无效，分值应为大于 0 的数。`,
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

function settingsError(ref: Place | undefined, message: Text, suggestion?: Text): Finding {
  return make('error', 'invalid-settings', at(ref), message, suggestion, { blocksAll: true });
}

export function settingsUnknownKey(ref: CellRef, shown: string, keys: readonly string[]): Finding {
  return settingsError(
    ref,
    { zh: `无法识别的参数"${shown}"。`, en: `Unknown setting "${shown}".` },
    {
      zh: `参数名应为以下之一：${keys.join('、')}；不需要的行请删除。`,
      en: `A setting must be one of: ${keys.join(', ')}; delete rows you do not need.`,
    },
  );
}

export function settingsValueWithoutKey(ref: CellRef, shown: string): Finding {
  return settingsError(
    ref,
    { zh: `值"${shown}"没有对应的参数名。`, en: `The value "${shown}" has no setting name.` },
    { zh: '在左侧填写参数名，或删除该值。', en: 'Enter the setting name to its left, or delete the value.' },
  );
}

export function settingsDuplicateKey(ref: CellRef, key: string, first: CellRef): Finding {
  return settingsError(
    ref,
    { zh: `参数"${key}"重复，${place(first)} 已设置该参数。`, en: `The setting "${key}" appears twice; ${place(first)} already sets it.` },
    { zh: '只保留一行。', en: 'Keep only one row.' },
  );
}

export function settingsBadValue(ref: CellRef, key: string, shown: string, allowed: Text): Finding {
  return settingsError(
    ref,
    {
      zh: `参数"${key}"的值"${shown}"无效：${allowed.zh}。`,
      en: `The value "${shown}" of the setting "${key}" is not valid: ${allowed.en}.`,
    },
    { zh: `改为有效的值，或清空以使用默认值。`, en: 'Enter a valid value, or clear it to use the default.' },
  );
}

export function settingsWeightsSum(ref: Place, parts: string, total: string): Finding {
  return settingsError(
    ref,
    {
      zh: `三种考核方式的权重合计为 ${total}（${parts}），应恰好为 100%。`,
      en: `The weights of the three sources add up to ${total} (${parts}); they must add up to exactly 100%.`,
    },
    { zh: '调整 组织考核权重、民主测评权重、自评权重，使合计为 100%。', en: 'Adjust 组织考核权重, 民主测评权重 and 自评权重 so that they add up to 100%.' },
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
      zh: '添加名称含"名单"的工作表并列出全部党支部，以便核对写错的支部名称和党员人数。',
      en: 'Add a sheet whose name contains 名单 listing every branch, so that misspelled names and member counts can be checked.',
    },
  );
}

export function unknownBranch(ref: CellRef, name: string, candidates: string[], rows: number): Finding {
  const times = rows > 1 ? { zh: `（共 ${rows} 行）`, en: ` (${rows} rows)` } : { zh: '', en: '' };
  const suggestion: Text = candidates.length
    ? {
        zh: `是否应为：${candidates.map((c) => `"${c}"`).join('、')}？请改正名称，或将该支部加入支部名单。`,
        en: `Did you mean ${candidates.map((c) => `"${c}"`).join(', ')}? Correct the name, or add the branch to the roster.`,
      }
    : { zh: '请改正名称，或将该支部加入支部名单。', en: 'Correct the name, or add the branch to the roster.' };
  return make(
    'error',
    'unknown-branch',
    at(ref, { branch: name }),
    {
      zh: `党支部"${name}"不在支部名单中${times.zh}，其评分未计入。`,
      en: `The branch "${name}" is not on the roster${times.en}; its ratings were not used.`,
    },
    suggestion,
    { candidates },
  );
}

/**
 * The roster branch a misspelled name most likely means is blocked too (no grade from partial data);
 * this finding names it, so the report says why it is incomplete.
 */
export function possibleMisspelling(ref: CellRef, branch: string, written: string): Finding {
  return make(
    'error',
    'unknown-branch',
    at(ref, { branch }),
    {
      zh: `名单外的名称"${written}"可能指本支部，其评分未计入，本支部暂不评定。`,
      en: `"${written}", a name not on the roster, may mean this branch: its ratings were not used, so this branch is not graded yet.`,
    },
    {
      zh: `若"${written}"就是"${branch}"，请改正名称后重新计算；否则将其加入支部名单。`,
      en: `If "${written}" is "${branch}", correct the name and grade again; otherwise add it to the roster.`,
    },
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

export function invalidRating(ref: CellRef, branch: string, indicator: string, shown: string): Finding {
  return make(
    'error',
    'invalid-rating',
    at(ref, { branch, indicator }),
    {
      zh: `指标 ${indicator} 的评分"${shown}"不是有效的等级。`,
      en: `The rating "${shown}" for indicator ${indicator} is not on the scale.`,
    },
    SCALE_HINT,
  );
}

export function missingRating(ref: CellRef, branch: string, indicator: string, asError: boolean): Finding {
  return asError
    ? make(
        'error',
        'missing-rating',
        at(ref, { branch, indicator }),
        {
          zh: `指标 ${indicator} 未评分（参数"空白评分"为空白视为错误）。`,
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
      zh: `指标 ${indicator} 的"${grade}"票数"${shown}"无效，应为不小于 0 的整数或勾（√）。`,
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
    { zh: `加减分"${shown}"不是数字。`, en: `The adjustment "${shown}" is not a number.` },
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
      zh: `党支部"${branch}"没有${source}的测评表，而${source}的权重为 ${pct}。`,
      en: `The branch "${branch}" has no ${sourceEn(source)} forms, and that source weighs ${pct}.`,
    },
    {
      zh: `录入该支部的${source}结果，或检查评分表中的支部名称和测评类型。`,
      en: `Enter the branch's ${SOURCE_EN[source]} forms, or check the branch names and source in the rating sheets.`,
    },
  );
}

export function missingIndicator(branch: string, source: Source, indicator: string, sheet?: string): Finding {
  return make(
    'error',
    'missing-indicator',
    { branch, indicator, sheet },
    {
      zh: `党支部"${branch}"的${source}中，指标 ${indicator} 没有任何有效评分。`,
      en: `No ${sourceEn(source)} form of the branch "${branch}" rates indicator ${indicator} validly.`,
    },
    {
      zh: `补填该指标的评分，或检查该列表头是否能识别为指标 ${indicator}。`,
      en: `Enter ratings for that indicator, or check that its column header is recognised as ${indicator}.`,
    },
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
      zh: `党支部"${branch}"有 ${forms} 份党员民主测评表，多于支部名单中的党员人数 ${members}。`,
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
      zh: `党支部"${branch}"只有 ${forms} 份民主测评表，少于最少份数 ${minimum}。`,
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
      zh: `党支部"${branch}"只有 ${partyForms} 份党员民主测评表，未超过党员人数 ${members} 的一半。`,
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
      zh: `党支部"${branch}"的民主测评中没有党外群众代表参加。`,
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
      zh: `测评人"${rater}"对党支部"${branch}"的${source}填写了两次，另一份在 ${place(first)}。`,
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
      zh: `该份${source}表对所有指标都评为"${grade}"。`,
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
      zh: `党支部"${branch}"的年度自评得分 ${fmt(self)} 比考核总分 ${fmt(total)} 高出 ${fmt(self - total)} 分（超过 10 分）。`,
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
    const q = names.map((n) => `"${n}"`);
    return {
      zh: `名单外的名称 ${q.join('、')} 可能指本支部，其评分未计入`,
      en: `ratings under ${q.join(', ')} (not on the roster) may belong to this branch and were not used`,
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
