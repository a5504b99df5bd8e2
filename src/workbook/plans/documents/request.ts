/** The request for approval as an official document (SPEC §8): the request model with the Word faces. */
import type { RequestModel, Ruleset } from '../../../core/types';
import { documentFonts, type DocumentFonts } from './notification';

export interface RequestDocument {
  request: RequestModel;
  widths: { ranked: number[]; incomplete: number[] };
  fonts: DocumentFonts;
}

export function buildRequestDocument(model: RequestModel, ruleset: Ruleset): RequestDocument {
  return { request: model, widths: { ranked: [14, 34, 26, 13, 13], incomplete: [10, 30, 22, 38] }, fonts: documentFonts(ruleset) };
}
