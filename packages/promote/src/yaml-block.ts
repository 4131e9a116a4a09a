/**
 * A fast reader for the plain block style most manifests are written in, giving the same nodes the yaml
 * library composes for them. It exists for speed: the library reads a small kustomization in about
 * 0.15 ms cold (lexer, parser and composer are generators), which is most of a 500-file promotion.
 *
 * It reads one document of block mappings and block sequences whose keys are simple plain words and
 * whose values are one-line plain scalars, or quoted scalars with no escapes, with comments anywhere.
 * Anything else (flow collections, anchors, aliases, tags, block scalars, multi-line scalars, escapes,
 * directives, document markers, tabs, CR, empty values, duplicate keys, odd indentation) makes it
 * answer `undefined`, and the caller reads the file with the yaml library instead. It never guesses:
 * each rule below only accepts lines whose meaning in YAML 1.2 is certain, and a test holds its output
 * to the library's on generated files.
 *
 * Plain scalars resolve as the library's core schema resolves them (null, booleans, integers, floats,
 * strings). Scalars get `range[0]`, `range[1]` (the value's span) and a source token (`srcToken`: type,
 * offset, indent and source) as the library gives them with `keepSourceTokens`; collections get no range.
 * Nothing else the library sets is given: comments, a number's `format` and `minFractionDigits`, a
 * scalar's `source`, the tokens after a scalar (`srcToken.end`), source tokens of pairs and collections.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** A key this reader accepts: a plain word, as in `app.kubernetes.io/name`, followed by `:` and a space or the line end. */
const KEY = /^([A-Za-z0-9_$][A-Za-z0-9_$./-]*):(?= |$)/;
/** A first character that starts nothing but a plain scalar (no indicator, no quote, no `-`). */
const PLAIN_START = /^[A-Za-z0-9_$./~=+()^]/;
const MAX_KEY = 1024;

/** The value of a plain scalar under the core schema, tested in the schema's order. */
function resolvePlain(source: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) return source[0] === 't' || source[0] === 'T';
  if (/^0o[0-7]+$/.test(source)) return Number.parseInt(source.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return Number.parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return Number.parseInt(source.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    return source.slice(-3).toLowerCase() === 'nan' ? Number.NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) {
    return Number.parseFloat(source);
  }
  return source;
}

type TokenType = 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar';

function scalar(value: unknown, type: Scalar['type'], tokenType: TokenType, offset: number, source: string, indent: number): Scalar {
  const node = new Scalar(value);
  node.type = type;
  node.range = [offset, offset + source.length, offset + source.length];
  (node as { srcToken?: unknown }).srcToken = { type: tokenType, offset, indent, source };
  return node;
}

/**
 * The scalar starting at `at` in `line` (which starts at `offset` in the text), with what follows it on
 * the line being only spaces or a comment; undefined when it is anything else. `indent` is its token's
 * indent as the library's parser gives it: the mapping's column for a mapping's value, the scalar's own
 * column for a sequence item (the parser counts `- ` as indentation).
 */
