'use strict'; const T0 = performance.now(); const marks = [];
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { Script } = require('node:vm');
const v8Defaults = process.env.CLI_V8_DEFAULTS === '1';
if (Number(process.versions.v8.split('.')[0]) <= 13 && !v8Defaults) {
  const { setFlagsFromString } = require('node:v8');
  setFlagsFromString('--interrupt-budget=1000000');
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
}
const ROOT = path.resolve(__dirname, '..');
const OUT = ROOT + '/dist-cli';
function stamp() {
  const lines = [];
  const add = (rel) => {
    const s = fs.statSync(ROOT + '/' + rel, { throwIfNoEntry: false });
    lines.push(rel + '\t' + (s ? s.size + '\t' + s.mtimeMs : '-'));
  };
  const walk = (rel) => {
    const es = fs.readdirSync(ROOT + '/' + rel, { withFileTypes: true });
    es.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of es) {
      const p = rel + '/' + e.name;
      if (e.isDirectory()) walk(p);
      else add(p);
    }
  };
  walk('src');
  for (const f of ['package-lock.json', 'tsconfig.json', 'scripts/build-cli.mjs']) add(f);
  return lines.join('\n');
}
marks.push(['flags', performance.now()]); let stale = !fs.existsSync(OUT + '/main.cjs') || !fs.existsSync(OUT + '/demo.cjs');
if (!stale) { try { stale = fs.readFileSync(OUT + '/inputs.stamp', 'utf8') !== stamp(); } catch { stale = true; } }
if (stale) { console.error('stale'); process.exit(3); }
marks.push(['stamp', performance.now()]); const file = OUT + '/main.cjs';
const COMMANDS = new Set(['grade', 'validate', 'template', 'sample', 'forms']);
const command = process.argv.slice(2).find((a) => COMMANDS.has(a)) ?? 'other';
const cacheFile = `${file}.${command}.v8cache`;
const cachedData = fs.existsSync(cacheFile) ? fs.readFileSync(cacheFile) : undefined;
const script = new Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
marks.push(['compile', performance.now()]); process.on('exit', () => { marks.push(['exit', performance.now()]); console.error('startup', T0.toFixed(1), marks.map(([k, v]) => k + ' ' + v.toFixed(1)).join(' ')); }); const req = Module.createRequire(file);
const module2 = { exports: {}, filename: file, id: file, loaded: false };
script.runInThisContext().call(module2.exports, module2.exports, req, module2, file, path.dirname(file));
