/**
 * Output sheet names (SPEC §6): the product replaces only the sheets it marked; a user's sheet that
 * already has the name is left alone and the output goes to "考核汇总 (2)", "(3)", …
 */
import type { OutputKind, WorkbookSnapshot } from '../snapshot';

/** The sheet names of SPEC §6. They stay Chinese in both languages so that re-runs find them. */
export const OUTPUT_NAMES: Readonly<Record<OutputKind, string>> = {
  summary: '考核汇总',
  notification: '考核结果通报',
  checks: '校验问题',
  details: '计算明细',
};

const MAX_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/;

/** Excel's rules: 1–31 characters, none of []:*?/\, not starting or ending with an apostrophe. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_NAME && !FORBIDDEN.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/** Excel compares sheet names case-insensitively. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** `wanted` with " (n)", shortened so the whole stays within 31 characters. */
function numbered(wanted: string, n: number): string {
  const tail = ` (${n})`;
  return wanted.slice(0, MAX_NAME - tail.length) + tail;
}

export function resolveSheetName(
  snapshot: WorkbookSnapshot,
  kind: OutputKind,
  wanted: string,
): { name: string; replaces?: string; renamed: boolean } {
  const find = (name: string) => snapshot.sheets.find((s) => sameName(s.name, name));
  const first = find(wanted);
  if (!first) return { name: wanted, renamed: false };
  if (first.createdBy === kind) return { name: first.name, replaces: first.name, renamed: false };
  // The user's sheet keeps its name; the first free "(n)", or one we made on an earlier run, takes ours.
  for (let n = 2; ; n++) {
    const name = numbered(wanted, n);
    const taken = find(name);
    if (!taken) return { name, renamed: true };
    if (taken.createdBy === kind) return { name: taken.name, replaces: taken.name, renamed: true };
  }
}

export { renamedFinding } from '../../core/messages';
