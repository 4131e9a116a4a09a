/**
 * What the user reads: the job summary (counts by severity × fixable, the worst findings first, what the
 * policy ignored and why, expired rules) and, for folder scans, annotations on the files that brought
 * the vulnerable packages in. Pure functions of the evaluation.
 */
import * as path from 'node:path';
import { details, escapeCell, table, type Annotation } from '@conveyor/kit';
import { SEVERITIES } from './verdict.ts';
import type { GrypeReport, Match } from './report.ts';
import type { Evaluation, Policy } from './policy.ts';
import { describeRule } from './rules.ts';

/** Rows of findings shown before the rest is left to the SARIF and JSON files. */
export const FINDINGS_SHOWN = 50;
export const IGNORED_SHOWN = 100;

function link(m: Match): string {
  const url = /^https?:\/\//.test(m.dataSource) ? m.dataSource : m.urls.find((u) => /^https?:\/\//.test(u));
  const id = escapeCell(m.id);
  return url ? `[${id}](${url.replace(/\)/g, '%29').replace(/ /g, '%20')})` : id;
}

function epss(m: Match): string {
  if (!m.epss) return '';
  return `${(m.epss.score * 100).toFixed(2)}% (p${Math.floor(m.epss.percentile * 100)})`;
}

function fixedIn(m: Match): string {
  if (m.fix.state === 'fixed') return m.fix.versions.join(', ') || 'fixed';
  return m.fix.state === 'wont-fix' ? "won't fix" : m.fix.state === 'not-fixed' ? 'no fix yet' : '';
}

function findingRows(matches: readonly Match[], failing: ReadonlySet<Match>): string[][] {
  return matches.map((m) => [
    `${link(m)}${m.knownExploited ? ' ⚠️ KEV' : ''}`,
    `${failing.has(m) ? '**' : ''}${m.severity}${failing.has(m) ? '**' : ''}`,
    escapeCell(m.artifact.name),
    escapeCell(m.artifact.version),
    escapeCell(fixedIn(m)),
    epss(m),
  ]);
}

export interface SummaryContext {
  report: GrypeReport;
  evaluation: Evaluation;
  policy: Policy;
  /** What was scanned, as the user gave it. */
  subject: string;
  failBuild: boolean;
}

/** The Markdown job summary. */
export function renderSummary({ report, evaluation, policy, subject, failBuild }: SummaryContext): string {
  const e = evaluation;
  const out: string[] = [];
  const verdict = e.decision === 'pass' ? '✅ pass' : failBuild ? '❌ fail' : '⚠️ fail (fail-build is off)';
  out.push(`## Vulnerability scan: ${verdict}\n`);
  const db = report.grype.db?.built ? ` · DB built ${report.grype.db.built}` : '';
  const cutoff = policy.severityCutoff === 'none' ? 'none (never fails on severity)' : `${policy.severityCutoff} and above fail`;
  out.push(`\`${subject.replace(/`/g, "'")}\` · grype ${report.grype.version}${db} · cutoff: ${cutoff} · only fixed: ${policy.onlyFixed ? 'yes' : 'no'}\n\n`);
  const rows = SEVERITIES.map((s) => [s, String(e.counts[s]), String(e.countsFixable[s])]);
  const total = (c: Record<string, number>) => String(Object.values(c).reduce((a, b) => a + b, 0));
  rows.push(['**total**', `**${total(e.counts)}**`, `**${total(e.countsFixable)}**`]);
  out.push(table(['Severity', 'Matches', 'With a fix'], rows, { raw: true }));
  if (e.failing.length > 0) out.push(`\n${e.failing.length} match${e.failing.length === 1 ? '' : 'es'} at or above the cutoff (${policy.severityCutoff}).\n`);
  for (const x of e.expired) {
    const what = x.matches.length === 0 ? 'it matches nothing in this report'
      : `it no longer ignores ${x.matches.length} match${x.matches.length === 1 ? '' : 'es'}: ${x.matches.slice(0, 10).map((m) => `${m.id} in ${m.artifact.name}`).join(', ')}${x.matches.length > 10 ? ', …' : ''}`;
    out.push(`\n> [!WARNING]\n> Ignore rule ${escapeCell(describeRule(x.rule))} expired on ${x.rule.until} (reason was: ${escapeCell(x.rule.reason)}); ${escapeCell(what)}. Renew or remove it.\n`);
  }
  if (e.kept.length > 0) {
    const failing = new Set(e.failing);
    const shown = e.kept.slice(0, FINDINGS_SHOWN);
    out.push(`\n### Worst findings${e.kept.length > shown.length ? ` (${shown.length} of ${e.kept.length})` : ''}\n\n`);
    out.push(table(['Vulnerability', 'Severity', 'Package', 'Installed', 'Fixed in', 'EPSS'], findingRows(shown, failing), { raw: true }));
    if (e.kept.length > shown.length) out.push(`\n${e.kept.length - shown.length} more in the SARIF and JSON reports.\n`);
  }
  if (e.ignored.length > 0) {
    const shown = e.ignored.slice(0, IGNORED_SHOWN);
    const body = table(['Vulnerability', 'Package', 'Version', 'Rule', 'Reason'],
      shown.map((i) => [link(i.match), escapeCell(i.package), escapeCell(i.version), escapeCell(i.rule), escapeCell(i.reason)]), { raw: true })
      + (e.ignored.length > shown.length ? `\n${e.ignored.length - shown.length} more in the verdict file.\n` : '');
    out.push(`\n${details(`Ignored by the policy (${e.ignored.length})`, body)}`);
  }
  return out.join('');
}

const LEVEL: Record<string, Annotation['level']> = { critical: 'error', high: 'error', medium: 'warning' };

/**
 * Annotations for a folder scan: one per kept match on the file that declares the package (lock file,
 * manifest), relative to the workspace. Image and SBOM scans have no files in the repository: none.
 */
export function annotationsFor(report: GrypeReport, evaluation: Evaluation, workspace: string): Annotation[] {
  if (report.source.type !== 'directory') return [];
  const root = path.resolve(workspace, report.source.target);
  const out: Annotation[] = [];
  for (const m of evaluation.kept) {
    const location = m.artifact.locations[0];
    if (!location) continue;
    const absolute = path.resolve(root, location.path.replace(/^\/+/, ''));
    const file = path.relative(workspace, absolute);
    if (file.startsWith('..') || path.isAbsolute(file)) continue;
    const fix = m.fix.state === 'fixed' && m.fix.versions.length > 0 ? ` Fixed in ${m.fix.versions.join(', ')}.` : ' No fix yet.';
    out.push({
      level: LEVEL[m.severity] ?? 'notice',
      title: `${m.id} (${m.severity}) in ${m.artifact.name} ${m.artifact.version}`,
      message: `${m.artifact.name} ${m.artifact.version} (${m.artifact.type}) is affected by ${m.id}.${fix}`,
      file: file.split(path.sep).join('/'),
    });
  }
  return out;
}
