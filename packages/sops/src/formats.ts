/**
 * The file formats SOPS writes, each read into the ordered document model with its metadata, and each
 * written back in plaintext. A format is one entry of `FORMATS`.
 */
import * as path from 'node:path';
import { Document, Pair, Scalar as YamlScalar, YAMLMap, YAMLSeq, parseDocument } from 'yaml';
import { SopsFormatError } from './errors.ts';
import { convert, parseYaml, renderYaml, withRefs, type ParsedYaml } from './yaml-format.ts';
import { readBlockYaml } from './yaml-fast.ts';
import { emitGoYamlDocument } from './go-yaml.ts';
import { getEntry, isComment, scalar, toPlain, unflatten, type MapEntry, type MapNode, type Node, type Scalar } from './tree.ts';

export const FORMAT_NAMES = ['yaml', 'json', 'dotenv', 'ini', 'binary'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface ParsedFile {
  format: FormatName;
  branches: MapNode[];
  /** The raw metadata section, or undefined when the file has none (not a SOPS file). */
  metadata: unknown;
  /** Format-specific state needed to write the file back (the YAML documents). */
  state?: ParsedYaml;
  /** YAML read by the fast reader: the text and name, for the yaml package to read when the YAML is written back. */
  source?: { text: string; file: string };
}

/** The format sops would pick from the file name. */
export function formatOf(file: string): FormatName {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  if (ext === '.env') return 'dotenv';
  if (ext === '.ini') return 'ini';
  return 'binary';
}

function toFloats(node: Node): Node {
  if (node.kind === 'scalar') return typeof node.value === 'bigint' ? scalar(Number(node.value)) : node;
  if (node.kind === 'list') return { kind: 'list', items: node.items.map(toFloats) };
  return { kind: 'map', entries: node.entries.map((e) => (isComment(e) ? e : { key: e.key, value: toFloats(e.value) })) };
}

function parseJson(text: string, file: string, binary = false): { root: MapNode; metadata: unknown } {
  const doc = parseDocument(text, { schema: 'json', intAsBigInt: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    if (binary) throw new SopsFormatError(`${file} is not a SOPS file: files that are not YAML, JSON, dotenv or INI are read as SOPS binary files, a JSON envelope {"data": …, "sops": …}, and this one is not JSON.`);
    throw new SopsFormatError(`${file} is not valid JSON: ${doc.errors[0]!.message.split('\n')[0]}`);
  }
  // JSON numbers are float64 in sops, whatever their spelling.
  const root = toFloats(convert(doc.contents, doc, file));
  if (root.kind !== 'map') throw new SopsFormatError(`${file}: a SOPS JSON file must be an object at the top level.`);
  const meta = getEntry(root, 'sops');
  root.entries = root.entries.filter((e) => isComment(e) || e.key !== 'sops');
  return { root, metadata: meta ? toPlain(meta.value) : undefined };
}

function parseDotenv(text: string, file: string): { root: MapNode; metadata: unknown } {
  const root: MapNode = { kind: 'map', entries: [] };
  const flat: [string, string][] = [];
  text.split('\n').forEach((rawLine, i) => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      root.entries.push({ comment: line.slice(1) });
      return;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new SopsFormatError(`${file}:${i + 1} is not a KEY=VALUE line; a SOPS dotenv file has only those and # comments.`);
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1).replace(/\\n/g, '\n');
    if (key.startsWith('sops_')) flat.push([key.slice(5), value]);
    else root.entries.push({ key, value: scalar(value) });
  });
  return { root, metadata: flat.length > 0 ? unflatten(flat) : undefined };
}

function parseIni(text: string, file: string): { root: MapNode; metadata: unknown } {
  const root: MapNode = { kind: 'map', entries: [] };
  const flat: [string, string][] = [];
  let section: MapNode | undefined;
  let sectionName = 'DEFAULT';
  const pending: string[] = [];
  const current = (): MapNode => {
    if (!section) {
      section = { kind: 'map', entries: [] };
      root.entries.push({ key: sectionName, value: section });
    }
    return section;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (line.startsWith(';') || line.startsWith('#')) {
      pending.push(line.slice(1).trimStart());
      continue;
    }
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      sectionName = header[1]!.trim();
      section = undefined;
      if (sectionName !== 'sops') {
        const s = current();
        for (const c of pending.splice(0)) s.entries.push({ comment: c });
      }
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new SopsFormatError(`${file}:${i + 1} is not a 'key = value' line or a [section].`);
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.startsWith('"""')) {
      // a multi-line value: """ … """
      const parts = [value.slice(3)];
      while (!parts[parts.length - 1]!.endsWith('"""')) {
        i += 1;
        if (i >= lines.length) throw new SopsFormatError(`${file}: the value of '${key}' opens with """ but never closes.`);
        parts.push(lines[i]!.replace(/\r$/, ''));
      }
      value = parts.join('\n').slice(0, -3);
    } else if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1);
    }
    if (sectionName === 'sops') {
      flat.push([key, value.replace(/\\n/g, '\n')]);
      continue;
    }
    // as sops reads INI: a comment above a key belongs to that key and follows it in the tree
    const s = current();
    s.entries.push({ key, value: scalar(value) });
    for (const c of pending.splice(0)) s.entries.push({ comment: c });
  }
  return { root, metadata: flat.length > 0 ? unflatten(flat) : undefined };
}

