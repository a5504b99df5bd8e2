/**
 * webpack.config.js as `npm run build` and `npm run dev-server` call it (the config only; no compilation).
 * Building the config must never need the dev certificates.
 * (Fails with "Cannot find module 'ajv/dist/compile/codegen'" while package-lock.json hoists ajv-keywords@5
 * beside ajv@6: schema-utils, used by copy-webpack-plugin and webpack-dev-server, then cannot validate.)
 */

export {}; // a module, so its types stay local

type Plugin = { constructor: { name: string }; userOptions?: Record<string, unknown>; patterns?: unknown[] };
type Config = {
  mode: string;
  entry: Record<string, string>;
  optimization: { splitChunks: { cacheGroups: Record<string, unknown> } };
  output: { filename: string };
  devtool: string;
  plugins: Plugin[];
  devServer?: { port: number; server: unknown; static: unknown };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../../webpack.config.js') as (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Config | Config[]>;

const pageOptions = (config: Config, file: string) =>
  config.plugins.find((p) => p.constructor.name === 'HtmlWebpackPlugin' && p.userOptions?.filename === file)!.userOptions!;

const saved = process.env.HTTP;
afterEach(() => {
  if (saved === undefined) delete process.env.HTTP;
  else process.env.HTTP = saved;
});

test('production: two pages, hashed files, Office.js from the CDN, SheetJS in a chunk of its own, no dev server', async () => {
  const both = await makeConfig({ WEBPACK_BUNDLE: true, WEBPACK_BUILD: true }, { mode: 'production' });
  // The pages, and the standalone page again as one self-contained file (one chunk, no source map).
  expect(Array.isArray(both)).toBe(true);
  const [config, single] = both as Config[];
  expect(single.entry).toEqual({ single: './src/taskpane/web.tsx' });
  expect((single as unknown as { devtool: unknown }).devtool).toBe(false);
  expect(single.plugins.map((p) => p.constructor.name)).toEqual(['LimitChunkCountPlugin', 'SingleFilePagePlugin']);
  expect(config.mode).toBe('production');
  expect(config.entry).toEqual({ taskpane: './src/taskpane/index.tsx', web: './src/taskpane/web.tsx' });
  expect(config.output.filename).toBe('[name].[contenthash:8].js');
  expect(config.devtool).not.toMatch(/eval/);
  expect(config.optimization.splitChunks.cacheGroups.sheetjs).toMatchObject({ name: 'sheetjs', chunks: 'async' });
  expect(pageOptions(config, 'taskpane.html').chunks).toEqual(['taskpane']);
  expect(pageOptions(config, 'web.html').chunks).toEqual(['web']);
  expect(pageOptions(config, 'taskpane.html').templateParameters).toMatchObject({
    officeJs: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  });
  expect(config.devServer).toBeUndefined();
});

test('plain-http dev server (HTTP=1): port 3000, no certificates, a local Office.js', async () => {
  process.env.HTTP = '1';
  const config = (await makeConfig({ WEBPACK_SERVE: true }, { mode: 'development' })) as Config;
  expect(config.devServer).toMatchObject({ port: 3000, server: 'http' });
  expect(config.devtool).not.toMatch(/eval/);
  expect(pageOptions(config, 'taskpane.html').templateParameters).toMatchObject({ officeJs: '/office-js/office.js' });
});
