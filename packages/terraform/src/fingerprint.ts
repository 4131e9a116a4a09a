/**
 * The plan fingerprint: a sha256 over what the plan would do — resource addresses, actions, before and
 * after values, replace paths, imports, moves and output changes. Timestamps, terraform_version,
 * `prior_state`, `configuration`, drift (which apply does not act on) and no-op resources are left out,
 * so planning twice against unchanged infrastructure gives the same fingerprint.
 *
 * Sensitive parts enter only as their sha256, so a changed secret changes the fingerprint. The
 * per-resource digests (which travel in the PR comment) replace sensitive parts by a constant instead:
 * a published short digest must not let anyone test guesses of a secret. Two resources with the same
 * address cannot occur in one plan, so the order of the (address, hash) pairs is fixed.
 */
import { createHash } from 'node:crypto';
import type { RawChange, RawPlan, RawResourceChange } from './plan.ts';
import { redact, type Json, type Mask } from './values.ts';

/** Whether every object in `value` already has its keys in sorted order (terraform writes them so). */
function keysSortedDeep(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysSortedDeep(item)) return false;
    return true;
  }
  let previous: string | undefined;
  for (const key in value as Record<string, unknown>) {
    if (previous !== undefined && previous > key) return false;
    previous = key;
    if (!keysSortedDeep((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * JSON with object keys sorted, so equal content gives equal text. Members set to undefined are left
 * out. Content whose keys are already sorted (as terraform writes them) goes to the native
 * `JSON.stringify`, which writes the same text faster.
 */
export function canonicalJson(value: unknown): string {
  return keysSortedDeep(value) ? JSON.stringify(value ?? null) : canonicalSlow(value);
}

function canonicalSlow(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) text += (i === 0 ? '' : ',') + canonicalSlow(value[i]);
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i += 1) {
    if (keys[i - 1]! > keys[i]!) {
      keys.sort();
      break;
    }
  }
  let text = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalSlow(item)}`;
    first = false;
  }
  return `${text}}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Replaces sensitive parts by a constant and collects `[path, sha256 of the part]` for each. */
function redactSide(value: Json | undefined, mask: Mask, where: string, sink: [string, string][]): Json | undefined {
  return redact(value, mask, (part, path) => {
    sink.push([`${where}:${JSON.stringify(path)}`, sha256(canonicalJson(part))]);
    return { '(sensitive)': true };
  });
}

// Keys in sorted order, so the canonical text of these objects comes from the native JSON.stringify.
function meaningfulChange(change: RawChange, sink: [string, string][]): Record<string, unknown> {
  return {
    actions: change.actions,
    after: redactSide(change.after, change.after_sensitive, 'after', sink),
    after_sensitive: change.after_sensitive ?? null,
    after_unknown: change.after_unknown ?? null,
    before: redactSide(change.before, change.before_sensitive, 'before', sink),
    before_sensitive: change.before_sensitive ?? null,
    importing: change.importing ?? null,
    replace_paths: change.replace_paths ?? null,
  };
}

/**
 * The public text of a change (sensitive parts replaced by a constant) and its full hash, which also
 * covers the sensitive parts through their hashes.
 */
function digestsOf(content: (sink: [string, string][]) => Record<string, unknown>): { publicDigest: string; full: string } {
  const sink: [string, string][] = [];
  const publicHash = sha256(canonicalJson(content(sink)));
  const full = sink.length === 0 ? publicHash : sha256(`${publicHash}\n${JSON.stringify(sink.sort(byFirst))}`);
  return { publicDigest: publicHash.slice(0, DIGEST_CHARS), full };
}

function matters(raw: RawResourceChange): boolean {
  const change = raw.change ?? {};
  const noop = Array.isArray(change.actions) && change.actions.length === 1 && change.actions[0] === 'no-op';
  const moved = typeof raw.previous_address === 'string' && raw.previous_address !== raw.address;
  return !noop || moved || (change.importing !== undefined && change.importing !== null);
}

export interface PlanFingerprint {
  /** sha256 (hex) of the plan's meaningful content. */
  fingerprint: string;
  /** Per resource or output (`output.<name>`): a short digest of its public content, and its actions. */
  digests: Record<string, ResourceDigest>;
}

export interface ResourceDigest {
  digest: string;
  actions: string;
}

const DIGEST_CHARS = 16;

const byFirst = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Builds the fingerprint one resource change at a time: each change is hashed as it comes, and the
 * fingerprint is the hash of the (address, hash) pairs in address order.
 */
export class FingerprintBuilder {
  private readonly resources: [string, string][] = [];
  private readonly outputs: [string, string][] = [];
  readonly digests: Record<string, ResourceDigest> = {};

  resource(raw: RawResourceChange): void {
    if (!matters(raw)) return;
    const address = String(raw.address);
    const { publicDigest, full } = digestsOf((sink) => ({
      action_reason: raw.action_reason ?? null,
      address: raw.address,
      change: meaningfulChange(raw.change ?? {}, sink),
      previous_address: raw.previous_address ?? null,
    }));
    this.resources.push([address, full]);
    this.digests[address] = { digest: publicDigest, actions: (raw.change?.actions as unknown[]).join(',') };
  }

  outputChanges(changes: Record<string, RawChange>): void {
    for (const [name, change] of Object.entries(changes)) {
      if (Array.isArray(change.actions) && change.actions.join(',') === 'no-op') continue;
      const { publicDigest, full } = digestsOf((sink) => meaningfulChange(change, sink));
      this.outputs.push([name, full]);
      this.digests[`output.${name}`] = { digest: publicDigest, actions: (change.actions as unknown[]).join(',') };
    }
  }

  finish(): PlanFingerprint {
    const hash = createHash('sha256');
    hash.update('conveyor-plan-fingerprint v1\n');
    for (const [address, full] of [...this.resources].sort(byFirst)) hash.update(`resource ${JSON.stringify(address)} ${full}\n`);
    for (const [name, full] of [...this.outputs].sort(byFirst)) hash.update(`output ${JSON.stringify(name)} ${full}\n`);
    const digests: Record<string, ResourceDigest> = {};
    for (const key of Object.keys(this.digests).sort()) digests[key] = this.digests[key]!;
    return { fingerprint: hash.digest('hex'), digests };
  }
}

/** Computes the fingerprint and the per-resource digests of a checked plan document. */
export function fingerprintPlan(plan: RawPlan): PlanFingerprint {
  const builder = new FingerprintBuilder();
  for (const raw of plan.resource_changes ?? []) builder.resource(raw);
  builder.outputChanges(plan.output_changes ?? {});
  return builder.finish();
}

export interface DigestDifference {
  address: string;
  /** `added` (not in the reviewed plan), `removed` (reviewed but gone), or `changed`. */
  how: 'added' | 'removed' | 'changed';
  reviewed?: string;
  now?: string;
}

/**
 * What changed between the reviewed plan's digests and the current plan's. An empty list with differing
 * fingerprints means only a sensitive value changed (its digest is not published).
 */
export function compareDigests(reviewed: Record<string, ResourceDigest>, current: Record<string, ResourceDigest>): DigestDifference[] {
  const out: DigestDifference[] = [];
  const addresses = [...new Set([...Object.keys(reviewed), ...Object.keys(current)])].sort();
  for (const address of addresses) {
    const was = reviewed[address];
    const now = current[address];
    if (was && !now) out.push({ address, how: 'removed', reviewed: was.actions });
    else if (!was && now) out.push({ address, how: 'added', now: now.actions });
    else if (was && now && was.digest !== now.digest) out.push({ address, how: 'changed', reviewed: was.actions, now: now.actions });
  }
  return out;
}

/** The digests as compact text for a hidden comment marker (base64url of JSON). */
export function encodeDigests(digests: Record<string, ResourceDigest>): string {
  const compact = Object.entries(digests).map(([address, d]) => [address, d.digest, d.actions]);
  return Buffer.from(JSON.stringify(compact)).toString('base64url');
}

/** Reads `encodeDigests` text back; undefined when it is not readable. */
export function decodeDigests(text: string): Record<string, ResourceDigest> | undefined {
  try {
    const compact = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(compact)) return undefined;
    const out: Record<string, ResourceDigest> = {};
    for (const entry of compact) {
      if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((e) => typeof e === 'string')) return undefined;
      out[entry[0] as string] = { digest: entry[1] as string, actions: entry[2] as string };
    }
    return out;
  } catch {
    return undefined;
  }
}
