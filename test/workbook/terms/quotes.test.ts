/**
 * Chinese quotation marks (issue 25): every Chinese message quotes names and values with “” (‘’ inside a
 * quote), never with ASCII quotes, wherever it is shown (校验问题, the pane, the page, the CLI, the JSON
 * report); English keeps its ASCII quotes. Swept twice: every Chinese message template in the source, and
 * every finding the fixture workbooks produce, with the 校验问题 sheet written from them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { readWorkbook } from '../../../src/hosts/xlsx';
import type { SheetPlan } from '../../../src/workbook/plan';
import { planSample } from '../../../src/workbook/plans';
import { runAssessment } from '../../../src/workbook/pipeline';
import { zh } from '../../../src/workbook/terms/zh';

const ROOT = path.join(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** An ASCII double quote next to (around) Chinese text. */
const ASCII_AROUND_CHINESE = /"[^"\n]{0,80}[\u3000-\u9fff\uff00-\uffef]|[\u3000-\u9fff\uff00-\uffef][^"\n]{0,80}"/;

/** The Chinese string literal after each `zh:` of a source file, with its ${…} parts blanked. */
function zhLiterals(file: string): { line: number; text: string }[] {
  const src = readFileSync(path.join(ROOT, file), 'utf8');
  const out: { line: number; text: string }[] = [];
  for (const m of src.matchAll(/\bzh:\s*(`(?:[^`\\$]|\\.|\$(?!\{)|\$\{(?:[^{}]|\{[^{}]*\})*\})*`|'(?:[^'\\\n]|\\.)*')/g)) {
    // code inside ${…} may hold nested templates whose own quotes are checked as text
    out.push({ line: src.slice(0, m.index).split('\n').length, text: m[1] });
  }
  return out;
}

describe('Chinese messages quote with “”', () => {
  test.each(['src/core/messages.ts', 'src/core/ruleset.ts', 'src/workbook/recognise/messages.ts', 'src/workbook/plans/labels.ts'])('every zh template of %s', (file) => {
    const literals = zhLiterals(file);
    expect(literals.length).toBeGreaterThan(0);
    // number formats (0"（并列）") are Excel syntax, not text a user reads
    const bad = literals.filter((l) => ASCII_AROUND_CHINESE.test(l.text) && !/^'0"/.test(l.text));
    expect(bad).toEqual([]);
  });

  test('every word of the Chinese terms module', () => {
    const bad: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (typeof v === 'string') {
        if (ASCII_AROUND_CHINESE.test(v)) bad.push(`${at}: ${v}`);
      } else if (typeof v === 'function') {
        // called with names (and lists of names) to quote; a term that takes something else is skipped
        let s: unknown;
        try {
          s = (v as (...a: unknown[]) => unknown)(['甲', '乙'], ['丙'], ['丁']);
        } catch {
          s = (v as (...a: unknown[]) => unknown)('甲', '乙', '丙');
        }
        if (typeof s === 'string' && ASCII_AROUND_CHINESE.test(s)) bad.push(`${at}(): ${s}`);
      } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
    };
    walk(zh, 'zh');
    expect(bad).toEqual([]);
  });

  const files = [
    ...readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')),
    ...readdirSync(path.join(FIXTURES, 'acceptance'))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join('acceptance', f)),
  ];

  test.each(files)('every finding on %s, and the 校验问题 sheet written from them', (file) => {
    const outcome = runAssessment(readWorkbook(new Uint8Array(readFileSync(path.join(FIXTURES, file)))), { lang: 'zh', date: '2026-12-31', documents: true });
    const texts = outcome.findings.flatMap((f) => [f.message.zh, ...(f.suggestion ? [f.suggestion.zh] : [])]);
    expect(texts.length).toBeGreaterThan(0);
    const checks = (outcome.plan.sheets as SheetPlan[]).find((s) => s.name.startsWith('校验问题'));
    const cells = (checks?.values ?? []).flat().filter((v): v is string => typeof v === 'string');
    expect(cells.length).toBeGreaterThan(0);
    expect([...texts, ...cells].filter((t) => ASCII_AROUND_CHINESE.test(t))).toEqual([]);
  });

  test('the sample, whose mistakes name branches: “”, in the report too', () => {
    const sheets = (planSample().sheets as SheetPlan[]).map((s) => ({ name: s.name, values: s.values.map((r) => r ?? []), merges: s.merges }));
    const outcome = runAssessment({ sheets }, { lang: 'zh', date: '2026-12-31', documents: true });
    const named = outcome.report.issues.filter((i) => i.branch && i.message.includes(`“${i.branch}”`));
    expect(named.length).toBeGreaterThan(0);
    expect(outcome.report.issues.filter((i) => ASCII_AROUND_CHINESE.test(i.message) || ASCII_AROUND_CHINESE.test(i.suggestion ?? ''))).toEqual([]);
  });
});
