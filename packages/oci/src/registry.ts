/**
 * A client for the OCI distribution API: manifests (HEAD for the digest, GET for the content, OCI and
 * Docker media types), JSON blobs, the tag list with `Link` paging, and authentication (Basic, or a Bearer
 * token from the registry's challenge, cached per scope). One client serves every registry; requests go
 * over `httpFetch` (node:http, quick to load) unless another fetch is given.
 */
import { httpFetch, type HttpFetch, type HttpResponse } from './http.ts';
import { RegistryError, TokenCache, type Credentials } from './auth.ts';
import { describeDigestProblem, sha256Digest } from './digest.ts';
import { TAG_PATTERN, isLoopbackRegistry, parseReference, referenceName, registryEndpoint, type ImageReference } from './reference.ts';

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

export interface RegistryOptions {
  /** Credentials for every registry, or looked up by canonical registry name (`docker.io` for Docker Hub). */
  credentials?: Credentials | ((registry: string) => Credentials | undefined);
  /** http:// instead of https://, for every registry or by name (default: only loopback registries). */
  plainHttp?: boolean | ((registry: string) => boolean);
  /** Where the user gives credentials, added to refusals, e.g. "set registry-username and registry-password". */
  credentialsHint?: string;
  /** How requests are made (default: `httpFetch`, on node:http; the global `fetch` also fits). */
  fetch?: HttpFetch;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string; variant?: string };
  annotations?: Record<string, string>;
}

export interface Manifest {
  schemaVersion: number;
  mediaType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
  annotations?: Record<string, string>;
}

export interface FetchedManifest {
  digest: string;
  mediaType: string;
  manifest: Manifest;
}

/** An image as a parsed reference or as text (`ghcr.io/acme/web`; a tag or digest in it is ignored). */
export type ImageName = ImageReference | string;

interface Call {
  ref: ImageReference;
  method: string;
  path: string;
  what: string;
  accept?: string;
  signal?: AbortSignal;
}

export class RegistryClient {
  private readonly options: RegistryOptions;
  private readonly fetch: HttpFetch;
  private readonly tokens: TokenCache;
  /** The `Authorization` that last worked, per registry and repository. */
  private readonly authorizations = new Map<string, string>();

  constructor(options: RegistryOptions = {}) {
    this.options = options;
    this.fetch = options.fetch ?? httpFetch;
    this.tokens = new TokenCache(this.fetch);
  }

  private credentialsFor(registry: string): Credentials | undefined {
    const c = this.options.credentials;
    return typeof c === 'function' ? c(registry) : c;
  }

  private base(registry: string): string {
    const plain = this.options.plainHttp;
    const http = typeof plain === 'function' ? plain(registry) : (plain ?? isLoopbackRegistry(registry));
    return `${http ? 'http' : 'https'}://${registryEndpoint(registry)}`;
  }

