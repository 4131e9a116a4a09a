/** Image references and digests as the OCI distribution spec writes them. */

export const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;

export function isDigest(value: string): boolean {
  return DIGEST_PATTERN.test(value);
}

/** `sha256:0123456789ab` style short form used in messages and commit subjects. */
export function shortDigest(digest: string): string {
  return digest.replace(/^(sha256:)?([a-f0-9]{12}).*$/, '$2');
}

/** Adds the `sha256:` prefix to a bare hex digest; leaves other values alone. */
export function withPrefix(value: string): string {
  return /^[a-f0-9]{64}$/.test(value) ? `sha256:${value}` : value;
}

export interface ImageReference {
  /** Registry host with port, e.g. `ghcr.io`, `127.0.0.1:5000`, `registry-1.docker.io`. */
  registry: string;
  /** Repository path inside the registry, e.g. `acme/web`, `library/nginx`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/**
 * Splits `host/name:tag@digest`. A first segment with a dot, a colon or `localhost` is a registry host;
 * otherwise the image is on Docker Hub (`library/` added for single names), as docker does.
 */
export function parseReference(reference: string): ImageReference {
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash === -1 ? '' : rest.slice(0, slash);
  let registry = 'registry-1.docker.io';
  let repository = rest;
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    repository = rest.slice(slash + 1);
  } else if (!rest.includes('/')) {
    repository = `library/${rest}`;
  }
  if (registry === 'docker.io') registry = 'registry-1.docker.io';
  return { registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** `name:tag@digest`, `name@digest` or `name:tag`, as kustomize and Flux write a full reference. */
export function formatReference(name: string, tag: string | undefined, digest: string | undefined): string {
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
