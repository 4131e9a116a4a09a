/**
 * Plan rendering: the PR comment (one per stack and workspace, found again through a hidden marker),
 * the job summary and the full plan text. Values come only from the summary, where sensitive ones are
 * already replaced, so nothing here can print a secret.
 */
import { codeBlock, escapeHtml, table } from '@conveyor/kit';
import { encodeDigests, type ResourceDigest } from './fingerprint.ts';
import { planLine, type ChangeKind, type OutputSummary, type PlanSummary, type ResourceSummary } from './plan.ts';
import type { DestroyVerdict } from './policy.ts';

/** GitHub refuses a comment body longer than this many characters. */
export const COMMENT_LIMIT = 65_536;

const SYMBOL: Record<ChangeKind, string> = {
  create: '+', update: '!', delete: '-', read: '<=', 'no-op': ' ', forget: '.',
  replace: '-/+', 'replace-create-first': '+/-', 'create-then-forget': '+/.', 'forget-then-create': './+',
};

const VERB: Record<ChangeKind, string> = {
  create: 'will be created',
  update: 'will be updated in place',
  delete: 'will be destroyed',
  read: 'will be read during apply',
  'no-op': 'has no changes',
  forget: 'will be removed from the state but not destroyed',
  replace: 'must be replaced (destroyed, then created)',
  'replace-create-first': 'must be replaced (created, then the old one destroyed)',
  'create-then-forget': 'will be created, and the old object forgotten but not destroyed',
  'forget-then-create': 'will be forgotten but not destroyed, then created again',
};

/** The sections of the resource list, in the order a reviewer should read them. */
const SECTIONS: { title: string; kinds: ChangeKind[] }[] = [
  { title: 'Destroy', kinds: ['delete'] },
  { title: 'Replace', kinds: ['replace', 'replace-create-first'] },
  { title: 'Forget', kinds: ['forget', 'create-then-forget', 'forget-then-create'] },
  { title: 'Create', kinds: ['create'] },
  { title: 'Update in place', kinds: ['update'] },
  { title: 'Import or move only', kinds: ['no-op'] },
  { title: 'Read', kinds: ['read'] },
];

/** One resource as the lines of a diff block. `maxAttributes` cuts long attribute lists. */
export function resourceLines(r: ResourceSummary, maxAttributes = Infinity, drift = false): string[] {
  const notes: string[] = [];
  if (r.importing && r.kind !== 'no-op') notes.push('imported');
  if (r.previousAddress) notes.push(`moved from ${r.previousAddress}`);
  if (r.reason) notes.push(`because: ${r.reason.replace(/^replace_(because_)?/, '').replace(/_/g, ' ')}`);
  const head = drift ? (r.kind === 'delete' ? 'has been deleted outside of terraform' : 'has changed outside of terraform')
    : r.kind === 'no-op' ? (r.importing ? 'will be imported' : 'has moved') : VERB[r.kind];
  const lines = [`# ${r.address} ${head}${notes.length ? ` (${notes.join('; ')})` : ''}`];
  const symbol = r.kind === 'no-op' ? (r.importing ? '<-' : '~>') : SYMBOL[r.kind];
  lines.push(`${symbol} ${r.address}`);
  const shown = r.attributes.slice(0, maxAttributes);
  const width = Math.min(40, Math.max(0, ...shown.map((a) => a.path.length)));
  for (const a of shown) {
    const mark = a.before === undefined ? '+' : a.after === undefined ? '-' : '!';
    const value = a.before === undefined ? a.after : a.after === undefined ? a.before : `${a.before} -> ${a.after}`;
    lines.push(`${mark}     ${a.path.padEnd(width)} = ${value}${a.forcesReplacement ? ' # forces replacement' : ''}`);
  }
  const hidden = r.attributes.length - shown.length;
  if (hidden > 0 || r.attributesTruncated) lines.push(`      … ${hidden > 0 ? `${hidden} more attribute(s)` : 'more attributes'} not shown`);
  return lines;
}

function outputLine(o: OutputSummary): string {
  const symbol = o.kind === 'create' ? '+' : o.kind === 'delete' ? '-' : '!';
  const value = o.kind === 'create' ? o.after : o.kind === 'delete' ? o.before : `${o.before ?? 'null'} -> ${o.after ?? 'null'}`;
  return `${symbol} ${o.name} = ${value ?? 'null'}`;
}

