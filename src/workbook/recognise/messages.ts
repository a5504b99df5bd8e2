/**
 * Words recognition uses in its findings (which are made in core/messages, like every finding):
 * why a sheet was not read, and what each sheet role is called.
 */
import type { Text } from '../../core/types';

export const REASONS = {
  noHeader: {
    zh: '前 30 行中未找到可识别的表头（如“党支部”列、指标编号列、优秀/较好/一般/差票数列）',
    en: 'no recognisable header in the first 30 rows (a 党支部 column, indicator columns, or 优秀/较好/一般/差 vote columns)',
  },
  nameOnly: (what: Text): Text => ({
    zh: `工作表名称像${what.zh}，但未找到相应的表头`,
    en: `the sheet name suggests ${what.en}, but its header was not found`,
  }),
  duplicate: (what: Text, first: string): Text => ({
    zh: `已读取${what.zh}“${first}”，此表未读取`,
    en: `${what.en} "${first}" was already read; this one was not`,
  }),
} as const;

export const ROLE_NAMES = {
  catalogue: { zh: '指标目录', en: 'the indicator catalogue' },
  settings: { zh: '考核参数', en: 'the settings' },
  roster: { zh: '支部名单', en: 'the branch roster' },
  spot: { zh: '抽检记录', en: 'the spot checks' },
  summary: { zh: '考核汇总表', en: 'the summary sheet' },
} as const;
