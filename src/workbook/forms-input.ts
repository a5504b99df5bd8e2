/**
 * What the paper forms need from an office's workbook (SPEC §8): its catalogue, its branches in roster
 * order (or in order of first appearance in the ratings) and its year. Host-independent like pipeline.ts.
 */
import { assess } from '../core/assess';
import type { Catalogue, Text } from '../core/types';
import { recognise } from './recognise';
import type { WorkbookSnapshot } from './snapshot';

export interface FormsInput {
  catalogue: Catalogue;
  branches: string[];
  year: number | null;
  /** why the workbook cannot give the forms (an invalid catalogue): the forms would print wrong rows */
  fatal?: Text;
}

export function formsInput(snapshot: WorkbookSnapshot): FormsInput {
  const recognition = recognise(snapshot);
  const { input } = recognition;
  const year = input.ruleset.year;
  const bad = input.findings.find((f) => f.code === 'invalid-catalogue');
  if (bad) {
    const where = bad.sheet ? `${bad.sheet}${bad.cell ? '!' + bad.cell : ''}：` : '';
    const whereEn = bad.sheet ? `${bad.sheet}${bad.cell ? '!' + bad.cell : ''}: ` : '';
    return { catalogue: input.catalogue, branches: [], year, fatal: { zh: where + bad.message.zh, en: whereEn + bad.message.en } };
  }
  const branches = input.roster ? input.roster.map((e) => e.name) : assess(input).branches.map((b) => b.name);
  return { catalogue: input.catalogue, branches, year };
}
