/**
 * Decrypting a document's leaves and computing its MAC, walking each map in the document's own order.
 * The MAC is SHA-512 over every leaf's bytes (only the encrypted ones, after a fixed seed, with
 * `mac_only_encrypted`), as uppercase hex; it is stored encrypted with `lastmodified` as additional data.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { additionalData, decryptValue, isEncrypted, prepareKey, type ValueType } from './cipher.ts';
import { SopsDecryptError, SopsFormatError, SopsMacError } from './errors.ts';
import { macAdditionalData, shouldEncrypt, type Metadata } from './metadata.ts';
import { isComment, scalar, type MapNode, type Node, type Scalar } from './tree.ts';

/** sha256("sops"): the seed of a MAC over encrypted values only. */
const MAC_ONLY_ENCRYPTED_SEED = createHash('sha256').update('sops').digest();

/** One leaf of the document after decryption. */
export interface Leaf {
  /** Map keys and list indices from the root. */
  path: (string | number)[];
  /** For an encrypted leaf, the type it was stored with; for a plain one, what the file's syntax gave. */
  type: ValueType | 'plain';
  /** The value as text: the decrypted plaintext, or the plain value as the MAC sees it. */
  text: string;
  value: Scalar;
  encrypted: boolean;
}

export interface DecryptedDocument {
  branches: MapNode[];
  leaves: Leaf[];
  /** The MAC computed over the decrypted document (uppercase hex). */
  computedMac: string;
}

