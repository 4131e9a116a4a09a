/** After a push: every tag must resolve, in its registry, to the digest the builder reported. */
import { parseReference, type RegistryClient } from '@conveyor/oci';

export interface TagCheck {
  tag: string;
  digest: string;
}

export class DigestMismatchError extends Error {
  readonly checks: readonly TagCheck[];
  constructor(expected: string, checks: readonly TagCheck[]) {
    const bad = checks.filter((c) => c.digest !== expected);
    super(`After the push, ${bad.length} of ${checks.length} tag(s) do not resolve to the pushed digest ${expected}:\n${bad.map((c) => `- ${c.tag} → ${c.digest || 'missing'}`).join('\n')}\nAnother push may have moved the tag, or the push did not complete; re-run the build.`);
    this.name = 'DigestMismatchError';
    this.checks = checks;
  }
}

/** Resolves every tag in its registry; throws `DigestMismatchError` when any differs (or is missing). */
export async function verifyTags(tags: readonly string[], expected: string, client: Pick<RegistryClient, 'manifestDigest'>): Promise<TagCheck[]> {
  const checks: TagCheck[] = [];
  for (const tag of tags) {
    const ref = parseReference(tag);
    checks.push({ tag, digest: (await client.manifestDigest(ref, ref.tag ?? 'latest')) ?? '' });
  }
  if (checks.some((c) => c.digest !== expected)) throw new DigestMismatchError(expected, checks);
  return checks;
}
