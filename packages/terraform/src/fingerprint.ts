/**
 * The plan fingerprint: a sha256 over what the plan would do — resource addresses, actions, before and
 * after values, replace paths, imports, moves and output changes. Timestamps, terraform_version,
 * `prior_state`, `configuration`, drift (which apply does not act on) and no-op resources are left out,
 * so planning twice against unchanged infrastructure gives the same fingerprint.
 *
 * Sensitive parts enter only as their sha256, so a changed secret changes the fingerprint. The
 * per-resource digests (which travel in the PR comment) replace sensitive parts by a constant instead:
 * a published short digest must not let anyone test guesses of a secret.
 */
import { createHash } from 'node:crypto';
import type { RawChange, RawPlan, RawResourceChange } from './plan.ts';
import { redact, type Json, type Mask } from './values.ts';

/** JSON with object keys sorted, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

type Redaction = 'hash' | 'constant';

function redactSide(value: Json | undefined, mask: Mask, how: Redaction): Json | undefined {
  return redact(value, mask, (part) => ({ '(sensitive)': how === 'hash' ? sha256(`conveyor-sensitive\0${canonicalJson(part)}`) : true }));
}

function meaningfulChange(change: RawChange, how: Redaction): Record<string, unknown> {
  return {
    actions: change.actions,
    before: redactSide(change.before, change.before_sensitive, how),
    after: redactSide(change.after, change.after_sensitive, how),
    after_unknown: change.after_unknown ?? null,
    before_sensitive: change.before_sensitive ?? null,
    after_sensitive: change.after_sensitive ?? null,
    replace_paths: change.replace_paths ?? null,
    importing: change.importing ?? null,
  };
}

function resourceContent(raw: RawResourceChange, how: Redaction): Record<string, unknown> {
  return {
    address: raw.address,
    previous_address: raw.previous_address ?? null,
    action_reason: raw.action_reason ?? null,
    change: meaningfulChange(raw.change ?? {}, how),
  };
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

/** Computes the fingerprint and the per-resource digests of a checked plan document. */
export function fingerprintPlan(plan: RawPlan): PlanFingerprint {
  const hash = createHash('sha256');
  hash.update('conveyor-plan-fingerprint v1\n');
  const digests: Record<string, ResourceDigest> = {};
  const resources = (plan.resource_changes ?? []).filter(matters)
    .sort((a, b) => (String(a.address) < String(b.address) ? -1 : String(a.address) > String(b.address) ? 1 : 0));
  for (const raw of resources) {
    hash.update(`resource ${canonicalJson(resourceContent(raw, 'hash'))}\n`);
    digests[String(raw.address)] = {
      digest: sha256(canonicalJson(resourceContent(raw, 'constant'))).slice(0, DIGEST_CHARS),
      actions: (raw.change?.actions as unknown[]).join(','),
    };
  }
  const outputs = Object.entries(plan.output_changes ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, change] of outputs) {
    if (Array.isArray(change.actions) && change.actions.join(',') === 'no-op') continue;
    hash.update(`output ${JSON.stringify(name)} ${canonicalJson(meaningfulChange(change, 'hash'))}\n`);
    digests[`output.${name}`] = {
      digest: sha256(canonicalJson(meaningfulChange(change, 'constant'))).slice(0, DIGEST_CHARS),
      actions: (change.actions as unknown[]).join(','),
    };
  }
  return { fingerprint: hash.digest('hex'), digests };
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
