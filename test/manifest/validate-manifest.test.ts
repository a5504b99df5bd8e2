/**
 * The manifest and its offline validator (scripts/validate-manifest.mjs), run as `npm run validate` runs it.
 * The schemas are the repository's own copy (vendor/manifest-schema), so a clone needs nothing beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'validate-manifest.mjs');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as {
  rewriteManifest(xml: string, url: string): string;
  publicUrl(value?: string): string;
  DEV_URL: string;
  DEFAULT_PUBLIC_URL: string;
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'manifest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validate(xml: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, `m${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync(process.execPath, [SCRIPT, file, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The manifest with one exact piece of text replaced; fails the test if the text is not there. */
function edited(from: string, to: string): string {
  expect(MANIFEST).toContain(from);
  return MANIFEST.split(from).join(to);
}

const ID = /<Id>([^<]+)<\/Id>/.exec(MANIFEST)![1];
const VERSION = /<Version>([^<]+)<\/Version>/.exec(MANIFEST)![1];

describe('manifest.xml', () => {
  test('passes the schemas and the extra checks', () => {
    const run = validate(MANIFEST);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^OK .*valid against 6 XSD files; 9 https URLs on one origin, 5 icons found, 15 resids defined\.\n$/);
  });

  test('keeps the values the add-in is built around', () => {
    expect(ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(VERSION).toBe('1.0.0.0');
    expect(MANIFEST).toContain('<DefaultLocale>en-US</DefaultLocale>');
    expect(MANIFEST).toContain('<Override Locale="zh-CN" Value="党支部考核"/>');
    expect(MANIFEST).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(MANIFEST).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(MANIFEST).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(MANIFEST).toContain('<OfficeTab id="TabHome">');
    expect(MANIFEST).not.toContain('<AppDomains>');
    // Every short and long string has its Chinese override.
    const strings = MANIFEST.match(/<bt:String id="[^"]+"[^>]*>\s*<bt:Override Locale="zh-CN"/g) ?? [];
    expect(strings).toHaveLength((MANIFEST.match(/<bt:String id=/g) ?? []).length);
    expect(strings.length).toBe(7);
  });

  test('fails with <Id> and <Version> swapped', () => {
    const swapped = edited(`<Id>${ID}</Id>`, `<Id>${VERSION}</Id>`).replace(`<Version>${VERSION}</Version>`, `<Version>${ID}</Version>`);
    const run = validate(swapped);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Element '{http://schemas.microsoft.com/office/appforoffice/1.1}Id': [facet 'pattern'] The value '1.0.0.0'");
    expect(run.stderr).toContain(`Version': [facet 'pattern'] The value '${ID}'`);
  });

  test('fails when a resid is not defined', () => {
    const run = validate(edited('<Title resid="Open.Tip.Title"/>', '<Title resid="Open.Tip.Missing"/>'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/line \d+: resid "Open\.Tip\.Missing" is not defined in <Resources>/);
  });

  test('fails when a resid points into the wrong kind of resource', () => {
    const run = validate(edited('<Label resid="Open.Label"/>', '<Label resid="Open.Tip.Description"/>'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('resid "Open.Tip.Description" on <Label> must be in bt:ShortStrings, is in bt:LongStrings');
  });

  test('fails on an element the schema does not know', () => {
    const run = validate(edited('<Label resid="Open.Label"/>', '<Caption resid="Open.Label"/>'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Caption': This element is not expected");
  });

  test('fails on an http:// URL and on a missing icon file', () => {
    const run = validate(edited('https://localhost:3000/assets/icon-80.png', 'http://localhost:3000/assets/icon-81.png'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('"http://localhost:3000/assets/icon-81.png" must use https://');
    expect(run.stderr).toContain('icon file assets/icon-81.png does not exist');
  });

  test('fails when an icon is used at a size it does not have', () => {
    const run = validate(edited('<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>', '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"/>'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('assets/icon-64.png is 64x64, used as size 80');
  });

  test('with --production, rejects localhost and accepts the rewritten manifest', () => {
    const dev = validate(MANIFEST, '--production');
    expect(dev.status).toBe(1);
    expect(dev.stderr).toContain('"https://localhost:3000/taskpane.html" points to localhost in a production manifest');

    const rewritten = webpackConfig.rewriteManifest(MANIFEST, 'https://intranet.example.org/assessment/');
    expect(rewritten).not.toContain('localhost:3000');
    expect(rewritten).toContain('<SourceLocation DefaultValue="https://intranet.example.org/assessment/taskpane.html"/>');
    const prod = validate(rewritten, '--production');
    expect(prod.stderr).toBe('');
    expect(prod.status).toBe(0);
  });
});

describe('the manifest the build writes (issue 22)', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };

  test("<Version> is package.json's version in four parts (centralized deployment updates only on a raised version)", () => {
    const built = webpackConfig.rewriteManifest(MANIFEST, 'https://intranet.example.org/assessment/');
    const parts = pkg.version.split(/[-+]/)[0].split('.');
    while (parts.length < 4) parts.push('0');
    expect(/<Version>([^<]+)<\/Version>/.exec(built)?.[1]).toBe(parts.join('.'));
    const raised = (webpackConfig as unknown as { rewriteManifest(x: string, u: string, v: string): string }).rewriteManifest(MANIFEST, 'https://intranet.example.org/assessment/', '2.1.0.0');
    expect(raised).toContain('<Version>2.1.0.0</Version>');
    expect(validate(raised, '--production').status).toBe(0);
    expect((webpackConfig as unknown as { manifestVersion(v: string): string }).manifestVersion('3.4.5-beta.1')).toBe('3.4.5.0');
  });

  test('SupportUrl is the help page that ships with the add-in (src/taskpane/help.html, copied to help.html)', () => {
    expect(MANIFEST).toContain('<SupportUrl DefaultValue="https://localhost:3000/help.html"/>');
    const config = readFileSync(join(__dirname, '../../webpack.config.js'), 'utf8');
    expect(config).toContain("{ from: 'src/taskpane/help.html', to: 'help.html' }");
    const help = readFileSync(join(__dirname, '../../src/taskpane/help.html'), 'utf8');
    expect(help).toContain('加载项未能启动');
    expect(help).toContain('href="web.html"');
    expect(help).not.toMatch(/<script|https?:\/\//);
  });
});

describe('webpack.config.js publicUrl (ADDIN_PUBLIC_URL)', () => {
  test('defaults to a reserved .invalid host and adds the trailing slash', () => {
    expect(webpackConfig.publicUrl(undefined)).toBe('https://branch-assessment.example.invalid/');
    expect(webpackConfig.publicUrl('  ')).toBe(webpackConfig.DEFAULT_PUBLIC_URL);
    expect(webpackConfig.publicUrl('https://intranet.example.org/assessment')).toBe('https://intranet.example.org/assessment/');
  });

  test('refuses http and query strings', () => {
    expect(() => webpackConfig.publicUrl('http://intranet.example.org/')).toThrow('must be an https:// URL');
    expect(() => webpackConfig.publicUrl('https://intranet.example.org/?x=1')).toThrow('must not have a query');
  });
});
