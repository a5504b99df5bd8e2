/**
 * Downloads in jsdom, as the standalone page makes them (a Blob URL and a clicked <a download>): call
 * `captureDownloads()` at the top of a test file; `clicked` lists what was saved, `bytesOf` reads it back.
 */
import { cleanup } from '@testing-library/react';

export interface Downloads {
  blobs: Map<string, Blob>;
  clicked: { name: string; href: string }[];
  bytesOf(href: string): Promise<Uint8Array>;
}

export function captureDownloads(): Downloads {
  const blobs = new Map<string, Blob>();
  const clicked: { name: string; href: string }[] = [];
  beforeAll(() => {
    let n = 0;
    URL.createObjectURL = (b: Blob) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, b);
      return url;
    };
    URL.revokeObjectURL = () => {};
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.href });
    });
  });
  afterEach(() => {
    cleanup();
    clicked.length = 0;
  });
  const bytesOf = (href: string) =>
    new Promise<Uint8Array>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
      r.readAsArrayBuffer(blobs.get(href)!);
    });
  return { blobs, clicked, bytesOf };
}
