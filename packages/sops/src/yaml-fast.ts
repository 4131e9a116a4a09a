/**
 * A line reader for the block YAML that sops writes: block maps and lists (compact or indented), plain
 * scalars and quoted ones on one line, literal block scalars (`|`, `|-`, `|+`), comments, and `---` between
 * documents. For such a file it gives the same tree as the yaml package read through yaml-format.ts (the
 * scalars resolved by the same YAML 1.2 core schema, integers as bigint), several times faster and with far
 * less garbage, which is most of the time of decrypting a large file. The `sops` section (small) is still
 * read by the yaml package, so the metadata is exactly what it gives.
 *
 * For anything else — flow collections, anchors and aliases, tags, directives, folded or multi-line
 * scalars, escapes other than the simple ones, tabs, CR line ends — it returns undefined and the caller
 * reads the file with the yaml package, which also gives the error for a file that is not valid YAML.
 * test/sops/yaml-fast.test.ts compares the two readers on the corpus and on generated files.
 */
import type { MapEntry, MapNode, Node, Scalar } from './tree.ts';

/** Thrown inside the reader when the text leaves the subset it reads; never escapes it. */
class NotHandled extends Error {}
const notHandled = (): never => {
  throw new NotHandled();
};

/** The YAML 1.2 core schema's resolution of a plain scalar, as the yaml package does it with intAsBigInt. */
export function resolvePlain(s: string): Scalar {
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  const c = s.charCodeAt(0);
  // Only these can start a bool, an int or a float: digits + - . t T f F
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 116 || c === 84 || c === 102 || c === 70)) return s;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  if (/^0o[0-7]+$/.test(s) || /^[-+]?[0-9]+$/.test(s) || /^0x[0-9a-fA-F]+$/.test(s)) return BigInt(s);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** A quoted scalar starting at `at` of `line`: its value and the index after the closing quote. */
function quoted(line: string, at: number): { value: string; end: number } {
  const quote = line[at];
  let out = '';
  let i = at + 1;
  if (quote === "'") {
    for (;;) {
      const close = line.indexOf("'", i);
      if (close === -1) return notHandled(); // continues on the next line
      out += line.slice(i, close);
      if (line[close + 1] === "'") {
        out += "'";
        i = close + 2;
      } else return { value: out, end: close + 1 };
    }
  }
  for (;;) {
    const close = line.indexOf('"', i);
    const escape = line.indexOf('\\', i);
    if (close === -1) return notHandled();
    if (escape !== -1 && escape < close) {
      out += line.slice(i, escape);
      const replacement = SIMPLE_ESCAPES[line[escape + 1] ?? ''];
      if (replacement === undefined) return notHandled(); // \x, \u, \U, or a line break
      out += replacement;
      i = escape + 2;
      continue;
    }
    out += line.slice(i, close);
    return { value: out, end: close + 1 };
  }
}

/** Nothing but spaces and an optional comment from `at` on. */
function restIsEmpty(line: string, at: number): boolean {
  for (let i = at; i < line.length; i++) {
    const c = line[i];
    if (c === ' ') continue;
    return c === '#' && line[i - 1] === ' ';
  }
  return true;
}

