/**
 * Text that XML cannot carry, made safe for saving.
 *
 * Excel stores characters XML forbids (C0 controls, U+FFFE, U+FFFF, lone surrogates) as `_xHHHH_`
 * (ECMA-376 ST_Xstring), and a literal "_xHHHH_" text as "_x005F_xHHHH_". The writer escapes every
 * string it writes the way Excel does, so the file always reopens.
 */
/** Characters XML 1.0 forbids, plus CR and DEL (Excel escapes CR; ExcelJS would drop DEL). */
const ILLEGAL = '[\\x00-\\x08\\x0B\\x0C\\x0D\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]|\\p{Cs}';
const NEEDS_ESCAPE = new RegExp(`${ILLEGAL}|_x[0-9A-Fa-f]{4}_`, 'u');
const ESCAPE = new RegExp(`${ILLEGAL}|_(?=x[0-9A-Fa-f]{4}_)`, 'gu');
const NEEDS_ILLEGAL = new RegExp(ILLEGAL, 'u');
const ESCAPE_ILLEGAL = new RegExp(ILLEGAL, 'gu');

function hex(c: string): string {
  return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** Text as a shared or inline string (`<t>`): illegal characters and a literal "_xHHHH_" escaped. */
export function escapeXstring(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPE, hex) : s;
}

/**
 * A formula's cached text result (`<v>`): only the characters XML forbids are escaped, since ExcelJS
 * does not decode escapes there (and Excel recalculates the value anyway).
 */
export function escapeIllegal(s: string): string {
  return NEEDS_ILLEGAL.test(s) ? s.replace(ESCAPE_ILLEGAL, hex) : s;
}
