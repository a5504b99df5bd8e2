/**
 * Command-line arguments (SPEC §7), parsed into a command or a one-line error. No I/O here: paths stay as
 * the user typed them, relative to the folder the command was run in (main.ts sees to that under npm).
 *
 *   grade <in.xlsx> [--out <out.xlsx>] [--json <report.json | ->] [--docx <通报.docx>] [--request <请示.docx>] [--feedback <反馈单.docx>] [--previous <上年结果.xlsx | 上年报告.json>]
 *         [--date YYYY-MM-DD] [--lang zh|en] [--force]
 *   validate <in.xlsx> [--json <report.json | ->] [--lang zh|en] [--force]
 *   template <out.xlsx> [--year <YYYY>] [--lang zh|en] [--force]
 *   sample <out.xlsx> [--lang zh|en] [--force]
 *   forms <out.docx> [--in <workbook.xlsx>] [--year <YYYY>] [--source 组织考核|民主测评|自评] [--lang zh|en] [--force]
 */
import { MAX_YEAR, MIN_YEAR, parseIsoDate } from '../core/dates';
import { SOURCES, type Lang, type Source, type Text } from '../core/types';

export type Command =
  | { name: 'grade'; input: string; out?: string; json?: string; docx?: string; request?: string; feedback?: string; previous?: string; date?: string; lang: Lang; force: boolean }
  | { name: 'validate'; input: string; json?: string; lang: Lang; force: boolean }
  | { name: 'template'; out: string; year?: number; lang: Lang; force: boolean }
  | { name: 'sample'; out: string; lang: Lang; force: boolean }
  | { name: 'forms'; out: string; input?: string; year?: number; source?: Source; lang: Lang; force: boolean }
  | { name: 'help'; lang: Lang };

export type Parsed = { ok: true; command: Command } | { ok: false; lang: Lang; error: Text };

const OPTIONS: Record<Exclude<Command['name'], 'help'>, readonly string[]> = {
  grade: ['--out', '--json', '--docx', '--request', '--feedback', '--previous', '--date', '--lang', '--force'],
  validate: ['--json', '--lang', '--force'],
  template: ['--year', '--lang', '--force'],
  sample: ['--lang', '--force'],
  forms: ['--in', '--year', '--source', '--lang', '--force'],
};

/** Options that take no value. */
const FLAGS = new Set(['--force']);

