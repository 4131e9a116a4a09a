/**
 * YAML written the way `sops -d` writes it: sops re-encodes the tree with the go-yaml v3 encoder at an
 * indent of 4, so a decrypted file is byte for byte what sops prints. The rules below are go-yaml v3's
 * (as observed against the real sops 3.13 in test/sops/real-sops.test.ts):
 * - indentation: a block inside a sequence item sits 2 past the `- `; anything else goes to the next
 *   multiple of 4;
 * - a string is plain when it reads back as the same string, is not a YAML 1.1 bool (`yes`, `on`, `n`…) or
 *   a base-60 number, and has no indicator that forbids plain; else single-quoted, else double-quoted
 *   (control characters, tabs, a space before a line break); a string with a line break is a literal
 *   block (`|`, `|-`, `|+`) unless a trailing space or control character forces double quotes;
 * - floats as Go's strconv 'g' shortest form (`1`, `1.5e+10`, `1e-06`), `.inf`, `.nan`;
 * - comments: every comment of a key (above it, or after its value on the same line) is written on its
 *   own line above the key; comments at the end of a map follow its last entry.
 */
import { isAlias, isMap, isScalar, isSeq, type Document } from 'yaml';

/** Go's strconv.FormatFloat(f, 'g', -1, 64) with go-yaml's names for the infinities and NaN. */
export function goFloatG(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  // %e when the exponent is below -4 or at least 6 (the shortest form's precision for this choice)
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

export const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';

const OLD_BOOLS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const BOOLS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const SPECIAL_FLOATS = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN']);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$/;

/**
 * An unquoted timestamp as go-yaml reads it (a time.Time) and writes it again: RFC 3339 with the
 * nanoseconds trimmed, `Z` for UTC or no zone.
 */
export function goTime(text: string): string {
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.([0-9]*))?(?:[ \t]*(Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$/.exec(text);
  if (!m) return text;
  const two = (v: string | undefined) => (v ?? '0').padStart(2, '0');
  const fraction = (m[7] ?? '').slice(0, 9).replace(/0+$/, '');
  let zone = 'Z';
  if (m[8] && m[8] !== 'Z') {
    const z = /^([-+])([0-9]{1,2}):?([0-9]{2})?$/.exec(m[8])!;
    zone = Number(z[2]) === 0 && Number(z[3] ?? 0) === 0 ? 'Z' : `${z[1]}${two(z[2])}:${two(z[3])}`;
  }
  return `${m[1]}-${two(m[2])}-${two(m[3])}T${two(m[4])}:${two(m[5])}:${two(m[6])}${fraction ? `.${fraction}` : ''}${zone}`;
}

/** Whether go-yaml would read the plain text back as something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (NULLS.has(s) || BOOLS.has(s) || SPECIAL_FLOATS.has(s)) return true;
  if (TIMESTAMP.test(s)) return true;
  const plain = s.replace(/_/g, '');
  if (plain !== '' && (GO_INT.test(plain) || YAML_FLOAT.test(plain))) return true;
  return false;
}

const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
function isPrintable(c: string): boolean {
  const v = c.codePointAt(0)!;
  return v === 0x0a || (v >= 0x20 && v <= 0x7e) || v === 0x85 || (v >= 0xa0 && v <= 0xd7ff) || (v >= 0xe000 && v <= 0xfffd && v !== 0xfeff) || (v >= 0x10000 && v <= 0x10ffff);
}

interface Analysis { plain: boolean; single: boolean; block: boolean }

/** go-yaml's scalar analysis (block context): which styles may carry the text unchanged. */
function analyze(value: string): Analysis {
  if (value === '') return { plain: true, single: true, block: false };
  const chars = [...value];
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  chars.forEach((c, i) => {
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || isBlank(next);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true;
      if (c === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c);
  });
  let plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators);
  let single = true;
  let block = !trailingSpace;
  if (breakSpace) { plain = false; single = false; }
  if (spaceBreak || special) { plain = false; single = false; block = false; }
  return { plain, single, block };
}

function doubleQuoted(value: string): string {
  let out = '"';
  for (const c of value) {
    const v = c.codePointAt(0)!;
    if (isPrintable(c) && !isBreak(c) && c !== '"' && c !== '\\' && v !== 0xfeff) {
      out += c;
      continue;
    }
    const named: Record<number, string> = { 0: '0', 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 27: 'e', 34: '"', 92: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P' };
    if (named[v] !== undefined) out += `\\${named[v]}`;
    else if (v <= 0xff) out += `\\x${v.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (v <= 0xffff) out += `\\u${v.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += `\\U${v.toString(16).toUpperCase().padStart(8, '0')}`;
  }
  return `${out}"`;
}

type Styled = { inline: string } | { literal: string; header: string };

/** The style go-yaml gives a string (`asKey`: a map key, which is never a block). */
function styleString(value: string, asKey: boolean): Styled {
  const a = analyze(value);
  if (value.includes('\n') && !asKey) {
    if (!a.block) return { inline: doubleQuoted(value) };
    const indicator = value.startsWith(' ') || isBreak(value[0]!) ? '4' : '';
    const chomp = !value.endsWith('\n') ? '-' : value.length === 1 || value.endsWith('\n\n') ? '+' : '';
    return { literal: value, header: `|${indicator}${chomp}` };
  }
  const wantsQuotes = resolvesToNonString(value) || BASE60_FLOAT.test(value) || OLD_BOOLS.has(value);
  if (!wantsQuotes && a.plain && value !== '') return { inline: value };
  if (!wantsQuotes && a.single && !value.includes('\n')) return { inline: `'${value.replace(/'/g, "''")}'` };
  return { inline: doubleQuoted(value) };
}

function styleScalar(value: unknown): Styled {
  if (value === null || value === undefined) return { inline: 'null' };
  if (typeof value === 'boolean') return { inline: value ? 'true' : 'false' };
  if (typeof value === 'bigint') return { inline: value.toString() };
  if (typeof value === 'number') return { inline: goFloatG(value) };
  if (value instanceof Uint8Array) {
    const bytes = Buffer.from(value);
    const text = bytes.toString('utf8');
    if (Buffer.from(text, 'utf8').equals(bytes)) return styleString(text, false);
    // bytes that are not UTF-8: go-yaml writes them as !!binary base64, in lines of 70 when longer
    const b64 = bytes.toString('base64');
    if (b64.length < 70) return { inline: `!!binary ${b64}` };
    return { literal: `${b64.match(/.{1,70}/g)!.join('\n')}\n`, header: '!!binary |' };
  }
  return styleString(String(value), false);
}

/** The comment lines (text after '#') of a yaml-library comment string; empty lines are dropped, as sops does. */
function commentLines(text: string | null | undefined): string[] {
  if (!text) return [];
  return text.split('\n').filter((l) => l !== '');
}

const pad = (n: number) => ' '.repeat(n);
/** go-yaml v3's indentation step outside a sequence item: the next multiple of `step`. */
const deeper = (indent: number, step: number) => step * Math.floor((indent + step) / step);

interface Emitter { lines: string[]; step: number }

function writeComments(e: Emitter, lines: readonly string[], indent: number): void {
  for (const l of lines) e.lines.push(`${pad(indent)}#${l}`);
}

function resolveNode(node: unknown, doc: Document.Parsed): unknown {
  let n = node;
  for (let i = 0; i < 100 && isAlias(n); i++) n = n.resolve(doc);
  return n;
}

/** `prefix` is what precedes the node on its first line ("key:" or "- " runs); `indent` the block's column. */
function writeValue(e: Emitter, doc: Document.Parsed, raw: unknown, prefix: string, indent: number, inSequenceItem: boolean): void {
  const node = resolveNode(raw, doc);
  const childIndent = inSequenceItem ? indent + 2 : deeper(indent, e.step);
  if (isMap(node) && node.items.length > 0) {
    if (prefix.endsWith('- ')) {
      writeMap(e, doc, node, childIndent, prefix);
    } else {
      e.lines.push(prefix);
      writeMap(e, doc, node, childIndent, undefined);
    }
    return;
  }
  if (isSeq(node) && node.items.length > 0) {
    if (prefix.endsWith('- ')) {
      writeSeq(e, doc, node, childIndent, prefix);
    } else {
      e.lines.push(prefix);
      writeSeq(e, doc, node, childIndent, undefined);
    }
    return;
  }
  const sep = prefix === '' || prefix.endsWith(' ') ? '' : ' ';
  if (isMap(node)) return void e.lines.push(`${prefix}${sep}{}`);
  if (isSeq(node)) return void e.lines.push(`${prefix}${sep}[]`);
  const styled = isScalar(node) && node.tag === TIMESTAMP_TAG ? { inline: String(node.value) }
    : isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && TIMESTAMP.test(node.value) ? { inline: goTime(node.value) }
      : styleScalar(isScalar(node) ? node.value : node);
  if ('inline' in styled) return void e.lines.push(`${prefix}${sep}${styled.inline}`);
  e.lines.push(`${prefix}${sep}${styled.header}`);
  const body = styled.literal.endsWith('\n') ? styled.literal.slice(0, -1) : styled.literal;
  for (const line of body.split('\n')) e.lines.push(line === '' ? '' : `${pad(childIndent)}${line}`);
}

/** A block mapping at `indent`; `first` is the text that carries its first key (a sequence item's "- "). */
function writeMap(e: Emitter, doc: Document.Parsed, map: { items: unknown[]; commentBefore?: string | null; comment?: string | null }, indent: number, first: string | undefined, trailing: string[] = []): void {
  let pending = commentLines(map.commentBefore);
  map.items.forEach((item, i) => {
    const pair = item as { key: unknown; value: unknown };
    const key = resolveNode(pair.key, doc) as { value?: unknown; commentBefore?: string | null; comment?: string | null };
    const value = resolveNode(pair.value, doc) as { commentBefore?: string | null; comment?: string | null } | null;
    pending = [...pending, ...commentLines(key?.commentBefore), ...commentLines(key?.comment)];
    if (isScalar(value)) pending.push(...commentLines(value.commentBefore));
    const lead = i === 0 && first !== undefined ? first : pad(indent);
    if (i === 0 && first !== undefined && pending.length > 0) {
      // a comment above the first key of a sequence item's map goes above the item
      writeComments(e, pending, indent - 2);
    } else {
      writeComments(e, pending, indent);
    }
    pending = [];
    const keyText = styleString(String(isScalar(key) ? key.value : key), true);
    writeValue(e, doc, pair.value, `${lead}${'inline' in keyText ? keyText.inline : ''}:`, indent, false);
    const lineComment = isScalar(value) ? commentLines(value.comment) : [];
    if (lineComment.length > 0) {
      // a plain end-of-line comment stays on the value's line (a literal block takes it on its header line)
      const at = isScalar(value) && typeof value.value === 'string' && 'literal' in styleScalar(value.value) ? e.lines.length - String(value.value).replace(/\n$/, '').split('\n').length - 1 : e.lines.length - 1;
      e.lines[at] += ` #${lineComment.join(' ')}`;
    }
  });
  writeComments(e, [...commentLines(map.comment), ...trailing], indent);
}

function writeSeq(e: Emitter, doc: Document.Parsed, seq: { items: unknown[]; commentBefore?: string | null; comment?: string | null }, indent: number, first: string | undefined): void {
  let pending = commentLines(seq.commentBefore);
  seq.items.forEach((item, i) => {
    const node = resolveNode(item, doc) as { commentBefore?: string | null; comment?: string | null } | null;
    pending.push(...commentLines(node?.commentBefore));
    writeComments(e, pending, indent);
    pending = [];
    const lead = i === 0 && first !== undefined ? first : pad(indent);
    writeValue(e, doc, item, `${lead}- `, indent, true);
    if (isScalar(node) && node.comment) writeComments(e, commentLines(node.comment), indent);
  });
  writeComments(e, commentLines(seq.comment), indent);
}

/**
 * One YAML document as `sops -d` prints it. `trailing` holds comments that followed the last key (sops keeps
 * them; the yaml library hangs them on the removed `sops` key).
 */
export function emitGoYamlDocument(doc: Document.Parsed, trailing: string[] = [], step = 4): string {
  const e: Emitter = { lines: [], step };
  const root = doc.contents;
  writeComments(e, commentLines(doc.commentBefore), 0);
  if (isMap(root) && root.items.length > 0) writeMap(e, doc, root, 0, undefined, [...trailing, ...commentLines(doc.comment)]);
  else e.lines.push('{}');
  return `${e.lines.join('\n')}\n`;
}
