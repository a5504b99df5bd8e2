/**
 * The CLI's commands as testable functions: argv and injected I/O in, exit code out (SPEC §7).
 * Every failure becomes one line on stderr and exit 2, never a stack trace.
 */
import * as path from 'node:path';
import type { AssessmentResult, Finding, Lang, Text } from '../core/types';
import { applyPlan, createWorkbook, loadWorkbook, saveWorkbook, snapshotOf, XlsxError, type XlsxWorkbook } from '../hosts/xlsx';
import type { WorkbookPlan } from '../workbook/plan';
import { planSample, planTemplate } from '../workbook/plans';
import { runAssessment, type RunOutcome } from '../workbook/pipeline';
import { defaultCatalogue } from '../core/catalogue';
import { csvWorkbook } from '../hosts/csv';
import { renderForms, renderNotification } from '../hosts/docx';
import { formsInput } from '../workbook/forms-input';
import { buildFormsDocument, buildNotificationDocument } from '../workbook/plans/documents';
import { parseArgs, USAGE, type Command } from './args';
import { formatSummary } from './summary';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  writeFile(file: string, data: Uint8Array | string): Promise<void>;
  exists(file: string): Promise<boolean>;
  /** BA_DATE and friends */
  env: Readonly<Record<string, string | undefined>>;
  /** today, local time, yyyy-mm-dd */
  today(): string;
}

/** A failure the user can act on: one line, exit 2. */
class CliFailure extends Error {
  constructor(public readonly text: Text) {
    super(text.en);
  }
}

const pick = (t: Text, lang: Lang) => t[lang];

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(pick(parsed.error, parsed.lang) + '\n');
    return 2;
  }
  const cmd = parsed.command;
  try {
    switch (cmd.name) {
      case 'help':
        io.stdout(pick(USAGE, cmd.lang) + '\n');
        return 0;
      case 'grade':
      case 'validate':
        return await gradeOrValidate(cmd, io);
      case 'template':
        return await writeNew(cmd.out, planTemplate(cmd.year ?? Number(notificationDate(io).slice(0, 4))), cmd.lang, io);
      case 'sample':
        return await writeNew(cmd.out, planSample(), cmd.lang, io);
      case 'forms':
        return await writeForms(cmd, io);
    }
  } catch (e) {
    io.stderr(pick(failureText(e), cmd.lang) + '\n');
    return 2;
  }
}

/** Any thrown thing → one line. Unexpected errors keep their message but never print a stack. */
function failureText(e: unknown): Text {
  if (e instanceof CliFailure || e instanceof XlsxError) return e.text;
  const msg = (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0];
  return { zh: `处理失败：${msg}`, en: `Failed: ${msg}` };
}

/** The notification date: BA_DATE (for reproducible runs) or today. */
export function notificationDate(io: CliIo): string {
  const d = io.env.BA_DATE;
  if (d === undefined || d === '') return io.today();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !date || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) {
    throw new CliFailure({ zh: `环境变量 BA_DATE 应为 yyyy-mm-dd 格式的日期，而不是 ${d}`, en: `BA_DATE must be a date as yyyy-mm-dd, not ${d}` });
  }
  return d;
}

/** "<dir>/<name>-考核结果.xlsx" next to the input. */
export function defaultOutPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.(xlsx|csv)$/i, '');
  return path.join(dir, `${base}-考核结果.xlsx`);
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

async function readInput(file: string, io: CliIo): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new CliFailure({ zh: `找不到文件：${file}`, en: `File not found: ${file}` });
    if (code === 'EISDIR') throw new CliFailure({ zh: `这是一个文件夹，不是工作簿：${file}`, en: `This is a folder, not a workbook: ${file}` });
    if (code === 'EACCES' || code === 'EPERM') throw new CliFailure({ zh: `没有权限读取文件：${file}`, en: `No permission to read: ${file}` });
    throw e;
  }
}

async function writeOutput(file: string, data: Uint8Array | string, io: CliIo): Promise<void> {
  try {
    await io.writeFile(file, data);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? { zh: '文件夹不存在', en: 'the folder does not exist' }
      : code === 'EACCES' || code === 'EPERM' ? { zh: '没有写入权限', en: 'no permission' }
      : code === 'EBUSY' ? { zh: '文件正被其他程序（如 Excel）占用', en: 'the file is open in another program (Excel?)' }
      : { zh: (e as Error).message ?? String(e), en: (e as Error).message ?? String(e) };
    throw new CliFailure({ zh: `无法写入 ${file}：${why.zh}`, en: `Cannot write ${file}: ${why.en}` });
  }
}

async function load(file: string, io: CliIo): Promise<XlsxWorkbook> {
  const bytes = await readInput(file, io);
  // a questionnaire platform's CSV download (UTF-8 or GBK): one sheet, results go to a new .xlsx
  if (/\.csv$/i.test(file)) return csvWorkbook(bytes, path.basename(file));
  try {
    return await loadWorkbook(bytes);
  } catch (e) {
    if (e instanceof XlsxError) throw new CliFailure({ zh: `${file}：${e.text.zh}`, en: `${file}: ${e.text.en}` });
    throw e;
  }
}

