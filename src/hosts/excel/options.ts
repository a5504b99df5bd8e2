/**
 * What the running Excel supports (requirement sets) and how big one request may be.
 */

/** Excel on the web refuses a request or response over 5 MB; stay under it with room for the envelope. */
export const DEFAULT_MAX_PAYLOAD_BYTES = Math.floor(4.5 * 1024 * 1024);
/** Excel's bound on cells in one range operation. */
export const DEFAULT_MAX_CELLS = 5_000_000;
/** The oldest ExcelApi the host runs on (Excel 2019, Microsoft 365, Excel on the web). */
export const MIN_EXCEL_API = '1.7';

export interface Bounds {
  maxPayloadBytes: number;
  maxCellsPerRequest: number;
}

/** Features above the minimum, each with its fallback when absent. */
export interface Features {
  /** Range.getMergedAreasOrNullObject (1.13); else the snapshot has no merges */
  mergedAreas: boolean;
  /** data validation (1.8); else drop-downs are skipped */
  validation: boolean;
  /** page layout (1.9); else print setup is skipped */
  pageLayout: boolean;
  /** Application.suspendScreenUpdatingUntilNextSync (1.9) */
  screenUpdating: boolean;
  /** Excel.createWorkbook (1.8) */
  createWorkbook: boolean;
  /** Worksheet.getRanges and RangeAreas.conditionalFormats (1.9): one highlight rule for many cells */
  rangeAreas: boolean;
  /** Range.copyFrom (1.9): product sheets are rewritten in place, so references to them survive */
  copyFrom: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

/** Office.context.requirements.isSetSupported when running inside Office, else "nothing beyond the minimum". */
export function officeIsSetSupported(): IsSetSupported {
  return (name, version) => {
    if (typeof Office === 'undefined' || !Office.context?.requirements) return version === MIN_EXCEL_API;
    return Office.context.requirements.isSetSupported(name, version);
  };
}

export function detectFeatures(isSetSupported: IsSetSupported): Features {
  const has = (v: string) => isSetSupported('ExcelApi', v);
  return {
    mergedAreas: has('1.13'),
    validation: has('1.8'),
    pageLayout: has('1.9'),
    screenUpdating: has('1.9'),
    createWorkbook: has('1.8'),
    rangeAreas: has('1.9'),
    copyFrom: has('1.9'),
  };
}
