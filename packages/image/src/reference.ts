/**
 * Image references as Docker reads them: `[registry/]repository[:tag][@digest]`. The first component is a
 * registry when it has a dot or a colon or is `localhost`; otherwise the image is on Docker Hub.
 */
export interface ImageReference {
  /** Host (and port) as written, `docker.io` for Docker Hub. */
  registry: string;
  /** Path in the registry; Docker Hub's official images get `library/`. */
  repository: string;
  tag?: string;
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';

export function parseReference(reference: string): ImageReference {
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/.test(digest)) throw new Error(`The image reference ${JSON.stringify(reference)} has an invalid digest ${JSON.stringify(digest)}.`);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) throw new Error(`The image reference ${JSON.stringify(reference)} has an invalid tag ${JSON.stringify(tag)}: a tag is up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'.`);
  }
  const parts = rest.split('/');
  let registry = DOCKER_HUB;
  if (parts.length > 1 && (/[.:]/.test(parts[0]!) || parts[0] === 'localhost')) registry = parts.shift()!;
  let repository = parts.join('/');
  if (registry === DOCKER_HUB && parts.length === 1) repository = `library/${repository}`;
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repository)) {
    throw new Error(`The image reference ${JSON.stringify(reference)} has an invalid repository name ${JSON.stringify(repository)}: use lower-case letters, digits and separators (. _ - /).`);
  }
  return { registry, repository, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** `registry/repository` without tag or digest (the name `image` output puts before `@digest`). */
export function imageName(reference: string): string {
  const r = parseReference(reference);
  return `${r.registry}/${r.repository}`;
}

/** Registries reached over plain HTTP without TLS checks: loopback always, plus those the user lists. */
export function isInsecureRegistry(registry: string, insecure: readonly string[] = []): boolean {
  const host = registry.replace(/:\d+$/, '');
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || insecure.includes(registry) || insecure.includes(host);
}
