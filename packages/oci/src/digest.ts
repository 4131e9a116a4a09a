/** Content digests as the OCI image spec writes them: `algorithm:encoded`, e.g. `sha256:<64 hex>`. */
import { createHash } from 'node:crypto';

/** A sha256 digest, the only algorithm registries are required to support. */
export const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;

const ALGORITHM = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*$/;
/** The registered algorithms and the length of their lower-case hex encoding. */
const HEX_LENGTH: Record<string, number> = { sha256: 64, sha512: 128 };

export function isDigest(value: string): boolean {
  return DIGEST_PATTERN.test(value);
}

/**
 * What is wrong with a digest, or undefined when it is well formed: a registered algorithm with its
 * exact lower-case hex length, or another algorithm with at least 32 hex digits (as Docker accepts).
 */
export function describeDigestProblem(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  const algorithm = colon === -1 ? '' : digest.slice(0, colon);
  const encoded = digest.slice(colon + 1);
  if (!ALGORITHM.test(algorithm)) return 'a digest is an algorithm and its hex value, e.g. sha256:<64 hex digits>';
  const length = HEX_LENGTH[algorithm];
  if (length !== undefined) {
    return new RegExp(`^[a-f0-9]{${length}}$`).test(encoded) ? undefined : `a ${algorithm} digest has ${length} lower-case hex digits after '${algorithm}:'`;
  }
  return /^[a-fA-F0-9]{32,}$/.test(encoded) ? undefined : `a digest has at least 32 hex digits after '${algorithm}:'`;
}

/** `sha256:0123456789ab…` → `0123456789ab`, the short form used in messages and commit subjects. */
export function shortDigest(digest: string): string {
  return digest.replace(/^(sha256:)?([a-f0-9]{12}).*$/, '$2');
}

/** Adds the `sha256:` prefix to a bare 64-digit hex digest (as some Helm charts store it); leaves other values alone. */
export function withPrefix(value: string): string {
  return /^[a-f0-9]{64}$/.test(value) ? `sha256:${value}` : value;
}

/** The sha256 digest of some bytes, `sha256:<hex>`. */
export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
