/**
 * YAML through the `yaml` package's Document API, so key order, several documents and comments survive.
 * Decrypted values and comments are written back into the same Document.
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Node as YamlNode } from 'yaml';
import { SopsFormatError } from './errors.ts';
import { additionalData, decryptValue, isEncrypted } from './cipher.ts';
import { scalar, type MapNode, type Node, type Scalar } from './tree.ts';
import { TIMESTAMP_TAG, emitGoYamlDocument } from './go-yaml.ts';

export interface ParsedYaml {
  docs: Document.Parsed[];
  branches: MapNode[];
  metadata: unknown;
}

export function convert(node: unknown, doc: Document.Parsed, file: string, depth = 0): Node {
  if (depth > 200) throw new SopsFormatError(`${file} nests deeper than 200 levels (or has a recursive alias).`);
  if (isAlias(node)) return convert(node.resolve(doc), doc, file, depth + 1);
  if (isMap(node)) {
    const map: MapNode = { kind: 'map', entries: [] };
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (key !== null && typeof key === 'object') throw new SopsFormatError(`${file} has a map key that is not a scalar; SOPS files have string keys only.`);
      map.entries.push({ key: String(key), value: convert(pair.value ?? null, doc, file, depth + 1) });
    }
    return map;
  }
  if (isSeq(node)) return { kind: 'list', items: node.items.map((item) => convert(item, doc, file, depth + 1)) };
  if (isScalar(node)) {
    const v = node.value;
    const value: Scalar = v === undefined || v === null ? null
      : typeof v === 'string' || typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' ? v
        : v instanceof Uint8Array ? v : String(v);
    return scalar(value, node);
  }
  if (node === null || node === undefined) return scalar(null);
  throw new SopsFormatError(`${file} has a YAML node this reader does not handle.`);
}

/** Parses every document of a YAML file; the `sops` key of the first document that has one is the metadata. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const docs = parseAllDocuments(text, { intAsBigInt: true, uniqueKeys: false, prettyErrors: true });
  if (!Array.isArray(docs)) throw new SopsFormatError(`${file} is not valid YAML.`);
  const branches: MapNode[] = [];
  let metadata: unknown;
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new SopsFormatError(`${file} is not valid YAML: ${doc.errors[0]!.message}`);
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    const root = convert(doc.contents, doc, file);
    if (root.kind !== 'map') throw new SopsFormatError(`${file}: a SOPS YAML document must be a map at the top level.`);
    const index = root.entries.findIndex((e) => 'key' in e && e.key === 'sops');
    if (index >= 0) {
      const entry = root.entries[index]! as { value: Node };
      if (metadata === undefined) metadata = (doc.contents as { get(k: string, keep: boolean): unknown }).get('sops', false);
      root.entries.splice(index, 1);
      void entry;
    }
    branches.push(root);
  }
  if (metadata !== undefined && typeof (metadata as { toJSON?: unknown }).toJSON === 'function') {
    metadata = (metadata as { toJSON(): unknown }).toJSON();
  }
  return { docs, branches, metadata };
}

/**
 * `decrypted` (read by the fast reader, so without YAML nodes) with each scalar's `ref` taken from the same
 * place of `source`, the same document read by parseYaml; renderYaml writes the values back through them.
 */
export function withRefs(decrypted: Node, source: Node | undefined): Node {
  if (decrypted.kind === 'scalar') {
    if (source?.kind !== 'scalar') throw new Error('The fast YAML reader and the yaml package read this file differently.');
    return scalar(decrypted.value, source.ref);
  }
  if (decrypted.kind === 'list') {
    if (source?.kind !== 'list' || source.items.length !== decrypted.items.length) throw new Error('The fast YAML reader and the yaml package read this file differently.');
    return { kind: 'list', items: decrypted.items.map((item, k) => withRefs(item, source.items[k])) };
  }
  if (source?.kind !== 'map' || source.entries.length !== decrypted.entries.length) throw new Error('The fast YAML reader and the yaml package read this file differently.');
  return { kind: 'map', entries: decrypted.entries.map((e, k) => ('key' in e ? { key: e.key, value: withRefs(e.value, (source.entries[k] as { value?: Node }).value) } : e)) };
}

/** The map keys leading to a node, from `visit`'s ancestor path. */
function keysOf(path: readonly unknown[]): string[] {
  const keys: string[] = [];
  for (const step of path) if (isPair(step) && isScalar(step.key)) keys.push(String(step.key.value));
  return keys;
}

function decryptCommentText(text: string | null | undefined, keys: string[], dataKey: Uint8Array): string | null | undefined {
  if (!text) return text;
  return text.split('\n').map((line) => {
    const trimmed = line.trim();
    if (!isEncrypted(trimmed)) return line;
    for (let n = keys.length; n >= 0; n--) {
      try {
        return decryptValue(trimmed, dataKey, additionalData(keys.slice(0, n)), 'a comment').plaintext.toString('utf8');
      } catch {
        // the comment may belong to an enclosing map
      }
    }
    return line;
  }).join('\n');
}

/**
 * Writes decrypted values into the documents (each leaf's `ref` is its YAML scalar), decrypts the comments,
 * removes the `sops` key, and prints the documents as `sops -d` does (go-yaml.ts).
 */
export function renderYaml(parsed: ParsedYaml, decrypted: readonly MapNode[], dataKey: Uint8Array): string {
  const assign = (node: Node): void => {
    if (node.kind === 'map') for (const e of node.entries) { if ('key' in e) assign(e.value); }
    else if (node.kind === 'list') node.items.forEach(assign);
    else if (isScalar(node.ref) && node.ref.value !== node.value) {
      const value = node.value instanceof Uint8Array ? Buffer.from(node.value).toString('utf8') : node.value;
      node.ref.value = value;
      node.ref.type = undefined;
      if (node.time) node.ref.tag = TIMESTAMP_TAG;
    }
  };
  decrypted.forEach(assign);
  const out: string[] = [];
  for (const doc of parsed.docs) {
    let trailing: string[] = [];
    if (isMap(doc.contents)) {
      // comments after the last key hang on the `sops` key in the yaml library; sops keeps them at the end
      const sopsPair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'sops');
      const before = sopsPair && isScalar(sopsPair.key) ? sopsPair.key.commentBefore : undefined;
      trailing = (decryptCommentText(before, [], dataKey) ?? '').split('\n').filter((l) => l !== '');
      doc.contents.delete('sops');
    }
    doc.commentBefore = decryptCommentText(doc.commentBefore, [], dataKey) ?? null;
    doc.comment = decryptCommentText(doc.comment, [], dataKey) ?? null;
    visit(doc, {
      Node(_key, node, path) {
        const keys = keysOf(path);
        const n = node as YamlNode;
        n.commentBefore = decryptCommentText(n.commentBefore, keys, dataKey) ?? undefined;
        const comment = decryptCommentText(n.comment, keys, dataKey) ?? undefined;
        const parent = path[path.length - 1];
        if (comment !== n.comment && isScalar(n) && isPair(parent) && parent.value === n && isScalar(parent.key)) {
          // sops prints a decrypted end-of-line comment on its own line above the key (a plain one stays put)
          parent.key.commentBefore = [parent.key.commentBefore, comment].filter((c) => c).join('\n');
          n.comment = undefined;
        } else {
          n.comment = comment;
        }
      },
    });
    out.push(emitGoYamlDocument(doc, trailing));
  }
  // sops's encoder writes every document after the first behind a '---' line
  return out.join('---\n');
}
