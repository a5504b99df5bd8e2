/**
 * The CLI's commands as testable functions: argv and injected I/O in, exit code out (SPEC §7).
 * Every failure becomes one line on stderr and exit 2, never a stack trace.
 */
import * as path from 'node:path';
import type { AssessmentResult, Finding, Lang, Text } from '../core/types';
import { applyPlan, createWorkbook, InternalError, loadWorkbook, saveWorkbook, snapshotOf, XlsxError, type XlsxWorkbook } from '../hosts/xlsx';
import type { WorkbookPlan } from '../workbook/plan';
import { planSample, planTemplate } from '../workbook/plans';
import { runAssessment, type RunOutcome } from '../workbook/pipeline';
import { defaultCatalogue } from '../core/catalogue';
import { parseIsoDate } from '../core/dates';
import { csvWorkbook } from '../hosts/csv';
import { formsInput } from '../workbook/forms-input';
import { buildFeedbackDocument, buildFormsDocument, buildNotificationDocument, buildRequestDocument } from '../workbook/plans/documents';
import { parseArgs, USAGE, type Command } from './args';
import { sameTarget, type PathIdentity } from './files';
import { formatSummary } from './summary';
import { previousCsvRefused, previousFailure, previousFileKind, previousFromJsonBytes, previousFromSnapshot, type PreviousRead } from '../workbook/previous';
import type { PreviousYear } from '../core/previous';
import { bilingual } from '../workbook/terms';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  /**
   * Write the whole file or nothing (temporary file, flushed, renamed). Without `replace` an existing file
   * is kept and the write rejects with code EEXIST.
   */
  writeFile(file: string, data: Uint8Array | string, replace: boolean): Promise<void>;
  /** Which file a path is (device + inode after links), where it resolves to, and whether it exists. */
  identify(file: string): Promise<PathIdentity>;
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
        return await writeNew(cmd, planTemplate(cmd.year ?? Number(notificationDate(io).slice(0, 4))), io);
      case 'sample':
        return await writeNew(cmd, planSample(), io);
      case 'forms':
        return await writeForms(cmd, io);
    }
  } catch (e) {
    if (e instanceof CliFailure || e instanceof XlsxError) {
      io.stderr(pick(e.text, cmd.lang) + '\n');
      return 2;
    }
    // Anything else is ours (SPEC §7, exit 3): one line naming the part, asking for the file; never "damaged".
    io.stderr(pick(internalText(e), cmd.lang) + '\n');
    if (io.env.BA_DEBUG === '1') io.stderr(debugText(e) + '\n');
    return 3;
  }
}

/** The internal error's one line: the file and the part when known. */
function internalText(e: unknown): Text {
  const text = e instanceof InternalError ? e.text : bilingual((t) => t.internalError());
  const file = e instanceof FileInternalError ? e.file : undefined;
  return file === undefined ? text : { zh: `${file}：${text.zh}`, en: `${file}: ${text.en}` };
}

/** BA_DEBUG=1: the original error's stack (the cause of an InternalError). */
function debugText(e: unknown): string {
  const inner = e instanceof InternalError ? e.cause : e;
  return inner instanceof Error ? (inner.stack ?? inner.message) : String(inner);
}

/** An InternalError met while reading a named file. */
class FileInternalError extends InternalError {
  constructor(
    public readonly file: string,
    e: InternalError,
  ) {
    super(e.part, e.cause);
  }
}

/**
 * The day of the run, yyyy-mm-dd: today, or BA_DATE where tests need a fixed day. The documents' date is
 * this unless the workbook's 成文日期 or the --date option says otherwise (runAssessment decides).
 */
export function notificationDate(io: CliIo): string {
  const d = io.env.BA_DATE;
  if (d === undefined || d === '') return io.today();
  if (parseIsoDate(d) === null) {
    throw new CliFailure({ zh: `环境变量 BA_DATE 应为 yyyy-mm-dd 格式的日期，而不是 ${d}`, en: `BA_DATE must be a date as yyyy-mm-dd, not ${d}` });
  }
  return d;
}

/** A macro-enabled input stays macro-enabled (Excel refuses an .xlsx holding macros); anything else gives .xlsx. */
function workbookExtension(input?: string): '.xlsx' | '.xlsm' {
  return input !== undefined && /\.xlsm$/i.test(input) ? '.xlsm' : '.xlsx';
}

/** "<dir>/<name>-考核结果.xlsx" (or .xlsm) next to the input. */
export function defaultOutPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.(xlsx|xlsm|xls|et|ods|csv)$/i, '');
  return path.join(dir, `${base}-考核结果${workbookExtension(input)}`);
}

