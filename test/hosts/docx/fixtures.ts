/** The sample workbook graded once, and helpers to read a .docx's parts. */
import JSZip from 'jszip';
import type { SheetPlan } from '../../../src/workbook/plan';
import { runAssessment, type RunOutcome } from '../../../src/workbook/pipeline';
import { planSample } from '../../../src/workbook/plans';

export const SAMPLE_DATE = '2026-12-31';

let graded: RunOutcome | undefined;
/** The sample (15 branches, two of them incomplete by design) graded on 2026-12-31. */
export function sampleRun(): RunOutcome {
  if (!graded) {
    // The sample's sheets as a host would read them (values and merges), without going through a file.
    const sheets = (planSample().sheets as SheetPlan[]).map((s) => ({ name: s.name, values: s.values.map((r) => r ?? []), merges: s.merges }));
    graded = runAssessment({ sheets }, { lang: 'zh', date: SAMPLE_DATE });
  }
  return graded;
}

export async function partOf(docx: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file(name);
  if (!file) throw new Error(`no part ${name} in the document`);
  return file.async('string');
}

/** The text of each paragraph (w:p) of a part, runs joined. */
export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

/** The text of each table row (w:tr): its cells' texts. */
export function tableRowsOf(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => paragraphsOf(tc[0]).join('')));
}

/** The attribute `attr` of the first element `tag` in xml. */
export function attrOf(xml: string, tag: string, attr: string): string | undefined {
  const el = new RegExp(`<${tag}\\b[^>]*>`).exec(xml)?.[0];
  return el ? new RegExp(`\\b${attr}="([^"]*)"`).exec(el)?.[1] : undefined;
}
