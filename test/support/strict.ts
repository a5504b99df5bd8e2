/**
 * The strictness check every file we write goes through in the tests: each XML part of a package
 * (.xlsx, .xlsm, .docx) parsed by libxml2 (xmllint-wasm, no network, no system package), namespace-aware.
 * (Debian's native `xmllint` is used instead when installed: the same library, without the wasm start.)
 * Any message fails it: an unbound prefix ("Namespace prefix r for id on sheet is not defined"), a tag
 * left open, a bad character. Excel's parser is this strict and "repairs" (drops sheets from) what
 * openpyxl and LibreOffice forgive; `xmllint` itself exits 0 on namespace errors, so its words count.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { openZip, type ZipEntry } from '../../src/hosts/xlsx/zip';

/** Debian's libxml2-utils, when installed: the same parser natively, many times faster than the wasm build. */
const NATIVE = '/usr/bin/xmllint';

/** Parts parsed as XML: everything OPC says is XML, by extension (binary parts are left alone). */
const XML_PART = /\.(xml|rels|vml)$/i;

/**
 * Every problem libxml2 reports in the package's XML parts, as "part: message" lines (empty when clean).
 * With `input`, only the parts we wrote are checked: those copied unchanged from the input (same name,
 * same stored bytes) are the input's own, damaged or not.
 */
export async function strictProblems(bytes: Uint8Array, input?: Uint8Array): Promise<string[]> {
  const before = new Map(input ? [...openZip(input)].map((e) => [e.name, e]) : []);
  const copied = (e: ZipEntry) => {
    const b = before.get(e.name);
    return b !== undefined && b.crc32 === e.crc32 && Buffer.from(b.raw()).equals(Buffer.from(e.raw()));
  };
  const files = [...openZip(bytes)]
    .filter((e) => XML_PART.test(e.name) && !e.name.endsWith('/') && !copied(e))
    .map((e, i) => ({ fileName: `p${i}.xml`, name: e.name, contents: e.bytes() }));
  if (files.length === 0) return input ? [] : ['the package has no XML part'];
  const byFile = new Map(files.map((f) => [f.fileName, f.name]));
  let output: string;
  if (existsSync(NATIVE) && process.env.BA_XMLLINT !== 'wasm') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ba-strict-'));
    try {
      for (const f of files) writeFileSync(path.join(dir, f.fileName), f.contents);
      const r = spawnSync(NATIVE, ['--noout', '--huge', ...files.map((f) => f.fileName)], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      output = `${r.stderr}${r.error ? `\np0.xml:0: ${r.error.message}` : ''}`;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else try {
    const result = await validateXML({
      xml: files.map(({ fileName, contents }) => ({ fileName, contents })),
      normalization: 'format',
      // Parse only: --noout, every part in one run. Generated sheets can be large.
      modifyArguments: (args) => ['--noout', ...args.filter((a) => !a.startsWith('--'))],
      maxMemoryPages: 32768,
    });
    output = result.rawOutput;
  } catch (e) {
    output = e instanceof Error ? e.message : String(e);
  }
  return output
    .split('\n')
    .filter((line) => /^p\d+\.xml:\d+:/.test(line))
    .map((line) => line.replace(/^(p\d+\.xml)(:\d+:)/, (_, f: string, at: string) => `${byFile.get(f) ?? f}${at}`));
}

/** Fails the test, naming each part and message, when any XML part of the package (that we wrote, given `input`) is not strictly well-formed. */
export async function expectStrictPackage(bytes: Uint8Array, input?: Uint8Array): Promise<void> {
  expect(await strictProblems(bytes, input)).toEqual([]);
}