// What a plain scalar cannot start with (YAML's indicators; '-' only when a space follows, as in -1 or -.inf).
const INDICATORS = new Set(['?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const startsPlain = (line: string, at: number) => !INDICATORS.has(line[at]!) && !(line[at] === '-' && (at + 1 === line.length || line[at + 1] === ' '));

export interface FastYaml {
  branches: MapNode[];
  /** The text of the first document's top-level `sops` entry (for the yaml package to read), if any. */
  metadataText?: string;
  /** Or the metadata itself, as the yaml package's toJSON gives it, when this reader read it. */
  metadata?: unknown;
}

// Keys the metadata's plain form would spell differently from the tree (yaml stringifies a non-string key
// its own way; `<<` may be a merge key): such metadata is left to the yaml package.
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESOLVING_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/**
 * The metadata section as the yaml package's toJSON gives it (integers as numbers, a repeated key's last
 * value), or undefined when a key is not a plain name.
 */
function metadataOf(node: Node): unknown {
  if (node.kind === 'scalar') return typeof node.value === 'bigint' ? Number(node.value) : node.value;
  if (node.kind === 'list') {
    const items: unknown[] = [];
    for (const item of node.items) {
      const v = metadataOf(item);
      if (v === undefined) return undefined;
      items.push(v);
    }
    return items;
  }
  const out: Record<string, unknown> = {};
  for (const entry of node.entries) {
    const { key, value } = entry as MapEntry;
    if (!PLAIN_KEY.test(key) || RESOLVING_KEYS.has(key)) return undefined;
    const v = metadataOf(value);
    if (v === undefined) return undefined;
    if (key in out) Object.defineProperty(out, key, { value: v, writable: true, enumerable: true, configurable: true });
    else out[key] = v;
  }
  return out;
}

/** Reads `text`, or returns undefined when it is not in the subset this reader handles. */
export function readBlockYaml(text: string): FastYaml | undefined {
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  // Without a final line break, a block scalar at the end would lose its own: left to the yaml package.
  if (!text.endsWith('\n') && text.includes('|')) return undefined;
  try {
    return read((text.endsWith('\n') ? text.slice(0, -1) : text).split('\n'));
  } catch (error) {
    if (error instanceof NotHandled) return undefined;
    throw error;
  }
}

function read(lines: string[]): FastYaml {
  const original = lines.slice(); // parseSeq blanks out dashes in `lines`; the metadata text comes from here
  let i = 0;
  // The line ranges of the top-level entries of the document being read (parseMap at depth 0 records them).
  let rootRanges: [number, number][] = [];
  const indentOf = (line: string) => {
    let n = 0;
    while (line.charCodeAt(n) === 32) n++;
    return n;
  };
  /** Skips blank and comment lines; the index of the next content line (or lines.length). */
  const nextContent = (from: number, end: number) => {
    let k = from;
    for (; k < end; k++) {
      const line = lines[k]!;
      const n = indentOf(line);
      if (n < line.length && line[n] !== '#') break;
    }
    return k;
  };

  const branches: MapNode[] = [];
  let metadataText: string | undefined;
  let metadata: { value: unknown } | undefined;
  // The metadata read by this reader, by the root map it was found in.
  const sopsValues = new Map<MapNode, unknown>();
  let start = 0;
  while (start <= lines.length) {
    let end = start;
    while (end < lines.length && lines[end] !== '---') {
      const line = lines[end]!;
      if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) return notHandled();
      end++;
    }
    i = nextContent(start, end);
    if (i < end) {
      const root = parseNode(indentOf(lines[i]!), end, 0);
      if (root.kind !== 'map' || nextContent(i, end) < end) return notHandled();
      const sops = root.entries.findIndex((e) => (e as MapEntry).key === 'sops');
      if (sops >= 0) {
        if (metadataText === undefined && metadata === undefined) {
          if (sopsValues.has(root)) metadata = { value: sopsValues.get(root) };
          else metadataText = original.slice(...rootRanges[sops]!).join('\n');
        }
        root.entries.splice(sops, 1);
      }
      branches.push(root);
    }
    start = end + 1;
  }
  return metadata ? { branches, metadata: metadata.value } : metadataText === undefined ? { branches } : { branches, metadataText };

  function parseNode(indent: number, end: number, depth: number): Node {
    if (depth > 100) return notHandled();
    const line = lines[i]!;
    const c = line[indent];
    if (c === '-' && (line.length === indent + 1 || line[indent + 1] === ' ')) return parseSeq(indent, end, depth);
    return parseMap(indent, end, depth);
  }

  function parseMap(indent: number, end: number, depth: number): MapNode {
    const map: MapNode = { kind: 'map', entries: [] };
    if (depth === 0) rootRanges = [];
    for (;;) {
      i = nextContent(i, end);
      if (i >= end) break;
      const line = lines[i]!;
      const n = indentOf(line);
      if (n < indent) break;
      if (n > indent) return notHandled();
      const first = line[n]!;
      if (first === '-' && (line.length === n + 1 || line[n + 1] === ' ')) {
        if (depth > 0) break; // a compact list that ends a parent map's value (parseSeq decides)
        return notHandled();
      }
      const entryStart = i;
      let key: string;
      let after: number;
      if (first === '"' || first === "'") {
        const q = quoted(line, n);
        if (line[q.end] !== ':' || (q.end + 1 < line.length && line[q.end + 1] !== ' ')) return notHandled();
        key = q.value;
        after = q.end + 1;
      } else {
        if (!startsPlain(line, n)) return notHandled();
        let colon = line.indexOf(':', n);
        while (colon !== -1 && colon + 1 < line.length && line[colon + 1] !== ' ') colon = line.indexOf(':', colon + 1);
        if (colon === -1) return notHandled();
        const raw = line.slice(n, colon).trimEnd();
        if (raw.includes(' #')) return notHandled();
        key = String(resolvePlain(raw));
        after = colon + 1;
      }
      if (depth === 0 && key === 'sops' && !map.entries.some((e) => (e as MapEntry).key === 'sops')) {
        // The metadata: read here when it is in the subset and plainly spelled (metadataOf), else its lines
        // are skipped and the yaml package reads this entry's text.
        try {
          const value = parseValue(line, after, indent, end, depth, true);
          const plain = value.kind === 'map' ? metadataOf(value) : undefined;
          if (plain !== undefined) {
            map.entries.push({ key, value });
            rootRanges.push([entryStart, i]);
            sopsValues.set(map, plain);
            continue;
          }
        } catch (error) {
          if (!(error instanceof NotHandled)) throw error;
        }
        for (let k = entryStart; k < end; k++) lines[k] = original[k]!;
        i = entryStart + 1;
        while (i < end) {
          const next = lines[i]!;
          const k = indentOf(next);
          if (k < next.length && next[k] !== '#' && k <= indent) break;
          i += 1;
        }
        map.entries.push({ key, value: { kind: 'scalar', value: null } });
        rootRanges.push([entryStart, i]);
        continue;
      }
      const value = parseValue(line, after, indent, end, depth, true);
      map.entries.push({ key, value });
      if (depth === 0) rootRanges.push([entryStart, i]);
    }
    return map;
  }

  function parseSeq(indent: number, end: number, depth: number): Node {
    const items: Node[] = [];
    for (;;) {
      i = nextContent(i, end);
      if (i >= end) break;
      const line = lines[i]!;
      const n = indentOf(line);
      if (n < indent) break;
      if (n > indent) return notHandled();
      if (line[n] !== '-' || (line.length > n + 1 && line[n + 1] !== ' ')) break;
      let c = n + 1;
      while (line.charCodeAt(c) === 32) c++;
      if (c >= line.length || line[c] === '#') {
        items.push(parseValue(line, n + 1, indent, end, depth, false));
        continue;
      }
      if (line[c] === '-' && (line.length === c + 1 || line[c + 1] === ' ')) return notHandled(); // - - x
      if (looksLikeKey(line, c)) {
        // `- key: value` opens a map at the key's column: read it as if the dash were a space.
        lines[i] = ' '.repeat(c) + line.slice(c);
        items.push(parseMap(c, end, depth + 1));
        continue;
      }
      items.push(parseValue(line, n + 1, indent, end, depth, false));
    }
    return { kind: 'list', items };
  }

  function looksLikeKey(line: string, at: number): boolean {
    const c = line[at]!;
    if (c === '"' || c === "'") {
      const q = quoted(line, at);
      return line[q.end] === ':' && (q.end + 1 === line.length || line[q.end + 1] === ' ');
    }
    if (!startsPlain(line, at)) return false;
    const comment = line.indexOf(' #', at);
    const stop = comment === -1 ? line.length : comment;
    for (let k = line.indexOf(':', at); k !== -1 && k < stop; k = line.indexOf(':', k + 1)) {
      if (k + 1 === line.length || line[k + 1] === ' ') return true;
    }
    return false;
  }

  /**
   * The value after a key's colon (`inMap`) or a list item's dash, from `at` of the current line; leaves
   * `i` at the line after the value. `indent` is the map's or the list's indentation.
   */
  function parseValue(line: string, at: number, indent: number, end: number, depth: number, inMap: boolean): Node {
    let c = at;
    while (line.charCodeAt(c) === 32) c++;
    if (c >= line.length || (line[c] === '#' && c > at)) {
      // nothing on this line: a nested block, a compact list (under a map key), or null
      i = nextContent(i + 1, end);
      if (i < end) {
        const next = lines[i]!;
        const n = indentOf(next);
        if (n > indent) return parseNode(n, end, depth + 1);
        if (inMap && n === indent && next[n] === '-' && (next.length === n + 1 || next[n + 1] === ' ')) return parseSeq(n, end, depth + 1);
      }
      return { kind: 'scalar', value: null };
    }
    if (c === at && inMap) return notHandled(); // key:value without a space
    const first = line[c]!;
    let value: Scalar;
    if (first === '|') {
      return { kind: 'scalar', value: literal(line.slice(c), indent, end) };
    } else if (first === '"' || first === "'") {
      const q = quoted(line, c);
      if (!restIsEmpty(line, q.end)) return notHandled();
      value = q.value;
    } else if ((first === '[' || first === '{') && line[c + 1] === (first === '[' ? ']' : '}') && restIsEmpty(line, c + 2)) {
      // an empty flow collection, as sops writes empty lists (kms: [])
      i = nextContent(i + 1, end);
      if (i < end && indentOf(lines[i]!) > indent) return notHandled();
      return first === '[' ? { kind: 'list', items: [] } : { kind: 'map', entries: [] };
    } else {
      if (!startsPlain(line, c)) return notHandled();
      const comment = line.indexOf(' #', c);
      const raw = (comment === -1 ? line.slice(c) : line.slice(c, comment)).trimEnd();
      if (raw.includes(': ') || raw.endsWith(':')) return notHandled();
      value = resolvePlain(raw);
    }
    // A more indented content line next would continue the scalar (or be an error): not handled here.
    i = nextContent(i + 1, end);
    if (i < end && indentOf(lines[i]!) > indent) return notHandled();
    return { kind: 'scalar', value };
  }

  /** A literal block scalar whose header (`|`, `|-`, `|+`, then an optional comment) is `header`. */
  function literal(header: string, indent: number, end: number): string {
    const chomp = header[1] === '-' || header[1] === '+' ? header[1] : '';
    if (!restIsEmpty(header, 1 + chomp.length)) return notHandled();
    const content: string[] = [];
    let blockIndent = -1;
    let k = i + 1;
    for (; k < end; k++) {
      const line = lines[k]!;
      const n = indentOf(line);
      if (n === line.length) {
        // an empty line: part of the scalar (one with spaces beyond the block's indentation is not handled)
        if (blockIndent === -1 ? n > 0 : n > blockIndent) return notHandled();
        content.push('');
        continue;
      }
      if (blockIndent === -1) {
        if (n <= indent) break;
        blockIndent = n;
      }
      if (n < blockIndent) break;
      content.push(line.slice(blockIndent));
    }
    i = k;
    let last = content.length - 1;
    while (last >= 0 && content[last] === '') last--;
    const body = content.slice(0, last + 1).join('\n');
    if (chomp === '-') return body;
    if (chomp === '+') {
      if (last < 0) return notHandled();
      return `${body}\n${'\n'.repeat(content.length - 1 - last)}`;
    }
    return last < 0 ? '' : `${body}\n`;
  }
}
