/**
 * The policy conveyor applies to a grype report (grype runs without --fail-on): ignore rules, VEX
 * statements, only-fixed, then the severity cutoff over the matches that are left. Pure: the same report,
 * policy and time give the same evaluation.
 */
import { SEVERITIES, type IgnoredMatch, type Severity, type SeverityCounts } from './verdict.ts';
import type { GrypeReport, Match } from './report.ts';
import { isExpired, ruleMatches, type IgnoreRule } from './rules.ts';
import { vexStatementFor, type VexStatement } from './vex.ts';
import type { SeverityCutoff } from './severity.ts';

export { SEVERITY_CUTOFFS, type SeverityCutoff } from './severity.ts';

export interface Policy {
  severityCutoff: SeverityCutoff;
  onlyFixed: boolean;
  rules: readonly IgnoreRule[];
  vex: readonly VexStatement[];
  /** The VEX documents read, as given (for the verdict). */
  vexFiles: readonly string[];
}

export interface IgnoredFinding extends IgnoredMatch {
  match: Match;
}

export interface ExpiredRule {
  rule: IgnoreRule;
  /** Matches this rule would still ignore had it not expired; they now count. */
  matches: Match[];
}

export interface Evaluation {
  decision: 'pass' | 'fail';
  /** Matches that count, worst first. */
  kept: Match[];
  /** Kept matches at or above the cutoff, worst first. */
  failing: Match[];
  ignored: IgnoredFinding[];
  expired: ExpiredRule[];
  counts: SeverityCounts;
  countsFixable: SeverityCounts;
}

const RANK: Record<Severity, number> = { unknown: 0, negligible: 1, low: 2, medium: 3, high: 4, critical: 5 };

export function severityRank(s: Severity): number {
  return RANK[s];
}

export function zeroCounts(): SeverityCounts {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
}

/** Worst first: severity, then known exploitation, EPSS, CVSS, then id and package for a stable order. */
export function compareWorstFirst(a: Match, b: Match): number {
  return RANK[b.severity] - RANK[a.severity]
    || Number(b.knownExploited) - Number(a.knownExploited)
    || (b.epss?.score ?? -1) - (a.epss?.score ?? -1)
    || maxScore(b) - maxScore(a)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    || (a.artifact.name < b.artifact.name ? -1 : a.artifact.name > b.artifact.name ? 1 : 0);
}

function maxScore(m: Match): number {
  let s = -1;
  for (const c of m.cvss) if (c.baseScore > s) s = c.baseScore;
  return s;
}

function finding(match: Match, rule: string, reason: string): IgnoredFinding {
  return { id: match.id, package: match.artifact.name, version: match.artifact.version, reason, rule, match };
}

/** Applies `policy` to `report` at time `now` (ms since the epoch). */
export function evaluate(report: GrypeReport, policy: Policy, now: number): Evaluation {
  const active = policy.rules.filter((r) => !isExpired(r, now));
  const expiredRules = policy.rules.filter((r) => isExpired(r, now));
  const expired = new Map<IgnoreRule, Match[]>(expiredRules.map((r) => [r, []]));
  const kept: Match[] = [];
  const ignored: IgnoredFinding[] = report.ignoredMatches.map((m) => finding(m, 'grype', m.ignoredBy?.join('; ') ?? 'ignored by grype'));
  const counts = zeroCounts();
  const countsFixable = zeroCounts();
  const cutoff = policy.severityCutoff === 'none' ? Infinity : RANK[policy.severityCutoff];
  const failing: Match[] = [];
  const hasVex = policy.vex.length > 0;
  for (const m of report.matches) {
    const statement = hasVex ? vexStatementFor(m, policy.vex, report.source) : undefined;
    const rule = active.find((r) => ruleMatches(r, m, statement));
    if (rule) {
      ignored.push(finding(m, rule.origin, rule.until ? `${rule.reason} (until ${rule.until})` : rule.reason));
      continue;
    }
    for (const r of expiredRules) if (ruleMatches(r, m, statement)) expired.get(r)!.push(m);
    if (statement && (statement.status === 'not_affected' || statement.status === 'fixed')) {
      const why = [statement.status, statement.justification, statement.impactStatement].filter(Boolean).join(': ');
      ignored.push(finding(m, `vex:${statement.file}#${statement.where}`, why));
      continue;
    }
    if (policy.onlyFixed && m.fix.state !== 'fixed') {
      ignored.push(finding(m, 'only-fixed', `no fix available (fix state: ${m.fix.state})`));
      continue;
    }
    kept.push(m);
    counts[m.severity] += 1;
    if (m.fix.state === 'fixed') countsFixable[m.severity] += 1;
    if (RANK[m.severity] >= cutoff) failing.push(m);
  }
  kept.sort(compareWorstFirst);
  failing.sort(compareWorstFirst);
  return {
    decision: failing.length > 0 ? 'fail' : 'pass',
    kept,
    failing,
    ignored,
    expired: expiredRules.map((rule) => ({ rule, matches: expired.get(rule)! })),
    counts,
    countsFixable,
  };
}
