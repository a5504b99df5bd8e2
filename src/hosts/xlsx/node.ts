/**
 * Node-only tuning of ExcelJS for large saves; the command line calls it once at start-up. Not part of
 * the host's index (the browser bundle uses ExcelJS's prebuilt copy, which this cannot reach).
 *
 * ExcelJS renders a sheet as one array of small strings (about 13 per cell) joined at the end: for a
 * 500,000-cell sheet that is 6.5 million strings alive at once, promoted to the old generation, some
 * 250 MB of peak memory. Joining the array into a chunk every 65,536 pieces keeps it small. The bytes
 * written are the same.
 */
import XmlStream from 'exceljs/lib/utils/xml-stream';
import { useNodeZlib } from './zip-node';

const CHUNK = 65_536;
let installed = false;

interface Chunked {
  _xml: string[];
  _rollbacks: unknown[];
  _chunks?: number;
  closeNode(): void;
}

/** Node-only tuning, once at start-up: the zip reader inflates through zlib (about 3× fflate's speed), and ExcelJS saves in chunks. */
export function tuneForNode(): void {
  useNodeZlib();
  tuneExcelJsForNode();
}

export function tuneExcelJsForNode(): void {
  useNodeZlib();
  if (installed) return;
  const proto = XmlStream.prototype as unknown as Chunked;
  const close = proto.closeNode;
  if (typeof close !== 'function') return; // an unexpected ExcelJS: left as it is
  installed = true;
  proto.closeNode = function (this: Chunked) {
    close.call(this);
    const xml = this._xml;
    // A pending rollback remembers a position in the array: join only when none is pending.
    if (xml.length >= CHUNK && this._rollbacks.length === 0) {
      const done = this._chunks ?? 0; // the leading entries already are joined chunks
      const chunk = xml.slice(done).join('');
      xml.length = done;
      xml.push(chunk);
      this._chunks = done + 1;
    }
  };
}
