/**
 * 关于{年度}年度先进党支部推荐名单的请示 (SPEC §8): the request that takes the 先进党支部 candidates to the
 * Party committee for approval, as the policy asks ("考评结果将作为先进党支部…评选的重要依据，由党委办公室直接
 * 报党委批准"). Every word, decided once from the result and its notification; the Word host lays it out.
 */
import { advancedCandidates, balancedLines, gradeCountsText, letterheadOf } from './notification';
import { DEFAULT_REQUEST_ADDRESSEE } from './ruleset';
import type { AssessmentResult, Letterhead, NotificationModel, RequestModel, Ruleset } from './types';

const CN = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 40 → 四十, 105 → 105 (lists that long are numbered in Arabic). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return CN[n];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return (tens === 1 ? '' : CN[tens]) + '十' + (ones ? CN[ones] : '');
  }
  return String(n);
}

function requestTitleSegments(year: number | null): string[] {
  return [year === null ? '关于' : `关于${year}年度`, '先进党支部', '推荐名单的请示'];
}

export function requestTitle(year: number | null): string {
  return requestTitleSegments(year).join('');
}

/**
 * The request's 版头: the 通报's, and for this upward document (上行文, GB/T 9704-2012 7.2.3) the 签发人 on
 * the 发文字号's line when 签发人 is set. Without 签发人 the 版头 is written as the 通报's (发文字号 centred):
 * the office fills 签发人 in when its committee asks for it; no finding, SPEC names none.
 */
export function requestLetterheadOf(ruleset: Ruleset): Letterhead | undefined {
  const head = letterheadOf(ruleset);
  if (!head) return undefined;
  return ruleset.signer ? { ...head, signer: { label: '签发人：', name: ruleset.signer } } : head;
}

/**
 * The request, or null when there is nobody to recommend (no branch graded 优秀): an office does not ask
 * its committee to approve an empty list.
 */
export function buildRequest(result: AssessmentResult, notice: NotificationModel): RequestModel | null {
  const { ruleset } = result;
  const byName = new Map(notice.ranked.map((b) => [b.name, b]));
  const { candidates, tied } = advancedCandidates(result.branches, ruleset.advancedQuota);
  if (candidates.length === 0) return null;
  const year = result.year === null ? '' : `${result.year}年度`;
  const paragraphs = [
    `根据《党支部工作目标管理考核办法》，考评结果作为先进党支部评选的重要依据，由党委办公室报党委批准。` +
      `党委考核组通过党支部自评、民主测评、组织考核和日常抽检、专题抽检，对${result.branches.length}个党支部的${year}工作进行了目标管理考核，` +
      `经党委考核组讨论确定，评定${notice.ranked.length}个党支部，其中${gradeCountsText(result.gradeCounts)}。`,
    `根据考核结果，拟推荐以下${candidates.length}个党支部为${year}先进党支部（按考核名次排列）：`,
  ];
  candidates.forEach((name, i) => {
    const b = byName.get(name);
    const last = i === candidates.length - 1;
    const figures = b ? `（总分${b.total.toFixed(ruleset.decimals)}分，“${b.grade}”）` : '';
    paragraphs.push(`（${chineseOrdinal(i + 1)}）${name}${figures}${last ? '。' : '；'}`);
  });
  if (tied.length) {
    paragraphs.push(
      `${tied.join('、')}考核总分相同，并列于先进党支部推荐名额（${ruleset.advancedQuota}个）处，以上暂按支部名单顺序列出，请党委研究确定。`,
    );
  }
  paragraphs.push('各党支部考核名次、总分和等级见附件。');
  paragraphs.push('妥否，请批示。');
  const addressee = `${ruleset.requestAddressee ?? DEFAULT_REQUEST_ADDRESSEE}：`;
  const letterhead = requestLetterheadOf(ruleset);
  return {
    ...(letterhead ? { letterhead } : {}),
    year: result.year,
    title: requestTitle(result.year),
    titleLines: balancedLines(requestTitleSegments(result.year)),
    addressee,
    paragraphs,
    candidates,
    ...(tied.length ? { advancedTie: tied } : {}),
    attachmentNote: notice.attachmentNote,
    attachment: notice.attachment,
    issuer: notice.issuer,
    date: notice.date,
    dateText: notice.dateText,
    // GB/T 9704-2012 7.3.7: a request names whom to call, left for the office to fill in
    remark: '（联系人：　　　　　联系电话：　　　　　　）',
  };
}
