/**
 * Attribute values in a plan, read through their masks. `before_sensitive`, `after_sensitive` and
 * `after_unknown` are `true`/`false` or an object or array of the value's shape; `true` at a node covers
 * everything below it. A value whose mask says sensitive is never returned as text: only the placeholder.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Mask = Json | undefined;

/** What is shown in place of a sensitive value. */
export const SENSITIVE = '(sensitive value)';
/** What is shown in place of a value that is only known after apply. */
export const UNKNOWN = '(known after apply)';

export type PathStep = string | number;

/** The mask below `step`: `true` stays `true`, objects and arrays are descended, anything else is `false`. */
export function maskChild(mask: Mask, step: PathStep): Mask {
  if (mask === true) return true;
  if (mask === null || mask === undefined || typeof mask !== 'object') return false;
  if (Array.isArray(mask)) return typeof step === 'number' ? mask[step] : undefined;
  return (mask as Record<string, Json>)[String(step)];
}

/** Whether a mask marks the whole node. */
export function maskIsSet(mask: Mask): boolean {
  return mask === true;
}

/** Whether any node at or below this mask is marked. */
export function maskHasAny(mask: Mask): boolean {
  if (mask === true) return true;
  if (mask === null || mask === undefined || typeof mask !== 'object') return false;
  const children = Array.isArray(mask) ? mask : Object.values(mask);
  return children.some((child) => maskHasAny(child));
}

function isContainer(value: unknown): value is Json[] | Record<string, Json> {
  return value !== null && typeof value === 'object';
}

function childOf(value: unknown, step: PathStep): Json | undefined {
  if (!isContainer(value)) return undefined;
  if (Array.isArray(value)) return typeof step === 'number' ? value[step] : undefined;
  return (value as Record<string, Json>)[String(step)];
}

function childSteps(a: unknown, b: unknown, c: unknown): PathStep[] {
  const nodes = [a, b, c].filter(isContainer);
  if (nodes.length === 0) return [];
  if (Array.isArray(nodes[0])) {
    let length = 0;
    for (const node of nodes) if (Array.isArray(node) && node.length > length) length = node.length;
    return Array.from({ length }, (_, i) => i);
  }
  const keys: PathStep[] = [];
  for (let n = 0; n < nodes.length; n += 1) {
    const node = nodes[n]!;
    if (Array.isArray(node)) continue;
    for (const key of Object.keys(node)) {
      let seen = false;
      for (let m = 0; m < n && !seen; m += 1) seen = !Array.isArray(nodes[m]) && Object.hasOwn(nodes[m] as object, key);
      if (!seen) keys.push(key);
    }
  }
  return keys;
}

/** A path with one more step, written as `formatPath` writes it. */
function appendStep(path: string, step: PathStep): string {
  if (typeof step === 'number') return `${path}[${step}]`;
  if (/^[A-Za-z_][\w-]*$/.test(step)) return path === '' ? step : `${path}.${step}`;
  return `${path}[${JSON.stringify(step)}]`;
}

/** `tags["Name"]`, `ingress[0].cidr_blocks`: a path the way terraform's own output writes it. */
export function formatPath(path: readonly PathStep[]): string {
  let text = '';
  for (const step of path) text = appendStep(text, step);
  return text;
}

/** The steps of a path written by `formatPath`: `tags["Name"]` → `['tags', 'Name']`, `a[0].b` → `['a', 0, 'b']`. */
export function parsePath(text: string): PathStep[] {
  const steps: PathStep[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '.') {
      i += 1;
    } else if (c === '[' && text[i + 1] === '"') {
      let j = i + 2;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      steps.push(JSON.parse(text.slice(i + 1, j + 1)) as string);
      i = j + 2;
    } else if (c === '[') {
      const j = text.indexOf(']', i);
      steps.push(Number(text.slice(i + 1, j)));
      i = j + 1;
    } else {
      const m = /^[A-Za-z_][\w-]*/.exec(text.slice(i));
      if (!m) throw new Error(`${JSON.stringify(text)} is not a path formatPath writes`);
      steps.push(m[0]);
      i += m[0].length;
    }
  }
  return steps;
}