type GradeCommand = Extract<Command, { name: 'grade' | 'validate' }>;

async function gradeOrValidate(cmd: GradeCommand, io: CliIo): Promise<number> {
  const lang = cmd.lang;
  const out = cmd.name === 'grade' ? (cmd.out ?? defaultOutPath(cmd.input)) : undefined;
  // Refuse before reading anything: the input file is never written.
  if (out !== undefined && samePath(out, cmd.input)) {
    throw new CliFailure({ zh: `输出文件不能是输入文件本身：${out}（请用 --out 指定另一个文件）`, en: `The output cannot be the input file itself: ${out} (choose another file with --out)` });
  }
  if (cmd.json !== undefined && cmd.json !== '-' && samePath(cmd.json, cmd.input)) {
    throw new CliFailure({ zh: `报告文件不能是输入文件本身：${cmd.json}`, en: `The report cannot be the input file itself: ${cmd.json}` });
  }
  const docx = cmd.name === 'grade' ? cmd.docx : undefined;
  if (docx !== undefined && (samePath(docx, cmd.input) || (out !== undefined && samePath(docx, out)))) {
    throw new CliFailure({ zh: `通报文件不能是输入或输出工作簿：${docx}`, en: `The notice cannot be the input or output workbook: ${docx}` });
  }
  const date = notificationDate(io);
  const wb = await load(cmd.input, io);
  const outcome = runAssessment(snapshotOf(wb), { lang, date });

  // With the report on stdout, the human summary moves to stderr so the JSON stays clean.
  const human = cmd.json === '-' ? io.stderr : io.stdout;
  if (cmd.json !== undefined) {
    const json = JSON.stringify(outcome.report, null, 2) + '\n';
    if (cmd.json === '-') io.stdout(json);
    else await writeOutput(cmd.json, json, io);
  }

  let written: string | undefined;
  if (out !== undefined && outcome.exitCode !== 2) {
    applyPlan(wb, outcome.plan);
    await writeOutput(out, await saveWorkbook(wb), io);
    written = out;
  }
  if (docx !== undefined && outcome.exitCode !== 2) {
    await writeOutput(docx, await renderNotification(buildNotificationDocument(outcome.notification, outcome.result.ruleset, date)), io);
    human((lang === 'zh' ? `通报（Word）：${docx}` : `Notice (Word): ${docx}`) + '\n');
  }
  human(formatSummary(outcome.result, outcome.findings, lang, { command: cmd.name, output: written, report: cmd.json }) + '\n');
  if (outcome.exitCode === 2 && outcome.fatal) io.stderr(pick(outcome.fatal, lang) + '\n');
  return outcome.exitCode;
}

/** template / sample: a fresh workbook; an existing file is never overwritten (it may be the office's data). */
async function writeNew(out: string, plan: WorkbookPlan, lang: Lang, io: CliIo): Promise<number> {
  if (await io.exists(out)) {
    throw new CliFailure({ zh: `文件已存在，不会覆盖：${out}（请换一个文件名或先删除它）`, en: `The file already exists and is not overwritten: ${out} (choose another name or delete it first)` });
  }
  const wb = createWorkbook();
  applyPlan(wb, plan);
  await writeOutput(out, await saveWorkbook(wb), io);
  io.stdout((lang === 'zh' ? `已写入：${out}` : `Written: ${out}`) + '\n');
  return 0;
}

/** forms: the paper forms from the workbook's roster and catalogue, or the default catalogue and a blank branch line. */
async function writeForms(cmd: Extract<Command, { name: 'forms' }>, io: CliIo): Promise<number> {
  if (await io.exists(cmd.out)) {
    throw new CliFailure({ zh: `文件已存在，不会覆盖：${cmd.out}（请换一个文件名或先删除它）`, en: `The file already exists and is not overwritten: ${cmd.out} (choose another name or delete it first)` });
  }
  if (cmd.input !== undefined && samePath(cmd.input, cmd.out)) {
    throw new CliFailure({ zh: `输出文件不能是输入工作簿：${cmd.out}`, en: `The output cannot be the input workbook: ${cmd.out}` });
  }
  const source = cmd.input === undefined ? { catalogue: defaultCatalogue(), branches: [], year: null } : formsInput(snapshotOf(await load(cmd.input, io)));
  if ('fatal' in source && source.fatal) throw new CliFailure(source.fatal);
  const year = cmd.year ?? source.year ?? Number(notificationDate(io).slice(0, 4));
  const doc = buildFormsDocument(source.catalogue, source.branches, year);
  await writeOutput(cmd.out, await renderForms(doc), io);
  const n = source.branches.length;
  io.stdout(
    (cmd.lang === 'zh'
      ? `已写入：${cmd.out}（${n ? `${n} 个党支部，` : '未指定工作簿，党支部名称留空待填，'}共 ${doc.forms.length} 页）`
      : `Written: ${cmd.out} (${n ? `${n} branches, ` : 'no workbook given: the branch line is left blank, '}${doc.forms.length} pages)`) + '\n',
  );
  return 0;
}

export type { RunOutcome, AssessmentResult, Finding };
