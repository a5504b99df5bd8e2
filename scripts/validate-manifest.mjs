#!/usr/bin/env node
// Validates an add-in manifest offline.
//
//   node scripts/validate-manifest.mjs [manifest.xml] [--schema-dir DIR] [--assets DIR] [--production]
//
// 1. XML Schema: every .xsd of vendor/manifest-schema (Microsoft's published schemas, see ORIGIN.md there),
//    main schema OfficeAppManifestV1_1.xsd, checked with xmllint-wasm (no network: `office-addin-manifest
//    validate` needs an online service).
// 2. What the XSD cannot see: no http:// URL; all URLs on one origin (the production build rewrites one
//    prefix); every icon URL names a PNG in assets/ of the declared size; every resid is defined, in the
//    resource list of its kind; no id defined twice. With --production, no URL may point to localhost.
//
// Exit 0 with one "OK" line; exit 1 with one line per error; exit 2 when the schemas cannot be found.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

function parseArgs(argv) {
  const options = {
    manifest: 'manifest.xml',
    schemaDir: process.env.MANIFEST_SCHEMA_DIR || join(REPO_ROOT, 'vendor', 'manifest-schema'),
    assetsDir: join(REPO_ROOT, 'assets'),
    production: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--schema-dir') options.schemaDir = argv[++i];
    else if (arg === '--assets') options.assetsDir = argv[++i];
    else if (arg === '--production') options.production = true;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.manifest = arg;
  }
  return options;
}

async function schemaErrors(xml, fileName, schemaDir) {
  const names = readdirSync(schemaDir).filter((name) => name.endsWith('.xsd'));
  if (!names.includes(MAIN_SCHEMA)) throw new Error(`${MAIN_SCHEMA} is missing from ${schemaDir}`);
  const load = (name) => ({ fileName: name, contents: readFileSync(join(schemaDir, name), 'utf8') });
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [load(MAIN_SCHEMA)],
    preload: names.filter((name) => name !== MAIN_SCHEMA).map(load),
  });
  if (result.valid) return [];
  const errors = result.errors.map((e) => (e.loc ? `${e.loc.fileName}:${e.loc.lineNumber}: ${e.message}` : e.rawMessage));
  return errors.length > 0 ? errors : [result.rawOutput.trim() || 'schema validation failed'];
}

/** Line number (1-based) of a character offset, for error messages. */
function lineOf(text, offset) {
  return text.slice(0, offset).split('\n').length;
}

/** Attributes of every start tag: { element, name, value, line, tag } (tag: the tag's offset). */
function attributes(xml) {
  const found = [];
  for (const tag of xml.matchAll(/<([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*\/?>/g)) {
    for (const attr of tag[2].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) {
      found.push({ element: tag[1], name: attr[1], value: attr[2], line: lineOf(xml, tag.index), tag: tag.index });
    }
  }
  return found;
}

/** Text content between tags, trimmed, with its line. */
function texts(xml) {
  const found = [];
  for (const m of xml.matchAll(/>([^<]+)</g)) {
    const value = m[1].trim();
    if (value) found.push({ value, line: lineOf(xml, m.index) });
  }
  return found;
}

function localName(qualified) {
  return qualified.includes(':') ? qualified.slice(qualified.indexOf(':') + 1) : qualified;
}

/** Which resource list a resid must point into, by the referring element's name. */
const RESOURCE_KIND_OF_ELEMENT = new Map([
  ['Image', 'Images'],
  ['SourceLocation', 'Urls'],
  ['LearnMoreUrl', 'Urls'],
  ['FunctionFile', 'Urls'],
  ['Label', 'ShortStrings'],
  ['Title', 'ShortStrings'],
  ['Description', 'LongStrings'],
]);

/** id -> { kind, line } for every resource, plus errors for ids defined twice. */
function resourceIds(xml) {
  const ids = new Map();
  const errors = [];
  for (const list of xml.matchAll(/<bt:(Images|Urls|ShortStrings|LongStrings)>([\s\S]*?)<\/bt:\1>/g)) {
    const start = list.index;
    for (const item of list[2].matchAll(/<bt:(?:Image|Url|String)\b[^>]*?\bid="([^"]*)"/g)) {
      const line = lineOf(xml, start + list[0].indexOf(list[2]) + item.index);
      if (ids.has(item[1])) errors.push(`line ${line}: resource id "${item[1]}" is defined twice`);
      else ids.set(item[1], { kind: list[1], line });
    }
  }
  return { ids, errors };
}

function residErrors(xml) {
  const { ids, errors } = resourceIds(xml);
  for (const attr of attributes(xml)) {
    if (attr.name !== 'resid') continue;
    const defined = ids.get(attr.value);
    const kind = RESOURCE_KIND_OF_ELEMENT.get(localName(attr.element));
    if (!defined) errors.push(`line ${attr.line}: resid "${attr.value}" is not defined in <Resources>`);
    else if (kind && defined.kind !== kind) {
      errors.push(`line ${attr.line}: resid "${attr.value}" on <${attr.element}> must be in bt:${kind}, is in bt:${defined.kind}`);
    }
  }
  return errors;
}

/** Every URL the add-in would load: attribute values and texts that look like URLs (not xmlns). */
function urls(xml) {
  const found = [];
  for (const attr of attributes(xml)) {
    if (attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(attr.value)) found.push({ url: attr.value, line: attr.line });
  }
  for (const text of texts(xml)) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text.value)) found.push({ url: text.value, line: text.line });
  }
  return found;
}