const MAX_VALUE_CHARS = 200;

/** A leaf value as text (JSON), cut to a readable length. Only call for values not marked sensitive. */
export function showValue(value: Json | undefined): string {
  if (value === undefined) return 'null';
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

export interface AttributeChange {
  /** As `formatPath` writes it; `parsePath` gives back the steps (kept as one string: a plan can hold millions). */
  path: string;
  /** Text of the value before, `(sensitive value)`, or undefined when there was none. */
  before?: string;
  /** Text of the value after, `(sensitive value)`, `(known after apply)`, or undefined when removed. */
  after?: string;
  /** This attribute forces the resource to be replaced. */
  forcesReplacement: boolean;
  /** The number of leading steps from which the value did not exist before (the first new container), if any. */
  newFrom?: number;
  /** Likewise for a value that no longer exists after. */
  goneFrom?: number;
}

export interface ValueSide {
  value: Json | undefined;
  sensitive: Mask;
}

interface Walk {
  before: ValueSide;
  after: ValueSide;
  unknown: Mask;
  replacePaths: string[];
  out: AttributeChange[];
  limit: number;
}

function sideText(side: ValueSide): string | undefined {
  if (maskIsSet(side.sensitive)) return SENSITIVE;
  if (side.value === undefined || side.value === null) return undefined;
  return showValue(side.value);
}

function sameValue(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function walk(state: Walk, here: string, depth: number, before: ValueSide, after: ValueSide, unknown: Mask, from: { newFrom?: number; goneFrom?: number } = {}): void {
  if (state.out.length >= state.limit) return;
  const absent = (v: Json | undefined) => v === undefined || v === null;
  const where = {
    newFrom: from.newFrom ?? (absent(before.value) ? depth : undefined),
    goneFrom: from.goneFrom ?? (absent(after.value) && !maskIsSet(unknown) && !isContainer(unknown) ? depth : undefined),
  };
  // One object shape for every attribute (absent fields undefined): a plan can hold millions of them.
  const push = (change: Omit<AttributeChange, 'newFrom' | 'goneFrom'>) => state.out.push({
    path: change.path, before: change.before, after: change.after, forcesReplacement: change.forcesReplacement, newFrom: where.newFrom, goneFrom: where.goneFrom,
  });
  const forces = state.replacePaths.length > 0 && state.replacePaths.includes(here);
  if (maskIsSet(unknown)) {
    push({ path: here, before: sideText(before), after: UNKNOWN, forcesReplacement: forces });
    return;
  }
  const sensitive = maskIsSet(before.sensitive) || maskIsSet(after.sensitive);
  const descend = !sensitive && (isContainer(before.value) || isContainer(after.value) || isContainer(unknown))
    && !(isEmptyContainer(before.value) && isEmptyContainer(after.value) && !isContainer(unknown));
  if (descend && depth < 32) {
    for (const step of childSteps(before.value, after.value, unknown)) {
      walk(
        state,
        appendStep(here, step),
        depth + 1,
        { value: childOf(before.value, step), sensitive: maskChild(before.sensitive, step) },
        { value: childOf(after.value, step), sensitive: maskChild(after.sensitive, step) },
        maskChild(unknown, step),
        where,
      );
    }
    return;
  }
  if (sensitive) {
    // Whether a sensitive value changed may be told (terraform tells it too); the value itself never.
    if (sameValue(before.value, after.value) && maskIsSet(before.sensitive) === maskIsSet(after.sensitive)) return;
    push({
      path: here,
      before: before.value === undefined || before.value === null ? undefined : SENSITIVE,
      after: after.value === undefined || after.value === null ? undefined : SENSITIVE,
      forcesReplacement: forces,
    });
    return;
  }
  if (sameValue(before.value, after.value)) return;
  push({ path: here, before: sideText(before), after: sideText(after), forcesReplacement: forces });
}

function isEmptyContainer(value: unknown): boolean {
  if (!isContainer(value)) return value === undefined || value === null;
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/**
 * The leaf attributes that differ between before and after, with sensitive values replaced by
 * `(sensitive value)` and unknown ones by `(known after apply)`. At most `limit` are listed.
 */
export function changedAttributes(
  change: { before?: Json; after?: Json; before_sensitive?: Mask; after_sensitive?: Mask; after_unknown?: Mask; replace_paths?: Json },
  limit = 500,
): { attributes: AttributeChange[]; truncated: boolean } {
  const replacePaths = Array.isArray(change.replace_paths)
    ? change.replace_paths.filter(Array.isArray).map((p) => formatPath(p.filter((s): s is PathStep => typeof s === 'string' || typeof s === 'number')))
    : [];
  const state: Walk = {
    before: { value: change.before ?? null, sensitive: change.before_sensitive },
    after: { value: change.after ?? null, sensitive: change.after_sensitive },
    unknown: change.after_unknown,
    replacePaths,
    out: [],
    limit: limit + 1,
  };
  walk(state, '', 0, state.before, state.after, state.unknown);
  const truncated = state.out.length > limit;
  return { attributes: state.out.slice(0, limit), truncated };
}

/**
 * A copy of `value` with every sensitive part replaced by `replace(part)`. Used by the fingerprint,
 * which hashes sensitive parts instead of keeping them.
 */
export function redact(value: Json | undefined, mask: Mask, replace: (part: Json, path: readonly PathStep[]) => Json, path: PathStep[] = []): Json | undefined {
  if (value === undefined) return undefined;
  if (maskIsSet(mask)) return replace(value, path);
  if (!maskHasAny(mask) || !isContainer(value)) return value;
  // Copy natively, then replace only the parts the mask reaches (masks are small, values can be wide).
  if (Array.isArray(value)) {
    const out = value.slice();
    const indexes = Array.isArray(mask) ? mask.map((_, i) => i) : Object.keys(mask as object).map(Number).filter(Number.isInteger);
    for (const i of indexes) {
      const child = maskChild(mask, i);
      if (i < out.length && maskHasAny(child)) out[i] = redact(out[i], child, replace, [...path, i]) ?? null;
    }
    return out;
  }
  const out: Record<string, Json> = { ...value };
  if (Array.isArray(mask)) return out;
  for (const [key, child] of Object.entries(mask as Record<string, Json>)) {
    if (Object.hasOwn(out, key) && maskHasAny(child)) out[key] = redact(out[key], child, replace, [...path, key]) ?? null;
  }
  return out;
}

/** Adds every leaf of `value` (strings, and numbers as terraform prints them) to `out`, and a container's JSON. */
function collectLeaves(value: Json | undefined, out: Set<string>, depth: number): void {
  if (value === undefined || value === null || typeof value === 'boolean') return;
  if (typeof value === 'string') {
    if (value !== '') out.add(value);
    return;
  }
  if (typeof value === 'number') {
    out.add(String(value));
    return;
  }
  if (depth > 32) return;
  out.add(JSON.stringify(value));
  for (const child of Array.isArray(value) ? value : Object.values(value)) collectLeaves(child, out, depth + 1);
}

/**
 * Adds to `out` every value, or part of a value, that `mask` marks sensitive: what must be registered as
 * a secret before anything terraform printed about this plan is shown.
 */
export function collectSensitive(value: Json | undefined, mask: Mask, out: Set<string>, depth = 0): void {
  if (value === undefined || value === null) return;
  if (maskIsSet(mask)) {
    collectLeaves(value, out, depth);
    return;
  }
  if (!maskHasAny(mask) || !isContainer(value) || depth > 32) return;
  const steps: PathStep[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  for (const step of steps) collectSensitive(childOf(value, step), maskChild(mask, step), out, depth + 1);
}
