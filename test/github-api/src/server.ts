/**
 * `startGitHubApi()`: a GitHub REST API stand-in on 127.0.0.1 for tests. Requests are routed by the paths of
 * GitHub's OpenAPI description, their parameters and bodies checked against it (a bad one is answered 422 and
 * recorded in `violations`), and every answer is checked against the operation's response schema too.
 * Faults can be injected per route. `close()` destroys open connections, and the server closes itself after
 * `lifetimeMs` in case a test forgets.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { authenticate, checkInstallationAccess, type Credential } from './auth.ts';
import { appRouteProblem } from './endpoints/apps.ts';
import { endpoints, rootEndpoints } from './endpoints/index.ts';
import { ApiError, DOCS_URL, type Answer } from './handler.ts';
import { checkParameters, checkRequestBody, checkResponseBody, operations, type Operation, type SchemaProblem } from './openapi.ts';
import type { Urls } from './resources.ts';
import { GitHubState } from './state.ts';

export type Fault = '5xx' | 'secondary-rate-limit' | 'rate-limit' | 'already-exists' | 'drop';

export interface FaultSpec {
  method: string;
  /** The route's path template as in GitHub's description (`/repos/{owner}/{repo}/git/refs`), or a concrete path. */
  path: string;
  fault: Fault;
  /** How many matching requests get the fault. Default 1. */
  times?: number;
  /** Seconds sent in `retry-after` (secondary rate limit) or until `x-ratelimit-reset` (rate limit). Default 1. */
  retryAfter?: number;
  /** Status of a `5xx` fault. Default 502. */
  status?: number;
}

export interface RequestLogEntry {
  method: string;
  /** The path as requested (with the query string). */
  path: string;
  operationId?: string;
  /** 0 when the connection was dropped. */
  status: number;
  body: unknown;
  fault?: Fault;
  /** The client's `user-agent` header. */
  userAgent?: string;
  /**
   * Who made the request: `token` (any token the stand-in did not issue, taken as a personal or workflow
   * token), `app` (a verified App JWT) or `installation` (an installation token the stand-in issued).
   * Unset when the request had no credential or one that was refused.
   */
  auth?: Credential;
}

export interface Violation {
  method: string;
  path: string;
  operationId?: string;
  /**
   * `request`: a bad parameter or body; `response`: the stand-in answered outside the schema; `route`: not
   * served; `internal`: the stand-in failed (answered 500).
   */
  kind: 'request' | 'response' | 'route' | 'internal';
  status?: number;
  problems: SchemaProblem[];
}

export interface GitHubApi {
  /** REST root, e.g. `http://127.0.0.1:41234`: the `baseUrl` of a client, or `GITHUB_API_URL`. */
  url: string;
  state: GitHubState;
  requests: RequestLogEntry[];
  violations: Violation[];
  inject(spec: FaultSpec): void;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Web root used in `html_url` fields. Default https://github.com. */
  htmlUrl?: string;
  /** The server closes itself after this long. Default 10 minutes. */
  lifetimeMs?: number;
  /** A path the REST root sits under, as on GitHub Enterprise Server (`/api/v3`). Default none. */
  pathPrefix?: string;
}

const MAX_BODY = 5 * 1024 * 1024;

interface PendingFault extends FaultSpec {
  remaining: number;
}