/** Go's strconv.FormatFloat(f, 'f', -1, 64): the shortest round-trip digits, never an exponent. */
export function goFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  const s = String(f);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return Object.is(f, -0) ? '-0' : s;
  const [, sign, lead, frac = '', expText] = m;
  const digits = lead! + frac;
  const exp = Number(expText);
  if (exp >= 0) {
    const point = 1 + exp;
    return sign + (digits.length <= point ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`);
  }
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** Go's strconv.ParseBool. */
function goBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** The bytes a plain (unencrypted) leaf contributes to the MAC. */
function plainBytes(value: Scalar): { text: string; bytes: Buffer } | undefined {
  if (value === null) return undefined;
  if (value instanceof Uint8Array) return { text: Buffer.from(value).toString('utf8'), bytes: Buffer.from(value) };
  const text = typeof value === 'boolean' ? (value ? 'True' : 'False') : typeof value === 'number' ? goFloat(value) : String(value);
  return { text, bytes: Buffer.from(text, 'utf8') };
}

/** Turns a decrypted plaintext into its typed value and the bytes it contributes to the MAC. */
function typed(type: ValueType, plaintext: Buffer, where: () => string): { value: Scalar; bytes: Buffer } {
  const text = plaintext.toString('utf8');
  const bad = (): never => {
    throw new SopsDecryptError(`The value at ${where()} is stored as type ${type} but its plaintext is not one; the file is damaged.`);
  };
  switch (type) {
    case 'str':
    case 'comment':
      // a Go string holds any bytes (a binary file's data): keep them when they are not UTF-8
      return { value: isUtf8(plaintext) ? text : new Uint8Array(plaintext), bytes: plaintext };
    case 'bytes':
      return { value: new Uint8Array(plaintext), bytes: plaintext };
    case 'int': {
      if (!/^[+-]?\d+$/.test(text)) return bad();
      const value = BigInt(text);
      return { value, bytes: Buffer.from(value.toString()) };
    }
    case 'float': {
      const value = Number(text);
      if (text.trim() === '' || Number.isNaN(value) && !/^[+-]?nan$/i.test(text)) return bad();
      return { value, bytes: Buffer.from(goFloat(value)) };
    }
    case 'bool': {
      const value = goBool(text);
      if (value === undefined) return bad();
      return { value, bytes: Buffer.from(value ? 'True' : 'False') };
    }
    case 'time':
      return { value: text, bytes: Buffer.from(macAdditionalData(text)) };
  }
}

const describePath = (path: readonly (string | number)[]) => (path.length === 0 ? 'the top level' : path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '['));

/**
 * Decrypts every leaf that the file's rule says is encrypted and computes the MAC. `file` names the file
 * in errors. Comments kept as entries (dotenv, INI) are decrypted too and never enter the MAC.
 */
export function decryptDocument(branches: readonly MapNode[], metadata: Metadata, dataKey: Uint8Array, file: string): DecryptedDocument {
  const hash = createHash('sha512');
  if (metadata.macOnlyEncrypted) hash.update(MAC_ONLY_ENCRYPTED_SEED);
  const leaves: Leaf[] = [];
  const key = prepareKey(dataKey);

  const decryptComment = (text: string, keys: string[]): string => {
    if (!isEncrypted(text.trim())) return text;
    for (let n = keys.length; n >= 0; n--) {
      try {
        return decryptValue(text.trim(), key, additionalData(keys.slice(0, n)), `a comment in ${file}`).plaintext.toString('utf8');
      } catch {
        // try the enclosing map's path
      }
    }
    return text;
  };

  const walk = (node: Node, path: (string | number)[], keys: string[]): Node => {
    if (node.kind === 'map') {
      return {
        kind: 'map',
        entries: node.entries.map((entry) => isComment(entry)
          ? { comment: decryptComment(entry.comment, keys) }
          : { key: entry.key, value: walk(entry.value, [...path, entry.key], [...keys, entry.key]) }),
      };
    }
    if (node.kind === 'list') return { kind: 'list', items: node.items.map((item, i) => walk(item, [...path, i], keys)) };
    const value = node.value;
    if (value === null) return node;
    const encrypted = shouldEncrypt(keys, metadata.rules);
    if (!encrypted) {
      const plain = plainBytes(value)!;
      if (!metadata.macOnlyEncrypted) hash.update(plain.bytes);
      leaves.push({ path, type: 'plain', text: plain.text, value, encrypted: false });
      return node;
    }
    const where = () => `${describePath(path)} in ${file}`;
    if (typeof value !== 'string') {
      throw new SopsFormatError(`${file}: the value at ${describePath(path)} should be encrypted by the file's rule but is a plain ${typeof value}; the file was edited by hand: restore it or re-encrypt it with sops.`);
    }
    if (value === '') {
      leaves.push({ path, type: 'str', text: '', value: '', encrypted: true });
      return node;
    }
    if (!isEncrypted(value)) {
      throw new SopsFormatError(`${file}: the value at ${describePath(path)} should be encrypted by the file's rule but is plain text; the file was edited by hand: restore it or re-encrypt it with sops.`);
    }
    const { type, plaintext } = decryptValue(value, key, additionalData(keys), where);
    const result = typed(type, plaintext, where);
    hash.update(result.bytes);
    leaves.push({ path, type, text: plaintext.toString('utf8'), value: result.value, encrypted: true });
    return type === 'time' ? { ...scalar(result.value, node.ref), time: true } : scalar(result.value, node.ref);
  };

  const out = branches.map((branch) => walk(branch, [], []) as MapNode);
  return { branches: out, leaves, computedMac: hash.digest('hex').toUpperCase() };
}

/**
 * Checks the stored MAC against the computed one. Throws `SopsMacError` (with sops's wording) when the
 * MAC is missing or differs; `ignoreMac` turns that into a returned warning instead.
 */
export function verifyMac(metadata: Metadata, dataKey: Uint8Array, computedMac: string, file: string, ignoreMac = false): string | undefined {
  let stored = '';
  let problem: string | undefined;
  if (metadata.mac === '') {
    problem = `${file} has no MAC (sops.mac is missing or empty): it cannot be checked for tampering. Re-encrypt it with sops, or pass ignore-mac if you accept an unchecked file.`;
  } else {
    try {
      stored = decryptValue(metadata.mac, dataKey, macAdditionalData(metadata.lastModified), `sops.mac in ${file}`).plaintext.toString('utf8');
    } catch (error) {
      problem = `${file}: the MAC could not be decrypted with sops.lastmodified ${JSON.stringify(metadata.lastModified)} as its additional data: the MAC or lastmodified was changed (${(error as Error).message}).`;
    }
    if (!problem && stored !== computedMac) {
      problem = `${file}: MAC mismatch. File has ${stored}, computed ${computedMac}. The file was changed after it was encrypted; restore it from version control.`;
    }
  }
  if (!problem) return undefined;
  if (ignoreMac) return `ignore-mac is set: ${problem}`;
  throw new SopsMacError(problem);
}
