/**
 * 考核结果通报 (SPEC §6): the model of the notification table, in formal Chinese.
 */
import type { AssessmentResult, BranchResult, NotificationModel } from './types';

export function notificationTitle(year: number | null): string {
  return year === null ? '关于党支部工作目标管理考核结果的通报' : `关于${year}年度党支部工作目标管理考核结果的通报`;
}

export function notificationLead(year: number | null, assessed: number): string {
  const what = year === null ? '党支部工作' : `${year}年度党支部工作`;
  return (
    `根据《党支部工作目标管理考核办法》，党委考核组通过党支部自评、民主测评、组织考核和日常抽检、专题抽检，` +
    `对${assessed}个党支部的${what}进行了目标管理考核。经党委考核组讨论确定，现将考核结果通报如下：`
  );
}

/** Why a branch is listed apart: its notes, or a plain 待补充. */
function reasonOf(b: BranchResult): string {
  return b.notes.length ? b.notes.map((n) => n.zh).join('；') : '数据待补充';
}

/**
 * 先进党支部 candidates (SPEC §3): branches graded 优秀 (a graded branch has its rank and total) in rank
 * order (ties in roster order), capped by the quota (0 = no cap). `tied` names every 优秀 branch with the
 * total at the cap when the cap falls inside that tie (some of them in, some out), else it is empty.
 */
export function advancedCandidates(branches: readonly BranchResult[], quota: number): { candidates: string[]; tied: string[] } {
  const excellent = branches
    .filter((b) => b.status === 'graded' && b.grade === '优秀')
    .sort((a, b) => (a.rank as number) - (b.rank as number));
  if (quota <= 0 || excellent.length <= quota) return { candidates: excellent.map((b) => b.name), tied: [] };
  const last = excellent[quota - 1].total;
  const tied = excellent[quota].total === last ? excellent.filter((b) => b.total === last).map((b) => b.name) : [];
  return { candidates: excellent.slice(0, quota).map((b) => b.name), tied };
}

export function buildNotification(result: AssessmentResult, date: string): NotificationModel {
  // assess() sets total, grade and rank exactly for the branches it calls graded
  const graded = result.branches.filter((b) => b.status === 'graded');
  // rank order; ties keep roster order (Array.prototype.sort is stable)
  const ranked = graded
    .map((b) => {
      const row: NotificationModel['ranked'][number] = {
        rank: b.rank as number,
        tied: b.tied,
        name: b.name,
        total: b.total as number,
        grade: b.grade as NonNullable<BranchResult['grade']>,
      };
      if (b.group !== undefined) row.group = b.group;
      return row;
    })
    .sort((a, b) => a.rank - b.rank);
  const advanced = advancedCandidates(result.branches, result.ruleset.advancedQuota);
  const incomplete = result.branches
    .filter((b) => b.status !== 'graded')
    .map((b) => {
      const row: NotificationModel['incomplete'][number] = { name: b.name, reason: reasonOf(b) };
      if (b.group !== undefined) row.group = b.group;
      return row;
    });
  return {
    year: result.year,
    title: notificationTitle(result.year),
    lead: notificationLead(result.year, result.branches.length),
    ranked,
    gradeCounts: { ...result.gradeCounts },
    candidates: advanced.candidates,
    ...(advanced.tied.length ? { advancedTie: advanced.tied } : {}),
    incomplete,
    issuer: result.ruleset.issuer,
    date,
  };
}
