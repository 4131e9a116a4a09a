/**
 * A small HTTP client on node:http and node:https for the registry client: one request, the whole body
 * read, redirects followed, a time limit. It answers with the part of the fetch Response the registry
 * client uses, so `fetch` itself can still be passed in. Node's global fetch would do the work, but
 * loading it costs more than the check itself in a short process (about 50 to 200 ms on a cold start
 * here, against about 20 ms for the same request through node:http).
 */
import type * as Http from 'node:http';

/**
 * node:http or node:https, loaded on first use and without an ESM namespace: building the namespace of
 * node:http reads its lazy exports, which loads Node's fetch implementation, the very cost avoided here;
 * node:https (with TLS) is only loaded for an https address.
 */
function clientFor(protocol: string): typeof import('node:http') | typeof import('node:https') | undefined {
  if (protocol === 'http:') return process.getBuiltinModule('node:http');
  if (protocol === 'https:') return process.getBuiltinModule('node:https');
  return undefined;
}

export interface HttpResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Ends the request (and rejects) when aborted. */
  signal?: AbortSignal;
}

export type HttpFetch = (url: string | URL, init?: HttpRequest) => Promise<HttpResponse>;

const TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 5;

function once(url: URL, method: string, headers: Record<string, string>, signal?: AbortSignal): Promise<{ status: number; headers: Http.IncomingHttpHeaders; body: Buffer }> {
  const client = clientFor(url.protocol);
  if (!client) return Promise.reject(new TypeError(`Only http and https addresses can be read, not ${url.protocol} (${url.origin}).`));
  if (signal?.aborted) return Promise.reject(new Error(`The request to ${url.origin} was cancelled.`));
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method, headers, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        signal?.removeEventListener('abort', cancel);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    function fail(error: Error) {
      signal?.removeEventListener('abort', cancel);
      reject(error);
    }
    function cancel() {
      req.destroy(new Error(`The request to ${url.origin} was cancelled.`));
    }
    signal?.addEventListener('abort', cancel, { once: true });
    req.on('timeout', () => req.destroy(new Error(`${url.origin} did not answer within ${TIMEOUT_MS / 1000} s.`)));
    req.on('error', fail);
    req.end();
  });
}

/** One request, following up to five redirects (credentials are not sent to another origin). */
export const httpFetch: HttpFetch = async (address, init = {}) => {
  let url = new URL(address);
  let method = (init.method ?? 'GET').toUpperCase();
  let headers = { ...init.headers };
  for (let hop = 0; ; hop++) {
    const answer = await once(url, method, headers, init.signal);
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && answer.status !== 304 && location && hop < MAX_REDIRECTS) {
      const next = new URL(location, url);
      if (next.origin !== url.origin) headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
      if (answer.status === 303 && method !== 'HEAD') method = 'GET';
      url = next;
      continue;
    }
    const { status, body } = answer;
    return {
      ok: status >= 200 && status < 300,
      status,
      headers: {
        get(name: string): string | null {
          const value = answer.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
      },
      json: async () => JSON.parse(body.toString('utf8')) as unknown,
      text: async () => body.toString('utf8'),
      arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    };
  }
};
