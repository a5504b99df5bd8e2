import { BOM, csvBytes, csvField, neutralize, notificationRows, summaryRows, toCsv } from '../../src/workbook/csv';
import { defaultCatalogue } from '../../src/core/catalogue';
import { defaultRuleset } from '../../src/core/ruleset';
import type { AssessmentResult, NotificationModel, Ruleset } from '../../src/core/types';
import { branchResult as branch } from '../taskpane/fixtures';

describe('neutralize', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
  ])('prefixes %j with an apostrophe', (input, expected) => {
    expect(neutralize(input)).toBe(expected);
  });

  it.each(['机关第一党支部', 'a=b', ' =1', "'=1", ''])('leaves %j alone', (s) => {
    expect(neutralize(s)).toBe(s);
  });
});

describe('csvField', () => {
  it('writes numbers as numbers, negative ones included', () => {
    expect(csvField(-2)).toBe('-2');
    expect(csvField(91.3)).toBe('91.3');
    expect(csvField(0)).toBe('0');
  });
  it('writes blanks and non-finite numbers as empty fields', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Infinity)).toBe('');
  });
  it('writes booleans as TRUE/FALSE', () => {
    expect(csvField(true)).toBe('TRUE');
    expect(csvField(false)).toBe('FALSE');
  });
  it('quotes fields with commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('x\r\ny')).toBe('"x\r\ny"');
  });
  it('neutralises before quoting', () => {
    expect(csvField('=1,2')).toBe('"\'=1,2"');
    expect(csvField('\r=1')).toBe('"\'\r=1"');
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    const csv = toCsv([
      ['名次', '党支部'],
      [1, '机关第一党支部'],
    ]);
    expect(csv).toBe(`${BOM}名次,党支部\r\n1,机关第一党支部\r\n`);
  });
  it('can omit the BOM', () => {
    expect(toCsv([['a']], false)).toBe('a\r\n');
  });
  it('encodes as UTF-8 with the BOM bytes first', () => {
    const bytes = csvBytes(toCsv([['优']]));
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(Array.from(bytes.slice(3, 6))).toEqual([0xe4, 0xbc, 0x98]); // 优
  });
});

// The default ruleset for 2026: what the office gets without a settings sheet.
const RULESET: Ruleset = { ...defaultRuleset(), year: 2026 };

describe('summaryRows', () => {
  const result: AssessmentResult = {
    year: 2026,
    ruleset: RULESET,
    catalogue: defaultCatalogue(),
    branches: [
      branch({
        name: '=机关第一党支部',
        group: '机关党总支',
        total: 91.3,
        grade: '优秀',
        rank: 1,
        tied: true,
        adjustment: -2,
        sourceScores: { 组织考核: 92.155, 民主测评: 90.03, 自评: 95, '自评(半年)': null },
        categoryScores: { '1': 17.125, '2': 22.4, '3': 14, '4': 15.2, '5': 13.9, '6': 10.7 },
      }),
      branch({ name: '二支部', status: 'incomplete', notes: [{ zh: '缺少民主测评', en: 'no democratic evaluation' }] }),
    ],
    gradeCounts: { 优秀: 1, 较好: 0, 一般: 0, 差: 0 },
    findings: [],
  };

  it('has the summary columns and one row per branch in roster order', () => {
    const rows = summaryRows(result, 'zh');
    expect(rows[0]).toEqual([
      '序号', '所属总支', '党支部',
      '党支部班子自身建设(18分)', '党员教育管理监督(24分)', '发展党员工作(15分)', '思想政治工作(16分)', '党政配合(15分)', '其它工作(12分)',
      '组织考核', '民主测评', '自评(参考)', '加减分', '总分', '等级', '排名', '状态', '备注',
    ]);
    // scores with one decimal as in 考核汇总, rounded exactly: 17.125 → 17.1, 92.155 → 92.2, 90.03 → 90.0
    expect(rows[1]).toEqual([1, '机关党总支', '=机关第一党支部', 17.1, 22.4, 14, 15.2, 13.9, 10.7, 92.2, 90, 95, -2, 91.3, '优秀', '1（并列）', '已评定', '并列第1名']);
    expect(rows[2].slice(0, 3)).toEqual([2, null, '二支部']);
    // SPEC §3: a blocked branch publishes no figure, its adjustment included
    expect(rows[2].slice(3, -2).every((v) => v === null)).toBe(true);
    expect(rows[2].slice(-2)).toEqual(['待补充', '缺少民主测评；数据不全，不列分项得分（部分数据见计算明细）']);
  });

  it('neutralises hostile names in the CSV but keeps the negative adjustment numeric', () => {
    const csv = toCsv(summaryRows(result, 'zh'));
    const line = csv.split('\r\n')[1];
    expect(line.startsWith("1,机关党总支,'=机关第一党支部,")).toBe(true);
    expect(line).toContain(',-2,91.3,');
  });

  it('labels columns and values in English', () => {
    const rows = summaryRows(result, 'en');
    expect(rows[0].slice(0, 3)).toEqual(['No.', 'General branch', 'Branch']);
    // grades stay the scale's words, as in 考核汇总
    expect(rows[1].slice(-5)).toEqual([91.3, '优秀', '1 (tied)', 'Graded', 'tied at rank 1']);
    expect(rows[2].slice(-2)).toEqual(['Needs data', 'no democratic evaluation; incomplete data: no subtotals shown (partial figures in the calculation details)']);
  });
});

describe('notificationRows', () => {
  const model: NotificationModel = {
    year: 2026,
    title: 't',
    lead: 'l',
    ranked: [
      { rank: 1, tied: false, name: '一支部', group: '机关党总支', total: 95.5, grade: '优秀' },
      { rank: 2, tied: true, name: '二支部', total: 85, grade: '较好' },
      { rank: 2, tied: true, name: '三支部', total: 85, grade: '较好' },
    ],
    gradeCounts: { 优秀: 1, 较好: 2, 一般: 0, 差: 0 },
    candidates: ['一支部'],
    incomplete: [{ name: '四支部', reason: '缺少组织考核' }],
    issuer: 'x',
    date: '2026-12-31',
    // what the CSV does not read
    titleLines: ['t'],
    addressee: '',
    paragraphs: [],
    attachmentNote: '',
    attachment: { title: '', ranked: { columns: [], rows: [] } },
    dateText: '',
  };

  it('lists ranked branches then incomplete ones apart, unranked', () => {
    expect(notificationRows(model, 'zh')).toEqual([
      ['名次', '党支部', '所属总支', '总分', '等级', '备注'],
      [1, '一支部', '机关党总支', 95.5, '优秀', null],
      ['2（并列）', '二支部', null, 85, '较好', null],
      ['2（并列）', '三支部', null, 85, '较好', null],
      [null, '四支部', null, null, '待补充', '缺少组织考核'],
    ]);
  });

  it('serialises to a CSV Excel can open', () => {
    const csv = toCsv(notificationRows(model, 'en'));
    expect(csv).toBe(
      BOM +
        'Rank,Branch,General branch,Total,Grade,Notes\r\n' +
        '1,一支部,机关党总支,95.5,Excellent,\r\n' +
        '2 (tied),二支部,,85,Good,\r\n' +
        '2 (tied),三支部,,85,Good,\r\n' +
        ',四支部,,,Incomplete,缺少组织考核\r\n',
    );
  });
});
