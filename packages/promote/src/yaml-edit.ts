/**
 * Byte-preserving YAML edits. A change replaces only the source span of one scalar (keeping its quoting
 * style) or inserts one `key: value` line into a block mapping; every other byte of the file stays as it
 * was. After editing, the result is checked to read back as the same data except the changed values
 * (keys, order, values, tags, anchors, aliases, comments), in the cheapest way that can show it:
 *
 * 1. `local`: every change replaces one single-line scalar token, with no tag, by a token of the same kind
 *    (plain, single- or double-quoted) whose characters cannot end or split a token early (see
 *    `replacedInPlace`). The lexer reads the text left to right and decides where a token ends from the
 *    token's own characters and those after it; the text before and after each token is unchanged, so it
 *    yields the same tokens except the replaced ones, each of which is checked to read as its new value.
 * 2. `tokens`: the edited text is tokenised again and its tokens must be the original tokens except the
 *    replaced scalars (the documents are built from the tokens, so equal tokens give equal documents).
 * 3. `parse`: the text is parsed again and compared node by node with the original.
 *
 * An edit that would change anything else is refused instead of written.
 */
import { ConveyorError } from '@conveyor/kit';
import { readBlockYaml } from './yaml-block.ts';
import {
  CST, Composer, Lexer, Parser, isAlias, isMap, isScalar, isSeq, parseAllDocuments, parseDocument,
  type Document, type Node, type Scalar, type YAMLMap,
} from 'yaml';

/** Keys and sequence indexes from a document's root to a field. */
export type YamlPath = readonly (string | number)[];

/** One value to set: document index in the file (0 for single-document files), path, new string value. */
export interface Change {
  doc: number;
  path: YamlPath;
  value: string;
}

/** A parsed file: its text and every document in it, with source ranges. */
export interface YamlFile {
  file: string;
  text: string;
  docs: Document[];
}

export class YamlEditError extends ConveyorError {}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/**
 * Parses every document of `text`; a syntax error names the file and line. Each scalar keeps its source
 * token (`srcToken`), which the `local` check of an edit reads. A file in the plain block style is read
 * by `readBlockYaml` (the same nodes, several times faster); any other by the yaml library.
 */
export function parseYamlFile(file: string, text: string): YamlFile {
  const block = readBlockYaml(text);
  if (block) return { file, text, docs: [block] };
  const docs = Array.from(new Composer({ keepSourceTokens: true }).compose(new Parser().parse(text))) as Document[];
  if (docs.every((doc) => doc.errors.length === 0)) return { file, text, docs };
  return parseChecked(file, text);
}

/** Parses every document of `text` the plain way; a syntax error names the file and line. */
function parseChecked(file: string, text: string): YamlFile {
  const docs = parseAllDocuments(text) as Document[] | { errors: unknown[] };
  if (!Array.isArray(docs)) throw new YamlEditError(`${file} is not YAML that can be read; fix the file and run again.`);
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      throw new YamlEditError(`${file} line ${lineOf(text, error.pos[0])}: ${error.message.split('\n')[0]}; fix the YAML and run again.`);
    }
  }
  return { file, text, docs };
}

/** Renders a path for messages: `images[1].digest`. */
export function showPath(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(root)';
}

