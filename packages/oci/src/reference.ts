/**
 * Image references as Docker and the OCI distribution spec write them: `[host[:port]/]path[:tag][@digest]`.
 *
 * A registry has two names here. The reference's canonical host is what `docker pull` and `docker login`
 * call it and what credentials are keyed by: `docker.io` for Docker Hub (its other spellings
 * `index.docker.io` and `registry-1.docker.io` become `docker.io`). The API endpoint is the host the
 * distribution API is called on: `registry-1.docker.io` for Docker Hub, the host itself everywhere else
 * (`registryEndpoint`).
 */
import { ConveyorError } from '@conveyor/kit';
import { describeDigestProblem } from './digest.ts';

/** Docker Hub's canonical name, as references and `docker login` write it. */
export const DOCKER_HUB = 'docker.io';
/** The host that serves Docker Hub's distribution API. */
export const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io';

export interface ImageReference {
  /** Canonical registry host with its port, e.g. `ghcr.io`, `127.0.0.1:5000`; `docker.io` for Docker Hub. */
  registry: string;
  /** Path inside the registry, e.g. `acme/web`; Docker Hub's official images get `library/`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** A reference that is not `[host[:port]/]path[:tag][@digest]`; the message says which part is wrong. */
export class InvalidReferenceError extends ConveyorError {}

const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[a-fA-F0-9:.]+\])(?::[0-9]{1,5})?$/;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
/** A tag: up to 128 letters, digits, `_`, `.` or `-`, not starting with `.` or `-`. */
export const TAG_PATTERN = /^\w[\w.-]{0,127}$/;
/** Docker's limit on a name (host and path) in a reference. */
const NAME_MAX = 255;

/** `docker.io` for every spelling of Docker Hub's host; any other host as given. */
export function canonicalRegistry(host: string): string {
  return host === 'index.docker.io' || host === DOCKER_HUB_ENDPOINT ? DOCKER_HUB : host;
}

/** The host the distribution API of a (canonical) registry is called on. */
export function registryEndpoint(registry: string): string {
  return canonicalRegistry(registry) === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry;
}

interface Parts {
  /** The first path segment when it names a registry, as written; `''` for Docker Hub by default. */
  host: string;
  path: string;
  tag: string | undefined;
  digest: string | undefined;
}

function parts(reference: string): Parts {
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
  const host = first.includes('.') || first.includes(':') || first === 'localhost' ? first : '';
  return { host, path: host ? rest.slice(slash + 1) : rest, tag, digest };
}

function toReference(p: Parts): ImageReference {
  const registry = p.host ? canonicalRegistry(p.host) : DOCKER_HUB;
  const repository = registry === DOCKER_HUB && p.path !== '' && !p.path.includes('/') ? `library/${p.path}` : p.path;
  return { registry, repository, ...(p.tag ? { tag: p.tag } : {}), ...(p.digest ? { digest: p.digest } : {}) };
}

/**
 * The parts of a reference, found the way Docker finds them, with nothing checked: a first path segment
 * with a dot, a colon or `localhost` is the registry, otherwise the image is on Docker Hub. Never throws;
 * for text read from a file that is being edited, where a placeholder must not stop the edit.
 */
export function splitReference(reference: string): ImageReference {
  return toReference(parts(reference));
}

/**
 * Parses and checks `[host[:port]/]path[:tag][@digest]`. Throws `InvalidReferenceError` naming the
 * reference and the part that is wrong (registry host, repository, tag, digest, length).
 */
export function parseReference(reference: string): ImageReference {
  const bad = (what: string) => new InvalidReferenceError(`The image reference ${JSON.stringify(reference)} ${what}.`);
  if (reference.trim() === '') throw new InvalidReferenceError('An image reference is empty; give one such as ghcr.io/owner/app:1.0.0.');
  const p = parts(reference);
  if (p.digest !== undefined) {
    const problem = describeDigestProblem(p.digest);
    if (problem) throw bad(`has an invalid digest ${JSON.stringify(p.digest)}: ${problem}`);
  }
  if (p.tag !== undefined && !TAG_PATTERN.test(p.tag)) {
    throw bad(`has an invalid tag ${JSON.stringify(p.tag)}: a tag is up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`);
  }
  if (p.host && !HOST.test(p.host)) {
    throw bad(`has an invalid registry host ${JSON.stringify(p.host)}: write a host name or IP address with an optional :port, e.g. ghcr.io or 127.0.0.1:5000`);
  }
  const ref = toReference(p);
  if (ref.repository === '') throw bad(`has no repository name after the registry ${JSON.stringify(p.host)}`);
  if (!REPOSITORY.test(ref.repository)) {
    throw bad(`has an invalid repository name ${JSON.stringify(ref.repository)}: use lower-case letters, digits and separators (. _ - /), each path segment starting and ending with a letter or digit`);
  }
  if (referenceName(ref).length > NAME_MAX) throw bad(`is too long: the name before the tag may have at most ${NAME_MAX} characters`);
  return ref;
}

/** `registry/repository`, without tag or digest (canonical: `docker.io/library/alpine`). */
export function referenceName(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`;
}

/** The canonical form `registry/repository[:tag][@digest]`, e.g. `docker.io/library/alpine:3.20`. */
export function canonicalReference(ref: ImageReference): string {
  return formatReference(referenceName(ref), ref.tag, ref.digest);
}

/** `name:tag@digest`, `name@digest` or `name:tag`, as kustomize and Flux write a full reference. */
export function formatReference(name: string, tag: string | undefined, digest: string | undefined): string {
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

/** localhost, 127.0.0.0/8 and [::1], with or without a port. */
export function isLoopbackRegistry(registry: string): boolean {
  return /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d+)?$/.test(registry);
}

/** Registries reached over plain HTTP without TLS checks: loopback always, plus those listed (with or without port). */
export function isInsecureRegistry(registry: string, insecure: readonly string[] = []): boolean {
  return isLoopbackRegistry(registry) || insecure.includes(registry) || insecure.includes(registry.replace(/:\d+$/, ''));
}
