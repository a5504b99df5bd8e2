/**
 * The pane's words come from the terms modules (src/workbook/terms/zh.ts, en.ts), shared with the output
 * sheets; here only the language choice. Components never hold literals, so switching to English leaves no
 * Chinese in the UI (workbook data such as branch and sheet names stays as written).
 */
import type { Lang, Text } from '../core/types';
import { TERMS, termsFor, type Terms } from '../workbook/terms';

export type { StepId, TabId, SettingGroupId } from '../workbook/terms';
export type Strings = Terms;

export const STRINGS = TERMS;

export function stringsFor(lang: Lang): Strings {
  return termsFor(lang);
}

/** A bilingual text in the UI's language. */
export function pick(text: Text, lang: Lang): string {
  return text[lang];
}

/**
 * Chinese text with ASCII double quotes (from workbook data or older messages) gets Chinese quotes “…”,
 * without the spaces Latin typing puts around them; an odd quote is left as it is.
 */
export function chineseQuotes(text: string, lang: Lang): string {
  if (lang !== 'zh') return text;
  // Chinese sets no space around its quotes: 名单外的名称 "机关第二支部" 可能 → 名单外的名称“机关第二支部”可能.
  return text
    .replace(/"([^"\n]*)"/g, '“$1”')
    .replace(/([\u3400-\u9fff\u3000-\u303f\uff00-\uffef])[ \t]+“/g, '$1“')
    .replace(/”[ \t]+([\u3400-\u9fff\u3000-\u303f\uff00-\uffef])/g, '”$1');
}

/** zh-CN, zh-TW, zh → zh; anything else (or nothing) → en. */
export function langFromTag(tag: string | null | undefined): Lang {
  return tag && /^zh\b/i.test(tag.trim()) ? 'zh' : 'en';
}

/** Standalone: ?lang=en|zh in the URL wins, else the browser's language. */
export function langFromPage(search: string, navigatorLanguage: string | undefined): Lang {
  const wanted = new URLSearchParams(search).get('lang');
  if (wanted === 'zh' || wanted === 'en') return wanted;
  return langFromTag(navigatorLanguage);
}