/** Splits `image.tag` or `images[0].digest` into path segments. */
export function parsePath(dotted: string): YamlPath {
  const out: (string | number)[] = [];
  for (const part of dotted.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new YamlEditError(`The value path '${dotted}' is not valid; write keys separated by dots, with [n] for list items (image.tag, images[0].digest).`);
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** The node at `path`, or undefined when any step is missing. Aliases are returned as aliases. */
export function nodeAt(doc: Document, path: YamlPath): Node | undefined {
  let node: unknown = doc.contents;
  for (const step of path) {
    if (isMap(node)) node = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step)?.value;
    else if (isSeq(node) && typeof step === 'number') node = node.items[step];
    else return undefined;
    if (node === undefined || node === null) return undefined;
  }
  return node as Node;
}

/** The string value of the scalar at `path`, or undefined. */
export function stringAt(doc: Document, path: YamlPath): string | undefined {
  let node = nodeAt(doc, path);
  if (isAlias(node)) node = node.resolve(doc) as Node | undefined;
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

/** Answers of `plainReadsBack`, by value: a promotion writes the same few values into many files. */
const plainAnswers = new Map<string, boolean>();

function plainReadsBack(value: string): boolean {
  let answer = plainAnswers.get(value);
  if (answer === undefined) {
    answer = plainReadsBackUncached(value);
    if (plainAnswers.size >= 256) plainAnswers.clear();
    plainAnswers.set(value, answer);
  }
  return answer;
}

function plainReadsBackUncached(value: string): boolean {
  if (value === '' || /^\s|\s$|[\n\r]/.test(value)) return false;
  try {
    const doc = parseDocument(`k: ${value}\n`);
    if (doc.errors.length > 0) return false;
    return doc.get('k') === value && !value.includes(' #');
  } catch {
    return false;
  }
}

/** Source text for `value` in the style of `original` (plain, single- or double-quoted). */
export function renderScalar(value: string, style: Scalar['type']): string {
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE' || !plainReadsBack(value)) return JSON.stringify(value);
  return value;
}

interface Splice {
  start: number;
  end: number;
  text: string;
  /** For a scalar replaced in place: the value its new text must read as. */
  value?: string;
  /** For a scalar replaced in place: its source token (exactly the replaced span) and its explicit tag, if any. */
  token?: { type: string; source: string };
  tag?: string;
}

/** Lexer tokens that mark a position without covering any source text. */
const isMarker = (lexeme: string): boolean => lexeme === '\x02' || lexeme === '\x18' || lexeme === '\x1f';

/** Whether `source` (one scalar token) reads as exactly `value`, with no error. */
function scalarReadsAs(source: string, value: string): boolean {
  const quote = source[0];
  if (quote !== '"' && quote !== "'") return source === value && plainReadsBack(value);
  let failed = false;
  const type = quote === '"' ? 'double-quoted-scalar' : 'single-quoted-scalar';
  const read = CST.resolveAsScalar({ type, offset: 0, indent: 0, source }, true, () => { failed = true; });
  return !failed && read.value === value;
}

/** Characters a plain scalar may hold in any context (block or flow) without ending or splitting it: no
 * space, no flow indicator, no `#`, and a `:` only before another such character. It starts with a letter
 * or digit, so it never begins an indicator (`-`, `?`, `:`), a tag, an anchor, an alias or a document marker. */
const SAFE_PLAIN = /^[A-Za-z0-9](?:[A-Za-z0-9._/@+-]|:(?=[A-Za-z0-9._/@+-]))*$/;
/** A single-line double-quoted token with no escape and no quote inside: it ends at its second `"`. */
const SAFE_DOUBLE = /^"[^"\\\n\r]*"$/;
/** A single-line single-quoted token with no quote inside: it ends at its second `'`. */
const SAFE_SINGLE = /^'[^'\n\r]*'$/;
/** The only explicit tag the token comparison accepts on a replaced value (a `!!str` value reads as written). */
const STR_TAG = 'tag:yaml.org,2002:str';

/**
 * The `local` check of one splice (see the file's comment): the replaced span is exactly one scalar token
 * of the original with no explicit tag, and the old and the new token are both of the same kind, on one
 * line and made only of characters that the lexer scans through without stopping; the new token reads as
 * the new value. The lexer then scans the new token from the same start to its same relative end and
 * meets the same text after it, so every other token of the file stays as it was.
 */
function replacedInPlace(s: Splice): boolean {
  const token = s.token;
  if (!token || s.value === undefined || s.tag !== undefined) return false;
  if (token.type === 'scalar') return SAFE_PLAIN.test(token.source) && SAFE_PLAIN.test(s.text) && s.text === s.value && plainReadsBack(s.value);
  const kind = token.type === 'double-quoted-scalar' ? SAFE_DOUBLE : token.type === 'single-quoted-scalar' ? SAFE_SINGLE : undefined;
  return kind !== undefined && kind.test(token.source) && kind.test(s.text) && scalarReadsAs(s.text, s.value);
}

/**
 * The cheap read-back check: `out` must tokenise to the original tokens except the replaced scalars,
 * each of which must be one token of the same kind reading as its new value. The composer builds the
 * documents from these tokens alone, so the edited file then holds exactly the same data except those
 * values. Returns false whenever it cannot show that (the caller then parses and compares in full).
 */
