/** Output plans (SPEC §6) and the template and sample workbooks (SPEC §7), as WorkbookPlan data. */
export { planOutputs, type PlanOptions } from './outputs';
export { resolveSheetName, isValidSheetName, OUTPUT_NAMES } from './names';
export { planOfficeSummary, type OfficeSummaryTarget } from './fill';
export { planTemplate } from './template';
export { planSample } from './sample';
export { exportPlan, missingSheetsPlan, nextYearPlan, runYear, YEAR_RANGE } from './export';
export {
  checkSettingEdits,
  settingEditPlan,
  settingInput,
  settingsEditPlan,
  settingsLayout,
  settingsSheetOf,
  type SettingProblem,
  type SettingsRecognition,
} from './settings-edit';