/** The counts as a one-row table. */
export function countsTable(summary: PlanSummary): string {
  const c = summary.counts;
  return table(
    ['add', 'change', 'destroy', 'replace', 'import', 'move', 'forget', 'read'],
    [[c.add, c.change, c.destroy, c.replace, c.import, c.move, c.forget, c.read].map(String)],
  );
}

export interface RenderContext {
  stack: string;
  workspace: string;
  fingerprint: string;
  digests?: Record<string, ResourceDigest>;
  verdict?: DestroyVerdict;
  /** Where the full plan is, said when the comment is cut (a run URL, say). */
  fullPlanAt?: string;
}

/** The hidden marker that finds a stack's comment again. Stack and workspace are URI-encoded. */
export function commentMarker(stack: string, workspace: string, fingerprint?: string): string {
  const base = `<!-- conveyor:terraform stack=${encodeURI(stack)} workspace=${encodeURI(workspace)}`;
  return fingerprint === undefined ? base : `${base} fingerprint=${fingerprint} -->`;
}

/** Reads a comment's marker: stack, workspace and fingerprint, and the reviewed digests when present. */
export function readMarker(body: string): { stack: string; workspace: string; fingerprint: string; digests?: string } | undefined {
  const m = /<!-- conveyor:terraform stack=(\S+) workspace=(\S+) fingerprint=([0-9a-f]{64}) -->/.exec(body);
  if (!m) return undefined;
  const d = /<!-- conveyor:terraform-digests ([A-Za-z0-9_-]+) -->/.exec(body);
  return { stack: decodeURI(m[1]!), workspace: decodeURI(m[2]!), fingerprint: m[3]!, digests: d?.[1] };
}

function header(summary: PlanSummary, ctx: RenderContext): string[] {
  const parts: string[] = [];
  parts.push(`### Terraform plan for \`${escapeHtml(ctx.stack)}\` (workspace \`${escapeHtml(ctx.workspace)}\`)\n`);
  for (const error of summary.errors) parts.push(`> [!WARNING]\n> ${escapeHtml(error)}\n`);
  if (!summary.changes) parts.push('**No changes.** The infrastructure matches the configuration.\n');
  else parts.push(`**${planLine(summary.counts)}**\n`);
  if (summary.changes) parts.push(countsTable(summary));
  if (ctx.verdict && ctx.verdict.destroys.length > 0) {
    if (ctx.verdict.ok) parts.push(`> [!CAUTION]\n> This plan destroys or replaces ${ctx.verdict.destroys.length} resource(s); the destroy policy allows it.\n`);
    else parts.push(`> [!CAUTION]\n> This plan destroys or replaces ${ctx.verdict.refused.length} resource(s) that no rule allows: ${ctx.verdict.refused.slice(0, 10).map((a) => `\`${escapeHtml(a)}\``).join(', ')}${ctx.verdict.refused.length > 10 ? ', …' : ''}. The gate fails until allow-destroy or allowed-destroy permits it.\n`);
  }
  return parts;
}

function footer(summary: PlanSummary, ctx: RenderContext, withDigests: boolean): string {
  const version = summary.terraformVersion ? ` · terraform ${escapeHtml(summary.terraformVersion)}` : '';
  let text = `\n<sub>Plan fingerprint \`${ctx.fingerprint.slice(0, 16)}\`${version} · plan format ${escapeHtml(summary.formatVersion)}</sub>\n`;
  if (withDigests && ctx.digests) text += `<!-- conveyor:terraform-digests ${encodeDigests(ctx.digests)} -->\n`;
  return text;
}

interface Block {
  section: string;
  /** Built only when the block is written, so a large plan is never held as text all at once. */
  lines: () => string[];
  size: number;
}

/** The change blocks in reading order: one per resource, one for the outputs, one per drifted resource. */
function* blocks(summary: PlanSummary, maxAttributes: number): Generator<Block> {
  for (const section of SECTIONS) {
    for (const r of summary.resources) {
      if (!section.kinds.includes(r.kind)) continue;
      if (section.title !== 'Read' && r.mode === 'data') continue;
      if (section.title === 'Read' && r.mode !== 'data' && r.kind !== 'read') continue;
      yield { section: section.title, lines: () => resourceLines(r, maxAttributes), size: 1 };
    }
  }
  if (summary.outputs.length > 0) yield { section: 'Output changes', lines: () => summary.outputs.map(outputLine), size: summary.outputs.length };
  for (const r of summary.drift) yield { section: 'Changed outside of terraform (drift)', lines: () => resourceLines(r, maxAttributes, true), size: 1 };
}

