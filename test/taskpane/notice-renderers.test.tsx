/** @jest-environment jsdom */
/**
 * Decide once, render many (DESIGN.md): the 考核结果通报 sheet, the on-screen preview and the Word
 * document render one notification model. From one result, the three hold the same words in the same
 * order; only the page layout differs.
 */
import { cleanup, render } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import { buildNotification } from '../../src/core/notification';
import type { NotificationModel, Ruleset } from '../../src/core/types';
import { renderNotification } from '../../src/hosts/docx';
import { NoticePages } from '../../src/taskpane/NotificationPreview';
import type { SheetPlan } from '../../src/workbook/plan';
import { buildNotificationDocument } from '../../src/workbook/plans/documents';
import { planNotificationSheet } from '../../src/workbook/plans/notification';
import { partOf, paragraphsOf, sampleRun } from '../hosts/docx/fixtures';
import { styleAt } from '../workbook/plans/fixtures';

beforeAll(() => {
  globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;
  globalThis.TextDecoder ??= TextDecoder as typeof globalThis.TextDecoder;
});
afterEach(cleanup);

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** A cell as Excel shows it: a number through its number format ("0.0" → 85.0). */
function shown(sheet: SheetPlan, r: number, c: number): string {
  const v = sheet.values[r]?.[c];
  if (v === null || v === undefined) return '';
  if (typeof v !== 'number') return String(v);
  const format = styleAt(sheet, `${String.fromCharCode(65 + c)}${r + 1}`).numberFormat;
  const decimals = format ? (/\.(0+)/.exec(format)?.[1].length ?? 0) : null;
  return decimals === null ? String(v) : v.toFixed(decimals);
}

function sheetText(model: NotificationModel, ruleset: Ruleset): string {
  const sheet = planNotificationSheet(model, ruleset, '考核结果通报');
  return squeeze(sheet.values.map((row, r) => row.map((_, c) => shown(sheet, r, c)).join('')).join(''));
}

async function wordText(model: NotificationModel, ruleset: Ruleset): Promise<string> {
  const xml = await partOf(await renderNotification(buildNotificationDocument(model, ruleset)), 'word/document.xml');
  return squeeze(paragraphsOf(xml).join(''));
}

function previewText(model: NotificationModel): string {
  const { container } = render(<NoticePages notice={model} />);
  return squeeze(container.textContent ?? '');
}

describe('one notification model, three renderings', () => {
  const run = sampleRun();
  const plain = run.notification;
  const officialRuleset: Ruleset = {
    ...run.result.ruleset,
    letterhead: '中共××研究院委员会办公室文件',
    documentNumber: '院党办〔2026〕3号',
    cc: ['院长办公室', '院纪委'],
    printer: '中共××研究院委员会办公室',
    dateStyle: 'chinese',
  };
  const official = buildNotification({ ...run.result, ruleset: officialRuleset }, '2026-12-08');

  test.each([
    ['the plain layout', plain, run.result.ruleset],
    ['with 版头 and 版记, dated in Chinese numerals', official, officialRuleset],
  ])('%s: the sheet, the preview and the Word document say the same words in the same order', async (_, model, ruleset) => {
    const word = await wordText(model, ruleset);
    expect(sheetText(model, ruleset)).toBe(word);
    expect(previewText(model)).toBe(word);
    // and the words are the model's: 主送, every paragraph, the 附件 rows, the 落款
    for (const part of [model.addressee, ...model.paragraphs, model.issuer, model.dateText, ...model.attachment.ranked.rows.map((r) => r.join(''))]) {
      expect(word).toContain(squeeze(part));
    }
  });

  test('the preview of issue 23 had no 主送, no 先进推荐 paragraph, an ISO date and internal notes', () => {
    const text = previewText(official);
    expect(text).toContain('各党总支、党支部：');
    expect(text).toContain('为先进党支部候选单位');
    expect(text).toContain('二〇二六年十二月八日');
    expect(text).not.toContain('2026-12-08');
    expect(text).not.toContain('校验问题');
    expect(text).not.toMatch(/\d个错误/);
    expect(text).toContain('院党办〔2026〕3号');
    expect(text).toContain('抄送：院长办公室，院纪委。');
    expect(text).toContain('2026年12月8日印发');
  });
});
