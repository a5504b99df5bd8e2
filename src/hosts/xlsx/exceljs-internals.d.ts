/** ExcelJS's XML writer (Node build only; the browser bundle keeps its own copy inside). */
declare module 'exceljs/lib/utils/xml-stream' {
  interface XmlStream {
    _xml: string[];
    _rollbacks: unknown[];
    closeNode(): void;
  }
  const XmlStream: { prototype: XmlStream };
  export default XmlStream;
}