function sectionOf(r: ResourceSummary): string | undefined {
  if (r.mode === 'data' || r.kind === 'read') return r.kind === 'read' ? 'Read' : undefined;
  return SECTIONS.find((s) => s.title !== 'Read' && s.kinds.includes(r.kind))?.title;
}

function sectionCounts(summary: PlanSummary): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  let total = 0;
  const add = (section: string | undefined, size: number) => {
    if (section === undefined) return;
    counts.set(section, (counts.get(section) ?? 0) + size);
    total += 1;
  };
  for (const r of summary.resources) add(sectionOf(r), 1);
  if (summary.outputs.length > 0) add('Output changes', summary.outputs.length);
  for (let i = 0; i < summary.drift.length; i += 1) add('Changed outside of terraform (drift)', 1);
  return { counts, total };
}

/**
 * Renders the plan as Markdown within `limit` characters: header and counts first, then one collapsed
 * section per kind of change with a diff block per resource. When the limit is reached the rest is left
 * out and the text says how many resources are not shown and where the full plan is.
 */
export function renderPlanMarkdown(summary: PlanSummary, ctx: RenderContext, options: { limit: number; maxAttributes?: number; marker?: boolean }): string {
  const marker = options.marker === false ? '' : `${commentMarker(ctx.stack, ctx.workspace, ctx.fingerprint)}\n`;
  const head = marker + header(summary, ctx).join('\n');
  let foot = footer(summary, ctx, true);
  if (foot.length > options.limit / 4) foot = footer(summary, ctx, false);
  const { counts, total } = sectionCounts(summary);
  const reserve = 600; // room for the closing of an open section and the "not shown" note
  let budget = options.limit - head.length - foot.length - reserve;
  let body = '';
  let open: string | undefined;
  let fence = '```';
  let shown = 0;
  const closeSection = () => `${fence}\n\n</details>\n`;
  for (const block of blocks(summary, options.maxAttributes ?? 100)) {
    const text = `${block.lines().join('\n')}\n`;
    const needsFence = text.match(/`{3,}/g);
    const sectionStart = block.section !== open
      ? `${open !== undefined ? closeSection() : ''}\n<details${block.section === 'Destroy' || block.section === 'Replace' ? ' open' : ''}><summary>${escapeHtml(block.section)} (${counts.get(block.section)})</summary>\n\n`
      : '';
    const nextFence = sectionStart ? '`'.repeat(Math.max(3, ...(needsFence ?? []).map((f) => f.length + 1))) : fence;
    const piece = sectionStart ? `${sectionStart}${nextFence}diff\n${text}` : text;
    if (piece.length > budget) break;
    if (!sectionStart && needsFence && Math.max(...needsFence.map((f) => f.length)) >= fence.length) break;
    body += piece;
    budget -= piece.length;
    fence = nextFence;
    open = block.section;
    shown += 1;
  }
  if (open !== undefined) body += closeSection();
  if (shown < total) {
    const where = ctx.fullPlanAt ? ` The full plan is in ${ctx.fullPlanAt}.` : ' The full plan is in the job summary and the plan-text file output.';
    body += `\n> [!NOTE]\n> ${total - shown} more change block(s) are not shown here, to stay within GitHub's size limit.${escapeHtml(where)}\n`;
  }
  return `${head}${body}${foot}`;
}

/** The PR comment for one stack and workspace. */
export function renderPlanComment(summary: PlanSummary, ctx: RenderContext, limit = COMMENT_LIMIT - 1_000): string {
  return renderPlanMarkdown(summary, ctx, { limit, maxAttributes: 60 });
}

/**
 * Writes the plan as plain text (the file output): every resource with all its changed attributes,
 * one block at a time through `write`, so a large plan is never held as one string.
 */
export function writePlanText(summary: PlanSummary, write: (text: string) => void): void {
  for (const error of summary.errors) write(`Warning: ${error}\n\n`);
  let section: string | undefined;
  for (const block of blocks(summary, Infinity)) {
    if (block.section !== section) write(`== ${block.section} ==\n\n`);
    section = block.section;
    write(`${block.lines().join('\n')}\n\n`);
  }
  write(`${summary.changes ? planLine(summary.counts) : 'No changes. Your infrastructure matches the configuration.'}\n`);
}

/** The plan as plain text, as one string. */
export function renderPlanText(summary: PlanSummary): string {
  const parts: string[] = [];
  writePlanText(summary, (text) => parts.push(text));
  return parts.join('');
}

/** A compact code block of the plan text, for places that want plain text inside Markdown. */
export function planTextBlock(summary: PlanSummary): string {
  return codeBlock(renderPlanText(summary), 'diff');
}
