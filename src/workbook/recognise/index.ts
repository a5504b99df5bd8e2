/**
 * Layout recognition (SPEC §4): a WorkbookSnapshot → the core's AssessmentInput, plus what the UI and
 * the writers need (sheet roles, the office's own summary sheet, rating ranges).
 */
import { buildCatalogue, defaultCatalogue } from '../../core/catalogue';
import { derivedTally, ignoredSheet, noRatings, possibleDoubleCount } from '../../core/messages';
import { isBlank } from '../../core/values';
import { parseSettings } from '../../core/ruleset';
import type { Adjustment, Finding, Form, RosterEntry, Tally, Text } from '../../core/types';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { classify, type Classification } from './classify';
import { Ctx } from './context';
import { append, joinKey, newLayoutResult, readRatingSheet, type LayoutResult } from './blocks';
import { Grid } from './grid';
import { layoutOf, RATING_LAYOUTS, type AnyLayout } from './layouts';
import { applyOptionOrder } from './layouts/questionnaire';
import { REASONS, ROLE_NAMES } from './messages';
import type { OfficeSummaryTarget, RatingRange, Recognition, SheetRecognition } from './model';
import { catalogueHeaderRef, readAdjustments, readCatalogueRows, readOfficeSummary, readRoster, readSettingRows } from './tables';
import { outputReferences } from './output-referenced';
import { uncalculatedFormulas } from './uncalculated';

export type { OfficeSummaryTarget, RatingRange, Recognition, SheetRecognition, SheetRole } from './model';
export { sourceOfText, periodOfText, raterTypeOf } from './labels';

const RATING_ROLES: ReadonlySet<string> = new Set(RATING_LAYOUTS.map((l) => l.role));

function sheetsOf(snapshot: WorkbookSnapshot): SheetSnapshot[] {
  const list = (snapshot as { sheets?: unknown } | null | undefined)?.sheets;
  return Array.isArray(list) ? (list.filter((s) => s !== null && typeof s === 'object') as SheetSnapshot[]) : [];
}

function classifyAll(grids: Grid[], sheets: SheetSnapshot[], ctx: Ctx): Classification[] {
  return grids.map((g, i) => {
    try {
      return classify(g, ctx, sheets[i].createdBy);
    } catch (e) {
      return { role: 'ignored', reason: internalReason(e) };
    }
  });
}

function internalReason(e: unknown): Text {
  const what = e instanceof Error ? e.message : 'unknown';
  return { zh: `读取时出错（${what}）`, en: `it could not be read (${what})` };
}

