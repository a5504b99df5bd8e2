/**
 * Every message the product can show (src/core/messages.ts, SPEC §5), one call each with distinctive
 * arguments: what the user reads must quote the values it is about, in Chinese and in English, name the
 * cell it points at, and carry a suggestion in both languages where there is one.
 */
import * as msg from '../../src/core/messages';
import type { CellRef, Finding, Text } from '../../src/core/types';

const REF: CellRef = { sheet: '表甲', cell: 'C7' };
const FIRST: CellRef = { sheet: '表乙', cell: 'D9' };
const CJK = /[\u4e00-\u9fff]/;

/** Both languages are written and quote each value. */
function says(t: Text | undefined, ...values: string[]): void {
  expect(t).toBeDefined();
  const { zh, en } = t as Text;
  expect(zh).toMatch(CJK);
  expect(zh).toMatch(/[。？：）]$|[\u4e00-\u9fff]$/);
  expect(en).toMatch(/[A-Za-z]{3}/);
  expect(en.replace(/"[^"]*"/g, '')).not.toMatch(/[，。：；（）]/); // quoted Chinese text aside
  expect(en).not.toMatch(/Stryker/);
  // an optional part left out must leave nothing behind
  expect(zh + en).not.toMatch(/undefined|\[object |Stryker/);
  // Chinese quotes names with “” (‘’ inside), English with ASCII quotes
  expect(zh).not.toContain('"');
  for (const v of values) {
    expect(zh).toContain(v.replace(/"([^"]*)"/g, '“$1”'));
    expect(en).toContain(v);
  }
}

/** A finding at REF (sheet and cell) with both messages and a suggestion in both languages. */
function placed(f: Finding, severity: Finding['severity'], code: Finding['code'], ...values: string[]): void {
  expect(f).toMatchObject({ severity, code, sheet: REF.sheet, cell: REF.cell });
  says(f.message, ...values);
  says(f.suggestion);
}

describe('catalogue and settings errors block every branch and point at the cell', () => {
  it('catalogue', () => {
    const all: Finding[] = [
      msg.catalogueBadCode(REF, '值Q'),
      msg.catalogueDuplicateCode(REF, '3.2', FIRST),
      msg.catalogueBadPoints(REF, '3.2', '值Q'),
      msg.catalogueMissingText(REF, '3.2'),
    ];
    for (const f of all) placed(f, 'error', 'invalid-catalogue');
    for (const f of all) expect(f.blocksAll).toBe(true);
    says(all[0].message, '值Q');
    says(all[1].message, '3.2', '表乙!D9');
    expect(all[1].indicator).toBe('3.2');
    says(all[2].message, '3.2', '值Q');
    says(all[3].message, '3.2');
    expect([all[2].indicator, all[3].indicator]).toEqual(['3.2', '3.2']);
    const empty = msg.catalogueEmpty('目录', 'A1:D1');
    expect(empty).toMatchObject({ severity: 'error', code: 'invalid-catalogue', sheet: '目录', cell: 'A1:D1', blocksAll: true });
    says(empty.message, '目录');
    says(empty.suggestion, '26');
    expect(msg.catalogueEmpty('目录').cell).toBeUndefined();
    const sum = msg.catalogueSum('目录', undefined, '99.5');
    expect(sum).toMatchObject({ sheet: '目录', blocksAll: true });
    expect(sum.cell).toBeUndefined();
    says(sum.message, '99.5', '100');
    says(sum.suggestion, '100');
  });

  it('settings', () => {
    const unknown = msg.settingsUnknownKey(REF, '值Q', ['年度', '优秀系数']);
    placed(unknown, 'error', 'invalid-settings', '值Q');
    expect(unknown.suggestion?.zh).toContain('年度、优秀系数');
    expect(unknown.suggestion?.en).toContain('年度, 优秀系数');
    placed(msg.settingsValueWithoutKey(REF, '值Q'), 'error', 'invalid-settings', '值Q');
    placed(msg.settingsDuplicateKey(REF, '年度', FIRST), 'error', 'invalid-settings', '年度', '表乙!D9');
    const bad = msg.settingsBadValue(REF, '年度', '值Q', { zh: '应为年份', en: 'enter a year' });
    placed(bad, 'error', 'invalid-settings', '年度', '值Q');
    expect(bad.message.zh).toContain('应为年份');
    expect(bad.message.en).toContain('enter a year');
    placed(msg.settingsWeightsSum(REF, '组织考核 60%', '90%'), 'error', 'invalid-settings', '组织考核 60%', '90%');
    const order = msg.settingsOrder(REF, { zh: '分数线', en: 'score thresholds' }, '80 / 90 / 70');
    placed(order, 'error', 'invalid-settings', '80 / 90 / 70');
    expect(order.message.zh).toContain('分数线');
    expect(order.message.en).toContain('score thresholds');
    expect(order.suggestion?.zh).toContain('分数线');
    expect(order.suggestion?.en).toContain('score thresholds');
    for (const f of [unknown, bad, order]) expect(f.blocksAll).toBe(true);
    // a whole-sheet place has no cell
    expect(msg.settingsOrder({ sheet: '参数' }, { zh: '分数线', en: 'thresholds' }, '1').cell).toBeUndefined();
  });
});

describe('branches', () => {
  it('no roster is a warning with no place', () => {
    const f = msg.noRoster();
    expect(f).toMatchObject({ severity: 'warning', code: 'no-roster' });
    expect(f.sheet).toBeUndefined();
    expect(f.branch).toBeUndefined();
    says(f.message);
    says(f.suggestion, '名单');
  });

  it('an unknown branch, once, with rows, candidates and the branches it holds back', () => {
    const one = msg.unknownBranch(REF, '机关第九', [], 1);
    placed(one, 'error', 'unknown-branch', '"机关第九"');
    expect(one.branch).toBe('机关第九');
    expect(one.candidates).toEqual([]);
    expect(one.message.zh).not.toMatch(/共|可能/);
    expect(one.message.en).not.toMatch(/rows|may be/);
    expect(one.suggestion?.en).not.toContain('Did you mean');
    const many = msg.unknownBranch(REF, '机关第九', ['机关一', '机关二'], 3, ['机关一', '机关二']);
    says(many.message, '3', '"机关一"', '"机关二"');
    expect(many.message.zh).toContain('（共 3 行）');
    expect(many.message.en).toContain(' (3 rows)');
    expect(many.message.zh).toContain('“机关一”、“机关二”');
    expect(many.message.en).toContain('"机关一", "机关二"');
    expect(many.message.en).toContain(' are not graded');
    expect(msg.unknownBranch(REF, '机关第九', ['机关一'], 2, ['机关一']).message.en).toContain(' is not graded');
    says(many.suggestion, '"机关一"', '"机关二"');
    expect(many.suggestion?.zh).toContain('“机关一”、“机关二”');
    expect(many.suggestion?.en).toContain('Did you mean "机关一", "机关二"?');
    expect(many.candidates).toEqual(['机关一', '机关二']);
  });

  it('an orphan row', () => {
    const f = msg.orphanRow(REF);
    placed(f, 'error', 'orphan-row');
    expect(f.branch).toBeUndefined();
  });
});

describe('ratings and tallies', () => {
  it('name the branch, indicator and value', () => {
    const bad = msg.invalidRating(REF, '甲支部', '2.3', '优良');
    placed(bad, 'error', 'invalid-rating', '2.3', '优良');
    expect(bad).toMatchObject({ branch: '甲支部', indicator: '2.3' });
    expect(bad.suggestion?.zh).toContain('优秀、较好、一般 或 差');
    // an option number from a questionnaire: the hint names the option-order setting
    const number = msg.invalidRating(REF, '甲支部', '2.3', '3');
    says(number.suggestion, '问卷选项顺序');
    expect(msg.invalidRating(REF, '甲支部', '2.3', '13').suggestion).toEqual(bad.suggestion);
    expect(msg.invalidRating(REF, '甲支部', '2.3', 'x3').suggestion).toEqual(bad.suggestion);

    const blankError = msg.missingRating(REF, '甲支部', '2.3', true);
    placed(blankError, 'error', 'missing-rating', '2.3', '空白评分');
    expect(blankError).toMatchObject({ branch: '甲支部', indicator: '2.3' });
    expect(blankError.suggestion).toEqual(bad.suggestion);
    const abstain = msg.missingRating(REF, '甲支部', '2.3', false);
    placed(abstain, 'warning', 'missing-rating', '2.3');
    expect(abstain).toMatchObject({ branch: '甲支部', indicator: '2.3' });
    expect(abstain.message.zh).toContain('弃权');
    expect(abstain.message.en).toContain('abstention');

    const empty = msg.emptyForm(REF, '甲支部');
    placed(empty, 'warning', 'missing-rating');
    expect(empty.branch).toBe('甲支部');
    expect(msg.emptyForm(REF, '').branch).toBeUndefined(); // an empty name is no branch

    const count = msg.invalidCount(REF, '甲支部', '2.3', '较好', '值Q');
    placed(count, 'error', 'invalid-count', '2.3', '较好', '值Q');
    expect(count.message.en).toContain('较好 (good)');
    expect(count).toMatchObject({ branch: '甲支部', indicator: '2.3' });

    const mismatch = msg.tallyMismatch(REF, '甲支部', [
      { indicator: '1.1', votes: 5 },
      { indicator: '1.2', votes: 4 },
    ]);
    placed(mismatch, 'warning', 'tally-mismatch', '1.1: 5, 1.2: 4');
    expect(mismatch.branch).toBe('甲支部');

    const adj = msg.invalidAdjustment(REF, '甲支部', '值Q');
    placed(adj, 'error', 'invalid-adjustment', '值Q');
    expect(adj.branch).toBe('甲支部');
  });
});

describe('completeness and plausibility name the branch, and the sheet when known', () => {
  it('missing source and indicator', () => {
    const src = msg.missingSource('甲支部', '自评', 0.125);
    expect(src).toMatchObject({ severity: 'error', code: 'missing-source', branch: '甲支部' });
    expect(src.sheet).toBeUndefined();
    says(src.message, '"甲支部"', '12.5%');
    expect(src.message.zh).toContain('没有自评');
    expect(src.message.en).toContain('自评 (self-assessment)');
    says(src.suggestion, '');
    expect(src.suggestion?.zh).toContain('自评');
    expect(src.suggestion?.en).toContain('self-assessment forms');
    const ind = msg.missingIndicator('甲支部', '民主测评', '4.4', '测评表');
    expect(ind).toMatchObject({ severity: 'error', code: 'missing-indicator', branch: '甲支部', indicator: '4.4', sheet: '测评表' });
    says(ind.message, '"甲支部"', '4.4');
    expect(ind.message.en).toContain('民主测评 (democratic evaluation)');
    says(ind.suggestion, '4.4');
  });

  it('participation and raters', () => {
    const many = msg.tooManyForms('甲支部', 31, 30, '测评表');
    expect(many).toMatchObject({ severity: 'error', code: 'too-many-forms', branch: '甲支部', sheet: '测评表' });
    says(many.message, '"甲支部"', '31', '30');
    says(many.suggestion);
    const low = msg.lowParticipation('甲支部', 3, 5);
    expect(low).toMatchObject({ severity: 'warning', code: 'low-participation', branch: '甲支部' });
    says(low.message, '"甲支部"', '3', '5');
    says(low.suggestion);
    const party = msg.lowPartyParticipation('甲支部', 4, 9);
    expect(party).toMatchObject({ severity: 'warning', code: 'low-participation', branch: '甲支部' });
    says(party.message, '"甲支部"', '4', '9');
    says(party.suggestion);
    const nonparty = msg.noNonpartyRaters('甲支部', '测评表');
    expect(nonparty).toMatchObject({ severity: 'warning', code: 'no-nonparty-raters', branch: '甲支部', sheet: '测评表' });
    says(nonparty.message, '"甲支部"');
    says(nonparty.suggestion);
    const dup = msg.duplicateRater(REF, '甲支部', '民主测评', '07号', FIRST);
    placed(dup, 'warning', 'duplicate-rater', '"07号"', '"甲支部"', '表乙!D9');
    expect(dup.branch).toBe('甲支部');
    expect(dup.message.zh).toContain('民主测评');
    expect(dup.message.en).toContain('民主测评 (democratic evaluation)');
    const uniform = msg.uniformForm(REF, '甲支部', '组织考核', '一般');
    expect(uniform).toMatchObject({ severity: 'info', code: 'uniform-form', branch: '甲支部', sheet: REF.sheet, cell: REF.cell });
    says(uniform.message, '一般');
    expect(uniform.message.zh).toContain('组织考核');
    expect(uniform.message.en).toContain('组织考核 (organisational assessment)');
    expect(uniform.message.en).toContain('一般 (fair)');
    expect(uniform.suggestion).toBeUndefined();
    const gap = msg.selfGap('甲支部', 99.5, 80.04);
    expect(gap).toMatchObject({ severity: 'info', code: 'self-gap', branch: '甲支部' });
    says(gap.message, '"甲支部"', '99.5', '80', '19.5');
  });
});

describe('notes (备注) read as one clause in each language', () => {
  it('errors, clamping and lacking sources', () => {
    expect(msg.notes.errors(1)).toEqual({ zh: '1 个错误，见校验问题', en: '1 error, see checks' });
    expect(msg.notes.errors(3).en).toBe('3 errors, see checks');
    const all = msg.notes.blockedByAll();
    expect(all.zh).toMatch(CJK);
    expect(all.en).toMatch(/settings|catalogue/);
    const names = msg.notes.misspelledForms(['机关九', '机关十']);
    expect(names.zh).toContain('“机关九”、“机关十”');
    expect(names.en).toContain('"机关九", "机关十"');
    expect(names.en).toMatch(/not on the roster/);
    expect(names.zh).toMatch(/未计入/);
    const up = msg.notes.adjustmentClamped(12.5, 10);
    expect(up.zh).toContain('12.5');
    expect(up.zh).toMatch(/计为 10$/);
    expect(up.en).toMatch(/12\.5, capped at 10$/);
    const down = msg.notes.adjustmentClamped(-12.5, 10);
    expect(down.zh).toMatch(/-12\.5.*计为 -10$/);
    expect(down.en).toMatch(/capped at -10$/);
    const total = msg.notes.totalClamped(104.25, 100);
    expect(total.zh).toMatch(/104\.25.*100/);
    expect(total.en).toMatch(/104\.25 limited to 100/);
    const lacks = msg.notes.sourceLacksIndicators('自评', ['1.1', '2.2']);
    expect(lacks.zh).toMatch(/^自评缺少指标 1\.1、2\.2 .*未计算自评得分$/);
    expect(lacks.en).toMatch(/^自评 \(self-assessment\) lacks ratings for 1\.1, 2\.2/);
  });
});

describe('recognition and output findings', () => {
  it('ignored sheet and unknown source', () => {
    const ign = msg.ignoredSheet('杂表', { zh: '没有表头', en: 'no header' });
    expect(ign).toMatchObject({ severity: 'info', code: 'ignored-sheet', sheet: '杂表' });
    says(ign.message, '"杂表"');
    expect(ign.message.zh).toContain('没有表头');
    expect(ign.message.en).toContain('no header');
    says(ign.suggestion);
    const src = msg.unknownSource(REF, '考评');
    placed(src, 'error', 'unknown-source', '"考评"');
    const plain = msg.unknownSource(REF);
    expect(plain.message.zh).not.toContain('标注');
    expect(plain.message.en).not.toContain('labelled');
    says(plain.message);
    const value = msg.unknownSourceValue(REF, '互评', 2, '甲支部');
    placed(value, 'error', 'unknown-source', '"互评"', '2');
    expect(value.message.en).toContain('(2 rows)');
    expect(value.branch).toBe('甲支部');
    const one = msg.unknownSourceValue(REF, '互评', 1);
    expect(one.message.en).toContain('(1 row)');
    expect(one.branch).toBeUndefined();
  });

  it('unmapped columns and rows', () => {
    const code = msg.unmappedColumn(REF, '7.1', 'unknown-code', ['7.1']);
    placed(code, 'warning', 'unmapped-column', '"7.1"');
    expect(code.message.zh).toContain('没有编号 7.1');
    expect(code.message.en).toContain('no indicator 7.1');
    expect(code.indicator).toBe('7.1');
    const amb = msg.unmappedColumn(REF, '党员', 'ambiguous', ['2.1', '2.2']);
    expect(amb.message.zh).toContain('（2.1、2.2）');
    expect(amb.message.en).toContain('(2.1, 2.2)');
    expect(amb.indicator).toBeUndefined();
    const text = msg.unmappedColumn(REF, '其他', 'unknown-text');
    says(text.message, '"其他"');
    expect(text.message.zh).toContain('不对应');
    expect(text.message.en).toContain('matches no indicator');
    expect(text.indicator).toBeUndefined();
    const dup = msg.unmappedColumn(REF, '1.1', 'duplicate', ['1.1']);
    expect(dup.message.zh).toContain('指标 1.1 已有一列');
    expect(dup.message.en).toContain('indicator 1.1 already has a column');
    expect(dup.indicator).toBe('1.1');
    expect(msg.unmappedColumn(REF, '7.1', 'unknown-code').indicator).toBeUndefined();
    expect(msg.unmappedColumn(REF, '7.1', 'unknown-code').message.en).toContain('no indicator ;');
    says(msg.unmappedColumn(REF, '7.1', 'unknown-code').message, '"7.1"');
    says(msg.unmappedColumn(REF, '1.1', 'duplicate').message, '"1.1"');

    placed(msg.headerBeyondLimit(REF, '2.3', 2000), 'warning', 'unmapped-column', '"2.3"', '2000');

    const row = msg.unmappedRow(REF, '其他', 3);
    placed(row, 'warning', 'unmapped-column', '"其他"', '3');
    expect(row.message.en).toContain('(3 rows)');
    const blank = msg.unmappedRow(REF, '', 1);
    expect(blank.message.zh).toContain('（空白）');
    expect(blank.message.en).toContain('(blank)');
    expect(blank.message.en).toContain('(1 row)');

    const members = msg.invalidMembers(REF, '甲支部', '值Q');
    placed(members, 'error', 'invalid-count', '值Q');
    expect(members.branch).toBe('甲支部');
  });

  it('outputs, skipped rows, empty templates, derived and double-counted tallies, ties, legacy files', () => {
    const renamed = msg.renamedFinding('考核汇总', '考核汇总(2)');
    expect(renamed).toMatchObject({ severity: 'warning', code: 'sheet-renamed', sheet: '考核汇总' });
    says(renamed.message, '考核汇总', '考核汇总(2)');
    says(renamed.suggestion, '考核汇总');
    const formula = msg.formulaFinding('考核汇总', 'E5', '甲支部', 'SUM(B5:D5)');
    expect(formula).toMatchObject({ severity: 'warning', code: 'formula-not-overwritten', sheet: '考核汇总', cell: 'E5', branch: '甲支部' });
    says(formula.message, 'E5', '=SUM(B5:D5)', '甲支部');
    says(formula.suggestion);
    placed(msg.skippedRow(REF, 12), 'warning', 'skipped-row', '12');

    const none = msg.noRatings(['民主测评', '组织考核']);
    expect(none).toMatchObject({ severity: 'warning', code: 'no-ratings', sheet: '民主测评' });
    says(none.message);
    expect(none.message.zh).toContain('民主测评、组织考核');
    expect(none.message.en).toContain('民主测评, 组织考核');
    says(none.suggestion);
    expect(msg.noRatings([]).sheet).toBeUndefined();

    const derived = msg.derivedTally(REF, ['测评A', '测评B'], 2);
    expect(derived).toMatchObject({ severity: 'info', code: 'derived-tally', sheet: REF.sheet, cell: REF.cell });
    says(derived.message, '"表甲"', '2');
    expect(derived.message.zh).toContain('“测评A”、“测评B”');
    expect(derived.message.en).toContain('"测评A", "测评B"');
    expect(derived.message.en).toContain('(2 branches)');
    expect(msg.derivedTally(REF, ['测评A'], 1).message.en).toContain('(1 branch)');

    const dbl = msg.possibleDoubleCount(REF, '甲支部', '民主测评', '票数', '测评表');
    placed(dbl, 'warning', 'possible-double-count', '甲支部', '"票数"', '"测评表"');
    expect(dbl.branch).toBe('甲支部');
    expect(dbl.message.en).toContain('民主测评 (democratic evaluation)');
    says(dbl.suggestion, '"票数"', '"测评表"');

    const tie = msg.advancedTie(['甲支部', '乙支部'], 1);
    expect(tie).toMatchObject({ severity: 'warning', code: 'advanced-tie' });
    expect(tie.sheet).toBeUndefined();
    says(tie.message, '1');
    expect(tie.message.zh).toContain('“甲支部”、“乙支部”');
    expect(tie.message.en).toContain('"甲支部", "乙支部"');
    says(tie.suggestion);

    const xls = msg.legacyFormat('xls');
    const et = msg.legacyFormat('et');
    for (const f of [xls, et]) {
      expect(f).toMatchObject({ severity: 'info', code: 'legacy-format' });
      says(f.message, '.xlsx');
      says(f.suggestion, '.xlsx');
    }
    expect(xls.message.zh).toContain('Excel 97–2003（.xls）');
    expect(xls.message.en).toContain('Excel 97–2003 (.xls)');
    expect(et.message.zh).toContain('WPS 表格（.et）');
    expect(et.message.en).toContain('WPS Spreadsheets (.et)');
  });
});

describe('numbers and names in messages', () => {
  it('fmt rounds to at most 2 decimals, half away from zero', () => {
    expect(msg.fmt(12.345)).toBe('12.35');
    expect(msg.fmt(-12.345)).toBe('-12.35');
    expect(msg.fmt(7)).toBe('7');
    expect(msg.fmt(0.1 + 0.2)).toBe('0.3');
  });

  it('English names keep the Chinese term first', () => {
    expect(msg.sourceEn('民主测评')).toBe('民主测评 (democratic evaluation)');
    expect(msg.gradeEn('差')).toBe('差 (poor)');
  });
});
