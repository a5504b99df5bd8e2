/** The self-gap message quotes the total as every sheet shows it (84.8), not the unrounded sum (84.79). */
import { selfGap } from '../../src/core/messages';

it('quotes the rounded total', () => {
  const f = selfGap('甲', 96, 84.79);
  expect(f.message.zh).toContain('考核总分 84.8');
  expect(f.message.zh).not.toContain('84.79');
  expect(f.message.en).toContain('total of 84.8');
  expect(f.message.zh).toContain('高出 11.2 分');
});
