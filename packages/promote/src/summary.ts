/** The job summary of a promotion: a short table, then the files in a collapsed block. */
import { details, table } from '@conveyor/kit';
import type { PromoteResult } from './promote.ts';

export interface SummaryLinks {
  /** e.g. `https://github.com/acme/gitops/commit/<sha>` */
  commitUrl?: string;
  deploymentUrl?: string;
}

export function renderSummary(result: PromoteResult, links: SummaryLinks = {}): string {
  const title = result.dryRun ? 'Promotion (dry run)' : result.changed ? 'Promotion' : 'Promotion: nothing to change';
  const rows: string[][] = [
    ['Environment', result.environment],
    ['Image', result.image],
    ['Version', result.version || '—'],
    ['Digest', `${result.previousDigest ?? 'none'} → ${result.digest}`],
    ['Files changed', String(result.files.length)],
  ];
  if (result.commitSha) rows.push(['Commit', links.commitUrl ? `[${result.commitSha.slice(0, 12)}](${links.commitUrl})` : result.commitSha.slice(0, 12)]);
  if (result.prUrl) rows.push(['Pull request', `[${result.prUrl}](${result.prUrl})`]);
  if (result.deploymentId !== undefined) rows.push(['Deployment', links.deploymentUrl ? `[${result.deploymentId}](${links.deploymentUrl})` : String(result.deploymentId)]);
  const escaped = rows.map(([k, v]) => [k!, /^\[/.test(v!) ? v! : `\`${v!.replace(/`/g, '')}\``]);
  let out = `### ${title}\n\n${result.message}\n\n${table(['', ''], escaped, { raw: true })}`;
  if (result.files.length > 0) out += `\n${details(`Files (${result.files.length})`, result.files.map((f) => `- \`${f}\``).join('\n'))}`;
  return out;
}
