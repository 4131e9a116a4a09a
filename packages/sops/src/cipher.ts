/**
 * SOPS value encryption: `ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]`, AES-256-GCM with a 32-byte IV and
 * the 16-byte tag stored apart; the additional data is the path of map keys joined with ':' plus ':'.
 */
import { createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';
import { SopsDecryptError } from './errors.ts';

export const VALUE_TYPES = ['str', 'int', 'float', 'bool', 'time', 'comment', 'bytes'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export interface EncryptedValue {
  data: Buffer;
  iv: Buffer;
  tag: Buffer;
  type: ValueType;
}

const ENC_PATTERN = /^ENC\[AES256_GCM,data:([A-Za-z0-9+/=]*),iv:([A-Za-z0-9+/=]+),tag:([A-Za-z0-9+/=]+),type:([a-z]+)\]$/;

/** Whether a string has the shape of an encrypted SOPS value. */
export function isEncrypted(text: string): boolean {
  return text.startsWith('ENC[AES256_GCM,') && text.endsWith(']');
}

/** Parses the `ENC[…]` envelope; undefined when the text does not have its shape. */
export function parseEncrypted(text: string): EncryptedValue | undefined {
  const m = ENC_PATTERN.exec(text);
  if (!m) return undefined;
  const type = m[4] as ValueType;
  if (!VALUE_TYPES.includes(type)) return undefined;
  return { data: Buffer.from(m[1]!, 'base64'), iv: Buffer.from(m[2]!, 'base64'), tag: Buffer.from(m[3]!, 'base64'), type };
}

const describe = (where: string | (() => string)) => (typeof where === 'string' ? where : where());

/** A data key prepared once for many values (creating a key object per value is the costly part). */
export function prepareKey(dataKey: Uint8Array): KeyObject {
  return createSecretKey(dataKey);
}

/** The additional authenticated data for a value at `path` (map keys only). */
export function additionalData(keys: readonly string[]): string {
  return `${keys.join(':')}:`;
}

/**
 * Decrypts one value. Throws `SopsDecryptError` when the envelope is malformed or authentication fails
 * (a changed value, IV, tag, a value moved to another key, or the wrong data key).
 */
export function decryptValue(text: string, dataKey: Uint8Array | KeyObject, aad: string, where: string | (() => string)): { type: ValueType; plaintext: Buffer } {
  const value = parseEncrypted(text);
  if (!value) throw new SopsDecryptError(`The value at ${describe(where)} is not a well-formed ENC[AES256_GCM,…] value; the file is damaged: restore it from version control.`);
  if (value.tag.length !== 16) throw new SopsDecryptError(`The value at ${describe(where)} has a ${value.tag.length}-byte tag (expected 16); the file is damaged.`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, value.iv, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(value.tag);
    const plaintext = decipher.update(value.data);
    const rest = decipher.final(); // empty for GCM; checks the tag
    return { type: value.type, plaintext: rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest]) };
  } catch (error) {
    throw new SopsDecryptError(`Could not decrypt the value at ${describe(where)}: authentication failed (the value was changed, moved to another key, or belongs to another file).`, { cause: error });
  }
}
