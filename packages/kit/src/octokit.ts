/**
 * The one GitHub client every action uses: `@octokit/rest` with the retry plugin (5xx answers and network
 * errors are retried with a growing pause) and the throttling plugin (primary and secondary rate limits are
 * waited out, honouring `retry-after`). Create it once at the edge (`action.ts`) and pass it to domain code.
 */
import * as core from '@actions/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type BottleneckClass from 'bottleneck';
// @ts-expect-error -- bottleneck types its main entry only; light.js is the same class without Redis, and the one the plugins bundle.
import BottleneckLight from 'bottleneck/light.js';
import { InputError } from './errors.ts';

/** `@octokit/rest` with the retry and throttling plugins. */
export const ConveyorOctokit = /* @__PURE__ */ Octokit.plugin(retry, throttling);

/** The client type domain code receives. */
export type GitHubClient = InstanceType<typeof ConveyorOctokit>;

/**
 * Where the client's own messages go. By default rate-limit waits are warnings and the per-request lines
 * (including failed requests the caller may handle, such as an expected 404) are debug lines, so that a
 * handled error never becomes an annotation.
 */
export interface OctokitLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface CreateOctokitOptions {
  /** The token (usually the `github-token` input). Must not be empty. */
  token: string;
  /** REST API root. Default: env `GITHUB_API_URL` (set by the runner, also on GitHub Enterprise), else https://api.github.com. */
  baseUrl?: string;
  /** How many times a request is retried after a 5xx, a network error or a rate limit. Default 3. */
  retries?: number;
  /**
   * The length of one "second" in milliseconds, default 1000. It scales every pause the client makes: the
   * `retry-after` of a rate limit, the back-off between retries (1, 4, 9 s...) and the one-second spacing of
   * write requests. Tests against a local server set it to a few milliseconds.
   */
  retryAfterBaseMs?: number;
  log?: OctokitLog;
}

const Bottleneck = BottleneckLight as typeof BottleneckClass;
const DEFAULT_BASE_URL = 'https://api.github.com';
const SECOND_MS = 1000;

const runnerLog: OctokitLog = {
  debug: (message) => core.debug(message),
  info: (message) => core.debug(message),
  warn: (message) => core.warning(message),
  error: (message) => core.debug(message),
};

/** Creates the GitHub client. Throws an `InputError` naming `github-token` when the token is empty. */
export function createOctokit(options: CreateOctokitOptions): GitHubClient {
  const token = options.token.trim();
  if (!token) {
    throw new InputError([
      'Input `github-token` is empty: give it a token that can reach the repository (the default `${{ github.token }}` works inside a workflow).',
    ]);
  }
  return new ConveyorOctokit({ auth: token, ...clientOptions(options) });
}

/**
 * The constructor options every client shares (base URL, user agent, log, retry and throttling), without
 * the credential: `createOctokit` adds a token, `@conveyor/kit/app-token` an App's auth strategy.
 */
export function clientOptions(options: Omit<CreateOctokitOptions, 'token'>) {
  const baseUrl = (options.baseUrl || process.env.GITHUB_API_URL || DEFAULT_BASE_URL).replace(/\/+$/, '');
  const retries = options.retries ?? 3;
  const second = options.retryAfterBaseMs ?? SECOND_MS;
  const log = options.log ?? runnerLog;

  const waitOrGiveUp = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
    // `request.url` is the route template; fill in its parameters for the log line.
    const params = request as unknown as Record<string, unknown>;
    const what = `${request.method} ${request.url.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])))}`;
    if (retryCount >= retries) {
      log.warn(`GitHub ${kind} hit on ${what}; giving up after ${retries} retries.`);
      return false;
    }
    log.warn(`GitHub ${kind} hit on ${what}; retrying in ${retryAfter}s (retry ${retryCount + 1} of ${retries}).`);
    return true;
  };

  return {
    baseUrl,
    userAgent: 'conveyor',
    log,
    retry: { retries, retryAfterBaseValue: second },
    throttle: {
      retryAfterBaseValue: second,
      onRateLimit: waitOrGiveUp('rate limit'),
      onSecondaryRateLimit: waitOrGiveUp('secondary rate limit'),
      // The plugin spaces writes one second apart (GitHub's advice) in process-wide groups; with a scaled
      // second, this client gets its own groups spaced by that scale.
      ...(second === SECOND_MS ? {} : scaledGroups(second)),
    },
  };
}

function scaledGroups(second: number): Record<'write' | 'notifications' | 'search', BottleneckClass.Group> {
  return {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: second }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * second }),
    search: new Bottleneck.Group({ maxConcurrent: 1, minTime: 2 * second }),
  };
}
