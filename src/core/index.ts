/** The assessment core's public API (pure functions on plain data). */
export * from './types';
export * from './text';
export * from './decimal';
export { defaultCatalogue, normalizeIndicatorCode, buildCatalogue, DEFAULT_CATEGORIES } from './catalogue';
export { parseGrade, parseCount, type GradeReading, type CountReading } from './scale';
export { defaultRuleset, parseSettings, settingKeyOf, displaySetting, SETTING_KEYS, DEFAULT_ISSUER, DEFAULT_DOCUMENT_FONT } from './ruleset';
export { showValue, isBlank, readDecimal } from './values';
export { assess } from './assess';
export { editDistance, nearestNames } from './branches';
export { band, rankTotals } from './ranking';
export { sortFindings, cellPosition } from './findings';
export { buildNotification, notificationTitle, notificationLead } from './notification';
export { buildReport, findingText, type Report, type ReportBranch, type ReportIssue } from './report';