const INVALID = Symbol('invalid');

/** The `sops` entry the fast YAML reader found, read by the yaml package as parseYaml reads it. */
function metadataOf(entryText: string | undefined): unknown {
  if (entryText === undefined) return undefined;
  const doc = parseDocument(entryText, { intAsBigInt: true, uniqueKeys: false });
  if (doc.errors.length > 0 || !(doc.contents instanceof YAMLMap)) return INVALID;
  const metadata = doc.contents.get('sops', false) as unknown;
  return metadata !== null && typeof (metadata as { toJSON?: unknown }).toJSON === 'function' ? (metadata as { toJSON(): unknown }).toJSON() : metadata;
}

/** Reads a file's text in the given format. */
export function parseFile(text: string, file: string, format: FormatName = formatOf(file)): ParsedFile {
  if (format === 'yaml') {
    const fast = readBlockYaml(text);
    const metadata = fast && ('metadata' in fast ? fast.metadata : metadataOf(fast.metadataText));
    if (fast && metadata !== INVALID) return { format, branches: fast.branches, metadata, source: { text, file } };
    const state = parseYaml(text, file);
    return { format, branches: state.branches, metadata: state.metadata, state };
  }
  const { root, metadata } = format === 'dotenv' ? parseDotenv(text, file)
    : format === 'ini' ? parseIni(text, file)
      : parseJson(text, file, format === 'binary');
  return { format, branches: [root], metadata };
}

function jsonValue(node: Node, indent: string, depth: number): string {
  const pad = indent.repeat(depth + 1);
  const end = indent.repeat(depth);
  if (node.kind === 'scalar') return jsonScalar(node.value);
  if (node.kind === 'list') {
    if (node.items.length === 0) return '[]';
    return `[\n${node.items.map((item) => pad + jsonValue(item, indent, depth + 1)).join(',\n')}\n${end}]`;
  }
  const entries = node.entries.filter((e) => !isComment(e)) as { key: string; value: Node }[];
  if (entries.length === 0) return '{}';
  return `{\n${entries.map((e) => `${pad}${goJsonString(e.key)}: ${jsonValue(e.value, indent, depth + 1)}`).join(',\n')}\n${end}}`;
}

/** A JSON string as Go's encoding/json writes it (what sops prints): <, >, &, U+2028 and U+2029 escaped. */
function goJsonString(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Bytes as Go's encoding/json reads a string that is not UTF-8: each byte that does not start a valid
 * sequence stands for one U+FFFD (marked by `bad`, which the JSON writer escapes as \ufffd).
 */
function goUtf8(bytes: Uint8Array, bad: string): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const lo = n === 3 && b === 0xe0 ? 0xa0 : n === 4 && b === 0xf0 ? 0x90 : 0x80;
    const hi = n === 3 && b === 0xed ? 0x9f : n === 4 && b === 0xf4 ? 0x8f : 0xbf;
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) {
      const c = bytes[i + k]!;
      ok = k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
    }
    if (!ok) {
      out += bad;
      i += 1;
      continue;
    }
    out += Buffer.from(bytes.subarray(i, i + n)).toString('utf8');
    i += n;
  }
  return out;
}

