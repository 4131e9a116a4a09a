/**
 * The document model every format is read into: maps keep their entries in the document's own order
 * (never a JS object, whose integer-like keys would move to the front), lists keep their items, and
 * scalars keep the type the file gave them. `ref` points back at the format's own node (the YAML
 * scalar) so a decrypted value can be written back in place.
 */
export type Scalar = string | bigint | number | boolean | null | Uint8Array;

export interface ScalarNode {
  kind: 'scalar';
  /** bigint for integers, number for floats (JSON numbers are all floats, as in sops). */
  value: Scalar;
  ref?: unknown;
  /** A decrypted value stored with sops's `time` type (written as a YAML timestamp, not a quoted string). */
  time?: true;
}
export interface MapEntry {
  key: string;
  value: Node;
}
/** A comment kept as an entry (dotenv and INI); YAML comments stay on the YAML nodes. */
export interface CommentEntry {
  comment: string;
}
export interface MapNode {
  kind: 'map';
  entries: (MapEntry | CommentEntry)[];
}
export interface ListNode {
  kind: 'list';
  items: Node[];
}
export type Node = ScalarNode | MapNode | ListNode;

export const scalar = (value: Scalar, ref?: unknown): ScalarNode => (ref === undefined ? { kind: 'scalar', value } : { kind: 'scalar', value, ref });

export function isComment(entry: MapEntry | CommentEntry): entry is CommentEntry {
  return 'comment' in entry;
}

/** Looks up a key in a map (first match), or undefined. */
export function getEntry(map: MapNode, key: string): MapEntry | undefined {
  for (const entry of map.entries) if (!isComment(entry) && entry.key === key) return entry;
  return undefined;
}

/** A plain JS value of a subtree (for metadata, which has a fixed schema and no integer-like keys). */
export function toPlain(node: Node): unknown {
  if (node.kind === 'scalar') return typeof node.value === 'bigint' ? Number(node.value) : node.value;
  if (node.kind === 'list') return node.items.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const entry of node.entries) if (!isComment(entry)) out[entry.key] = toPlain(entry.value);
  return out;
}

/**
 * Metadata flattened the way sops writes it in dotenv and INI: `pgp__list_0__map_fp`,
 * `key_groups__list_0__map_age__list_0__map_recipient`. Returns the nested structure.
 */
export function unflatten(flat: ReadonlyArray<readonly [string, string]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of flat) {
    const parts = key.split(/(__list_\d+|__map_)/);
    const steps: (string | number)[] = [parts[0]!];
    for (let i = 1; i < parts.length; i += 2) {
      const list = /^__list_(\d+)$/.exec(parts[i]!);
      if (list) steps.push(Number(list[1]));
      else steps.push(parts[i + 1]!);
    }
    let cursor: Record<string | number, unknown> = root;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      if (i === steps.length - 1) {
        cursor[step] = value;
        break;
      }
      const next = steps[i + 1]!;
      if (cursor[step] === undefined) cursor[step] = typeof next === 'number' ? [] : {};
      cursor = cursor[step] as Record<string | number, unknown>;
    }
  }
  return root;
}