export const USAGE: Text = {
  zh: [
    '用法：',
    '  npm run cli -- grade <输入.xlsx> [--out <输出.xlsx>] [--json <报告.json | ->] [--docx <通报.docx>] [--request <请示.docx>] [--feedback <反馈单.docx>] [--previous <上年结果.xlsx | 上年报告.json>] [--date YYYY-MM-DD] [--lang zh|en] [--force]',
    '  npm run cli -- validate <输入.xlsx> [--json <报告.json | ->] [--lang zh|en] [--force]',
    '  npm run cli -- template <输出.xlsx> [--year <年度>] [--lang zh|en] [--force]',
    '  npm run cli -- sample <输出.xlsx> [--lang zh|en] [--force]',
    '  npm run cli -- forms <表格.docx> [--in <工作簿.xlsx>] [--year <年度>] [--source 组织考核|民主测评|自评] [--lang zh|en] [--force]',
    '输入文件从不改写：指向输入文件的输出路径（含符号链接、硬链接）会被拒绝，--json 也不能与 --out 相同。',
    '已存在的输出文件只有加 --force 才会被替换；文件先写入同一文件夹的临时文件，写完再改名，失败时不留下残缺文件。',
    '--request 另写先进党支部推荐名单的请示（Word），主送“考核参数”中的请示主送（默认院党委）。',
    '--feedback 为每个党支部写一页考核反馈单（Word）；--previous 读取上年评定后的工作簿或 JSON 报告，列出上年总分、等级、名次和名次变化。',
    'forms 打印每个党支部的考评表和自评表（Word）；--source 组织考核 只打印考核组用的考评表（测评人编号框，无身份勾选）。\n退出码：0 无错误；1 有错误（相关党支部暂不评定）；2 无法使用的输入或参数。',
    '相对路径以运行命令时所在的文件夹为准（也可用 npx branch-assessment …）。',
    '--date 指定通报等文件的成文日期（优先于“考核参数”中的成文日期；默认今天）。',
  ].join('\n'),
  en: [
    'Usage:',
    '  npm run cli -- grade <in.xlsx> [--out <out.xlsx>] [--json <report.json | ->] [--docx <notice.docx>] [--request <request.docx>] [--feedback <feedback.docx>] [--previous <last-year.xlsx | last-year.json>] [--date YYYY-MM-DD] [--lang zh|en] [--force]',
    '  npm run cli -- validate <in.xlsx> [--json <report.json | ->] [--lang zh|en] [--force]',
    '  npm run cli -- template <out.xlsx> [--year <YYYY>] [--lang zh|en] [--force]',
    '  npm run cli -- sample <out.xlsx> [--lang zh|en] [--force]',
    '  npm run cli -- forms <forms.docx> [--in <workbook.xlsx>] [--year <YYYY>] [--source 组织考核|民主测评|自评] [--lang zh|en] [--force]',
    'The input is never written: an output path that is the input (through a symbolic or hard link too) is refused, and --json cannot be the --out file.',
    'An existing output file is replaced only with --force; files are written to a temporary file in the same folder and renamed when complete, so a failure leaves no broken file.',
    '--request also writes the request for approval of the advanced branches (Word), addressed to 请示主送 in the settings (default 院党委).',
    '--feedback writes a one-page feedback sheet per branch (Word); --previous reads last year\'s graded workbook or JSON report and adds last year\'s total, grade, rank and the change of rank.',
    'forms prints each branch\'s evaluation and self-assessment forms (Word); --source 组织考核 prints only the assessment group\'s form (a rater number box, no identity tick).\nExit status: 0 no error; 1 errors found (the affected branches are not graded); 2 unusable input or arguments.',
    'Relative paths are taken from the folder the command is run in (npx branch-assessment … works too).',
    '--date sets the documents\' date (over the 成文日期 setting; default: today).',
  ].join('\n'),
};

