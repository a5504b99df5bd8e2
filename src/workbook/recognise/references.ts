/**
 * The sheets a formula refers to, read by a small tokenizer rather than a pattern: a sheet name inside a
 * string literal ("考核汇总!A1" as text) is not a reference, a quoted name may hold spaces, brackets and
 * doubled apostrophes ('考核汇总 (2)'!A1, 'O''Brien'!A1), a 3-D reference names both end sheets
 * (Sheet1:Sheet3!A1), and a reference into another workbook ([1]Sheet!A1) is marked as such.
 */

export interface SheetReference {
  /** the sheet's name as written (quotes removed, doubled apostrophes undone, workbook prefix removed) */
  sheet: string;
  /** the workbook prefix ("1" for [1]Sheet!A1, a path for 'C:\x\[b.xlsx]Sheet'!A1): another file */
  book?: string;
}

/** Characters that end an unquoted name: operators, separators, quotes, white space. */
const DELIMITER = /[\s+\-*/^&=<>%(),;:{}"'!@]/u;

/**
 * Every sheet reference in a formula (without the leading "="), in order of appearance, each once per
 * sheet and book. Never throws: an unterminated string or quote just ends the scan.
 */
export function sheetReferences(formula: string): SheetReference[] {
  const out: SheetReference[] = [];
  const seen = new Set<string>();
  const add = (raw: string): void => {
    const ref = split(raw);
    for (const sheet of ref.sheets) {
      if (sheet === '') continue;
      const key = `${ref.book ?? ''}\u0000${sheet}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(ref.book !== undefined ? { sheet, book: ref.book } : { sheet });
    }
  };
  const n = formula.length;
  let i = 0;
  // the unquoted word just before a ":" (start of a possible 3-D reference), and where that ":" was
  let pendingStart: { text: string; colon: number } | null = null;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      // string literal, "" inside is a quote
      i++;
      while (i < n) {
        if (formula[i] === '"') {
          if (formula[i + 1] === '"') i += 2;
          else break;
        } else i++;
      }
      i++;
      pendingStart = null;
      continue;
    }
    if (ch === "'") {
      // quoted sheet name, '' inside is an apostrophe; a reference only when followed by "!"
      let j = i + 1;
      let text = '';
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            text += "'";
            j += 2;
          } else break;
        } else text += formula[j++];
      }
      if (j >= n) break;
      if (formula[j + 1] === '!') add(text);
      i = j + 2;
      pendingStart = null;
      continue;
    }
    if (!DELIMITER.test(ch)) {
      // a word: names, cell addresses, functions, numbers, error values, bracketed prefixes and
      // structured references (Table1[[#This Row],[列]]): brackets nest and may hold anything but "]"
      const start = i;
      let depth = 0;
      while (i < n) {
        const c = formula[i];
        if (c === '[') depth++;
        else if (c === ']') depth = Math.max(0, depth - 1);
        else if (depth === 0 && DELIMITER.test(c)) break;
        i++;
      }
      const word = formula.slice(start, i);
      const afterBang = start > 0 && formula[start - 1] === '!';
      if (formula[i] === '!') {
        // #REF!, #N/A… are error values, not sheets
        if (!word.startsWith('#')) {
          if (pendingStart && pendingStart.colon === start - 1) add(`${pendingStart.text}:${word}`);
          else add(word);
        }
        i++;
        pendingStart = null;
      } else if (formula[i] === ':' && !afterBang && !word.startsWith('#')) {
        pendingStart = { text: word, colon: i };
        i++;
      } else pendingStart = null;
      continue;
    }
    i++;
    if (ch !== ':') pendingStart = null;
  }
  return out;
}

/** "[1]Sheet1:Sheet3" → book "1", sheets Sheet1 and Sheet3 (sheet names cannot hold ":", "[" or "]"). */
function split(raw: string): { book?: string; sheets: string[] } {
  let rest = raw;
  let book: string | undefined;
  const close = rest.lastIndexOf(']');
  if (close >= 0) {
    const open = rest.lastIndexOf('[', close);
    // a path before the bracket belongs to the book: 'C:\docs\[2025.xlsx]考核汇总'
    book = open >= 0 ? rest.slice(0, open) + rest.slice(open + 1, close) : rest.slice(0, close);
    rest = rest.slice(close + 1);
  }
  // a structured reference or other bracketed word that is not a workbook prefix is not a sheet
  if (/[[\]]/.test(rest)) return { sheets: [] };
  const sheets = rest.split(':');
  return book !== undefined ? { book, sheets } : { sheets };
}
