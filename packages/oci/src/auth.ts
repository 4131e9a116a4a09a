/**
 * Registry authentication as the distribution spec and Docker's token protocol describe it: a 401 names
 * its scheme in `WWW-Authenticate`. `Basic` takes the credentials; `Bearer realm=…,service=…,scope=…`
 * sends the client to the realm (anonymously, or with the credentials as basic auth) for a token, which is
 * then sent as `Authorization: Bearer <token>`. Tokens are kept per realm, service and scope.
 */
import { ConveyorError } from '@conveyor/kit';
import type { HttpFetch, HttpResponse } from './http.ts';
import { isLoopbackRegistry } from './reference.ts';

export interface Credentials {
  username: string;
  password: string;
}

/** A registry (or its token service) could not be reached, refused, or answered something unusable. */
export class RegistryError extends ConveyorError {
  /** The HTTP status that caused it; 0 when there was no answer. */
  readonly status: number;
  constructor(message: string, status = 0, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}

/** Parses `Bearer realm="…",service="…",scope="…"` (or `Basic realm="…"`); parameter names lower-cased. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const text = header.trim();
  const space = text.indexOf(' ');
  const scheme = (space === -1 ? text : text.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  const re = /([a-zA-Z_]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const m of (space === -1 ? '' : text.slice(space + 1)).matchAll(re)) {
    params[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
  }
  return { scheme, params };
}

export function basicAuthorization(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

export interface Challenged {
  /** The canonical registry name, for messages. */
  registry: string;
  /** The request being answered, for messages, e.g. `the manifest ghcr.io/acme/web:1.0.0`. */
  what: string;
  /** The `WWW-Authenticate` header of the 401. */
  challenge: string | null;
  /** The `Authorization` header the refused request carried. */
  sent: string | undefined;
  credentials: Credentials | undefined;
  signal?: AbortSignal;
}

/** Bearer tokens by token URL (realm, service and scope), shared by every repository of a client. */
export class TokenCache {
  private readonly tokens = new Map<string, string>();
  private readonly fetch: HttpFetch;

  constructor(fetch: HttpFetch) {
    this.fetch = fetch;
  }

  /**
   * The `Authorization` header that answers a 401, or undefined when there is none to try: no challenge,
   * an unknown scheme, Basic without credentials, or the same header the registry has just refused.
   * A cached token that was refused is dropped and a fresh one asked for once.
   */
  async answer(c: Challenged): Promise<string | undefined> {
    if (!c.challenge) return undefined;
    const { scheme, params } = parseChallenge(c.challenge);
    if (scheme === 'basic') {
      const basic = c.credentials ? basicAuthorization(c.credentials) : undefined;
      return basic === c.sent ? undefined : basic;
    }
    if (scheme !== 'bearer') return undefined;
    if (!params.realm) throw new RegistryError(`The registry ${c.registry} asked for a token for ${c.what} but named no realm to get it from.`, 401);
    let url: URL;
    try {
      url = new URL(params.realm);
    } catch (error) {
      throw new RegistryError(`The registry ${c.registry} named a token realm that is not an address (${JSON.stringify(params.realm)}) for ${c.what}.`, 401, { cause: error });
    }
    if (params.service) url.searchParams.set('service', params.service);
    if (params.scope) url.searchParams.set('scope', params.scope);
    const cached = this.tokens.get(url.href);
    if (cached !== undefined && `Bearer ${cached}` !== c.sent) return `Bearer ${cached}`;
    const bearer = `Bearer ${await this.fetchToken(url, c)}`;
    return bearer === c.sent ? undefined : bearer;
  }

  private async fetchToken(url: URL, c: Challenged): Promise<string> {
    if (c.credentials && url.protocol !== 'https:' && !isLoopbackRegistry(url.host)) {
      throw new RegistryError(`The registry ${c.registry} sends ${c.what} to the token service ${url.origin}${url.pathname} without TLS; the credentials are not sent there in clear text. Use the registry's https address, or leave the credentials out for anonymous access.`, 401);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (c.credentials) headers.authorization = basicAuthorization(c.credentials);
    const service = `${url.origin}${url.pathname}`;
    let res: HttpResponse;
    try {
      res = await this.fetch(url, { headers, ...(c.signal ? { signal: c.signal } : {}) });
    } catch (error) {
      throw new RegistryError(`Could not reach the token service ${service} of ${c.registry} for ${c.what}: ${(error as Error).message}`, 0, { cause: error });
    }
    if (!res.ok) {
      const advice = c.credentials ? `check the credentials for ${c.registry}` : `${c.registry} may need credentials for it`;
      throw new RegistryError(`The token service of ${c.registry} (${service}) refused ${c.what} (HTTP ${res.status}); ${advice}.`, res.status);
    }
    let body: { token?: unknown; access_token?: unknown };
    try {
      body = (await res.json()) as typeof body;
    } catch (error) {
      throw new RegistryError(`The token service of ${c.registry} (${service}) answered ${c.what} with something that is not JSON.`, res.status, { cause: error });
    }
    const token = typeof body?.token === 'string' && body.token ? body.token : typeof body?.access_token === 'string' ? body.access_token : '';
    if (!token) throw new RegistryError(`The token service of ${c.registry} (${service}) answered without a token for ${c.what}.`, res.status);
    this.tokens.set(url.href, token);
    return token;
  }
}