/** The language asked for anywhere on the line (so even an argument error is told in it); default zh. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'zh';
}

function fail(lang: Lang, zh: string, en: string): Parsed {
  return { ok: false, lang, error: { zh, en } };
}

export function parseArgs(argv: readonly string[]): Parsed {
  const lang = langOf(argv);
  const [name, ...rest] = argv;
  if (name === undefined) return fail(lang, '缺少命令（grade、validate、template、sample 或 forms），用 --help 查看用法', 'Missing command (grade, validate, template, sample or forms); see --help');
  if (name === '--help' || name === '-h' || name === 'help') return { ok: true, command: { name: 'help', lang } };
  if (!(name in OPTIONS)) {
    return fail(lang, `未知命令：${name}（可用：grade、validate、template、sample、forms）`, `Unknown command: ${name} (use grade, validate, template, sample or forms)`);
  }
  const cmd = name as keyof typeof OPTIONS;
  const allowed = OPTIONS[cmd];
  const positional: string[] = [];
  const opts = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') return { ok: true, command: { name: 'help', lang } };
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const key = eq >= 0 ? arg.slice(0, eq) : arg;
      if (!allowed.includes(key)) {
        return fail(lang, `${cmd} 命令不支持选项 ${key}`, `Option ${key} is not valid for ${cmd}`);
      }
      if (FLAGS.has(key)) {
        if (eq >= 0) return fail(lang, `选项 ${key} 不带取值`, `Option ${key} takes no value`);
        if (opts.has(key)) return fail(lang, `选项 ${key} 重复`, `Option ${key} is given twice`);
        opts.set(key, '');
        continue;
      }
      let value: string | undefined;
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        value = rest[i + 1];
        // "-" is a value (stdout); any other dash-word is the next option, not a value.
        if (value !== undefined && value !== '-' && value.startsWith('-')) value = undefined;
        else i++;
      }
      if (value === undefined || value === '') return fail(lang, `选项 ${key} 缺少取值`, `Option ${key} needs a value`);
      if (opts.has(key)) return fail(lang, `选项 ${key} 重复`, `Option ${key} is given twice`);
      opts.set(key, value);
    } else if (arg.startsWith('-') && arg !== '-') {
      return fail(lang, `未知选项：${arg}`, `Unknown option: ${arg}`);
    } else {
      positional.push(arg);
    }
  }

  const langOpt = opts.get('--lang');
  if (langOpt !== undefined && langOpt !== 'zh' && langOpt !== 'en') {
    return fail(lang, `--lang 只能是 zh 或 en，而不是 ${langOpt}`, `--lang must be zh or en, not ${langOpt}`);
  }
  const what = cmd === 'grade' || cmd === 'validate' ? { zh: '输入工作簿', en: 'input workbook' } : { zh: '输出文件', en: 'output file' };
  if (positional.length === 0) return fail(lang, `${cmd} 命令缺少${what.zh}路径`, `${cmd} needs the ${what.en} path`);
  if (positional.length > 1) {
    return fail(lang, `多余的参数：${positional.slice(1).join(' ')}`, `Unexpected argument: ${positional.slice(1).join(' ')}`);
  }
  const path = positional[0];
  const force = opts.has('--force');
  if (path === '-') return fail(lang, `${what.zh}不能是“-”`, `The ${what.en} cannot be "-"`);

  switch (cmd) {
    case 'grade':
      if (opts.get('--out') === '-') return fail(lang, '--out 必须是文件路径（工作簿不能写到标准输出）', '--out must be a file path (a workbook cannot go to stdout)');
      for (const key of ['--docx', '--request', '--feedback', '--previous']) {
        if (opts.get(key) === '-') return fail(lang, `${key} 必须是文件路径`, `${key} must be a file path`);
      }
      const d = opts.get('--date');
      if (d !== undefined && parseIsoDate(d) === null) {
        return fail(lang, `--date 应为 ${MIN_YEAR}–${MAX_YEAR} 年间的日期，写作 YYYY-MM-DD（如 2026-12-31），而不是 ${d}`, `--date must be a date between ${MIN_YEAR} and ${MAX_YEAR} written YYYY-MM-DD (such as 2026-12-31), not ${d}`);
      }
      return {
        ok: true,
        command: {
          name: 'grade',
          input: path,
          out: opts.get('--out'),
          json: opts.get('--json'),
          docx: opts.get('--docx'),
          ...(opts.has('--request') ? { request: opts.get('--request') } : {}),
          ...(opts.has('--feedback') ? { feedback: opts.get('--feedback') } : {}),
          ...(opts.has('--previous') ? { previous: opts.get('--previous') } : {}),
          ...(d === undefined ? {} : { date: d }),
          lang,
          force,
        },
      };
    case 'validate':
      return { ok: true, command: { name: 'validate', input: path, json: opts.get('--json'), lang, force } };
    case 'forms':
    case 'template': {
      const y = opts.get('--year');
      if (y !== undefined && !(/^\d{4}$/.test(y) && Number(y) >= MIN_YEAR && Number(y) <= MAX_YEAR)) {
        return fail(lang, `--year 应为 ${MIN_YEAR}–${MAX_YEAR} 之间的四位年份，而不是 ${y}`, `--year must be a year from ${MIN_YEAR} to ${MAX_YEAR}, not ${y}`);
      }
      const year = y === undefined ? undefined : Number(y);
      if (cmd === 'forms') {
        if (opts.get('--in') === '-') return fail(lang, '--in 必须是工作簿文件路径', '--in must be a workbook file path');
        const src = opts.get('--source');
        const source = SOURCES.find((x) => x === src);
        if (src !== undefined && !source) return fail(lang, `--source 只能是 ${SOURCES.join('、')}，而不是 ${src}`, `--source must be one of ${SOURCES.join(', ')}, not ${src}`);
        return { ok: true, command: { name: 'forms', out: path, input: opts.get('--in'), year, ...(source ? { source } : {}), lang, force } };
      }
      return { ok: true, command: { name: 'template', out: path, year, lang, force } };
    }
    case 'sample':
      return { ok: true, command: { name: 'sample', out: path, lang, force } };
  }
}
