/**
 * The rating layouts (SPEC §4.4), in the order a header row is tried against them: the first whose
 * `recognise` accepts a row gives the sheet its role. To add a layout, write one file implementing
 * RatingLayout (./types.ts) and add it here.
 */
import { formsLayout } from './forms';
import { longLayout } from './long';
import { questionnaireLayout } from './questionnaire';
import { tallyLayout } from './tally';
import type { BlockHeader, RatingLayout } from './types';

// A questionnaire download is tried first (numbered questions naming indicators, with platform columns or a
// branch question: no other layout's header has them); then a tally header (a column per grade), whose
// 编号/考核内容 column would also suit a long list.
export const RATING_LAYOUTS = [questionnaireLayout, tallyLayout, formsLayout, longLayout] as const;

/** The sheet roles the rating layouts give: 'tally' | 'forms' | 'long' | … */
export type RatingRole = (typeof RATING_LAYOUTS)[number]['role'];

export type AnyLayout = RatingLayout<BlockHeader, unknown, RatingRole>;

export function layoutOf(role: string): AnyLayout | undefined {
  return (RATING_LAYOUTS as readonly AnyLayout[]).find((l) => l.role === role);
}