/**
 * SPEC §7, before anything is read: the workbook output has the right extension, no output is the input
 * (by file identity, so through any symbolic or hard link), the report is not the workbook, and an
 * existing output is replaced only with --force.
 */
async function checkOutputs(
  io: CliIo,
  o: { input?: string; out?: string; json?: string; docx?: string; request?: string; feedback?: string; previous?: string; force: boolean },
): Promise<void> {
  if (o.out !== undefined) {
    const ext = workbookExtension(o.input);
    if (!o.out.toLowerCase().endsWith(ext)) {
      throw new CliFailure(
        ext === '.xlsm'
          ? { zh: `输入是启用宏的工作簿（.xlsm），输出文件名也必须以 .xlsm 结尾：${o.out}`, en: `The input is a macro-enabled workbook (.xlsm), so the output name must end in .xlsm: ${o.out}` }
          : { zh: `输出文件名必须以 .xlsx 结尾：${o.out}`, en: `The output name must end in .xlsx: ${o.out}` },
      );
    }
  }
  const json = o.json === '-' ? undefined : o.json;
  const input = o.input === undefined ? undefined : await io.identify(o.input);
  const out = o.out === undefined ? undefined : await io.identify(o.out);
  const report = json === undefined ? undefined : await io.identify(json);
  if (input && out && sameTarget(input, out)) {
    throw new CliFailure({ zh: `输出文件不能是输入文件本身：${o.out}（请用 --out 指定另一个文件）`, en: `The output cannot be the input file itself: ${o.out} (choose another file with --out)` });
  }
  if (input && report && sameTarget(input, report)) {
    throw new CliFailure({ zh: `报告文件不能是输入文件本身：${json}`, en: `The report cannot be the input file itself: ${json}` });
  }
  if (out && report && sameTarget(out, report)) {
    throw new CliFailure({ zh: `--json 报告文件不能与 --out 输出工作簿是同一个文件：${json}`, en: `The --json report cannot be the same file as the --out workbook: ${json}` });
  }
  // the Word files (--docx, --request, --feedback): never the input, the workbook, the report or each other
  const words: [string, PathIdentity][] = [];
  for (const file of [o.docx, o.request, o.feedback]) {
    if (file === undefined) continue;
    const id = await io.identify(file);
    if ([input, out, report, ...words.map((w) => w[1])].some((other) => other && sameTarget(other, id))) {
      throw new CliFailure({ zh: `Word 文件不能是输入文件、输出工作簿、报告或另一个 Word 文件：${file}`, en: `The Word file cannot be the input, the output workbook, the report or the other Word file: ${file}` });
    }
    if (!file.toLowerCase().endsWith('.docx')) {
      throw new CliFailure({ zh: `Word 文件名必须以 .docx 结尾：${file}`, en: `The Word file name must end in .docx: ${file}` });
    }
    words.push([file, id]);
  }
  // last year's results are an input too: nothing of this run may be written over them
  const previous = o.previous === undefined ? undefined : await io.identify(o.previous);
  if (previous && [out, report, ...words.map((w) => w[1])].some((other) => other && sameTarget(other, previous))) {
    throw new CliFailure({ zh: `输出文件不能是上年结果文件：${o.previous}`, en: `No output may be last year's results file: ${o.previous}` });
  }
  if (!o.force) {
    for (const [file, id] of [[o.out, out], [json, report], ...words] as const) {
      if (file !== undefined && id?.exists) throw new CliFailure(alreadyExists(file));
    }
  }
}

const alreadyExists = (file: string): Text => ({
  zh: `文件已存在，未覆盖：${file}（换一个文件名，或加 --force 替换它）`,
  en: `The file already exists and was not replaced: ${file} (choose another name, or add --force to replace it)`,
});

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

async function writeOutput(file: string, data: Uint8Array | string, force: boolean, io: CliIo): Promise<void> {
  try {
    await io.writeFile(file, data, force);
  } catch (e) {
    const code = (e as { code?: string }).code;
    // Created by someone else between the check and the write: still never replaced without --force.
    if (code === 'EEXIST') throw new CliFailure(alreadyExists(file));
    const message = ((e as Error).message ?? String(e)).split(/\r?\n/)[0];
    const why = code === 'ENOENT' ? { zh: '文件夹不存在', en: 'the folder does not exist' }
      : code === 'EACCES' || code === 'EPERM' ? { zh: '没有写入权限', en: 'no permission' }
      : code === 'EBUSY' ? { zh: '文件正被其他程序（如 Excel）占用', en: 'the file is open in another program (Excel?)' }
      : code === 'ENOSPC' || code === 'EDQUOT' ? { zh: '磁盘空间不足，未留下任何文件', en: 'the disk is full; no file was left behind' }
      : code === 'EROFS' ? { zh: '磁盘是只读的', en: 'the disk is read-only' }
      : code === 'EISDIR' ? { zh: '这是一个文件夹', en: 'it is a folder' }
      : { zh: message, en: message };
    throw new CliFailure({ zh: `无法写入 ${file}：${why.zh}`, en: `Cannot write ${file}: ${why.en}` });
  }
}

