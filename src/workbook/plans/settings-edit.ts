/**
 * Editing the settings sheet (考核参数, SPEC §4.3): check values before anything is written, and the plan
 * that writes them. The sheet and its key and value columns are found by recognition's own settings reader,
 * so a sheet it accepts (with 参数名称 | 取值, or no header at all) is edited where it reads it.
 */
import { defaultCatalogue } from '../../core/catalogue';
import { parseSettings } from '../../core/ruleset';
import type { CellRef, Finding, SettingKey, SettingOrigin, SettingRow, Text } from '../../core/types';
import type { PlanValue, SheetPlan, WorkbookPlan } from '../plan';
import { classify } from '../recognise/classify';
import { Ctx } from '../recognise/context';
import { Grid } from '../recognise/grid';
import { readHeaderRow } from '../recognise/header';
import { readSettingRows } from '../recognise/tables';
import { findCol, SETTING_KEY, SETTING_VALUE } from '../recognise/vocab';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { address, parseAddress } from '../snapshot';
import { planTemplate } from './template';

/** What recognition told about the settings: where each value came from, and the sheets' roles. */
export interface SettingsRecognition {
  origins: readonly SettingOrigin[];
  sheets: readonly { name: string; role: string }[];
}

/** What the user typed, as a cell value: plain numbers as numbers, anything else as trimmed text. */
export function settingInput(text: string): PlanValue {
  const s = text.trim();
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
}

const SETTINGS_NAME = /参数|设置/;

/**
 * The workbook's settings sheet: where a setting came from, else the sheet recognition took for settings,
 * else the first sheet named like one (SPEC §4.3).
 */
export function settingsSheetOf(recognition: SettingsRecognition, snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  const named = recognition.origins.find((o) => o.ref)?.ref?.sheet ?? recognition.sheets.find((r) => r.role === 'settings')?.name;
  if (named) return snapshot.sheets.find((s) => s.name === named);
  return snapshot.sheets.find((s) => !s.createdBy && SETTINGS_NAME.test(s.name));
}

/** The settings table as recognition reads it: key and value columns, and the first free row below it. */
export function settingsLayout(sheet: SheetSnapshot): { keyCol: number; valueCol: number; nextRow: number } {
  const grid = new Grid(sheet, 0);
  const ctx = new Ctx(defaultCatalogue());
  const c = classify(grid, ctx, sheet.createdBy);
  const headerRow = c.role === 'settings' ? c.headerRow : null;
  const rows = readSettingRows(grid, ctx, headerRow);
  let lastUsed = -1;
  for (let r = sheet.values.length - 1; r >= 0 && lastUsed < 0; r--) {
    if ((sheet.values[r] ?? []).some((v) => v !== null && v !== undefined && v !== '')) lastUsed = r;
  }
  const nextRow = Math.max(lastUsed, headerRow ?? -1) + 1;
  if (rows.length > 0) {
    const key = parseAddress(rows[0].keyRef.cell);
    const value = parseAddress(rows[0].valueRef.cell);
    return { keyCol: key.c, valueCol: value.c, nextRow };
  }
  if (headerRow !== null) {
    const h = readHeaderRow(grid, ctx, headerRow);
    const keyCol = Math.max(0, findCol(h.keys, SETTING_KEY));
    const valueCol = findCol(h.keys, SETTING_VALUE, [keyCol]);
    return { keyCol, valueCol: valueCol < 0 ? keyCol + 1 : valueCol, nextRow };
  }
  return { keyCol: 0, valueCol: 1, nextRow };
}

/**
 * The plan that writes settings: each into its cell when the settings sheet has it, as new rows of the
 * settings sheet for keys missing there, or, with no settings sheet at all, the template's 考核参数 sheet
 * added with those values.
 */