export function recognise(snapshot: WorkbookSnapshot): Recognition {
  const sheets = sheetsOf(snapshot);
  const grids = sheets.map((s, i) => new Grid(s, i));
  const findings: Finding[] = [];

  // The catalogue first: indicator headers are matched against it.
  let catalogue = defaultCatalogue();
  let ctx = new Ctx(catalogue);
  let classes = classifyAll(grids, sheets, ctx);
  const catalogueAt = classes.findIndex((c) => c.role === 'catalogue');
  if (catalogueAt >= 0) {
    const c = classes[catalogueAt] as { headerRow: number };
    const grid = grids[catalogueAt];
    const built = buildCatalogue(readCatalogueRows(grid, ctx, c.headerRow), grid.name, catalogueHeaderRef(grid, ctx, c.headerRow));
    append(findings, built.findings);
    if (built.catalogue) {
      catalogue = built.catalogue;
      ctx = new Ctx(catalogue);
      const again = classifyAll(grids, sheets, ctx);
      classes = again.map((x, i) => (i === catalogueAt ? classes[i] : x));
    }
  }

  let settings = parseSettings([], '');
  let roster: RosterEntry[] | null = null;
  let officeSummary: OfficeSummaryTarget | undefined;
  const firstOf = new Map<string, string>(); // role → the sheet read for it
  const adjustments: Adjustment[] = [];
  const rated: LayoutResult = newLayoutResult();
  const ratingRanges: RatingRange[] = [];
  const recognitions: SheetRecognition[] = [];

  grids.forEach((grid, i) => {
    const c = classes[i];
    const rec: SheetRecognition = { name: grid.name, role: c.role };
    recognitions.push(rec);
    const ignore = (reason: Text): void => {
      rec.role = 'ignored';
      delete rec.headerRows;
      delete rec.source;
      ctx.findings.push(ignoredSheet(grid.name, reason));
    };
    if (c.role === 'ignored') return ignore(c.reason);
    if (c.role === 'output' || c.role === 'empty' || c.role === 'notes') return;
    if (c.headerRow !== null) rec.headerRows = [c.headerRow + 1];
    const single = { catalogue: ROLE_NAMES.catalogue, settings: ROLE_NAMES.settings, roster: ROLE_NAMES.roster, 'office-summary': ROLE_NAMES.summary };
    if (c.role in single) {
      const first = firstOf.get(c.role);
      if (first !== undefined) return ignore(REASONS.duplicate(single[c.role as keyof typeof single], first));
      firstOf.set(c.role, grid.name);
    }
    try {
      switch (c.role) {
        case 'catalogue':
          return; // read above
        case 'settings':
          settings = parseSettings(readSettingRows(grid, ctx, c.headerRow), grid.name);
          append(ctx.findings, settings.findings);
          return;
        case 'roster':
          roster = readRoster(grid, ctx, c.headerRow, ctx.findings);
          return;
        case 'spot-checks':
          append(adjustments, readAdjustments(grid, ctx, c.headerRow));
          return;
        case 'office-summary':
          officeSummary = readOfficeSummary(grid, ctx, c.headerRow);
          return;
        default: {
          // every role not handled above is a layout's (a new role without either fails here, and the
          // catch below ignores the sheet with the error)
          const layout = layoutOf(c.role) as AnyLayout;
          const out = newLayoutResult();
          readRatingSheet(layout, grid, ctx, c.headerRow, out);
          append(rated.forms, out.forms);
          append(rated.tallies, out.tallies);
          for (const [t, refs] of out.formulaSheets) rated.formulaSheets.set(t, refs);
          append(ratingRanges, out.ranges);
          rec.headerRows = out.headerRows;
          if (out.sources.size === 1) rec.source = [...out.sources][0];
        }
      }
    } catch (e) {
      ignore(internalReason(e));
    }
  });

  applyOptionOrder(rated.forms, new Set(recognitions.filter((r) => r.role === 'questionnaire').map((r) => r.name)), settings.ruleset.optionOrder);
  const read = rated.tallies;
  rated.tallies = countTalliesOnce(rated.tallies, rated.formulaSheets, rated.forms, recognitions, ctx.findings);
  const keptSheets = new Set(rated.tallies.map((t) => t.ref.sheet));
  const formSheets = new Set(rated.forms.map((f) => f.ref.sheet));
  const derivedOnly = new Set(read.map((t) => t.ref.sheet).filter((s) => !keptSheets.has(s) && !formSheets.has(s)));
  append(ctx.findings, uncalculatedFormulas(sheets, recognitions, rated.forms, rated.tallies, derivedOnly));
  append(ctx.findings, outputReferences(snapshot, sheets));
  const ratingSheets = recognitions.filter((r) => RATING_ROLES.has(r.role)).map((r) => r.name);
  const anyRating = rated.tallies.length > 0 || rated.forms.some((f) => (f.row ? f.row.values.some((v) => !isBlank(v)) : f.ratings.some((x) => !isBlank(x.value))));
  // an empty template: the rating sheets are there, nothing is rated yet (SPEC §5)
  if (ratingSheets.length > 0 && !anyRating) ctx.findings.push(noRatings(ratingSheets));

  return {
    input: {
      catalogue,
      ruleset: settings.ruleset,
      roster,
      forms: rated.forms,
      tallies: rated.tallies,
      adjustments,
      findings: append(findings, ctx.findings),
    },
    origins: settings.origins,
    sheets: recognitions,
    ...(officeSummary ? { officeSummary } : {}),
    ratingRanges,
    nothingRecognised: !recognitions.some((r) => RATING_ROLES.has(r.role)),
  };
}

/**
 * SPEC §4.4 derived tallies: a tally whose counts are formulas over another rating sheet restates
 * forms already counted there, so it is dropped (info derived-tally, once per sheet). A typed tally for
 * a branch, source and period that forms also rate counts both (warning possible-double-count).
 */
function countTalliesOnce(tallies: Tally[], formulaSheets: Map<Tally, Set<string>>, forms: Form[], sheets: SheetRecognition[], findings: Finding[]): Tally[] {
  const ratingSheet = new Map<string, string>(); // lower-cased name → name, rating sheets only
  for (const s of sheets) if (RATING_ROLES.has(s.role)) ratingSheet.set(s.name.toLowerCase(), s.name);
  const derived = new Map<string, { ref: Tally['ref']; from: string[]; branches: number }>();
  const kept: Tally[] = [];
  for (const t of tallies) {
    const from = [...(formulaSheets.get(t) ?? [])]
      .map((n) => ratingSheet.get(n.toLowerCase()))
      .filter((n): n is string => n !== undefined && n !== t.ref.sheet);
    if (from.length === 0) {
      kept.push(t);
      continue;
    }
    const d = derived.get(t.ref.sheet);
    if (d) {
      d.branches++;
      for (const n of from) if (!d.from.includes(n)) d.from.push(n);
    } else derived.set(t.ref.sheet, { ref: t.ref, from, branches: 1 });
  }
  for (const d of derived.values()) findings.push(derivedTally(d.ref, d.from, d.branches));
  if (kept.length === 0) return kept;
  // the first forms sheet of each branch, source and period, for the double-count warning
  const formsSheet = new Map<string, string>();
  for (const f of forms) {
    const key = joinKey(f.branch, f.source, f.period);
    if (!formsSheet.has(key)) formsSheet.set(key, f.ref.sheet);
  }
  for (const t of kept) {
    const other = formsSheet.get(joinKey(t.branch, t.source, t.period));
    if (other !== undefined) findings.push(possibleDoubleCount(t.ref, t.branch, t.source, t.ref.sheet, other));
  }
  return kept;
}
