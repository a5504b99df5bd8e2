#!/usr/bin/env node
// After `npm run build`: the gzipped size of the JavaScript each page loads before its first render,
// read from the built pages' own <script src> tags (external scripts such as Office.js are listed,
// not counted). Exits 1 when the task pane's total is over budget, or when ExcelJS (meant to be loaded
// lazily through import()) is among a page's initial scripts.
//
//   node scripts/bundle-size.mjs [dist]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.argv[2] ?? join(ROOT, 'dist'));
const PAGES = ['taskpane.html', 'web.html'];
const BUDGET = { 'taskpane.html': 300 * 1024 };
// A string only ExcelJS's bundle contains (a path inside every .xlsx it writes).
const EXCELJS_SIGNATURE = 'xl/sharedStrings.xml';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The src of every <script> in the page, in order (minified HTML may leave attributes unquoted). */
function scriptSources(html) {
  const sources = [];
  for (const tag of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag[1]);
    if (src) sources.push(src[1] ?? src[2] ?? src[3]);
  }
  return sources;
}

function measure(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, text: bytes.toString('utf8') };
}

if (!existsSync(DIST)) {
  console.error(`No build in ${DIST}: run \`npm run build\` first.`);
  process.exit(1);
}

const failures = [];
const initial = new Set();
for (const page of PAGES) {
  const htmlPath = join(DIST, page);
  if (!existsSync(htmlPath)) {
    failures.push(`${page} is missing from ${DIST}`);
    continue;
  }
  let total = 0;
  const lines = [];
  for (const src of scriptSources(readFileSync(htmlPath, 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src) || src.startsWith('//')) {
      lines.push(`    ${src}  (external, not counted)`);
      continue;
    }
    const name = decodeURIComponent(src.replace(/^\.?\//, '').replace(/[?#].*$/, ''));
    const file = join(DIST, name);
    if (!existsSync(file)) {
      failures.push(`${page}: script ${src} is not in ${DIST}`);
      continue;
    }
    const size = measure(file);
    initial.add(name);
    total += size.gzip;
    lines.push(`    ${name.padEnd(28)} ${kb(size.raw).padStart(10)} raw ${kb(size.gzip).padStart(10)} gzip`);
    if (size.text.includes(EXCELJS_SIGNATURE)) failures.push(`${page}: ${name} contains ExcelJS, which must be loaded lazily`);
  }
  const budget = BUDGET[page];
  console.log(`${page}: ${kb(total)} gzipped before first render${budget ? ` (budget ${kb(budget)})` : ''}`);
  for (const line of lines) console.log(line);
  if (budget && total > budget) failures.push(`${page}: ${kb(total)} gzipped is over the ${kb(budget)} budget`);
}

const lazy = readdirSync(DIST).filter((name) => name.endsWith('.js') && !initial.has(name) && name !== 'legacy-check.js');
if (lazy.length > 0) {
  console.log('loaded on demand:');
  for (const name of lazy) {
    const size = measure(join(DIST, name));
    console.log(`    ${name.padEnd(28)} ${kb(size.raw).padStart(10)} raw ${kb(size.gzip).padStart(10)} gzip`);
  }
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`FAIL ${failure}`);
  process.exit(1);
}
