/**
 * The file formats SOPS writes, each read into the ordered document model with its metadata, and each
 * written back in plaintext. A format is one entry of `FORMATS`.
 */
import * as path from 'node:path';
import { Document, Pair, Scalar as YamlScalar, YAMLMap, YAMLSeq, parseDocument } from 'yaml';
import { SopsFormatError } from './errors.ts';
import { convert, parseYaml, renderYaml, withRefs, type ParsedYaml } from './yaml-format.ts';
import { readBlockYaml } from './yaml-fast.ts';
import { getEntry, isComment, scalar, toPlain, unflatten, type MapNode, type Node, type Scalar } from './tree.ts';

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
    const s = current();
    for (const c of pending.splice(0)) s.entries.push({ comment: c });
    s.entries.push({ key, value: scalar(value) });
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
  return `{\n${entries.map((e) => `${pad}${JSON.stringify(e.key)}: ${jsonValue(e.value, indent, depth + 1)}`).join(',\n')}\n${end}}`;
}

function jsonScalar(value: Scalar): string {
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('utf8'));
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return JSON.stringify(String(value));
  return JSON.stringify(value);
}

export function scalarText(value: Scalar): string {
  if (value === null) return '';
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return String(value);
}

/** Writes the decrypted document in its own format (YAML keeps its comments). */
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
      return root.entries.map((s) => {
        if (isComment(s) || s.value.kind !== 'map') return '';
        const lines = s.value.entries.map((e) => (isComment(e) ? `; ${e.comment}` : `${e.key} = ${scalarText((e.value as { value: Scalar }).value)}`));
        return `[${s.key}]\n${lines.join('\n')}\n`;
      }).join('\n');
  }
}

/** The decrypted document as JSON (any input format), keeping key order. */
export function renderJson(branches: readonly MapNode[]): string {
  if (branches.length === 1) return `${jsonValue(branches[0]!, '  ', 0)}\n`;
  return `[\n${branches.map((b) => '  ' + jsonValue(b, '  ', 1)).join(',\n')}\n]\n`;
}

function yamlNode(node: Node): unknown {
  if (node.kind === 'scalar') return new YamlScalar(node.value instanceof Uint8Array ? Buffer.from(node.value).toString('utf8') : node.value);
  if (node.kind === 'list') {
    const seq = new YAMLSeq();
    seq.items = node.items.map(yamlNode);
    return seq;
  }
  const map = new YAMLMap();
  for (const e of node.entries) if (!isComment(e)) map.items.push(new Pair(new YamlScalar(e.key), yamlNode(e.value)));
  return map;
}

/** The decrypted document as YAML (any input format), keeping key order; one YAML document per branch. */
export function renderYamlTree(branches: readonly MapNode[]): string {
  return branches.map((b) => {
    const doc = new Document();
    doc.contents = yamlNode(b) as YAMLMap;
    return doc.toString({ lineWidth: 0 });
  }).join('---\n');
}
