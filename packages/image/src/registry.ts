/**
 * A client for the OCI distribution API over fetch: manifests (HEAD and GET, OCI and Docker media types),
 * blobs, the tag list, and authentication (a bearer token from the registry's WWW-Authenticate challenge,
 * or basic). Used after a push to check that every tag resolves to the pushed digest.
 */
import { createHash } from 'node:crypto';
import { DOCKER_HUB } from './reference.ts';

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

/** A registry that does not answer within this long is reported as unreachable. */
export const REQUEST_TIMEOUT_MS = 60_000;

export interface Credentials {
  username: string;
  password: string;
}

export interface RegistryClientOptions {
  /** `http://` instead of `https://` (loopback and `insecure-registries`). */
  plainHttp?: boolean;
  credentials?: Credentials;
  fetch?: typeof fetch;
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

export class RegistryError extends Error {
  readonly status: number;
  constructor(message: string, status = 0, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegistryError';
    this.status = status;
  }
}

/** Parses `Bearer realm="…",service="…",scope="…"` (or `Basic realm="…"`). */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  const re = /([a-zA-Z_]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const m of (space === -1 ? '' : header.slice(space + 1)).matchAll(re)) params[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  return { scheme, params };
}

export class RegistryClient {
  readonly registry: string;
  private readonly base: string;
  private readonly options: RegistryClientOptions;
  private readonly doFetch: typeof fetch;
  private authorization: string | undefined;

  constructor(registry: string, options: RegistryClientOptions = {}) {
    this.registry = registry;
    this.options = options;
    this.doFetch = options.fetch ?? fetch;
    const host = registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
    this.base = `${options.plainHttp ? 'http' : 'https'}://${host}`;
  }

  private basic(): string | undefined {
    const c = this.options.credentials;
    return c ? `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}` : undefined;
  }

  /** Answers a 401 challenge: fetches a bearer token for the scope, or falls back to basic credentials. */
  private async authenticate(challenge: string | null, what: string): Promise<boolean> {
    if (!challenge) return false;
    const { scheme, params } = parseChallenge(challenge);
    if (scheme === 'basic') {
      const basic = this.basic();
      if (!basic || this.authorization === basic) return false;
      this.authorization = basic;
      return true;
    }
    if (scheme !== 'bearer' || !params.realm) return false;
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set('service', params.service);
    if (params.scope) url.searchParams.set('scope', params.scope);
    const headers: Record<string, string> = {};
    const basic = this.basic();
    if (basic) headers.authorization = basic;
    let res: Response;
    try {
      res = await this.doFetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      throw new RegistryError(`Could not reach the token service ${url.origin} of ${this.registry} for ${what}.`, 0, { cause: error });
    }
    if (!res.ok) {
      throw new RegistryError(`The token service of ${this.registry} refused ${what} (HTTP ${res.status}); check the credentials for ${this.registry}.`, res.status);
    }
    const body = (await res.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`The token service of ${this.registry} answered without a token for ${what}.`);
    const bearer = `Bearer ${token}`;
    if (this.authorization === bearer) return false;
    this.authorization = bearer;
    return true;
  }

  private async request(method: string, path: string, what: string, accept?: string): Promise<Response> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const headers: Record<string, string> = {};
      if (accept) headers.accept = accept;
      if (this.authorization) headers.authorization = this.authorization;
      let res: Response;
      try {
        res = await this.doFetch(`${this.base}${path}`, { method, headers, redirect: 'follow', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      } catch (error) {
        throw new RegistryError(`Could not reach ${this.base} for ${what}.`, 0, { cause: error });
      }
      if (res.status === 401 && (await this.authenticate(res.headers.get('www-authenticate'), what))) {
        await res.body?.cancel();
        continue;
      }
      return res;
    }
    throw new RegistryError(`${this.registry} kept refusing ${what} after authenticating; check the credentials.`, 401);
  }

