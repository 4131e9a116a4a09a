/** What an endpoint handler receives and returns. */
import type { Credential } from './auth.ts';
import type { Urls } from './resources.ts';
import type { GitHubState, RepositoryRecord } from './state.ts';

export const DOCS_URL = 'https://docs.github.com/rest';

/** An answer other than success: GitHub's error body `{ message, errors?, documentation_url }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: unknown[] | undefined;
  constructor(status: number, message: string, errors?: unknown[]) {
    super(message);
    this.status = status;
    this.errors = errors;
  }
}

export const notFound = (): ApiError => new ApiError(404, 'Not Found');

/** GitHub's 422 `Validation Failed` with one error object. */
export function validationFailed(resource: string, code: string, field?: string, message?: string): ApiError {
  return new ApiError(422, 'Validation Failed', [{ resource, code, ...(field ? { field } : {}), ...(message ? { message } : {}) }]);
}

/** What a handler of a route outside `/repos/{owner}/{repo}` (such as `/app/...`, `/installation/...`) receives. */
export interface RootContext {
  state: GitHubState;
  urls: Urls;
  /** Path and query parameters, converted to their schema types, with defaults. */
  params: Record<string, unknown>;
  /** The parsed JSON body (already checked against the schema). */
  body: Record<string, unknown>;
  /** Who made the request. */
  auth: Credential;
}

export interface Context extends RootContext {
  /** The repository of `/repos/{owner}/{repo}/...` (the request was answered 404 when it is unknown). */
  repository: RepositoryRecord;
}

export interface Answer {
  status: number;
  body?: unknown;
  /** A list to be cut into pages by `per_page` and `page` (with a `Link` header), instead of `body`. */
  list?: unknown[];
}

export type Handler = (context: Context) => Answer;
export type RootHandler = (context: RootContext) => Answer;

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const bool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
