/** Decrypting one SOPS file: parse, recover the data key, decrypt, verify the MAC. */
import { SopsFormatError } from './errors.ts';
import { formatOf, parseFile, renderJson, renderPlain, type FormatName, type ParsedFile } from './formats.ts';
import { decryptDocument, verifyMac, type Leaf } from './decrypt.ts';
import { readMetadata, type Metadata } from './metadata.ts';
import { recoverDataKey } from './datakey.ts';
import type { KeyContext } from './keys.ts';
import type { MapNode } from './tree.ts';

export interface DecryptOptions {
  format?: FormatName;
  /** Decrypt even when the MAC is missing or wrong (a warning is returned). */
  ignoreMac?: boolean;
}

export interface DecryptedFile {
  file: string;
  format: FormatName;
  metadata: Metadata;
  leaves: Leaf[];
  branches: MapNode[];
  /** Set when ignore-mac let a missing or wrong MAC through. */
  macWarning?: string;
  /** The plaintext in the file's own format. */
  plain(): string | Uint8Array;
  /** The plaintext as JSON, key order kept. */
  json(): string;
}

/** Parses a SOPS file and its metadata; throws `SopsFormatError` when it is not one. */
export function readSopsFile(text: string, file: string, format: FormatName = formatOf(file)): { parsed: ParsedFile; metadata: Metadata } {
  const parsed = parseFile(text, file, format);
  if (parsed.metadata === undefined) {
    throw new SopsFormatError(`${file} is not a SOPS file: it has no 'sops' metadata${format === 'dotenv' ? ' (sops_* lines)' : format === 'ini' ? ' ([sops] section)' : ' section'}. Encrypt it with sops first, or check the file name (read as ${format}).`);
  }
  return { parsed, metadata: readMetadata(parsed.metadata, file) };
}

/** Decrypts with a known data key (the pure core; `decryptFile` recovers the key first). */
export function decryptWithKey(parsed: ParsedFile, metadata: Metadata, dataKey: Uint8Array, file: string, options: DecryptOptions = {}): DecryptedFile {
  const doc = decryptDocument(parsed.branches, metadata, dataKey, file);
  const macWarning = verifyMac(metadata, dataKey, doc.computedMac, file, options.ignoreMac);
  return {
    file,
    format: parsed.format,
    metadata,
    leaves: doc.leaves,
    branches: doc.branches,
    ...(macWarning ? { macWarning } : {}),
    plain: () => renderPlain(parsed, doc.branches, dataKey),
    json: () => renderJson(doc.branches, parsed.format),
  };
}

/** Decrypts a SOPS file's text with the keys of `context`. */
export async function decryptFile(text: string, file: string, context: KeyContext, options: DecryptOptions = {}): Promise<DecryptedFile> {
  const { parsed, metadata } = readSopsFile(text, file, options.format);
  const dataKey = await recoverDataKey(metadata, context, file);
  return decryptWithKey(parsed, metadata, dataKey, file, options);
}
