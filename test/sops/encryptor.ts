/**
 * A test-side SOPS encryptor: turns a plain YAML document into a SOPS YAML file with a given data key and
 * metadata (the wrapped keys are made by the caller, e.g. with the real `age` and `gpg`). It follows the
 * format facts: AES-256-GCM with a 32-byte IV, additional data = map keys joined by ':' plus ':', the MAC
 * = SHA-512 over the leaves in document order, stored encrypted with lastmodified as additional data.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type YAMLMap } from 'yaml';
import { goFloat } from '@conveyor/sops';

export function encryptValue(plaintext: Buffer, type: string, key: Uint8Array, aad: string): string {
  const iv = randomBytes(32);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `ENC[AES256_GCM,data:${data.toString('base64')},iv:${iv.toString('base64')},tag:${cipher.getAuthTag().toString('base64')},type:${type}]`;
}

export interface EncryptOptions {
  dataKey: Uint8Array;
  /** Metadata besides lastmodified/mac/version (age, pgp, kms, key_groups, rules…). */
  metadata: Record<string, unknown>;
  lastModified?: string;
  macOnlyEncrypted?: boolean;
  /** Which leaves are encrypted (default: keys not ending in _unencrypted). */
  encrypt?: (keys: string[]) => boolean;
}

function typed(value: unknown): { type: string; bytes: Buffer } | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'bigint') return { type: 'int', bytes: Buffer.from(value.toString()) };
  if (typeof value === 'number') return { type: 'float', bytes: Buffer.from(goFloat(value)) };
  if (typeof value === 'boolean') return { type: 'bool', bytes: Buffer.from(value ? 'True' : 'False') };
  return { type: 'str', bytes: Buffer.from(String(value)) };
}

/** Encrypts a plain YAML text (one or several documents) into a SOPS YAML file. */
export function encryptYaml(plain: string, options: EncryptOptions): string {
  const docs = parseAllDocuments(plain, { intAsBigInt: true });
  if (!Array.isArray(docs)) throw new Error('not YAML');
  const encrypt = options.encrypt ?? ((keys: string[]) => !keys.some((k) => k.endsWith('_unencrypted')));
  const hash = createHash('sha512');
  if (options.macOnlyEncrypted) hash.update(createHash('sha256').update('sops').digest());
  const walk = (node: unknown, keys: string[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) walk(pair.value, [...keys, String(pair.key.value)]);
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, keys);
    } else if (isScalar(node)) {
      const t = typed(node.value);
      if (!t) return;
      const enc = encrypt(keys);
      if (enc || !options.macOnlyEncrypted) hash.update(t.bytes);
      if (enc && !(t.type === 'str' && t.bytes.length === 0)) {
        node.value = encryptValue(t.bytes, t.type, options.dataKey, `${keys.join(':')}:`);
        node.type = 'PLAIN';
      }
    }
  };
  for (const doc of docs) walk(doc.contents, []);
  const lastModified = options.lastModified ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const mac = encryptValue(Buffer.from(hash.digest('hex').toUpperCase()), 'str', options.dataKey, lastModified);
  const sops = { ...options.metadata, lastmodified: lastModified, mac, ...(options.macOnlyEncrypted ? { mac_only_encrypted: true } : {}), version: '3.9.0' };
  return docs.map((doc, i) => {
    if (!isMap(doc.contents)) throw new Error('each plain document must be a map');
    (doc.contents as YAMLMap).set(doc.createNode('sops'), doc.createNode(sops));
    const text = doc.toString({ lineWidth: 0 });
    return i === 0 || text.startsWith('---') ? text : `---\n${text}`;
  }).join('');
}