async function load(file: string, io: CliIo): Promise<XlsxWorkbook> {
  const bytes = await readInput(file, io);
  // a questionnaire platform's CSV download (UTF-8 or GBK): one sheet, results go to a new .xlsx
  if (/\.csv$/i.test(file)) return csvWorkbook(bytes, path.basename(file));
  try {
    return await loadWorkbook(bytes, { fileName: path.basename(file) });
  } catch (e) {
    if (e instanceof XlsxError) throw new CliFailure({ zh: `${file}：${e.text.zh}`, en: `${file}: ${e.text.en}` });
    if (e instanceof InternalError) throw new FileInternalError(file, e);
    throw e;
  }
}

type GradeCommand = Extract<Command, { name: 'grade' | 'validate' }>;

async function gradeOrValidate(cmd: GradeCommand, io: CliIo): Promise<number> {
  const lang = cmd.lang;
  const out = cmd.name === 'grade' ? (cmd.out ?? defaultOutPath(cmd.input)) : undefined;
  // Refuse before reading anything: the input file is never written.
  const docx = cmd.name === 'grade' ? cmd.docx : undefined;
  const feedback = cmd.name === 'grade' ? cmd.feedback : undefined;
  const previousFile = cmd.name === 'grade' ? cmd.previous : undefined;
  const request = cmd.name === 'grade' ? cmd.request : undefined;
  await checkOutputs(io, { input: cmd.input, out, json: cmd.json, docx, request, feedback, previous: previousFile, force: cmd.force });
  const today = notificationDate(io);
  const previous = previousFile === undefined ? undefined : await loadPrevious(previousFile, io);
  const wb = await load(cmd.input, io);
  const outcome = runAssessment(snapshotOf(wb), {
    lang,
    date: today,
    documents: docx !== undefined || request !== undefined || feedback !== undefined,
    ...(cmd.name === 'grade' && cmd.date ? { dateOverride: cmd.date } : {}),
    ...(previous ? { previous } : {}),
  });
  const unusable = outcome.exitCode === 2;

  // With the report on stdout, the human summary moves to stderr so the JSON stays clean.
  const human = cmd.json === '-' ? io.stderr : io.stdout;
  if (cmd.json !== undefined) {
    const json = JSON.stringify(outcome.report, null, 2) + '\n';
    if (cmd.json === '-') io.stdout(json);
    else await writeOutput(cmd.json, json, cmd.force, io);
  }

  if (unusable) {
    // A refused input: the one-line reason and nothing else (no grade table of zeros, no warnings).
    io.stderr(pick(outcome.fatal ?? { zh: '输入无法使用', en: 'Unusable input' }, lang) + '\n');
    return 2;
  }

  let written: string | undefined;
  if (out !== undefined) {
    applyPlan(wb, outcome.plan);
    await writeOutput(out, await saveWorkbook(wb), cmd.force, io);
    written = out;
  }
  // Nothing graded, nothing to issue (SPEC §8): the documents are not written, the command says why.
  const unwritten: Text[] = [];
  if (docx !== undefined) {
    if (outcome.notification.ranked.length === 0) unwritten.push(NOTHING_GRADED(docx));
    else {
      await writeOutput(docx, await (await docxHost()).renderNotification(buildNotificationDocument(outcome.notification, outcome.result.ruleset)), cmd.force, io);
      human((lang === 'zh' ? `通报（Word）：${docx}` : `Notice (Word): ${docx}`) + '\n');
    }
  }
  if (request !== undefined) {
    if (outcome.notification.ranked.length === 0) unwritten.push(NOTHING_GRADED(request));
    else if (!outcome.request) unwritten.push(NO_CANDIDATES(request));
    else {
      await writeOutput(request, await (await docxHost()).renderRequest(buildRequestDocument(outcome.request, outcome.result.ruleset)), cmd.force, io);
      human((lang === 'zh' ? `请示（Word）：${request}` : `Request (Word): ${request}`) + '\n');
    }
  }
  if (feedback !== undefined) {
    const doc = buildFeedbackDocument(outcome.result, outcome.date);
    await writeOutput(feedback, await (await docxHost()).renderFeedback(doc), cmd.force, io);
    human((lang === 'zh' ? `反馈单（Word）：${feedback}（${doc.pages.length} 个党支部，每个一页）` : `Feedback (Word): ${feedback} (${doc.pages.length} branches, one page each)`) + '\n');
  }
  human(formatSummary(outcome.result, outcome.findings, lang, { command: cmd.name, output: written, report: cmd.json }) + '\n');
  for (const t of unwritten) io.stderr(pick(t, lang) + '\n');
  return unwritten.length ? Math.max(outcome.exitCode, 1) : outcome.exitCode;
}

