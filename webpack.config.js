/* eslint-env node */
// Builds the two pages of the add-in:
//   taskpane.html  (src/taskpane/index.tsx)  inside Excel, with Office.js;
//   web.html       (src/taskpane/web.tsx)    the standalone page for .xlsx files, no Office.js at all;
//   branch-assessment-standalone.html        the same page as ONE self-contained file (production build):
//                  scripts inlined, a CSP by hashes, no request at all, so it opens from disk (file://),
//                  e.g. copied to a USB stick, where no one can run a web server.
//
//   npm run build                 production build into dist/ (manifest URLs rewritten, see below)
//   npm run dev-server / start    https://localhost:3000 with office-addin-dev-certs
//   HTTP=1 npm run dev-server     http://localhost:3000, no certificates (browser tests)
//
// The .xlsx host is reached only through dynamic import() (src/taskpane/xlsx-lazy.ts) and SheetJS only for
// legacy files, so they land in async chunks, never in what a page loads before its first render
// (scripts/bundle-size.mjs checks).
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const DEV_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;
// Where the production build says it is hosted when ADDIN_PUBLIC_URL is not set. `.invalid` is a
// reserved top-level domain (RFC 2606) that never resolves: a manifest built without the variable fails
// to load visibly instead of pointing Excel at a server somebody else may own. Set ADDIN_PUBLIC_URL to
// the https address where dist/ is served, e.g. ADDIN_PUBLIC_URL=https://intranet.example.org/assessment/
const DEFAULT_PUBLIC_URL = 'https://branch-assessment.example.invalid/';
/**
 * office.js CDNs: Microsoft's worldwide one, and the one Office 365 operated by 21Vianet in China must use
 * (the worldwide CDN is not reachable there). Chosen at build time with OFFICE_JS_CDN=china.
 */
const OFFICE_JS_CDNS = {
  worldwide: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  china: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
};

function officeJsCdn(env = process.env) {
  const key = env.OFFICE_JS_CDN || 'worldwide';
  if (!Object.prototype.hasOwnProperty.call(OFFICE_JS_CDNS, key)) {
    throw new Error(`OFFICE_JS_CDN must be one of ${Object.keys(OFFICE_JS_CDNS).join(', ')} (got "${key}")`);
  }
  return OFFICE_JS_CDNS[key];
}
const OFFICE_JS_CDN = officeJsCdn();
// Served by the plain-http dev server only, so browser tests run offline (outside Excel, Office.onReady
// still resolves, with no host).
const OFFICE_JS_LOCAL_PATH = '/office-js/';

// sha256 of the empty string: lets a page create empty <style> elements (see contentSecurityPolicy).
const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

