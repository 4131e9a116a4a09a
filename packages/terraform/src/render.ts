/**
 * Plan rendering: the PR comment (one per stack and workspace, found again through a hidden marker),
 * the job summary and the full plan text. Values come only from the summary, where sensitive ones are
 * already replaced, so nothing here can print a secret.
 */
import { codeBlock, escapeHtml, table } from '@conveyor/kit';
import { encodeDigests, type ResourceDigest } from './fingerprint.ts';
import { planLine, type ChangeKind, type OutputSummary, type PlanSummary, type ResourceSummary } from './plan.ts';
import { SENSITIVE } from './values.ts';
import { nestedLines, outputLines } from './nested.ts';
import type { DestroyVerdict } from './policy.ts';

/**
 * Replaces every occurrence of a sensitive value in rendered text with `(sensitive value)`. The masks decide
 * what is rendered, but a value can reach an attribute the plan does not mark (through `nonsensitive()`, or a
 * sensitive variable copied into a plain one): the comment, summary and text are scrubbed of every value the
 * plan marks sensitive anywhere, in its raw and its JSON-escaped form. Values under 3 characters are left.
 */
export function scrubSensitive(text: string, values: readonly string[]): string {
  let out = text;
  const forms = new Set<string>();
  for (const value of values) {
    if (value.length < 3) continue;
    forms.add(value);
    forms.add(JSON.stringify(value).slice(1, -1));
  }
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    if (out.includes(form)) out = out.split(form).join(SENSITIVE);
  }
  return out;
}

/** GitHub refuses a comment body longer than this many characters. */
export const COMMENT_LIMIT = 65_536;

const SYMBOL: Record<ChangeKind, string> = {
  create: '+', update: '~', delete: '-', read: '<=', 'no-op': ' ', forget: '.',
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
  const what = r.type && r.name ? `${r.mode === 'data' ? 'data' : 'resource'} ${JSON.stringify(r.type)} ${JSON.stringify(r.name)}` : r.address;
  const shown = r.attributes.slice(0, maxAttributes);
  const hidden = r.attributes.length - shown.length;
  if (shown.length === 0 && !r.attributesTruncated) {
    lines.push(`${symbol} ${what}`);
    return lines;
  }
  lines.push(`${symbol} ${what} {`, ...nestedLines(shown));
  if (hidden > 0 || r.attributesTruncated) lines.push(`      # ${hidden > 0 ? `${hidden} more attribute(s)` : 'more attributes'} not shown`);
  lines.push('  }');
  return lines;
}

function outputLine(o: OutputSummary): string[] {
  const symbol = o.kind === 'create' ? '+' : o.kind === 'delete' ? '-' : '~';
  return outputLines(o.name, symbol, o.attributes);
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
export function readMarker(body: string): { stack: string; workspace: string; fingerprint?: string; failed: boolean; digests?: string } | undefined {
  const m = /<!-- conveyor:terraform stack=(\S+) workspace=(\S+) (?:fingerprint=([0-9a-f]{64})|failed) -->/.exec(body);
  if (!m) return undefined;
  if (m[3] === undefined) return { stack: decodeURI(m[1]!), workspace: decodeURI(m[2]!), failed: true };
  const d = /<!-- conveyor:terraform-digests ([A-Za-z0-9_-]+) -->/.exec(body);
  return { stack: decodeURI(m[1]!), workspace: decodeURI(m[2]!), fingerprint: m[3]!, failed: false, digests: d?.[1] };
}

/** The addresses a plan destroys (deletes, and the old object of a replace). */
export function destroyedAddresses(summary: PlanSummary): string[] {
  return summary.resources.filter((r) => r.mode === 'managed' && (r.kind === 'delete' || r.kind === 'replace' || r.kind === 'replace-create-first')).map((r) => r.address);
}

const listed = (addresses: readonly string[]) => `${addresses.slice(0, 10).map((a) => `\`${escapeHtml(a)}\``).join(', ')}${addresses.length > 10 ? `, and ${addresses.length - 10} more` : ''}`;

function header(summary: PlanSummary, ctx: RenderContext): string[] {
  const parts: string[] = [];
  parts.push(`### Terraform plan for \`${escapeHtml(ctx.stack)}\` (workspace \`${escapeHtml(ctx.workspace)}\`)${summary.errored ? ': failed' : ''}\n`);
  if (summary.errored) {
    parts.push('> [!CAUTION]\n> **The plan failed.** terraform stopped at an error, so what follows is incomplete and cannot be applied; this gate fails. Fix the error shown in the plan step\'s log and plan again.\n');
  }
  for (const error of summary.errors) if (!summary.errored) parts.push(`> [!WARNING]\n> ${escapeHtml(error)}\n`);
  if (!summary.changes) parts.push(summary.errored ? '**No changes planned before the error.**\n' : '**No changes.** The infrastructure matches the configuration.\n');
  else parts.push(`**${planLine(summary.counts)}**\n`);
  if (summary.changes) parts.push(countsTable(summary));
  const destroyed = destroyedAddresses(summary);
  if (destroyed.length > 0) {
    const replaced = summary.counts.replace > 0 ? ` (${summary.counts.replace} of them replaced)` : '';
    let policy = '';
    if (ctx.verdict?.ok) policy = '\n> The destroy policy allows it.';
    else if (ctx.verdict) policy = `\n> No rule allows ${ctx.verdict.refused.length === destroyed.length ? 'them' : listed(ctx.verdict.refused)}: the gate fails until allow-destroy or allowed-destroy permits it.`;
    parts.push(`> [!WARNING]\n> ⚠️ **This plan destroys ${destroyed.length} resource(s)**${replaced}: ${listed(destroyed)}.${policy}\n`);
  }
  return parts;
}

/** The comment for a stack whose plan could not be made at all (terraform exited with an error). */
export function renderFailedPlanComment(ctx: { stack: string; workspace: string; message: string; log?: string }): string {
  const marker = `${commentMarker(ctx.stack, ctx.workspace)} failed -->`;
  const log = ctx.log ? `\n<details open><summary>terraform's error</summary>\n\n${codeBlock(ctx.log.length > 20_000 ? `…${ctx.log.slice(-20_000)}` : ctx.log)}\n</details>\n` : '';
  return `${marker}\n### Terraform plan for \`${escapeHtml(ctx.stack)}\` (workspace \`${escapeHtml(ctx.workspace)}\`): failed\n\n> [!CAUTION]\n> **The plan failed.** ${escapeHtml(ctx.message)}\n${log}`;
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
  if (summary.outputs.length > 0) yield { section: 'Output changes', lines: () => summary.outputs.flatMap(outputLine), size: summary.outputs.length };
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
  const marker = options.marker === false ? '' : summary.errored ? `${commentMarker(ctx.stack, ctx.workspace)} failed -->\n` : `${commentMarker(ctx.stack, ctx.workspace, ctx.fingerprint)}\n`;
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
  if (summary.errored) write('Error: the plan failed; what follows is incomplete and cannot be applied.\n\n');
  for (const error of summary.errors) write(`${summary.errored ? 'Error' : 'Warning'}: ${error}\n\n`);
  const destroyed = destroyedAddresses(summary);
  if (destroyed.length > 0) write(`Warning: this plan destroys ${destroyed.length} resource(s): ${destroyed.join(', ')}\n\n`);
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