const NOTHING_GRADED = (file: string): Text => ({
  zh: `未写入 ${file}：没有评定等级的党支部，无可通报的结果（补齐评分、改正校验问题后重新评定）`,
  en: `${file} was not written: no branch could be graded, so there is nothing to issue (complete the ratings, fix the checks and grade again)`,
});

const NO_CANDIDATES = (file: string): Text => ({
  zh: `未写入 ${file}：没有评定为“优秀”的党支部，无可推荐的先进党支部`,
  en: `${file} was not written: no branch is graded 优秀 (excellent), so there is no advanced branch to recommend`,
});

/**
 * --previous: last year's JSON report, or last year's graded workbook under the same limits as any input
 * (size, zip bomb, cells). Anything unusable is exit 2 with one line naming the file. The page and the pane
 * read the file the same way (src/workbook/previous.ts; src/taskpane/previous-file.ts).
 */
async function loadPrevious(file: string, io: CliIo): Promise<PreviousYear> {
  const name = path.basename(file);
  const kind = previousFileKind(file);
  if (kind === 'csv') throw new CliFailure(previousCsvRefused(file));
  const read: PreviousRead =
    kind === 'json' ? previousFromJsonBytes(await readInput(file, io), name, file) : previousFromSnapshot(snapshotOf(await load(file, io)), name);
  if (!read.ok) throw new CliFailure(previousFailure(read));
  return read.previous;
}

/** The Word writer (and its library), loaded only by the commands that write a .docx: every other run starts without it. */
function docxHost(): Promise<typeof import('../hosts/docx')> {
  return import('../hosts/docx');
}

/** template / sample: a fresh workbook; an existing file is replaced only with --force (it may be the office's data). */
async function writeNew(cmd: Extract<Command, { name: 'template' | 'sample' }>, plan: WorkbookPlan, io: CliIo): Promise<number> {
  const { out, lang } = cmd;
  await checkOutputs(io, { out, force: cmd.force });
  const wb = createWorkbook();
  applyPlan(wb, plan);
  await writeOutput(out, await saveWorkbook(wb), cmd.force, io);
  io.stdout((lang === 'zh' ? `已写入：${out}` : `Written: ${out}`) + '\n');
  return 0;
}

/** forms: the paper forms from the workbook's roster and catalogue, or the default catalogue and a blank branch line. */
async function writeForms(cmd: Extract<Command, { name: 'forms' }>, io: CliIo): Promise<number> {
  await checkOutputs(io, { input: cmd.input, docx: cmd.out, force: cmd.force });
  const source = cmd.input === undefined ? { catalogue: defaultCatalogue(), branches: [], year: null } : formsInput(snapshotOf(await load(cmd.input, io)));
  if ('fatal' in source && source.fatal) throw new CliFailure(source.fatal);
  const year = cmd.year ?? source.year ?? Number(notificationDate(io).slice(0, 4));
  const doc = buildFormsDocument(source.catalogue, source.branches, year, cmd.source);
  await writeOutput(cmd.out, await (await docxHost()).renderForms(doc), cmd.force, io);
  const n = source.branches.length;
  const blank = cmd.input === undefined
    ? { zh: '未指定工作簿，党支部名称留空待填，', en: 'no workbook given: the branch line is left blank, ' }
    : { zh: `${cmd.input} 的支部名单是空的，打印一套空白表（党支部名称留空待填），`, en: `the roster of ${cmd.input} is empty: one blank pair (branch line left blank), ` };
  io.stdout(
    (cmd.lang === 'zh'
      ? `已写入：${cmd.out}（${n ? `${n} 个党支部，` : blank.zh}共 ${doc.forms.length} 页）`
      : `Written: ${cmd.out} (${n ? `${n} branches, ` : blank.en}${doc.forms.length} pages)`) + '\n',
  );
  return 0;
}

export type { RunOutcome, AssessmentResult, Finding };
