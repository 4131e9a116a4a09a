/**
 * Recovering the data key: for each key group in order, the keys of the group are tried in the fixed
 * source order (see `KEY_SOURCES`) and in file order within a source; the first that unwraps gives the
 * group's part. One group: the part is the key. Several: parts are Shamir shares, combined once
 * `shamir_threshold` of them are in hand.
 */
import { combineShares } from './shamir.ts';
import { SopsNoKeyError } from './errors.ts';
import { KEY_SOURCES, KeyServiceError, type KeyContext } from './keys.ts';
import type { Metadata } from './metadata.ts';

export async function recoverDataKey(metadata: Metadata, context: KeyContext, file: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const failures: string[] = [];
  const needed = metadata.shamirThreshold;
  for (const [g, group] of metadata.keyGroups.entries()) {
    if (parts.length >= needed) break;
    let part: Uint8Array | undefined;
    for (const source of KEY_SOURCES) {
      for (const entry of source.entries(group)) {
        try {
          part = await source.unwrap(entry, context);
        } catch (error) {
          failures.push(error instanceof KeyServiceError ? error.message : `${source.name} ${source.describe(entry)}: ${(error as Error).message}`);
        }
        if (part) break;
      }
      if (part) break;
    }
    if (part) parts.push(part);
    else if (metadata.keyGroups.length > 1) failures.push(`key group ${g + 1}: no offered key matched`);
  }
  if (parts.length >= needed) {
    const key = needed === 1 ? parts[0]! : combineShares(parts.slice(0, needed));
    if (key.length !== 32) throw new SopsNoKeyError(`${file}: the recovered data key is ${key.length} bytes long (expected 32); the key groups do not belong together.`);
    return key;
  }
  throw new SopsNoKeyError(await noKeyMessage(metadata, context, file, parts.length, failures));
}

async function noKeyMessage(metadata: Metadata, context: KeyContext, file: string, found: number, failures: string[]): Promise<string> {
  const lines: string[] = [];
  const groups = metadata.keyGroups.length;
  lines.push(groups > 1
    ? `Could not decrypt ${file}: ${found} of the ${metadata.shamirThreshold} key group parts needed could be recovered.`
    : `Could not decrypt ${file}: none of the offered keys can unwrap its data key.`);
  lines.push('The file is encrypted for:');
  for (const [g, group] of metadata.keyGroups.entries()) {
    for (const source of KEY_SOURCES) {
      for (const entry of source.entries(group)) lines.push(`  - ${groups > 1 ? `group ${g + 1}: ` : ''}${source.name} ${source.describe(entry)}`);
    }
  }
  lines.push('Keys offered:');
  let any = false;
  for (const source of KEY_SOURCES) {
    if (source.implicit && !metadata.keyGroups.some((g) => source.entries(g).length > 0)) continue;
    let offered: string[];
    try {
      offered = await source.offered(context);
    } catch (error) {
      offered = [`(unreadable: ${(error as Error).message})`];
    }
    for (const o of offered) {
      lines.push(`  - ${source.name} ${o}`);
      any = true;
    }
  }
  if (!any) lines.push('  (none: pass age-key, age-key-file, pgp-key, or set SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, cloud credentials)');
  if (failures.length > 0) lines.push('Errors:', ...failures.map((f) => `  - ${f}`));
  return lines.join('\n');
}
