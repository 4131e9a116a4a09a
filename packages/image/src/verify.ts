/** After a push: every tag must resolve, in its registry, to the digest the builder reported. */
import { parseReference } from './reference.ts';
import type { RegistryClient } from './registry.ts';

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

/** Resolves every tag with its registry's client; throws `DigestMismatchError` when any differs. */
export async function verifyTags(tags: readonly string[], expected: string, clientFor: (registry: string) => RegistryClient): Promise<TagCheck[]> {
  const checks: TagCheck[] = [];
  for (const tag of tags) {
    const ref = parseReference(tag);
    let digest = '';
    try {
      digest = await clientFor(ref.registry).resolve(ref.repository, ref.tag ?? 'latest');
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
    checks.push({ tag, digest });
  }
  if (checks.some((c) => c.digest !== expected)) throw new DigestMismatchError(expected, checks);
  return checks;
}
