#!/usr/bin/env node
// `npm run package`: the release an office's IT deploys, release/branch-assessment-<version>.zip:
//
//   branch-assessment-<version>/dist/                              the web server's content (task pane, web.html, assets)
//   branch-assessment-<version>/manifest.xml                       the add-in's manifest, every URL under ADDIN_PUBLIC_URL
//   branch-assessment-<version>/branch-assessment-standalone.html  the page as one file, for a USB stick or shared folder
//   branch-assessment-<version>/DEPLOY.md                          IIS, nginx, HTTPS, centralized deployment, shared folder, 21Vianet
//
// ADDIN_PUBLIC_URL (required, https) is where dist/ will be served; OFFICE_JS_CDN=china builds for Office 365
// operated by 21Vianet. Builds with webpack first (production); PACKAGE_SKIP_BUILD=1 packages an existing
// build instead, PACKAGE_DIST=<dir> names it (tests package the browser tests' build). Test-only pages
// (taskpane-e2e*) are never packaged. Exit 0 with the zip's path on stdout; exit 2 with one line otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function fail(message) {
  process.stderr.write(`package: ${message}\n`);
  process.exit(2);
}

if (!process.env.ADDIN_PUBLIC_URL) fail('set ADDIN_PUBLIC_URL to the https address dist/ will be served from, e.g. ADDIN_PUBLIC_URL=https://oa.example.org/assessment/ npm run package');
const config = require(join(ROOT, 'webpack.config.js'));
let url;
try {
  url = config.publicUrl(process.env.ADDIN_PUBLIC_URL);
} catch (e) {
  fail(e.message);
}
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const dist = resolve(process.env.PACKAGE_DIST || join(ROOT, 'dist'));

if (process.env.PACKAGE_SKIP_BUILD !== '1') {
  process.stderr.write(`package: building for ${url} (webpack --mode production)…\n`);
  const build = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--stats', 'errors-warnings'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ADDIN_PUBLIC_URL: url, E2E: '' },
  });
  if (build.status !== 0) fail('the build failed (see above)');
}
for (const page of ['taskpane.html', 'web.html', config.SINGLE_FILE]) {
  if (!existsSync(join(dist, page))) fail(`${page} is missing from ${dist}: build first (npm run build) or leave PACKAGE_SKIP_BUILD unset`);
}

/** Every file under dir, as paths relative to it with forward slashes. */
function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...files(full).map((f) => `${name}/${f}`));
    else out.push(name);
  }
  return out.sort();
}

const taskpane = readFileSync(join(dist, 'taskpane.html'), 'utf8');
const officeJs = /<script[^>]+src="(https:\/\/[^"]*office\.js)"/.exec(taskpane)?.[1] ?? '(not found)';
const china = officeJs.includes('office365.cn');
const manifest = config.rewriteManifest(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), url);
const origin = new URL(url);
const deploy = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8')
  .replaceAll('{{URL}}', url)
  .replaceAll('{{HOST}}', origin.hostname)
  .replaceAll('{{PATH}}', origin.pathname)
  .replaceAll('{{VERSION}}', version)
  .replaceAll('{{OFFICE_JS}}', officeJs)
  .replaceAll('{{BUILD}}', china ? 'Office 365 operated by 21Vianet (OFFICE_JS_CDN=china) / 世纪互联运营的 Office 365' : 'Microsoft 365 worldwide / 国际版 Microsoft 365');

const top = `branch-assessment-${version}`;
const entries = {};
const mtime = new Date(2000, 0, 1); // the same bytes for the same build
for (const f of files(dist)) {
  if (/^taskpane-e2e[.-]/.test(f)) continue; // the browser tests' stand-in page, never shipped
  // dist/manifest.xml is the one for this address too, whatever the build was made with
  const bytes = f === 'manifest.xml' ? new TextEncoder().encode(manifest) : readFileSync(join(dist, ...f.split('/')));
  entries[`${top}/dist/${f}`] = [bytes, { mtime }];
}
entries[`${top}/manifest.xml`] = [new TextEncoder().encode(manifest), { mtime }];
entries[`${top}/${config.SINGLE_FILE}`] = [readFileSync(join(dist, config.SINGLE_FILE)), { mtime }];
entries[`${top}/DEPLOY.md`] = [new TextEncoder().encode(deploy), { mtime }];

const out = join(ROOT, 'release', `${top}.zip`);
mkdirSync(dirname(out), { recursive: true });
const tmp = `${out}.${process.pid}.tmp`;
writeFileSync(tmp, zipSync(entries, { level: 9 }));
renameSync(tmp, out);
const rel = relative(process.cwd(), out);
process.stdout.write(`${rel.startsWith('..' + sep) ? out : rel}\n`);