  /** Sends a request, answering up to two 401 challenges; the last answer is returned as it is. */
  private async request(call: Call): Promise<HttpResponse> {
    const { ref, what, signal } = call;
    const key = referenceName(ref);
    const url = `${this.base(ref.registry)}${call.path}`;
    let authorization = this.authorizations.get(key);
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {};
      if (call.accept) headers.accept = call.accept;
      if (authorization) headers.authorization = authorization;
      let res: HttpResponse;
      try {
        res = await this.fetch(url, { method: call.method, headers, ...(signal ? { signal } : {}) });
      } catch (error) {
        throw new RegistryError(`Could not reach the registry ${ref.registry} (${new URL(url).origin}) for ${what}: ${(error as Error).message}. Check the image name and the network.`, 0, { cause: error });
      }
      if (res.status !== 401 || attempt === 2) return res;
      const credentials = this.credentialsFor(ref.registry);
      const next = await this.tokens.answer({
        registry: ref.registry, what, challenge: res.headers.get('www-authenticate'), sent: authorization, credentials, ...(signal ? { signal } : {}),
      });
      if (!next) return res;
      authorization = next;
      this.authorizations.set(key, next);
    }
  }

  /** A RegistryError for an answer that is not ok, saying what to do. */
  private async refusal(res: HttpResponse, ref: ImageReference, what: string): Promise<RegistryError> {
    const hint = this.options.credentialsHint ? ` (${this.options.credentialsHint})` : '';
    let advice = '';
    if (res.status === 401) {
      advice = this.credentialsFor(ref.registry) ? ` The credentials were refused; check the credentials for ${ref.registry}${hint}.` : ` It needs credentials for ${ref.registry}${hint}.`;
    } else if (res.status === 403) {
      advice = ` The credentials for ${ref.registry} do not allow it; check their permissions${hint}.`;
    } else if (res.status === 404) {
      advice = ' It is not in the registry; check the image name.';
    }
    const detail = registryErrors(await res.text().catch(() => ''));
    return new RegistryError(`The registry ${ref.registry} answered HTTP ${res.status} for ${what}.${advice}${detail ? ` It said: ${detail}` : ''}`, res.status);
  }

  /**
   * The digest of the manifest at `reference` (a tag or a digest), from `Docker-Content-Digest`, or the
   * sha256 of the manifest when a registry leaves that header out; undefined when the registry does not
   * have it (404). Other failures throw a `RegistryError` naming the image. `signal` cancels the requests.
   */
  async manifestDigest(image: ImageName, reference: string, options: { signal?: AbortSignal } = {}): Promise<string | undefined> {
    const ref = imageOf(image);
    const what = shown(ref, reference);
    const res = await this.request({ ref, method: 'HEAD', path: manifestPath(ref, reference), what, accept: MANIFEST_TYPES.join(', '), ...(options.signal ? { signal: options.signal } : {}) });
    if (res.status === 404) return undefined;
    if (!res.ok) throw await this.refusal(res, ref, what);
    return res.headers.get('docker-content-digest') ?? (await this.manifest(ref, reference, options)).digest;
  }

  /** The manifest at `reference` (a tag or a digest), with its digest and media type. */
  async manifest(image: ImageName, reference: string, options: { signal?: AbortSignal } = {}): Promise<FetchedManifest> {
    const ref = imageOf(image);
    const what = `the manifest ${shown(ref, reference)}`;
    const res = await this.request({ ref, method: 'GET', path: manifestPath(ref, reference), what, accept: MANIFEST_TYPES.join(', '), ...(options.signal ? { signal: options.signal } : {}) });
    if (!res.ok) throw await this.refusal(res, ref, what);
    const raw = new Uint8Array(await res.arrayBuffer());
    const digest = checkContent(raw, reference, ref, what) ?? res.headers.get('docker-content-digest') ?? sha256Digest(raw);
    let manifest: Manifest;
    try {
      manifest = JSON.parse(Buffer.from(raw).toString('utf8')) as Manifest;
    } catch (error) {
      throw new RegistryError(`The registry ${ref.registry} answered ${what} with something that is not JSON.`, res.status, { cause: error });
    }
    const mediaType = manifest.mediaType ?? res.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    return { digest, mediaType, manifest };
  }

  /** A blob read as JSON, e.g. an image config. */
  async blobJson<T>(image: ImageName, digest: string): Promise<T> {
    const ref = imageOf(image);
    const problem = describeDigestProblem(digest);
    if (problem) throw new RegistryError(`The blob digest ${JSON.stringify(digest)} of ${referenceName(ref)} is not valid: ${problem}.`);
    const what = `the blob ${referenceName(ref)}@${digest}`;
    const res = await this.request({ ref, method: 'GET', path: `/v2/${ref.repository}/blobs/${digest}`, what });
    if (!res.ok) throw await this.refusal(res, ref, what);
    const raw = new Uint8Array(await res.arrayBuffer());
    checkContent(raw, digest, ref, what);
    try {
      return JSON.parse(Buffer.from(raw).toString('utf8')) as T;
    } catch (error) {
      throw new RegistryError(`${what} is not JSON.`, res.status, { cause: error });
    }
  }

  /** Every tag of the repository, following `Link` paging; `pageSize` asks for pages of that many. */
  async tags(image: ImageName, options: { pageSize?: number } = {}): Promise<string[]> {
    const ref = imageOf(image);
    const what = `the tags of ${referenceName(ref)}`;
    const tags: string[] = [];
    const seen = new Set<string>();
    let path: string | undefined = `/v2/${ref.repository}/tags/list${options.pageSize ? `?n=${options.pageSize}` : ''}`;
    while (path && !seen.has(path)) {
      seen.add(path);
      const res = await this.request({ ref, method: 'GET', path, what });
      if (!res.ok) throw await this.refusal(res, ref, what);
      let body: { tags?: unknown };
      try {
        body = (await res.json()) as { tags?: unknown };
      } catch (error) {
        throw new RegistryError(`The registry ${ref.registry} answered ${what} with something that is not JSON.`, res.status, { cause: error });
      }
      if (body?.tags != null && !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === 'string'))) {
        throw new RegistryError(`The registry ${ref.registry} answered ${what} with a tag list that is not a list of names.`, res.status);
      }
      tags.push(...((body?.tags as string[] | null | undefined) ?? []));
      const next = /<([^>]+)>;\s*rel="?next"?/.exec(res.headers.get('link') ?? '');
      // the next page's link is a path, or a full URL on the same registry
      path = next ? next[1]!.replace(/^https?:\/\/[^/]+/, '') : undefined;
    }
    return tags;
  }
}

/**
 * For content asked for by a sha256 digest: the digest, once the content is checked to hash to it (a
 * registry or anything between that serves other content is refused); undefined for a tag or another
 * algorithm, which are taken as served.
 */
function checkContent(raw: Uint8Array, reference: string, ref: ImageReference, what: string): string | undefined {
  if (!reference.startsWith('sha256:')) return undefined;
  const actual = sha256Digest(raw);
  if (actual !== reference) {
    throw new RegistryError(`The registry ${ref.registry} answered ${what} with content whose digest is ${actual}, not the digest asked for, so it was not used; check the registry and any proxy in front of it.`);
  }
  return reference;
}

function imageOf(image: ImageName): ImageReference {
  return typeof image === 'string' ? parseReference(image) : image;
}

/** `/v2/<repository>/manifests/<reference>`, once the reference is known to be a tag or a digest. */
function manifestPath(ref: ImageReference, reference: string): string {
  if (!TAG_PATTERN.test(reference) && describeDigestProblem(reference)) {
    throw new RegistryError(`${JSON.stringify(reference)} is neither a tag nor a digest of ${referenceName(ref)}; give a tag such as 1.0.0 or a digest sha256:<64 hex digits>.`);
  }
  return `/v2/${ref.repository}/manifests/${reference}`;
}

function shown(ref: ImageReference, reference: string): string {
  return `${referenceName(ref)}${reference.includes(':') ? '@' : ':'}${reference}`;
}

/** The `errors[].code: message` of a distribution API error body, or a short excerpt of other text. */
function registryErrors(text: string): string {
  try {
    const body = JSON.parse(text) as { errors?: { code?: string; message?: string }[] };
    if (Array.isArray(body.errors) && body.errors.length > 0) return body.errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ');
  } catch {
    // not JSON: shown as text
  }
  return text.trim().replace(/\s+/g, ' ').slice(0, 300);
}
