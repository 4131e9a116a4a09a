/**
 * A small OCI distribution client: does a manifest exist, and what is its digest. `HEAD
 * /v2/<name>/manifests/<reference>` with the OCI and Docker manifest types accepted; the digest is the
 * `Docker-Content-Digest` header (or the sha256 of the body when a registry leaves it out). Registries
 * that answer 401 with a `Bearer` challenge get a token from the realm (anonymous, or with the
 * credentials given) and are asked again.
 */
import { createHash } from 'node:crypto';
import { ConveyorError } from '@conveyor/kit';
import { httpFetch, type HttpFetch, type HttpResponse } from './http.ts';
import { parseReference, type ImageReference } from './reference.ts';

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

export class RegistryError extends ConveyorError {}

export interface RegistryOptions {
  username?: string;
  password?: string;
  /** Use http:// instead of https:// (default: only for 127.0.0.1, localhost and [::1]). */
  plainHttp?: boolean;
  /** How requests are made (default: `httpFetch`, on node:http; the global `fetch` also fits). */
  fetch?: HttpFetch;
}

/** Parses `Bearer realm="…",service="…",scope="…"` (and `Basic realm="…"`). */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  for (const m of header.slice(space + 1).matchAll(/([a-zA-Z_]+)="([^"]*)"/g)) params[m[1]!.toLowerCase()] = m[2]!;
  return { scheme, params };
}

function isLoopback(host: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(host);
}

export class RegistryClient {
  private readonly options: RegistryOptions;
  private readonly tokens = new Map<string, string>();

  constructor(options: RegistryOptions = {}) {
    this.options = options;
  }

  private base(ref: ImageReference): string {
    const plain = this.options.plainHttp ?? isLoopback(ref.registry);
    return `${plain ? 'http' : 'https'}://${ref.registry}`;
  }

  private basic(): string | undefined {
    const { username, password } = this.options;
    if (!username && !password) return undefined;
    return `Basic ${Buffer.from(`${username ?? ''}:${password ?? ''}`).toString('base64')}`;
  }

  private async token(challenge: Record<string, string>, image: string, signal?: AbortSignal): Promise<string> {
    const realm = challenge.realm;
    if (!realm) throw new RegistryError(`The registry asked for a token for ${image} but named no realm to get it from.`);
    const url = new URL(realm);
    if (challenge.service) url.searchParams.set('service', challenge.service);
    if (challenge.scope) url.searchParams.set('scope', challenge.scope);
    const cached = this.tokens.get(url.href);
    if (cached) return cached;
    const headers: Record<string, string> = {};
    const basic = this.basic();
    if (basic) headers.authorization = basic;
    const res = await (this.options.fetch ?? httpFetch)(url, { headers, ...(signal ? { signal } : {}) });
    if (!res.ok) {
      throw new RegistryError(`The registry's token service ${url.origin}${url.pathname} refused a token for ${image} (HTTP ${res.status}); check the registry credentials.`);
    }
    const body = (await res.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`The registry's token service ${url.origin}${url.pathname} answered without a token for ${image}.`);
    this.tokens.set(url.href, token);
    return token;
  }

  /**
   * The digest of `image` at `reference` (a tag or a digest), or undefined when the registry does not have
   * it (404). Other failures throw `RegistryError` naming the image. `signal` cancels the requests.
   */
  async manifestDigest(image: string, reference: string, options: { signal?: AbortSignal } = {}): Promise<string | undefined> {
    const { signal } = options;
    const ref = parseReference(image);
    const url = `${this.base(ref)}/v2/${ref.repository}/manifests/${encodeURIComponent(reference)}`;
    const shown = `${image}${reference.startsWith('sha256:') ? '@' : ':'}${reference}`;
    const doFetch = this.options.fetch ?? httpFetch;
    let authorization: string | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      const headers: Record<string, string> = { accept: MANIFEST_TYPES.join(', ') };
      if (authorization) headers.authorization = authorization;
      let res: HttpResponse;
      try {
        res = await doFetch(url, { method: 'HEAD', headers, ...(signal ? { signal } : {}) });
      } catch (error) {
        throw new RegistryError(`The registry ${ref.registry} could not be reached to check ${shown}; check the image name and the network.`, { cause: error });
      }
      if (res.status === 401 && attempt === 0) {
        const challenge = parseChallenge(res.headers.get('www-authenticate') ?? '');
        if (challenge.scheme === 'bearer') authorization = `Bearer ${await this.token(challenge.params, image, signal)}`;
        else if (challenge.scheme === 'basic' && this.basic()) authorization = this.basic();
        else throw new RegistryError(`The registry ${ref.registry} needs credentials to read ${shown}; give registry-username and registry-password.`);
        continue;
      }
      if (res.status === 404) return undefined;
      if (!res.ok) throw new RegistryError(`The registry ${ref.registry} answered HTTP ${res.status} for ${shown}; check the image name and credentials.`);
      const digest = res.headers.get('docker-content-digest');
      if (digest) return digest;
      const body = await doFetch(url, { headers, ...(signal ? { signal } : {}) });
      if (!body.ok) throw new RegistryError(`The registry ${ref.registry} answered HTTP ${body.status} when reading ${shown}.`);
      return `sha256:${createHash('sha256').update(Buffer.from(await body.arrayBuffer())).digest('hex')}`;
    }
    throw new RegistryError(`The registry ${ref.registry} refused the credentials for ${shown} (HTTP 401); check registry-username and registry-password.`);
  }
}
