/**
 * Paper forms for the year's meetings (SPEC §8): one 《党支部工作目标管理考评表》 and one
 * 《党支部目标管理考核自评表》 per branch, as words and rows; the host lays them out one A4 page each.
 */
import { GRADES, type Catalogue, type Source } from '../../../core/types';
import { bareCategoryName } from '../sheet';

export interface FormLine {
  label: string;
  /** filled-in text; undefined with no ticks → a blank to write on */
  value?: string;
  /** options to tick (□ 党员 □ 党外群众) */
  ticks?: string[];
  /** a box this many characters wide to write in (the 组织考核 form's 测评人 number) */
  box?: number;
}

export interface FormCategory {
  /** "一、党支部班子自身建设（18分）" */
  heading: string;
  rows: { code: string; text: string; points: string }[];
}

export interface PaperForm {
  kind: 'evaluation' | 'self';
  /** the evaluation form made for one way of assessing (forms --source); undefined: one form for both */
  source?: Exclude<Source, '自评'>;
  title: string;
  subtitle: string;
  /** lines above the table, each a row of fields */
  lines: FormLine[][];
  columns: { code: string; text: string; points: string; grades: string[] };
  categories: FormCategory[];
  note: string;
  /** lines under the table (signatures of the self-assessment); none on the anonymous evaluation form */
  footer: FormLine[][];
}

export interface FormsDocument {
  forms: PaperForm[];
}

export const EVALUATION_TITLE = '党支部工作目标管理考评表';
export const SELF_TITLE = '党支部目标管理考核自评表';

function pointsText(n: number): string {
  return String(Number(n.toFixed(2)));
}

function categoriesOf(catalogue: Catalogue): FormCategory[] {
  return catalogue.categories
    .map((c) => {
      const items = catalogue.indicators.filter((i) => i.category === c.code);
      const sum = items.reduce((a, i) => a + i.points, 0);
      const name = /^[一二三四五六七八九十]+、/.test(c.name) ? c.name : `${c.code}、${bareCategoryName(c.name)}`;
      return {
        heading: `${name}（${pointsText(sum)}分）`,
        rows: items.map((i) => ({ code: i.code, text: i.text, points: pointsText(i.points) })),
      };
    })
    .filter((c) => c.rows.length > 0);
}

const EVALUATION_NOTE = '填表说明：请在每项指标对应的等级栏内划“√”，每项只选一个等级。本表不记名，请勿填写姓名。';
/** 组织考核: the number ties a form to a member of the 考核组 for the 测评人 column (duplicate-rater), never to a name */
const ORGANISATIONAL_NOTE = '填表说明：请在每项指标对应的等级栏内划“√”，每项只选一个等级。测评人编号由考核组统一编排，录入“组织考核”表的“测评人”列，用于核对重复录入。';

function evaluationLines(name: string | undefined, source: PaperForm['source']): FormLine[][] {
  const branch: FormLine[] = [{ label: '被考评党支部', value: name }];
  if (source === '组织考核') return [branch, [{ label: '考评方式', value: '组织考核' }, { label: '测评人编号', box: 4 }]];
  if (source === '民主测评') return [branch, [{ label: '测评人身份', ticks: ['党员', '党外群众'] }, { label: '考评方式', value: '民主测评' }]];
  return [
    branch,
    [
      { label: '测评人身份', ticks: ['党员', '党外群众'] },
      { label: '考评方式', ticks: ['民主测评', '组织考核'] },
    ],
  ];
}

/**
 * Forms for each branch in roster order; with no branch (no roster given) one blank set whose branch
 * line is written by hand and which the office copies for every branch. Without `source` each branch
 * gets the 考评表 (identity and method to tick) and the 自评表; with a source only that source's form:
 * 组织考核 has a 测评人 number box and no identity tick, 民主测评 the identity tick, 自评 the 自评表.
 */
export function buildFormsDocument(catalogue: Catalogue, branches: readonly string[], year: number | null, source?: Source): FormsDocument {
  const subtitle = year === null ? '（　　　　年度）' : `（${year}年度）`;
  const categories = categoriesOf(catalogue);
  const columns = { code: '编号', text: '考核内容', points: '分值', grades: [...GRADES] };
  const names: (string | undefined)[] = branches.length ? [...branches] : [undefined];
  const forms: PaperForm[] = [];
  for (const name of names) {
    if (source !== '自评') {
      const variant = source;
      const form: PaperForm = {
        kind: 'evaluation',
        title: EVALUATION_TITLE,
        subtitle,
        lines: evaluationLines(name, variant),
        columns,
        categories,
        note: variant === '组织考核' ? ORGANISATIONAL_NOTE : EVALUATION_NOTE,
        footer: [],
      };
      if (variant) form.source = variant;
      forms.push(form);
    }
    if (source === undefined || source === '自评') {
      forms.push({
        kind: 'self',
        title: SELF_TITLE,
        subtitle,
        // two lines, not three: the 26 indicators in 五号 leave no room for a third above the table
        lines: [[{ label: '党支部', value: name }], [{ label: '自评期间', ticks: ['半年', '全年'] }]],
        columns,
        categories,
        // one line of 五号: the page has no room for a second
        note: '填表说明：对照各项指标如实自评，每项在一个等级栏内划“√”；6月半年自评，12月全年自评。',
        footer: [[{ label: '党支部书记（签字）', value: '＿＿＿＿＿＿＿＿' }, { label: '填表日期', value: '　　　年　　月　　日' }]],
      });
    }
  }
  return { forms };
}
