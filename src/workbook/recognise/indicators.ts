/**
 * Indicator headers and cells → catalogue codes (SPEC §4.4 a): a code ("1.1", "1-1", "1．1", optionally
 * followed by text) or the indicator's text, whole or a prefix of at least 8 characters, punctuation
 * ignored.
 */
import { normalizeIndicatorCode } from '../../core/catalogue';
import { normalizeLoose } from '../../core/text';
import type { Catalogue } from '../../core/types';

export type IndicatorMatch =
  | { kind: 'indicator'; code: string }
  /** a code pattern that is not in the catalogue */
  | { kind: 'unknown-code'; code: string }
  /** a text that is a prefix of several indicators */
  | { kind: 'ambiguous'; codes: string[] }
  /** a text of at least 8 characters that matches no indicator */
  | { kind: 'unknown-text' }
  | { kind: 'none' };

const NONE: IndicatorMatch = { kind: 'none' };
const MIN_PREFIX = 8;

export class IndicatorMatcher {
  private readonly codes = new Set<string>();
  private readonly texts: { code: string; loose: string }[] = [];
  private readonly memo = new Map<string, IndicatorMatch>();

  constructor(catalogue: Catalogue) {
    for (const ind of catalogue.indicators) {
      this.codes.add(ind.code);
      // a text of punctuation only (loose '') can never match: compute() returns NONE for '' first
      this.texts.push({ code: ind.code, loose: normalizeLoose(ind.text) });
    }
  }

  match(text: string): IndicatorMatch {
    if (text === '') return NONE;
    let m = this.memo.get(text);
    if (m === undefined) {
      m = this.compute(text);
      if (this.memo.size > 50000) this.memo.clear();
      this.memo.set(text, m);
    }
    return m;
  }

  /** The code a header or cell names, or null. */
  codeOf(text: string): string | null {
    const m = this.match(text);
    return m.kind === 'indicator' ? m.code : null;
  }

  private compute(text: string): IndicatorMatch {
    const code = normalizeIndicatorCode(text);
    if (code !== null) return this.codes.has(code) ? { kind: 'indicator', code } : { kind: 'unknown-code', code };
    const loose = normalizeLoose(text);
    if (loose === '') return NONE;
    const exact = this.texts.find((t) => t.loose === loose);
    if (exact) return { kind: 'indicator', code: exact.code };
    if (loose.length < MIN_PREFIX) return NONE;
    const prefixOf = this.texts.filter((t) => t.loose.startsWith(loose));
    if (prefixOf.length === 1) return { kind: 'indicator', code: prefixOf[0].code };
    if (prefixOf.length > 1) return { kind: 'ambiguous', codes: prefixOf.map((t) => t.code) };
    // The whole text followed by something ("…完成任务。（3分）"): the longest indicator text it starts with.
    let best: { code: string; loose: string } | undefined;
    for (const t of this.texts) {
      if (t.loose.length >= MIN_PREFIX && loose.startsWith(t.loose) && (!best || t.loose.length > best.loose.length)) best = t;
    }
    return best ? { kind: 'indicator', code: best.code } : { kind: 'unknown-text' };
  }
}
