/** Spot-check adjustments (加减分, SPEC §4.5), as a user sees them in the result. */
import { assess } from '../../src/core/assess';
import { InputBuilder, branch, only } from './fixtures';

describe('adjustments', () => {
  it('a value without a branch is an orphan row at its branch cell; a blank row is a record only', () => {
    const b = new InputBuilder(['甲']).graded('甲', '较好', '较好');
    b.adjustment('', 2).adjustment('\u3000', null).adjustment('', ' ');
    const r = assess(b.build());
    const orphan = only(r, 'orphan-row');
    expect(orphan).toHaveLength(1);
    expect(orphan[0]).toMatchObject({ severity: 'error', sheet: '抽检记录', cell: 'A2' });
    expect(r.findings.filter((f) => f.sheet === '抽检记录')).toEqual(orphan);
    expect(branch(r, '甲')).toMatchObject({ adjustment: 0, total: 85, status: 'graded' });
  });

  it('matches the roster however the name is spaced or full-width, and names the branch as on the roster', () => {
    const b = new InputBuilder(['机关A支部', '乙']).graded('机关A支部', '较好', '较好').graded('乙', '较好', '较好');
    b.adjustment(' 机关 Ａ支部 ', 1.5).adjustment('机关 Ａ支部\u3000', '坏');
    const r = assess(b.build());
    expect(only(r, 'invalid-adjustment')).toEqual([expect.objectContaining({ branch: '机关A支部', cell: 'E3' })]);
    expect(only(r, 'invalid-adjustment')[0].message.en).toContain('"坏"');
    expect(branch(r, '机关A支部')).toMatchObject({ adjustment: 1.5, status: 'incomplete' });
    expect(branch(r, '乙')).toMatchObject({ adjustment: 0, total: 85, status: 'graded' });
  });

  it('a branch not on the roster adds to no branch, and a bad value there names it as written', () => {
    const b = new InputBuilder(['甲']).graded('甲', '较好', '较好');
    // a name far from every roster name, so that 甲 is not held back as a possible misspelling
    b.adjustment('后勤第三党支部', 5).adjustment(' 后勤第三党支部 ', '#N/A');
    const r = assess(b.build());
    expect(only(r, 'unknown-branch')).toEqual([expect.objectContaining({ branch: '后勤第三党支部', cell: 'A2' })]);
    expect(only(r, 'invalid-adjustment')).toEqual([expect.objectContaining({ branch: '后勤第三党支部', cell: 'E3' })]);
    expect(branch(r, '甲')).toMatchObject({ adjustment: 0, total: 85, status: 'graded' });
  });

  it('clamps a negative sum to minus the cap, and a sum at the cap is not clamped', () => {
    const b = new InputBuilder(['甲', '乙', '丙']).graded('甲', '较好', '较好').graded('乙', '较好', '较好').graded('丙', '较好', '较好');
    b.adjustment('甲', -8).adjustment('甲', '-4.5');
    b.adjustment('乙', 6).adjustment('乙', 4);
    b.adjustment('丙', -10);
    const r = assess(b.build());
    expect(branch(r, '甲')).toMatchObject({ adjustment: -10, total: 75 });
    expect(branch(r, '甲').notes.map((n) => n.zh)).toEqual(['加减分合计 -12.5，按上限计为 -10']);
    expect(branch(r, '乙')).toMatchObject({ adjustment: 10, total: 95, notes: [] });
    expect(branch(r, '丙')).toMatchObject({ adjustment: -10, total: 75, notes: [] });
  });

  it('uses the ruleset’s cap', () => {
    const b = new InputBuilder(['甲'], { adjustmentCap: 2.5 }).graded('甲', '较好', '较好').adjustment('甲', 3);
    const r = assess(b.build());
    expect(branch(r, '甲')).toMatchObject({ adjustment: 2.5, total: 87.5 });
  });
});