function jsonScalar(value: Scalar): string {
  if (value instanceof Uint8Array) {
    const bytes = Buffer.from(value);
    const text = bytes.toString('utf8');
    if (Buffer.from(text, 'utf8').equals(bytes)) return goJsonString(text);
    const BAD = '\u0000conveyor-bad-byte\u0000';
    return goJsonString(goUtf8(bytes, BAD)).split(JSON.stringify(BAD).slice(1, -1)).join('\\ufffd');
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return JSON.stringify(String(value));
  if (typeof value === 'string') return goJsonString(value);
  return JSON.stringify(value);
}

export function scalarText(value: Scalar): string {
  if (value === null) return '';
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return String(value);
}

/** A comment line as go-ini writes it: `; text`, or the text's own `#`/`;` followed by one space. */
function iniComment(line: string, trim: boolean): string {
  if (line[0] === '#' || line[0] === ';') return `${line[0]} ${line.slice(1).trim()}`;
  return `; ${trim ? line.trim() : line}`;
}

/**
 * INI as `sops -d` writes it (go-ini's pretty format): a section's first comment above its header, a key's
 * comment above the key, `=` aligned to the longest key, values with line breaks or backticks in `"""`,
 * with `#` or `;` in backticks, with outer spaces in double quotes, a blank line between sections.
 */
function renderIni(root: MapNode): string {
  const sections = root.entries.filter((s): s is { key: string; value: MapNode } => !isComment(s) && s.value.kind === 'map');
  return sections.map((s, index) => {
    const lines: string[] = [];
    const entries = s.value.entries;
    let first = 0;
    if (entries[0] && isComment(entries[0])) {
      lines.push(...entries[0].comment.split('\n').filter((l) => l !== '').map((l) => iniComment(l, false)));
      first = 1;
    }
    if (index > 0 || s.key.toUpperCase() !== 'DEFAULT') lines.push(`[${s.key}]`);
    const quoteKey = (k: string) => (k.includes('"') || /[=:]/.test(k) ? `\`${k}\`` : k.includes('`') ? `"""${k}"""` : k);
    const keys = entries.filter((e): e is MapEntry => !isComment(e));
    const align = Math.max(0, ...keys.map((e) => quoteKey(e.key).length));
    const commentOf = new Map<MapEntry, string>();
    let last: MapEntry | undefined;
    for (const e of entries.slice(first)) {
      if (!isComment(e)) last = e;
      else if (last) commentOf.set(last, e.comment);
    }
    for (const e of keys) {
      const comment = commentOf.get(e);
      if (comment) lines.push(...comment.split('\n').filter((l) => l !== '').map((l) => iniComment(l, true)));
      let value = scalarText((e.value as { value: Scalar }).value);
      if (/[\n`]/.test(value)) value = `"""${value}"""`;
      else if (/[#;]/.test(value)) value = `\`${value}\``;
      else if (value.trim().length !== value.length) value = `"${value}"`;
      const name = quoteKey(e.key);
      lines.push(`${name}${' '.repeat(align - name.length)} = ${value}`);
    }
    return `${lines.join('\n')}\n`;
  }).join('\n');
}

/** Writes the decrypted document in its own format, as `sops -d` prints it. */
export function renderPlain(parsed: ParsedFile, branches: readonly MapNode[], dataKey: Uint8Array): string | Uint8Array {
  const root = branches[0] ?? { kind: 'map', entries: [] };
  switch (parsed.format) {
    case 'yaml': {
      if (parsed.state) return renderYaml(parsed.state, branches, dataKey);
      const state = parseYaml(parsed.source!.text, parsed.source!.file);
      return renderYaml(state, branches.map((b, i) => withRefs(b, state.branches[i]!) as MapNode), dataKey);
    }
    case 'json':
      return `${jsonValue(root, '\t', 0)}\n`;
    case 'binary': {
      const data = getEntry(root, 'data');
      if (!data || data.value.kind !== 'scalar') throw new SopsFormatError('A SOPS binary file must have a single string under "data".');
      const v = data.value.value;
      return v instanceof Uint8Array ? v : Buffer.from(scalarText(v), 'utf8');
    }
    case 'dotenv':
      return root.entries.map((e) => (isComment(e) ? `#${e.comment}` : `${e.key}=${scalarText((e.value as { value: Scalar }).value).replace(/\n/g, '\\n')}`)).join('\n') + '\n';
    case 'ini':
      return renderIni(root);
  }
}

/** sops's tree of an INI file always starts with the DEFAULT section (go-ini's), empty when the file has no keys before its first section. */
function withDefaultSection(branches: readonly MapNode[], format: FormatName | undefined): readonly MapNode[] {
  if (format !== 'ini' || branches.length !== 1) return branches;
  const root = branches[0]!;
  if (getEntry(root, 'DEFAULT')) return branches;
  return [{ kind: 'map', entries: [{ key: 'DEFAULT', value: { kind: 'map', entries: [] } }, ...root.entries] }];
}

/** The decrypted document as JSON (any input format), keeping key order, as `sops -d --output-type json` prints it. */
export function renderJson(branches: readonly MapNode[], format?: FormatName): string {
  const all = withDefaultSection(branches, format);
  if (all.length === 1) return `${jsonValue(all[0]!, '\t', 0)}\n`;
  return `[\n${all.map((b) => '\t' + jsonValue(b, '\t', 1)).join(',\n')}\n]\n`;
}

function yamlNode(node: Node): unknown {
  if (node.kind === 'scalar') return new YamlScalar(node.value);
  if (node.kind === 'list') {
    const seq = new YAMLSeq();
    seq.items = node.items.map(yamlNode);
    return seq;
  }
  const map = new YAMLMap();
  let pending: string[] = [];
  for (const e of node.entries) {
    if (isComment(e)) {
      pending.push(e.comment);
      continue;
    }
    const key = new YamlScalar(e.key);
    // a comment entry (dotenv, INI) goes above the next key, as sops writes it
    if (pending.length > 0) key.commentBefore = pending.join('\n');
    pending = [];
    map.items.push(new Pair(key, yamlNode(e.value)));
  }
  if (pending.length > 0) map.comment = pending.join('\n');
  return map;
}

/** The decrypted document as YAML (any input format), as `sops -d --output-type yaml` prints it; one YAML document per branch. */
export function renderYamlTree(branches: readonly MapNode[], format?: FormatName): string {
  return withDefaultSection(branches, format).map((b) => {
    const doc = new Document();
    doc.contents = yamlNode(b) as YAMLMap;
    return emitGoYamlDocument(doc as Document.Parsed);
  }).join('---\n');
}