/** ADDIN_PUBLIC_URL as an https URL ending with '/'. */
function publicUrl(value = process.env.ADDIN_PUBLIC_URL) {
  const url = new URL(value && value.trim() ? value.trim() : DEFAULT_PUBLIC_URL);
  if (url.protocol !== 'https:') throw new Error(`ADDIN_PUBLIC_URL must be an https:// URL, got ${url.href}`);
  if (url.search || url.hash) throw new Error(`ADDIN_PUBLIC_URL must not have a query or fragment: ${url.href}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * package.json's version as the manifest's four-part <Version> ("1.4.2" → "1.4.2.0"). Centralized
 * deployment takes an update only when the manifest's version is raised (learn.microsoft.com, "Update
 * an add-in: the version number in the manifest must be raised"), so the build writes it from the one
 * version the project keeps.
 */
function manifestVersion(version = require('./package.json').version) {
  const parts = String(version).split(/[-+]/)[0].split('.').map((p) => String(Number.parseInt(p, 10)));
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^\d{1,5}$/.test(p))) throw new Error(`package.json version ${version} cannot be a manifest <Version>`);
  while (parts.length < 4) parts.push('0');
  return parts.join('.');
}

/** The manifest with every dev-server URL moved to the host, and package.json's version. */
function rewriteManifest(xml, url, version = manifestVersion()) {
  return xml.split(DEV_URL).join(url).replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

/**
 * The Content-Security-Policy <meta> of a page. Nothing external except Office.js on the task pane:
 * - script-src: the bundle, its lazy chunks and legacy-check.js are same-origin files (no inline script,
 *   no eval: devtool avoids eval source maps). office.js loads its host-specific files (excel-*.js,
 *   locale strings, telemetry) by <script> from its own origin, appsforoffice.microsoft.com.
 * - style-src: Fluent UI's Griffel appends EMPTY <style> elements and fills them through CSSOM
 *   (sheet.insertRule), which CSP does not restrict; an empty element is allowed by the hash of the empty
 *   string (EMPTY_STYLE_HASH). Checked in Chromium: with it every Fluent style applies and no violation is
 *   reported; with style-src 'self' alone the elements get no sheet and the page is unstyled. The task
 *   pane still says 'unsafe-inline' (which browsers ignore once a hash is listed, so not both): Office.js
 *   in Excel on the web has been reported to need inline styles (office-js issue #1687), and that cannot
 *   be tested here. Its scripts come from Microsoft's CDN and change without notice.
 * - img-src data: for small inline images; connect-src: office.js talks to Office by postMessage, so the
 *   task pane needs no fetch except the dev server's live-reload socket ('self' covers ws: in CSP 3);
 *   the standalone page reads files with the File API and saves through blob: links, neither of which
 *   is a connection, so it gets 'none' in production.
 * - object-src, base-uri and form-action 'none': no plugins, no <base>, no form posts.
 * (frame-ancestors cannot be set from a <meta>; Office frames the task pane.)
 */
function contentSecurityPolicy(page, { development, officeJs = OFFICE_JS_CDN }) {
  const taskpane = page === 'taskpane';
  const scripts = taskpane ? `'self' ${new URL(officeJs).origin}` : "'self'";
  const styles = taskpane ? "'self' 'unsafe-inline'" : `'self' '${EMPTY_STYLE_HASH}'`;
  const connect = taskpane || development ? "'self'" : "'none'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    `style-src ${styles}`,
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The single-file standalone page's name (ASCII, so any USB stick's file system keeps it). */
const SINGLE_FILE = 'branch-assessment-standalone.html';

/** 'sha256-…' of an inline script or style, as CSP wants it. */
function cspHash(text) {
  return `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Text placed inside <script>…</script>: a "</script" in a string or regex would end the element early. */
function inlineScript(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * Writes the standalone page as one HTML file from a compilation of web.tsx in one chunk: legacy-check.js
 * and the bundle inline, the icon as a data: URL, and a CSP that allows exactly those two scripts (by
 * hash), Griffel's empty <style> elements (EMPTY_STYLE_HASH) and nothing else: default-src 'none', so
 * the page cannot fetch anything, from disk or the network. Every other asset of the compilation is dropped.
 */
class SingleFilePagePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SingleFilePagePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SingleFilePagePlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const scripts = Object.keys(assets).filter((n) => n.endsWith('.js'));
          if (scripts.length !== 1) {
            compilation.errors.push(new webpack.WebpackError(`single-file page: expected one script, got ${scripts.join(', ')}`));
            return;
          }
          const bundle = inlineScript(assets[scripts[0]].source().toString());
          const legacy = inlineScript(fs.readFileSync(path.join(ROOT, 'src/taskpane/legacy-check.js'), 'utf8'));
          const icon = fs.readFileSync(path.join(ROOT, 'assets/icon-32.png')).toString('base64');
          const csp = [
            "default-src 'none'",
            `script-src ${cspHash(legacy)} ${cspHash(bundle)}`,
            `style-src '${EMPTY_STYLE_HASH}'`,
            'img-src data:',
            "connect-src 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
          ].join('; ');
          let html = fs.readFileSync(path.join(ROOT, 'src/taskpane/web.html'), 'utf8');
          const replace = (from, to) => {
            if (!html.includes(from)) throw new Error(`single-file page: web.html no longer has ${from}`);
            html = html.replace(from, () => to);
          };
          replace('<%= csp %>', csp);
          replace('href="assets/icon-32.png"', `href="data:image/png;base64,${icon}"`);
          replace('<script src="legacy-check.js"></script>', `<script>${legacy}</script>`);
          // At the end of <body>: an inline script cannot be deferred, and it needs #root.
          replace('</body>', `<script>${bundle}</script>\n  </body>`);
          for (const name of Object.keys(assets)) compilation.deleteAsset(name);
          compilation.emitAsset(SINGLE_FILE, new webpack.sources.RawSource(html));
        },
      );
    });
    // The page as written may have been minified after the hashes above (its inline scripts changed):
    // the policy is made again from the scripts actually in the file, so it always matches them.
    compiler.hooks.afterEmit.tap('SingleFilePagePlugin', (compilation) => {
      const file = path.join(compilation.outputOptions.path, SINGLE_FILE);
      if (!fs.existsSync(file)) return;
      fs.writeFileSync(file, withScriptHashes(fs.readFileSync(file, 'utf8')));
    });
  }
}

