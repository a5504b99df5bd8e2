import { assess } from '../../src/core/assess';
import { InputBuilder } from './fixtures';

describe('messages', () => {
  it('every finding the core makes has a Chinese and an English message', () => {
    const b = new InputBuilder([{ name: '甲', members: 2 }, '乙'], { blank: 'abstain' });
    b.graded('甲', { '1.1': '优良', '1.2': null, '*': '优秀' }, '优秀');
    b.form('甲', '民主测评', '优秀', { raterType: 'party', rater: '1' }).form('甲', '民主测评', '优秀', { raterType: 'party', rater: '1' });
    b.form('甲', '民主测评', '优秀', { raterType: 'party' });
    b.form('', '民主测评', '优秀').form('乙乙', '民主测评', '优秀').form('乙', '自评', '优秀');
    b.tally('乙', '民主测评', { '1.1': [1, 'x', 0, 0], '1.2': [3, 0, 0, 0] });
    b.adjustment('甲', 'abc');
    const r = assess(b.build());
    const codes = new Set(r.findings.map((f) => f.code));
    for (const c of ['invalid-rating', 'missing-rating', 'too-many-forms', 'duplicate-rater', 'orphan-row', 'unknown-branch', 'invalid-count', 'tally-mismatch', 'invalid-adjustment', 'missing-source', 'missing-indicator', 'uniform-form', 'no-nonparty-raters'] as const) {
      expect(codes).toContain(c);
    }
    for (const f of r.findings) {
      expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.message.en).toMatch(/[A-Za-z]{3}/);
      expect(f.message.en).not.toMatch(/[，。：；（）]/); // no Chinese punctuation in English text
      expect(f.message.en).not.toBe(f.message.zh);
      if (f.suggestion) expect(f.suggestion.en.length).toBeGreaterThan(5);
    }
  });
});
