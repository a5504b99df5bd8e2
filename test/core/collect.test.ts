/**
 * A form read from one sheet row may carry its ratings compactly (Form.row, a RatingRow) instead of one
 * RatingCell each: the core must read it to the same scores and the same findings, pointing at the same cells.
 */
import { assess } from '../../src/core/assess';
import type { AssessmentInput, Form } from '../../src/core/types';
import { CODES, InputBuilder } from './fixtures';

/** The same form with its ratings as a RatingRow; `ratings` throws, so the core must not touch it. */
function asRow(f: Form): Form {
  const row = Number(/\d+$/.exec(f.ratings[0].ref.cell)![0]);
  const out: Form = {
    ...f,
    row: {
      sheet: f.ratings[0].ref.sheet,
      row,
      codes: f.ratings.map((x) => x.indicator),
      letters: f.ratings.map((x) => x.ref.cell.replace(/\d+$/, '')),
      values: f.ratings.map((x) => x.value),
    },
  };
  Object.defineProperty(out, 'ratings', {
    get() {
      throw new Error('the core read ratings of a row form');
    },
  });
  return out;
}

function withRows(input: AssessmentInput): AssessmentInput {
  return { ...input, forms: input.forms.map(asRow) };
}

describe('forms given as rating rows', () => {
  test('same totals, grades, ranks and findings as RatingCells', () => {
    const mixed = Object.fromEntries(CODES.map((c, i) => [c, i === 0 ? '优' : i === 1 ? null : i === 2 ? '很好' : i === 3 ? 7 : i % 3 === 0 ? '较好' : '一般']));
    const b = new InputBuilder(['一支部', '二支部'], { blank: 'error' })
      .forms(3, '一支部', '组织考核', '优秀')
      .forms(6, '一支部', '民主测评', mixed, { raterType: 'party', rater: '张三' })
      .forms(2, '二支部', '组织考核', '较好')
      .forms(8, '二支部', '民主测评', '一般', { raterType: 'nonparty' })
      .form('三支部', '民主测评', '差')
      .form('', '民主测评', '优秀');
    const cells = assess(b.input);
    const rows = assess(withRows(b.input));
    expect(rows.branches).toEqual(cells.branches);
    expect(rows.findings).toEqual(cells.findings);
    // the row path did meet every kind of rating finding, with cells where the ratings are
    const codes = new Set(rows.findings.map((f) => f.code));
    for (const code of ['invalid-rating', 'missing-rating', 'duplicate-rater', 'unknown-branch', 'orphan-row', 'uniform-form']) expect(codes).toContain(code);
    expect(rows.findings.find((f) => f.code === 'invalid-rating')).toMatchObject({ sheet: '民主测评', cell: 'D2', indicator: CODES[2] });
    expect(rows.findings.find((f) => f.code === 'missing-rating')).toMatchObject({ sheet: '民主测评', cell: 'C2', indicator: CODES[1] });
  });
});