/** The page with its CSP script-src listing the hashes of exactly the inline scripts it holds. */
function withScriptHashes(html) {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => cspHash(m[1]));
  return html.replace(/script-src [^;"]*/, () => `script-src ${hashes.join(' ')}`);
}

async function httpsOptions() {
  // Lazy on purpose: only `webpack serve` over https needs certificates. The build, the tests and the CLI
  // never load office-addin-dev-certs (it may prompt to install a CA).
  const devCerts = require('office-addin-dev-certs');
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const plainHttp = process.env.HTTP === '1';
  const localOfficeJs = serving && plainHttp;
  const officeJs = localOfficeJs ? `${OFFICE_JS_LOCAL_PATH}office.js` : OFFICE_JS_CDN;

  const page = (name, entry, template = `${name}.html`, policy = name) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: path.join(ROOT, 'src/taskpane', template),
      chunks: [entry],
      inject: 'head',
      scriptLoading: 'defer',
      templateParameters: {
        csp: contentSecurityPolicy(policy, { development: !production }),
        officeJs,
      },
    });
  // E2E=1 (scripts/e2e.sh): adds the test-only page taskpane-e2e.html (the task pane on the stand-in
  // Excel, src/taskpane/e2e) and builds into test-results/e2e-dist, so dist/ never holds test code.
  const e2e = process.env.E2E === '1';

  const manifestUrl = production ? publicUrl() : DEV_URL;

  const outputPath = path.join(ROOT, e2e ? 'test-results/e2e-dist' : 'dist');
  const config = {
    mode: production ? 'production' : 'development',
    context: ROOT,
    target: 'web',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      web: './src/taskpane/web.tsx',
      ...(e2e ? { 'taskpane-e2e': './src/taskpane/e2e/taskpane-e2e.tsx' } : {}),
    },
    output: {
      path: outputPath,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // Pages and chunks sit side by side; 'auto' finds them wherever dist/ is hosted (even a sub-path).
      publicPath: 'auto',
      // The single-file page is written by the other compilation, at the same time.
      clean: { keep: (asset) => asset === SINGLE_FILE },
    },
    // No eval-based source maps: the pages' CSP has no 'unsafe-eval', in development either.
    devtool: 'source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true, // `npm run typecheck` does the type checking
              compilerOptions: { noEmit: false, module: 'esnext', target: 'ES2020', sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // SheetJS, for legacy .xls/.et files only: a named async chunk fetched when such a file is opened.
          sheetjs: { test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]/, name: 'sheetjs', chunks: 'async', priority: 20 },
        },
      },
    },
    // scripts/bundle-size.mjs measures what matters (gzipped, before first render) against its budget.
    performance: { hints: false },
    plugins: [
      page('taskpane', 'taskpane'),
      page('web', 'web'),
      ...(e2e ? [page('taskpane-e2e', 'taskpane-e2e', 'e2e/taskpane-e2e.html', 'taskpane')] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'src/taskpane/legacy-check.js', to: 'legacy-check.js' },
          // the manifest's SupportUrl: a help page that ships with the add-in (no script, no other origin)
          { from: 'src/taskpane/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifest(content.toString('utf8'), manifestUrl),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: DEV_PORT,
          server: plainHttp ? 'http' : { type: 'https', options: await httpsOptions() },
          headers: { 'Access-Control-Allow-Origin': '*' },
          hot: false,
          client: { overlay: false },
          static: localOfficeJs
            ? [{ directory: path.join(ROOT, 'node_modules/@microsoft/office-js/dist'), publicPath: OFFICE_JS_LOCAL_PATH }]
            : false,
        }
      : undefined,
  };
  if (!production || serving) return config;

  // The same standalone page as one self-contained file: everything in one chunk (the .xlsx host and SheetJS too: there is
  // no server to fetch a lazy chunk from), no source map, written by SingleFilePagePlugin.
  const single = {
    name: 'single-file',
    mode: 'production',
    context: ROOT,
    target: 'web',
    entry: { single: './src/taskpane/web.tsx' },
    output: { path: outputPath, filename: '[name].js', publicPath: '', clean: false },
    devtool: false,
    resolve: config.resolve,
    module: config.module,
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), new SingleFilePagePlugin()],
  };
  return [{ ...config, name: 'pages' }, single];
};

// For tests and scripts.
module.exports.publicUrl = publicUrl;
module.exports.rewriteManifest = rewriteManifest;
module.exports.manifestVersion = manifestVersion;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.officeJsCdn = officeJsCdn;
module.exports.DEV_URL = DEV_URL;
module.exports.SINGLE_FILE = SINGLE_FILE;
module.exports.withScriptHashes = withScriptHashes;
module.exports.DEFAULT_PUBLIC_URL = DEFAULT_PUBLIC_URL;