  private async fail(res: Response, what: string): Promise<never> {
    const text = await res.text().catch(() => '');
    const hint = res.status === 401 || res.status === 403 ? ' Check the credentials for this registry.' : res.status === 404 ? ' It is not in the registry.' : '';
    throw new RegistryError(`${this.registry} answered HTTP ${res.status} for ${what}.${hint}${text ? ` ${text.slice(0, 300).trim()}` : ''}`, res.status);
  }

  /** The digest a tag (or digest) resolves to, from `Docker-Content-Digest` (or the body's sha256). */
  async resolve(repository: string, reference: string): Promise<string> {
    const what = `${repository}:${reference}`;
    const res = await this.request('HEAD', `/v2/${repository}/manifests/${reference}`, what, MANIFEST_TYPES.join(', '));
    if (!res.ok) return this.fail(res, what);
    const digest = res.headers.get('docker-content-digest');
    if (digest) return digest;
    return (await this.manifest(repository, reference)).digest;
  }

  async manifest(repository: string, reference: string): Promise<FetchedManifest> {
    const what = `the manifest ${repository}:${reference}`;
    const res = await this.request('GET', `/v2/${repository}/manifests/${reference}`, what, MANIFEST_TYPES.join(', '));
    if (!res.ok) return this.fail(res, what);
    const raw = Buffer.from(await res.arrayBuffer());
    const digest = res.headers.get('docker-content-digest') ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
    const manifest = JSON.parse(raw.toString('utf8')) as Manifest;
    const mediaType = manifest.mediaType ?? res.headers.get('content-type')?.split(';')[0] ?? '';
    return { digest, mediaType, manifest };
  }

  async blobJson<T>(repository: string, digest: string): Promise<T> {
    const what = `the blob ${repository}@${digest}`;
    const res = await this.request('GET', `/v2/${repository}/blobs/${digest}`, what);
    if (!res.ok) return this.fail(res, what);
    return (await res.json()) as T;
  }

  /** Every tag of the repository, following `Link` pagination (`pageSize` asks for pages of that many). */
  async tags(repository: string, pageSize?: number): Promise<string[]> {
    const tags: string[] = [];
    let path: string | undefined = `/v2/${repository}/tags/list${pageSize ? `?n=${pageSize}` : ''}`;
    while (path) {
      const res = await this.request('GET', path, `the tags of ${repository}`);
      if (!res.ok) return this.fail(res, `the tags of ${repository}`);
      const body = (await res.json()) as { tags?: string[] | null };
      tags.push(...(body.tags ?? []));
      const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '');
      // the next page's link is a path, or a full URL on the same registry
      path = next ? next[1]!.replace(/^https?:\/\/[^/]+/, '') : undefined;
    }
    return tags;
  }
}

export interface PlatformImage {
  platform: string;
  digest: string;
  /** Config plus layers, as stored (compressed) in the registry. */
  size: number;
}

/** The platforms behind a digest (one for an image, each entry for an index) with their stored sizes. */
export async function describeImage(client: RegistryClient, repository: string, digest: string): Promise<PlatformImage[]> {
  const top = await client.manifest(repository, digest);
  const sizeOf = (m: Manifest) => (m.config?.size ?? 0) + (m.layers ?? []).reduce((n, l) => n + l.size, 0);
  if (!top.manifest.manifests) {
    const config = top.manifest.config ? await client.blobJson<{ os?: string; architecture?: string; variant?: string }>(repository, top.manifest.config.digest) : {};
    const platform = [config.os, config.architecture, config.variant].filter(Boolean).join('/');
    return [{ platform, digest: top.digest, size: sizeOf(top.manifest) }];
  }
  const out: PlatformImage[] = [];
  for (const entry of top.manifest.manifests) {
    const child = await client.manifest(repository, entry.digest);
    const p = entry.platform;
    out.push({ platform: p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown', digest: entry.digest, size: sizeOf(child.manifest) });
  }
  return out;
}