export function settingsEditPlan(
  edits: ReadonlyMap<SettingKey, PlanValue>,
  recognition: SettingsRecognition,
  snapshot: WorkbookSnapshot,
  year: number,
): WorkbookPlan {
  if (edits.size === 0) return { sheets: [] };
  const sheet = settingsSheetOf(recognition, snapshot);
  if (sheet) {
    const cells: { cell: string; value: PlanValue }[] = [];
    let layout: ReturnType<typeof settingsLayout> | null = null;
    for (const [key, value] of edits) {
      const ref = recognition.origins.find((o) => o.key === key)?.ref;
      if (ref && ref.sheet === sheet.name) {
        cells.push({ cell: ref.cell, value });
        continue;
      }
      layout ??= settingsLayout(sheet);
      cells.push({ cell: address(layout.nextRow, layout.keyCol), value: key }, { cell: address(layout.nextRow, layout.valueCol), value });
      layout.nextRow++;
    }
    return { sheets: [{ mode: 'fill', kind: 'settings', name: sheet.name, cells }] };
  }
  const template = planTemplate(year).sheets.find((s): s is SheetPlan => s.mode === 'new' && s.name === '考核参数');
  if (!template) throw new Error('the template has no settings sheet');
  const values = template.values.map((r) => [...r]);
  for (const [key, value] of edits) {
    const r = values.findIndex((row) => row[0] === key);
    if (r >= 0) values[r][1] = value;
    else values.push([key, value]);
  }
  return { sheets: [{ ...template, values }], activate: template.name };
}

/** One setting written (the single-field form of settingsEditPlan). */
export function settingEditPlan(key: SettingKey, value: PlanValue, recognition: SettingsRecognition, snapshot: WorkbookSnapshot, year: number): WorkbookPlan {
  return settingsEditPlan(new Map([[key, value]]), recognition, snapshot, year);
}

/** Where a problem with the edited values is: under one field, or about several (weights that do not sum). */
export interface SettingProblem {
  key?: SettingKey;
  message: Text;
}

/**
 * Check values before writing them: the current settings with the edits applied, read by the core's own
 * settings parser. Returns the problems the edit would cause (none: safe to write).
 */
export function checkSettingEdits(origins: readonly SettingOrigin[], edits: ReadonlyMap<SettingKey, PlanValue>): SettingProblem[] {
  const refOf = (key: SettingKey): CellRef => ({ sheet: '\u0000edit', cell: `K${origins.findIndex((o) => o.key === key) + 1}` });
  const keyOfRef = new Map<string, SettingKey>(origins.map((o) => [refOf(o.key).cell, o.key]));
  const rows: SettingRow[] = origins.map((o) => {
    const value = edits.has(o.key) ? edits.get(o.key)! : o.display === '' ? null : o.display;
    return { key: o.key, value, keyRef: refOf(o.key), valueRef: refOf(o.key) };
  });
  const before = new Set(parseSettings(rowsOf(origins, refOf), '').findings.map(problemKey));
  return parseSettings(rows, '')
    .findings.filter((f) => !before.has(problemKey(f)) || touches(f, edits, keyOfRef))
    .map((f) => {
      const key = f.cell ? keyOfRef.get(f.cell) : undefined;
      return key && edits.has(key) ? { key, message: f.message } : { message: f.message };
    });
}

function rowsOf(origins: readonly SettingOrigin[], refOf: (k: SettingKey) => CellRef): SettingRow[] {
  return origins.map((o) => ({ key: o.key, value: o.display === '' ? null : o.display, keyRef: refOf(o.key), valueRef: refOf(o.key) }));
}

function problemKey(f: Finding): string {
  return `${f.cell ?? ''}\u0000${f.message.en}`;
}

function touches(f: Finding, edits: ReadonlyMap<SettingKey, PlanValue>, keyOfRef: ReadonlyMap<string, SettingKey>): boolean {
  const key = f.cell ? keyOfRef.get(f.cell) : undefined;
  return key !== undefined && edits.has(key);
}
