/**
 * Per-branch checks of SPEC §5 that need the counts: completeness of weighted sources, democratic
 * participation, and the self-assessment gap.
 */
import type { BranchInfo } from './branches';
import { DEMOCRATIC, KEY_COUNT, type Counts } from './collect';
import { compare, fromInt, sub, toNumber, type Rational } from './decimal';
import * as msg from './messages';
import type { BranchScores } from './scoring';
import { SOURCES, type Catalogue, type Finding, type Ruleset } from './types';

/** missing-source and missing-indicator for every source whose weight is above 0. */
export function completeness(
  branch: BranchInfo,
  b: number,
  c: Counts,
  s: BranchScores,
  ruleset: Ruleset,
  catalogue: Catalogue,
): Finding[] {
  const out: Finding[] = [];
  SOURCES.forEach((source, k) => {
    if (!(ruleset.weights[source] > 0)) return;
    const bk = b * KEY_COUNT + k;
    if (c.forms[bk] === 0) {
      out.push(msg.missingSource(branch.name, source, ruleset.weights[source]));
      return;
    }
    const sheet = c.sheets[bk] ?? undefined;
    for (const i of s.lacking[k]) out.push(msg.missingIndicator(branch.name, source, catalogue.indicators[i].code, sheet));
  });
  return out;
}

/** too-many-forms, low-participation and no-nonparty-raters for one branch's 民主测评. */
export function democratic(branch: BranchInfo, b: number, c: Counts, ruleset: Ruleset): Finding[] {
  const out: Finding[] = [];
  const forms = c.forms[b * KEY_COUNT + DEMOCRATIC];
  const sheet = c.sheets[b * KEY_COUNT + DEMOCRATIC] ?? undefined;
  const members = branch.members;
  const party = c.party[b];
  if (members !== undefined && party > members) out.push(msg.tooManyForms(branch.name, party, members, sheet));
  if (forms > 0 && forms < ruleset.minDemocraticForms) {
    out.push(msg.lowParticipation(branch.name, forms, ruleset.minDemocraticForms));
  }
  if (members !== undefined && members > 0 && c.typed[b] > 0 && party * 2 <= members) {
    out.push(msg.lowPartyParticipation(branch.name, party, members));
  }
  if (c.typed[b] > 0 && c.nonparty[b] === 0) out.push(msg.noNonpartyRaters(branch.name, sheet));
  return out;
}

const GAP = fromInt(10);

/** self-gap: the annual self score exceeds the unrounded total by more than 10 points. */
export function selfGap(branch: BranchInfo, self: Rational | null, total: Rational): Finding[] {
  if (self === null) return [];
  const gap = sub(self, total);
  return compare(gap, GAP) > 0 ? [msg.selfGap(branch.name, toNumber(self), toNumber(total))] : [];
}
