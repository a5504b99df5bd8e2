/**
 * Legacy workbooks (.xls, WPS .et): Compound File Binary containers. Not read yet: named as such.
 */
import type { SourceFormat, WorkbookSnapshot } from '../../workbook/snapshot';
import { classifyBytes } from './errors';
import type { ReadOptions } from './package-read';

/** A CFB container that is not an encrypted OOXML package. */
export function isLegacyContainer(data: Uint8Array): boolean {
  void data;
  return false;
}

export function readLegacy(data: Uint8Array, format: SourceFormat, options: ReadOptions): WorkbookSnapshot {
  void format;
  void options;
  throw classifyBytes(data)!;
}
