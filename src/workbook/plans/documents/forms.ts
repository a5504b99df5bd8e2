/**
 * Paper forms for the year's meetings (SPEC §8): one 《党支部工作目标管理考评表》 and one
 * 《党支部目标管理考核自评表》 per branch, as words and rows; the host lays them out one A4 page each.
 */
import { GRADES, type Catalogue } from '../../../core/types';
import { bareCategoryName } from '../sheet';

export interface FormLine {
  label: string;
  /** filled-in text; undefined with no ticks → a blank to write on */
  value?: string;
  /** options to tick (□ 党员 □ 党外群众) */
  ticks?: string[];
}

export interface FormCategory {
  /** "一、党支部班子自身建设（18分）" */
  heading: string;
  rows: { code: string; text: string; points: string }[];
}

export interface PaperForm {
  kind: 'evaluation' | 'self';
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

/**
 * Forms for each branch in roster order; with no branch (no roster given) one blank pair whose branch
 * line is written by hand and which the office copies for every branch.
 */
export function buildFormsDocument(catalogue: Catalogue, branches: readonly string[], year: number | null): FormsDocument {
  const subtitle = year === null ? '（　　　　年度）' : `（${year}年度）`;
  const categories = categoriesOf(catalogue);
  const columns = { code: '编号', text: '考核内容', points: '分值', grades: [...GRADES] };
  const names: (string | undefined)[] = branches.length ? [...branches] : [undefined];
  const forms: PaperForm[] = [];
  for (const name of names) {
    forms.push({
      kind: 'evaluation',
      title: EVALUATION_TITLE,
      subtitle,
      lines: [
        [{ label: '被考评党支部', value: name }],
        [
          { label: '测评人身份', ticks: ['党员', '党外群众'] },
          { label: '考评方式', ticks: ['民主测评', '组织考核'] },
        ],
      ],
      columns,
      categories,
      note: '填表说明：请在每项指标对应的等级栏内划“√”，每项只选一个等级。本表不记名，请勿填写姓名。',
      footer: [],
    });
    forms.push({
      kind: 'self',
      title: SELF_TITLE,
      subtitle,
      lines: [
        [{ label: '党支部', value: name }],
        [
          { label: '自评期间', ticks: ['半年', '全年'] },
          { label: '填表日期', value: '　　　　年　　月　　日' },
        ],
      ],
      columns,
      categories,
      note: '填表说明：对照各项指标如实自评，在对应等级栏内划“√”，每项只选一个等级；6月半年自评，12月全年自评。',
      footer: [[{ label: '党支部书记（签字）' }]],
    });
  }
  return { forms };
}