/** Width and height from a PNG's IHDR, or undefined when the file is not a PNG. */
function pngSize(file) {
  const bytes = readFileSync(file);
  if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG' || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Declared pixel size of each image resource, from <bt:Image size="N" resid="..."> references. */
function declaredImageSizes(xml) {
  const sizes = new Map();
  for (const m of xml.matchAll(/<bt:Image\b(?=[^>]*\bsize="(\d+)")(?=[^>]*\bresid="([^"]*)")[^>]*>/g)) {
    sizes.set(m[2], Number(m[1]));
  }
  return sizes;
}

function urlErrors(xml, assetsDir, production) {
  const errors = [];
  const all = urls(xml);
  const origins = new Set();
  for (const { url, line } of all) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      errors.push(`line ${line}: "${url}" is not a valid URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') errors.push(`line ${line}: "${url}" must use https://`);
    if (production && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(parsed.hostname)) {
      errors.push(`line ${line}: "${url}" points to localhost in a production manifest`);
    }
    origins.add(parsed.origin);
  }
  if (origins.size > 1) errors.push(`URLs use ${origins.size} origins (${[...origins].join(', ')}); the build rewrites one`);

  // Icons: IconUrl, HighResolutionIconUrl and bt:Images must name PNGs that exist in assets/.
  const sizes = declaredImageSizes(xml);
  const attrs = attributes(xml);
  const iconUrls = [];
  for (const attr of attrs) {
    const element = localName(attr.element);
    const isIcon = ['IconUrl', 'HighResolutionIconUrl'].includes(element) || attr.element === 'bt:Image';
    if (!isIcon || attr.name !== 'DefaultValue') continue;
    const id = attrs.find((a) => a.tag === attr.tag && a.name === 'id')?.value;
    iconUrls.push({ ...attr, id });
  }
  for (const icon of iconUrls) {
    let path;
    try {
      path = decodeURIComponent(new URL(icon.value).pathname);
    } catch {
      continue; // already reported as an invalid URL
    }
    const match = /\/assets\/([^/]+)$/.exec(path); // the site may live under a sub-path
    if (!match) {
      errors.push(`line ${icon.line}: icon "${icon.value}" is not under /assets/`);
      continue;
    }
    const file = join(assetsDir, match[1]);
    if (!existsSync(file)) {
      errors.push(`line ${icon.line}: icon file assets/${match[1]} does not exist`);
      continue;
    }
    const size = pngSize(file);
    const declared = icon.id ? sizes.get(icon.id) : undefined;
    if (!size) errors.push(`line ${icon.line}: assets/${match[1]} is not a PNG`);
    else if (declared !== undefined && (size.width !== declared || size.height !== declared)) {
      errors.push(`line ${icon.line}: assets/${match[1]} is ${size.width}x${size.height}, used as size ${declared}`);
    }
  }
  return { errors, urlCount: all.length, iconCount: iconUrls.length };
}

function stripComments(xml) {
  // Blank comments out but keep their newlines, so that line numbers stay right.
  return xml.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const manifestPath = resolve(options.manifest);
  if (!existsSync(options.schemaDir) || !existsSync(join(options.schemaDir, MAIN_SCHEMA))) {
    console.error(`Manifest schemas not found in ${options.schemaDir} (expected vendor/manifest-schema in the repository, or MANIFEST_SCHEMA_DIR).`);
    process.exit(2);
  }
  const raw = readFileSync(manifestPath, 'utf8');
  const xml = stripComments(raw);
  const errors = await schemaErrors(raw, options.manifest, options.schemaDir);
  const urlCheck = urlErrors(xml, options.assetsDir, options.production);
  errors.push(...urlCheck.errors, ...residErrors(xml));
  if (errors.length > 0) {
    console.error(`INVALID ${options.manifest}: ${errors.length} error(s)`);
    for (const error of errors) console.error(`  ${error}`);
    process.exit(1);
  }
  const residCount = attributes(xml).filter((a) => a.name === 'resid').length;
  console.log(`OK ${options.manifest}: valid against ${readdirSync(options.schemaDir).filter((n) => n.endsWith('.xsd')).length} XSD files; ${urlCheck.urlCount} https URLs on one origin, ${urlCheck.iconCount} icons found, ${residCount} resids defined.`);
}

main().catch((error) => {
  console.error(`validate-manifest: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
