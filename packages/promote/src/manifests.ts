/**
 * Reading what an environment runs and planning the edits of a promotion, over file texts already read
 * (pure: the caller reads files from a checkout or from git history).
 */
import type { Target } from './environments.ts';
import { updaterFor, type Observed, type Wanted } from './targets/index.ts';
import { applyChanges, parseYamlFile, type YamlFile } from './yaml-edit.ts';

/** A target bound to one concrete file (a target's glob expands to several). */
export interface BoundTarget {
  target: Target;
  file: string;
}

/** File texts by path relative to the repository root. */
export type FileTexts = ReadonlyMap<string, string>;

function textOf(files: FileTexts, file: string): string {
  const text = files.get(file);
  if (text === undefined) throw new Error(`internal: ${file} was not read`);
  return text;
}

/** Parsed files by path, so a file read for checks is not parsed again to be edited. */
export type ParsedFiles = Map<string, YamlFile>;

function parsedOf(files: FileTexts, file: string, parsed: ParsedFiles): YamlFile {
  const text = textOf(files, file);
  let yaml = parsed.get(file);
  if (!yaml || yaml.text !== text) {
    yaml = parseYamlFile(file, text);
    parsed.set(file, yaml);
  }
  return yaml;
}

/** Every digest-recording location of the targets, with the digest found there. */
export function observe(files: FileTexts, bound: readonly BoundTarget[], parsed: ParsedFiles = new Map()): Observed[] {
  const out: Observed[] = [];
  for (const { target, file } of bound) out.push(...updaterFor(target).read(parsedOf(files, file, parsed), target));
  return out;
}

/**
 * The single digest the targets run: the digest when every location records the same one, otherwise
 * undefined (with `mixed` true when locations disagree).
 */
export function runningDigest(observed: readonly Observed[]): { digest?: string; mixed: boolean } {
  const digests = new Set(observed.map((o) => o.digest ?? ''));
  if (digests.size === 1) {
    const [only] = digests;
    return { ...(only ? { digest: only } : {}), mixed: false };
  }
  return { mixed: true };
}

/** Says what the locations run, for messages: one digest, `none`, or each location's. */
export function describeRunning(observed: readonly Observed[]): string {
  const running = runningDigest(observed);
  if (!running.mixed) return running.digest ?? 'no digest';
  return `different digests (${observed.map((o) => `${o.where}: ${o.digest ?? 'none'}`).join('; ')})`;
}

/** The new text of every file the promotion changes (files that stay the same are left out). */
export function planEdits(files: FileTexts, bound: readonly BoundTarget[], wanted: Wanted, parsed: ParsedFiles = new Map()): Map<string, string> {
  const byFile = new Map<string, Target[]>();
  for (const { target, file } of bound) byFile.set(file, [...(byFile.get(file) ?? []), target]);
  const edits = new Map<string, string>();
  for (const [file, targets] of byFile) {
    const yaml = parsedOf(files, file, parsed);
    const text = yaml.text;
    const changes = targets.flatMap((t) => updaterFor(t).plan(yaml, t, wanted));
    const next = applyChanges(yaml, changes);
    if (next !== text) edits.set(file, next);
  }
  return edits;
}

/** What `observeAndPlan` found: the locations' digests, and the edits or the error planning them raised. */
export interface Planned {
  observed: Observed[];
  edits: Map<string, string>;
  error?: unknown;
}

/**
 * `observe` then `planEdits` in one pass, for when the digest is known before the files are read: each
 * file is parsed once, read, edited, and its documents let go before the next file (rather than every
 * parsed file kept alive between the two steps). An error reading a file is thrown as `observe` throws
 * it; an error planning an edit is returned, for the caller to raise where it would call `planEdits`.
 */
export function observeAndPlan(files: FileTexts, bound: readonly BoundTarget[], wanted: Wanted): Planned {
  const byFile = new Map<string, Target[]>();
  const last = new Map<string, number>();
  bound.forEach(({ target, file }, i) => {
    byFile.set(file, [...(byFile.get(file) ?? []), target]);
    last.set(file, i);
  });
  const parsed: ParsedFiles = new Map();
  const planned: Planned = { observed: [], edits: new Map() };
  bound.forEach(({ target, file }, i) => {
    const yaml = parsedOf(files, file, parsed);
    planned.observed.push(...updaterFor(target).read(yaml, target));
    if (last.get(file) !== i) return;
    if (planned.error === undefined) {
      try {
        const next = applyChanges(yaml, byFile.get(file)!.flatMap((t) => updaterFor(t).plan(yaml, t, wanted)));
        if (next !== yaml.text) planned.edits.set(file, next);
      } catch (error) {
        planned.error = error;
      }
    }
    parsed.delete(file);
  });
  return planned;
}
