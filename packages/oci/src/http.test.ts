import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as http from 'node:http';
import { httpFetch } from './http.ts';

/** Two servers on 127.0.0.1 (two origins): each records what it was asked and answers by path. */
function server(seen: string[], name: string): Promise<{ url: string; close(): Promise<void> }> {
  const s = http.createServer((req, res) => {
    seen.push(`${name} ${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
    const [, kind, where] = /^\/(\w+)(?:\/(.*))?$/.exec(req.url ?? '') ?? [];
    if (kind === 'go') {
      res.writeHead(307, { location: decodeURIComponent(where ?? '') });
      res.end();
    } else if (kind === 'json') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-two': ['a', 'b'] });
      res.end('{"token":"t"}');
    } else {
      res.writeHead(404, { 'docker-content-digest': 'sha256:none' });
      res.end('missing');
    }
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => s.close(() => done())) });
  }));
}

describe('httpFetch', () => {
  const seen: string[] = [];
  let a: Awaited<ReturnType<typeof server>>;
  let b: Awaited<ReturnType<typeof server>>;
  beforeAll(async () => {
    a = await server(seen, 'a');
    b = await server(seen, 'b');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('reads status, headers and a JSON body', async () => {
    const res = await httpFetch(`${a.url}/json`, { headers: { authorization: 'Bearer x' } });
    expect([res.ok, res.status, res.headers.get('Content-Type'), res.headers.get('x-two'), res.headers.get('x-none')]).toEqual([true, 200, 'application/json', 'a, b', null]);
    expect(await res.json()).toEqual({ token: 't' });
    expect(await res.text()).toBe('{"token":"t"}');
  });

  it('answers a HEAD request with its headers, and a 404 as not ok', async () => {
    const res = await httpFetch(`${a.url}/nothing`, { method: 'HEAD' });
    expect([res.ok, res.status, res.headers.get('docker-content-digest')]).toEqual([false, 404, 'sha256:none']);
    expect(Buffer.from(await res.arrayBuffer()).length).toBe(0);
  });

  it('follows redirects, keeping credentials on the same origin and dropping them on another', async () => {
    seen.length = 0;
    const same = await httpFetch(`${a.url}/go/${encodeURIComponent('/json')}`, { headers: { authorization: 'Bearer x' } });
    expect(same.status).toBe(200);
    const other = await httpFetch(`${a.url}/go/${encodeURIComponent(`${b.url}/json`)}`, { method: 'HEAD', headers: { authorization: 'Bearer x' } });
    expect(other.status).toBe(200);
    expect(seen.map((l) => l.replace(/\/go\/.*? /, '/go '))).toEqual([
      'a GET /go Bearer x', 'a GET /json Bearer x',
      'a HEAD /go Bearer x', 'b HEAD /json -',
    ]);
  });

  it('refuses an address that is not http or https, naming it', async () => {
    await expect(httpFetch('file:///etc/passwd')).rejects.toThrow('Only http and https addresses can be read, not file:');
  });

  it('rejects when nothing listens', async () => {
    const gone = await server([], 'c');
    await gone.close();
    await expect(httpFetch(`${gone.url}/json`)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('httpFetch cancelled', () => {
  it('rejects a request still waiting for its answer when the signal aborts, and one aborted before it starts', async () => {
    let arrived!: () => void;
    const asked = new Promise<void>((resolve) => { arrived = resolve; });
    const held: http.ServerResponse[] = [];
    const s = http.createServer((_req, res) => { held.push(res); arrived(); });
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(s.address() as { port: number }).port}/slow`;
      const controller = new AbortController();
      const pending = httpFetch(url, { signal: controller.signal });
      await asked;
      controller.abort();
      await expect(pending).rejects.toThrow(`The request to http://127.0.0.1:${(s.address() as { port: number }).port} was cancelled.`);
      await expect(httpFetch(url, { signal: AbortSignal.abort() })).rejects.toThrow('was cancelled');
    } finally {
      for (const res of held) res.destroy();
      await new Promise((resolve) => s.close(resolve));
    }
  });
});
