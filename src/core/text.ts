/**
 * Text normalisation shared by recognition and checks (SPEC §3, §4): headers and values are compared
 * ignoring white space of every width and full-width/half-width differences.
 */

// ASCII, full-width (U+3000), no-break (U+00A0, U+202F, U+2007), zero-width and other Unicode spaces:
// one set for removing, trimming and the blank test, so that a cell is blank exactly when it has no text.
const SPACE_CHARS = '\\s\\u00a0\\u1680\\u180e\\u2000-\\u200b\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const SPACE = new RegExp(`[${SPACE_CHARS}]+`, 'g');
const EDGES = new RegExp(`^[${SPACE_CHARS}]+|[${SPACE_CHARS}]+$`, 'g');
const ONLY_SPACE = new RegExp(`^[${SPACE_CHARS}]*$`);

/** True for "" and text of white space only (any width, zero-width included). */
export function isSpaceOnly(s: string): boolean {
  return ONLY_SPACE.test(s);
}

/** Full-width ASCII (U+FF01–U+FF5E) to its half-width form; other characters unchanged. */
export function foldWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}

/** Remove all white space (any width) and fold full-width ASCII. Case is kept. */
export function normalize(s: string): string {
  return foldWidth(s.replace(SPACE, ''));
}

/** `normalize`, lower-cased: for comparing headers, keywords and grade spellings. */
export function normalizeKey(s: string): string {
  return normalize(s).toLowerCase();
}

/** Trim white space of every width at both ends, keeping inner spaces (for names shown back to users). */
export function trimAll(s: string): string {
  return s.replace(EDGES, '');
}

const PUNCTUATION = /[\p{P}\p{S}]/gu;

/** normalizeKey without punctuation or symbols: for matching indicator texts by prefix. */
export function normalizeLoose(s: string): string {
  return normalizeKey(s).replace(PUNCTUATION, '');
}