function sameTokensExcept(yaml: YamlFile, splices: readonly Splice[], out: string): boolean {
  if (splices.some((s) => s.value === undefined || (s.tag !== undefined && s.tag !== STR_TAG))) return false;
  const before = Array.from(new Lexer().lex(yaml.text));
  const byStart = new Map(splices.map((s) => [s.start, s]));
  let index = 0;
  let offset = 0;
  let replaced = 0;
  for (const lexeme of new Lexer().lex(out)) {
    const original = before[index];
    if (original === undefined) return false;
    index += 1;
    const marker = isMarker(original);
    const splice = marker ? undefined : byStart.get(offset);
    if (splice && original.length === splice.end - splice.start) {
      const quote = original[0] === '"' || original[0] === "'" ? original[0] : '';
      if (lexeme !== splice.text || (quote !== '' && lexeme[0] !== quote) || (quote === '' && before[index - 2] !== '\x1f')) return false;
      if (!scalarReadsAs(lexeme, splice.value!)) return false;
      replaced += 1;
    } else if (lexeme !== original) {
      return false;
    }
    if (!marker) offset += original.length;
  }
  return index === before.length && replaced === splices.length;
}

/** Where the source of `node` ends: the end of its last scalar (or alias), found through its last items. */
function lastEnd(node: Node | undefined): number | undefined {
  if (isMap(node)) {
    const pair = node.items[node.items.length - 1];
    return pair ? lastEnd((pair.value ?? pair.key) as Node | undefined) : node.range?.[1];
  }
  if (isSeq(node)) return node.items.length > 0 ? lastEnd(node.items[node.items.length - 1] as Node | undefined) : node.range?.[1];
  return node?.range?.[1];
}

function insertion(yaml: YamlFile, map: YAMLMap, key: string, value: string, where: string): Splice {
  if (map.flow) throw new YamlEditError(`${where}: the field '${key}' is missing in a flow mapping ({...}); add '${key}' by hand once, then run again.`);
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  const keyNode = first?.key as Node | undefined;
  if (!first || !last || !keyNode?.range) throw new YamlEditError(`${where}: the mapping is empty; add '${key}' by hand once, then run again.`);
  const text = yaml.text;
  const lineStart = text.lastIndexOf('\n', keyNode.range[0] - 1) + 1;
  const column = keyNode.range[0] - lineStart;
  let end = lastEnd((last.value ?? last.key) as Node | undefined) ?? keyNode.range[1];
  while (end > 0 && /\s/.test(text[end - 1]!)) end -= 1;
  const newline = text.indexOf('\n', end);
  const at = newline === -1 ? text.length : newline;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const start = at > 0 && text[at - 1] === '\r' ? at - 1 : at;
  return { start, end: start, text: `${eol}${' '.repeat(column)}${key}: ${renderScalar(value, 'PLAIN')}` };
}

const pathKey = (doc: number, path: YamlPath): string => JSON.stringify([doc, ...path]);

/**
 * Whether `after` holds the same data as `before` except the `changed` values (by path key): the same
 * mappings with the same keys in the same order, the same lists, scalars, tags, anchors and aliases.
 * A key in `changed` may be present in `after` only (an inserted field).
 */
function sameExcept(before: unknown, after: unknown, doc: number, path: YamlPath, changed: ReadonlyMap<string, string>): boolean {
  const wanted = changed.get(pathKey(doc, path));
  if (wanted !== undefined) return isScalar(after) && after.value !== null && String(after.value) === wanted;
  if (before === null || before === undefined || after === null || after === undefined) return before === after;
  const a = before as Node;
  const b = after as Node;
  if (a.tag !== b.tag || (a as { anchor?: string }).anchor !== (b as { anchor?: string }).anchor) return false;
  if (isScalar(a)) return isScalar(b) && a.value === b.value;
  if (isAlias(a)) return isAlias(b) && a.source === b.source;
  if (isSeq(a)) {
    return isSeq(b) && a.items.length === b.items.length && a.items.every((item, i) => sameExcept(item, b.items[i], doc, [...path, i], changed));
  }
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const keyOf = (k: unknown) => (isScalar(k) ? k.value : k);
    let j = 0;
    for (const pair of a.items) {
      let other = b.items[j];
      const key = keyOf(pair.key);
      if (!other || keyOf(other.key) !== key) return false;
      if (typeof key !== 'string' && typeof key !== 'number' && !sameExcept(pair.key, other.key, doc, path, new Map())) return false;
      if (!sameExcept(pair.value, other.value, doc, [...path, typeof key === 'number' ? String(key) : (key as string)], changed)) return false;
      j += 1;
      // An inserted field comes right after the last key of its mapping.
      other = b.items[j];
      if (other && j === b.items.length - 1 && a.items.length === j && typeof keyOf(other.key) === 'string') {
        if (!sameExcept(undefined, other.value, doc, [...path, keyOf(other.key) as string], changed)) return false;
        j += 1;
      }
    }
    return j === b.items.length;
  }
  return false;
}