function readScalar(line: string, at: number, offset: number, indent: number): Scalar | undefined {
  const first = line[at];
  if (first === '"' || first === "'") {
    const close = line.indexOf(first, at + 1);
    if (close === -1) return undefined;
    const body = line.slice(at + 1, close);
    if (first === '"' && body.includes('\\')) return undefined;
    if (!/^(?: *$| +#)/.test(line.slice(close + 1))) return undefined; // also refuses '' inside single quotes
    const source = line.slice(at, close + 1);
    return first === '"'
      ? scalar(body, 'QUOTE_DOUBLE', 'double-quoted-scalar', offset + at, source, indent)
      : scalar(body, 'QUOTE_SINGLE', 'single-quoted-scalar', offset + at, source, indent);
  }
  if (!PLAIN_START.test(line.slice(at, at + 1))) return undefined;
  const comment = line.indexOf(' #', at);
  const source = (comment === -1 ? line.slice(at) : line.slice(at, comment)).replace(/ +$/, '');
  // `a: b: c` and a trailing `:` are mappings (or errors) in YAML, not values.
  if (source.includes(': ') || source.endsWith(':')) return undefined;
  return scalar(resolvePlain(source), 'PLAIN', 'scalar', offset + at, source, indent);
}

interface MapLevel {
  kind: 'map';
  indent: number;
  node: YAMLMap;
  keys: Set<string>;
  /** The last pair, when its value is still to come on the lines below. */
  pending?: Pair;
}

interface SeqLevel {
  kind: 'seq';
  indent: number;
  node: YAMLSeq;
  /** Whether the last item is still to come on the lines below. */
  pending?: boolean;
}

type Level = MapLevel | SeqLevel;

const isPending = (level: Level | undefined): boolean => (level?.kind === 'map' ? level.pending !== undefined : level?.pending === true);

/** Puts `node` where the level's pending value is. */
function fill(level: Level, node: Node): void {
  if (level.kind === 'map') {
    level.pending!.value = node;
    delete level.pending;
  } else {
    level.node.items[level.node.items.length - 1] = node;
    level.pending = false;
  }
}

/** Adds `key: value` (value undefined: on the lines below) to a mapping; false when the key is not allowed. */
function addPair(level: MapLevel, key: Scalar, value: Scalar | undefined): boolean {
  const name = key.value;
  if (typeof name !== 'string' || name.length > MAX_KEY || level.keys.has(name)) return false;
  level.keys.add(name);
  const pair = new Pair(key, value ?? null);
  level.node.items.push(pair);
  if (!value) level.pending = pair;
  return true;
}

/**
 * The document `text` holds, when it is in the plain block style described above; otherwise undefined
 * (read it with the yaml library).
 */
export function readBlockYaml(text: string): Document | undefined {
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  const levels: Level[] = [];
  let root: Node | undefined;
  let offset = 0;
  while (offset < text.length) {
    let end = text.indexOf('\n', offset);
    if (end === -1) end = text.length;
    const line = text.slice(offset, end);
    const start = offset;
    offset = end + 1;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line[indent] === '#') continue;
    if (line.startsWith('---') || line.startsWith('...') || line[0] === '%') return undefined;

    // Close the levels this line is left of; a line of a mapping may also end a sequence at its indent.
    while (levels.length > 0 && levels[levels.length - 1]!.indent > indent) {
      if (isPending(levels.pop())) return undefined;
    }
    const item = line[indent] === '-' && (indent + 1 === line.length || line[indent + 1] === ' ');
    let top = levels[levels.length - 1];
    if (!item && top?.kind === 'seq' && top.indent === indent) {
      if (isPending(levels.pop())) return undefined;
      top = levels[levels.length - 1];
    }

    let level: Level;
    if (top && top.indent === indent && (top.kind === 'seq') === item) {
      if (isPending(top)) return undefined;
      level = top;
    } else if (top ? isPending(top) && (top.indent < indent || (item && top.kind === 'map')) : indent === 0 && root === undefined) {
      // The first line of a new collection: the value of the pending entry above, or the document's root.
      const node = item ? new YAMLSeq() : new YAMLMap();
      level = item ? { kind: 'seq', indent, node: node as YAMLSeq } : { kind: 'map', indent, node: node as YAMLMap, keys: new Set() };
      if (top) fill(top, node);
      else root = node;
      levels.push(level);
    } else {
      return undefined;
    }

    if (level.kind === 'map') {
      if (!readEntry(level, line, indent, start)) return undefined;
      continue;
    }
    // A sequence item: `-` then a scalar, a compact mapping (`- name: web`), or nothing (the item follows below).
    let at = indent + 1;
    while (line.charCodeAt(at) === 32) at++;
    if (at === line.length || line[at] === '#') {
      level.node.items.push(null);
      level.pending = true;
      continue;
    }
    if (KEY.test(line.slice(at))) {
      const map: MapLevel = { kind: 'map', indent: at, node: new YAMLMap(), keys: new Set() };
      level.node.items.push(map.node);
      levels.push(map);
      if (!readEntry(map, line, at, start)) return undefined;
      continue;
    }
    const value = readScalar(line, at, start, at);
    if (!value) return undefined;
    level.node.items.push(value);
  }
  while (levels.length > 0) if (isPending(levels.pop())) return undefined;
  if (root === undefined) return undefined;
  const doc = new Document();
  doc.contents = root;
  return doc;
}

/** Reads `key: value` (or `key:` with the value below) at column `at` into the mapping. */
function readEntry(level: MapLevel, line: string, at: number, start: number): boolean {
  const match = KEY.exec(line.slice(at));
  if (!match) return false;
  const name = match[1]!;
  const key = scalar(resolvePlain(name), 'PLAIN', 'scalar', start + at, name, level.indent);
  let v = at + match[0].length;
  while (line.charCodeAt(v) === 32) v++;
  if (v === line.length || line[v] === '#') return addPair(level, key, undefined);
  const value = readScalar(line, v, start, level.indent);
  return value !== undefined && addPair(level, key, value);
}
