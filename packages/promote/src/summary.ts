/** The job summary of a promotion: a short table, then the files in a collapsed block. */
import { codeBlock, details, table } from '@conveyor/kit';
import type { PromoteResult } from './promote.ts';

export function renderSummary(result: PromoteResult): string {
  const links = result.links;
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
  if (result.deploymentId !== undefined) rows.push(['Deployment', links.deploymentsUrl ? `[${result.deploymentId}](${links.deploymentsUrl})` : String(result.deploymentId)]);
  const escaped = rows.map(([k, v]) => [k!, /^\[/.test(v!) ? v! : `\`${v!.replace(/`/g, '')}\``]);
  let out = `### ${title}\n\n${result.message}\n\n${table(['', ''], escaped, { raw: true })}`;
  if (result.files.length > 0) out += `\n${details(`Files (${result.files.length})`, result.files.map((f) => `- \`${f}\``).join('\n'))}`;
  // A dry run shows what it would commit.
  if (result.diff) out += `\n${details('The diff a run would commit', codeBlock(result.diff, 'diff'), { open: true })}`;
  return out;
}