export async function startGitHubApi(options: StartOptions = {}): Promise<GitHubApi> {
  const routes = operations([...Object.keys(endpoints), ...Object.keys(rootEndpoints)]);
  const state = new GitHubState();
  const requests: RequestLogEntry[] = [];
  const violations: Violation[] = [];
  const faults: PendingFault[] = [];
  const sockets = new Set<Socket>();
  const urls: Urls = { api: '', html: (options.htmlUrl ?? 'https://github.com').replace(/\/+$/, '') };
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        serve(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        // A fault of the stand-in itself: answer 500 and make the test see it.
        const entry = requests.at(-1);
        if (entry) entry.status = 500;
        violations.push({ method: req.method ?? '', path: req.url ?? '', kind: 'internal', status: 500, problems: [{ field: '', message: String(error) }] });
        send(res, 500, { message: `The GitHub API stand-in failed: ${String(error)}` });
      }
    });
  });

  function serve(req: http.IncomingMessage, res: http.ServerResponse, text: string): void {
    const method = req.method ?? 'GET';
    const target = new URL(req.url ?? '/', 'http://stand-in');
    if (prefix && target.pathname.startsWith(`${prefix}/`)) target.pathname = target.pathname.slice(prefix.length);
    else if (prefix) target.pathname = `/outside-the-api-root${target.pathname}`;
    const entry: RequestLogEntry = { method, path: `${target.pathname}${target.search}`, status: 0, body: undefined, userAgent: req.headers['user-agent'] };
    requests.push(entry);
    const answer = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      send(res, status, body, headers);
    };

    let body: unknown = {};
    if (text.trim()) {
      try {
        body = JSON.parse(text);
      } catch {
        return answer(400, { message: 'Problems parsing JSON', documentation_url: DOCS_URL });
      }
    }
    entry.body = text.trim() ? body : undefined;

    const match = route(routes, method, target.pathname);
    if (!match) {
      violations.push({ method, path: entry.path, kind: 'route', problems: [{ field: 'path', message: `${method} ${target.pathname} is not served by the GitHub API stand-in` }] });
      return answer(404, { message: 'Not Found', documentation_url: DOCS_URL });
    }
    const { op, raw } = match;
    entry.operationId = op.operationId;
    if (!req.headers.authorization) return answer(401, { message: 'Requires authentication', documentation_url: DOCS_URL });
    let auth: Credential;
    try {
      auth = authenticate(state, req.headers.authorization);
      const refused = appRouteProblem(op.operationId, auth);
      if (refused) throw refused;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return answer(error.status, { message: error.message, documentation_url: DOCS_URL });
    }
    entry.auth = auth;

    const fault = takeFault(faults, method, op.template, target.pathname);
    if (fault) {
      entry.fault = fault.fault;
      if (fault.fault === 'drop') {
        req.socket.destroy();
        return;
      }
      const [status, faultBody, headers] = faultAnswer(fault, op);
      return answer(status, faultBody, headers);
    }

    for (const [key, value] of target.searchParams) raw[key] = value;
    const params = checkParameters(op, raw);
    const bodyProblems = op.requestSchema ? checkRequestBody(op, body) : [];
    const problems = [...params.problems, ...bodyProblems];
    if (problems.length > 0) {
      violations.push({ method, path: entry.path, operationId: op.operationId, kind: 'request', problems });
      return answer(422, { message: 'Invalid request.', errors: problems.map((p) => ({ code: 'invalid', field: p.field, message: p.message })), documentation_url: DOCS_URL });
    }

    let result: Answer;
    try {
      const context = { state, urls, params: params.values, body: body as Record<string, unknown>, auth };
      const root = rootEndpoints[op.operationId];
      if (root) result = root(context);
      else {
        const repository = state.repository(String(params.values.owner ?? ''), String(params.values.repo ?? ''));
        if (!repository) throw new ApiError(404, 'Not Found');
        if (auth.kind === 'installation') checkInstallationAccess(state, auth, op.operationId, method, repository.owner, repository.repo);
        result = endpoints[op.operationId]!({ ...context, repository });
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      result = { status: error.status, body: { message: error.message, ...(error.errors ? { errors: error.errors } : {}), documentation_url: DOCS_URL } };
    }

    const headers: Record<string, string> = {};
    let responseBody = result.body;
    if (result.list) {
      const page = paginate(result.list, params.values, target);
      responseBody = page.items;
      if (page.link) headers.link = page.link;
    }
    const responseProblems = responseBody === undefined ? [] : checkResponseBody(op, result.status, responseBody);
    if (responseProblems.length > 0) {
      violations.push({ method, path: entry.path, operationId: op.operationId, kind: 'response', status: result.status, problems: responseProblems });
    }
    answer(result.status, responseBody, headers);
  }

  function paginate(list: unknown[], values: Record<string, unknown>, target: URL): { items: unknown[]; link?: string } {
    const perPage = Math.min(100, Number(values.per_page ?? 30));
    const page = Math.max(1, Number(values.page ?? 1));
    const items = list.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(list.length / perPage));
    if (last === 1) return { items };
    const at = (n: number): string => {
      const url = new URL(urls.api + target.pathname + target.search);
      url.searchParams.set('per_page', String(perPage));
      url.searchParams.set('page', String(n));
      return url.toString();
    };
    const links: string[] = [];
    if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
    if (page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`);
    return { items, link: links.join(', ') };
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  urls.api = `http://127.0.0.1:${port}${prefix}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };
  const lifetime = setTimeout(() => void close(), options.lifetimeMs ?? 10 * 60_000);
  lifetime.unref();

  return {
    url: urls.api,
    state,
    requests,
    violations,
    inject(spec) {
      faults.push({ ...spec, method: spec.method.toUpperCase(), remaining: spec.times ?? 1 });
    },
    close,
  };
}

function route(routes: Operation[], method: string, pathname: string): { op: Operation; raw: Record<string, string> } | undefined {
  for (const op of routes) {
    if (op.method !== method) continue;
    const m = op.regex.exec(pathname);
    if (!m) continue;
    const raw: Record<string, string> = {};
    op.names.forEach((name, i) => {
      raw[name] = decodeURIComponent(m[i + 1]!);
    });
    return { op, raw };
  }
  return undefined;
}

function takeFault(faults: PendingFault[], method: string, template: string, pathname: string): PendingFault | undefined {
  const fault = faults.find((f) => f.remaining > 0 && f.method === method && (f.path === template || f.path === pathname));
  if (fault) fault.remaining--;
  return fault;
}

function faultAnswer(fault: PendingFault, op: Operation): [number, unknown, Record<string, string>] {
  const retryAfter = fault.retryAfter ?? 1;
  switch (fault.fault) {
    case '5xx':
      return [fault.status ?? 502, { message: 'Server Error' }, {}];
    case 'secondary-rate-limit':
      return [403, {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      }, { 'retry-after': String(retryAfter) }];
    case 'rate-limit':
      return [403, { message: 'API rate limit exceeded.', documentation_url: DOCS_URL }, {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + retryAfter),
      }];
    default: {
      const [resource, field] = ALREADY_EXISTS[op.operationId] ?? ['Resource', 'name'];
      return [422, { message: 'Validation Failed', errors: [{ resource, code: 'already_exists', field }], documentation_url: DOCS_URL }, {}];
    }
  }
}

/** The resource and field GitHub names in an `already_exists` error, per operation. */
const ALREADY_EXISTS: Record<string, [string, string]> = {
  'git/create-ref': ['Reference', 'ref'],
  'git/update-ref': ['Reference', 'ref'],
  'git/create-tag': ['Tag', 'tag'],
  'repos/create-release': ['Release', 'tag_name'],
  'repos/update-release': ['Release', 'tag_name'],
  'pulls/create': ['PullRequest', 'head'],
  'repos/create-deployment': ['Deployment', 'ref'],
  'issues/create-comment': ['IssueComment', 'body'],
};

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = body === undefined || status === 204 ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': String(Buffer.byteLength(text)),
    'x-github-media-type': 'github.v3; format=json',
    ...headers,
  });
  res.end(text);
}