/** Which check accepted an edit (see the file's comment); `thorough` skips the `local` one. */
export interface EditCheck {
  by?: 'local' | 'tokens' | 'parse';
  thorough?: boolean;
}

/**
 * Applies `changes` to the file's text. Only the changed scalars' spans (and inserted lines) differ in
 * the result. Throws when a path cannot be edited (an alias, a block scalar, a missing parent), or when
 * the edited text would not read back as exactly the expected data.
 */
export function applyChanges(yaml: YamlFile, changes: readonly Change[], check: EditCheck = {}): string {
  const splices: Splice[] = [];
  const changed = new Map<string, string>();
  for (const change of changes) {
    const doc = yaml.docs[change.doc];
    const where = `${yaml.file} ${showPath(change.path)}`;
    if (!doc) throw new YamlEditError(`${where}: the file has no document ${change.doc + 1}.`);
    const node = nodeAt(doc, change.path);
    if (isAlias(node)) throw new YamlEditError(`${where} is an alias (*${node.source}); point the target at the anchored field instead.`);
    if (node === undefined) {
      const parent = nodeAt(doc, change.path.slice(0, -1));
      const key = change.path[change.path.length - 1];
      if (!isMap(parent) || typeof key !== 'string') throw new YamlEditError(`${where} does not exist and cannot be added there; check the value path.`);
      splices.push(insertion(yaml, parent, key, change.value, where));
    } else if (isScalar(node) && node.range) {
      if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
        throw new YamlEditError(`${where} is a block scalar (| or >); write it as a single-line value, then run again.`);
      }
      if (node.value !== null && String(node.value) === change.value) continue;
      const empty = node.range[0] === node.range[1];
      const style = node.value === null || empty ? 'PLAIN' : node.type;
      const space = empty && yaml.text[node.range[0] - 1] === ':' ? ' ' : '';
      const gap = empty && yaml.text[node.range[0]] === '#' ? ' ' : '';
      const text = space + renderScalar(change.value, style) + gap;
      const splice: Splice = { start: node.range[0], end: node.range[1], text };
      if (!empty) {
        splice.value = change.value;
        const token = (node as { srcToken?: CST.Token }).srcToken;
        if (token && 'source' in token && token.offset === node.range[0] && token.offset + token.source.length === node.range[1]) splice.token = token;
        if (node.tag !== undefined) splice.tag = node.tag;
      }
      splices.push(splice);
    } else {
      throw new YamlEditError(`${where} is not a single value (it is a mapping or list); check the value path.`);
    }
    changed.set(pathKey(change.doc, change.path), change.value);
  }
  if (splices.length === 0) return yaml.text;
  splices.sort((a, b) => b.start - a.start);
  let out = yaml.text;
  let previous = Infinity;
  for (const s of splices) {
    if (s.end > previous) throw new YamlEditError(`${yaml.file}: two targets edit the same value; check the environments file for duplicate targets.`);
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
    previous = s.start;
  }
  // A %YAML or %TAG directive changes how plain values resolve; those files get the full parse.
  const directives = /(^|\n)%/.test(yaml.text);
  if (!directives && !check.thorough && splices.every(replacedInPlace)) {
    check.by = 'local';
    return out;
  }
  if (!directives && sameTokensExcept(yaml, splices, out)) {
    check.by = 'tokens';
    return out;
  }
  check.by = 'parse';
  let reread: Document[];
  try {
    reread = parseYamlFile(yaml.file, out).docs;
  } catch {
    reread = [];
  }
  const same = reread.length === yaml.docs.length
    && yaml.docs.every((d, i) => sameExcept(d.contents, reread[i]!.contents, i, [], changed));
  if (!same) {
    throw new YamlEditError(`${yaml.file}: the edit did not read back as intended, so the file was left unchanged; please report this with the file.`);
  }
  return out;
}
