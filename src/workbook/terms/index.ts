/** The user-facing words by language (terms/zh.ts, terms/en.ts). */
import type { Lang, Text } from '../../core/types';
import { en } from './en';
import { zh, type Terms } from './zh';

export type { SettingGroupId, StepId, TabId, Terms } from './zh';

export const TERMS: Readonly<Record<Lang, Terms>> = { zh, en };

export function termsFor(lang: Lang): Terms {
  return TERMS[lang];
}

/** One term in both languages, for output sheets that hold Text. */
export function bilingual(pick: (t: Terms) => string): Text {
  return { zh: pick(zh), en: pick(en) };
}
