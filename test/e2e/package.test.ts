/**
 * The release package (`npm run package`, scripts/package.mjs): the zip an office's IT deploys. It is built
 * from the browser tests' production build (PACKAGE_SKIP_BUILD=1, PACKAGE_DIST), unzipped, served over
 * HTTPS on localhost with a self-signed certificate made here by openssl (valid two days, made at every run:
 * nothing that expires is kept), and taskpane.html and web.html are loaded from it in Chromium: no error, and
 * no request outside that origin except office.js from Microsoft's CDN, which the task pane loads by design
 * and which is answered here from the npm copy of office.js.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { startStaticServer, type StaticServer } from './server';
import { BUILD_DIR, CHROMIUM_ARGS, requireBuild, ROOT } from './support';
import { chromium } from 'playwright-core';

const OFFICE_JS_DIR = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const OFFICE_JS_CDN = /^https:\/\/appsforoffice\.(microsoft\.com\/lib\/1\/hosted|cdn\.partner\.office365\.cn\/appsforoffice\/lib\/1\/hosted)\//;
const BOOT_MESSAGE = '正在加载党支部考核';
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TOP = `branch-assessment-${VERSION}`;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: ROOT, env, maxBuffer: 16 * 2 ** 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
let server: StaticServer;
let browser: Browser;
let files: Record<string, Uint8Array>;
let base: string;

beforeAll(async () => {
  requireBuild('taskpane.html', 'web.html', 'branch-assessment-standalone.html');
  dir = mkdtempSync(path.join(os.tmpdir(), 'ba-release-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const made = await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1']);
  expect(made.stderr).not.toMatch(/error/i);
  const www = path.join(dir, 'www');
  mkdirSync(www);
  server = await startStaticServer(www, { key: readFileSync(key), cert: readFileSync(cert) });
  base = `${server.url}assessment/`;
  const packaged = await run(process.execPath, ['scripts/package.mjs'], { ...process.env, ADDIN_PUBLIC_URL: base, PACKAGE_SKIP_BUILD: '1', PACKAGE_DIST: BUILD_DIR });
  expect([packaged.code, packaged.stderr]).toEqual([0, '']);
  expect(packaged.stdout).toBe(`release/${TOP}.zip\n`);
  files = unzipSync(readFileSync(path.join(ROOT, 'release', `${TOP}.zip`)));
  // what IT does: dist/ goes to the web server at the address the package was made for
  const unzipped = path.join(dir, 'unzipped');
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(unzipped, name)), { recursive: true });
    writeFileSync(path.join(unzipped, name), bytes);
  }
  cpSync(path.join(unzipped, TOP, 'dist'), path.join(www, 'assessment'), { recursive: true });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}, 10 * 60 * 1000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const text = (name: string) => new TextDecoder().decode(files[`${TOP}/${name}`]);

test('the zip holds dist/ for the web server, the manifest pointing at it, the one-file page and DEPLOY.md', () => {
  const names = Object.keys(files);
  for (const name of ['dist/taskpane.html', 'dist/web.html', 'dist/manifest.xml', 'dist/assets/icon-32.png', 'manifest.xml', 'branch-assessment-standalone.html', 'DEPLOY.md']) {
    expect(names).toContain(`${TOP}/${name}`);
  }
  expect(names.every((n) => n.startsWith(`${TOP}/`))).toBe(true);
  // the browser tests' stand-in page is never shipped
  expect(names.filter((n) => /taskpane-e2e/.test(n))).toEqual([]);
  // every URL of the manifest under the address given, none left at the dev server
  const manifest = text('manifest.xml');
  expect(manifest).toContain(`<SourceLocation DefaultValue="${base}taskpane.html"/>`);
  expect(manifest).not.toContain('https://localhost:3000/');
  expect(text('dist/manifest.xml')).toBe(manifest);
  // the one-file page: scripts inside, nothing to fetch
  const single = text('branch-assessment-standalone.html');
  expect(single).not.toMatch(/<script[^>]+src=/);
  // DEPLOY.md: written for this address, every part the office needs
  const deploy = text('DEPLOY.md');
  expect(deploy).not.toContain('{{');
  expect(deploy).toContain(`${base}taskpane.html`);
  for (const part of ['IIS', 'web.config', 'mimeMap fileExtension=".js"', 'nginx', 'listen 443 ssl', 'ssl_certificate', '集成应用', '受信任的加载项目录', '世纪互联', 'OFFICE_JS_CDN=china']) {
    expect(deploy).toContain(part);
  }
});

test('the package\'s manifest passes the offline validator', async () => {
  const file = path.join(dir, 'manifest.xml');
  writeFileSync(file, text('manifest.xml'));
  const r = await run(process.execPath, ['scripts/validate-manifest.mjs', file]);
  expect([r.code, r.stderr]).toEqual([0, '']);
});

test.each([
  ['taskpane.html', async (page: import('playwright-core').Page) => page.waitForFunction((boot) => document.body.innerText.trim() !== '' && !document.body.innerText.includes(boot), BOOT_MESSAGE)],
  ['web.html', async (page: import('playwright-core').Page) => page.getByRole('button', { name: '打开工作簿', exact: true }).waitFor()],
])('%s served over HTTPS from the package loads with no error and no request outside its origin', async (name, ready) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const outside: string[] = [];
  const officeJs: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url) || /^(blob|data):/.test(url)) return route.continue();
    if (OFFICE_JS_CDN.test(url)) {
      // office.js and the host files it loads from its CDN, answered from the npm copy
      officeJs.push(url);
      const rel = new URL(url).pathname.replace(/^.*\/lib\/1\/hosted\//, '');
      const file = path.resolve(OFFICE_JS_DIR, rel);
      return file.startsWith(OFFICE_JS_DIR + path.sep) ? route.fulfill({ path: file }) : route.abort('blockedbyclient');
    }
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  try {
    const response = await page.goto(`${base}${name}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    await ready(page);
    // Office.js frames its telemetry page from Microsoft outside Office: blocked by the pane's CSP, never requested
    expect(problems.filter((p) => !/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(p))).toEqual([]);
    expect(outside).toEqual([]);
    if (name === 'taskpane.html') expect(officeJs[0]).toMatch(/\/office\.js$/);
    else expect(officeJs).toEqual([]);
  } finally {
    await context.close();
  }
});
