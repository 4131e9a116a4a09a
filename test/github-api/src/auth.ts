/**
 * Who made a request. Like GitHub, the stand-in takes `Authorization: token X` or `Bearer X`; a value with
 * three dot-separated parts is a JWT and is verified as an App's (RS256 signature against the public key
 * registered for its `iss`, `iat` and `exp` checked), an installation token the stand-in issued is accepted
 * until it expires or is revoked, and any other value is taken as a personal or workflow token (the
 * stand-in keeps no users).
 */
import * as crypto from 'node:crypto';
import { ApiError } from './handler.ts';
import type { AppRecord, GitHubState, InstallationRecord, InstallationTokenRecord, PermissionLevel } from './state.ts';

/** The credential of a request, as recorded in `api.requests[].auth`. */
export type Credential =
  | { kind: 'token'; token: string }
  | { kind: 'app'; token: string; appId: number }
  | { kind: 'installation'; token: string; appId: number; installationId: number };

/** GitHub's answers to a JWT it refuses (all 401). */
export const JWT_MESSAGES = {
  undecodable: 'A JSON web token could not be decoded',
  iat: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.",
  expired: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.",
  tooLong: "'Expiration time' claim ('exp') is too far in the future",
} as const;

/** The longest life GitHub accepts for an App's JWT, in seconds (exp - iat). */
export const JWT_MAX_LIFETIME = 600;
/** How far in the future `iat` may be (clock drift) before GitHub refuses it, in seconds. */
const IAT_LEEWAY = 60;

const unauthorized = (message: string): ApiError => new ApiError(401, message);

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Verifies an App's JWT and returns its app; throws GitHub's 401 answer otherwise. `nowSeconds` is for tests. */
export function verifyAppJwt(state: GitHubState, jwt: string, nowSeconds = Math.floor(Date.now() / 1000)): AppRecord {
  const parts = jwt.split('.');
  if (parts.length !== 3) throw unauthorized(JWT_MESSAGES.undecodable);
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodePart(headerPart);
  const payload = decodePart(payloadPart);
  if (!header || !payload || header.alg !== 'RS256') throw unauthorized(JWT_MESSAGES.undecodable);
  // `iss` is the App's id (a number, or its digits as a string) or its client id.
  const iss = payload.iss;
  const app = state.apps.find((a) => (typeof iss === 'number' && a.id === iss) || (typeof iss === 'string' && (iss === String(a.id) || iss === a.clientId)));
  if (!app) throw unauthorized(JWT_MESSAGES.undecodable);
  const signed = Buffer.from(`${headerPart}.${payloadPart}`);
  const good = crypto.verify('RSA-SHA256', signed, app.publicKey, Buffer.from(signaturePart, 'base64url'));
  if (!good) throw unauthorized(JWT_MESSAGES.undecodable);
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > nowSeconds + IAT_LEEWAY) throw unauthorized(JWT_MESSAGES.iat);
  if (typeof exp !== 'number' || !Number.isInteger(exp) || exp <= nowSeconds) throw unauthorized(JWT_MESSAGES.expired);
  if (exp - iat > JWT_MAX_LIFETIME) throw unauthorized(JWT_MESSAGES.tooLong);
  return app;
}

/** Reads the `authorization` header; throws GitHub's 401 for a refused JWT or a dead installation token. */
export function authenticate(state: GitHubState, header: string): Credential {
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header);
  const token = match ? match[1]! : header.trim();
  if (token.split('.').length === 3) return { kind: 'app', token, appId: verifyAppJwt(state, token).id };
  const issued = state.installationTokens.find((t) => t.token === token);
  if (issued) {
    if (issued.revoked || Date.parse(issued.expiresAt) <= Date.now()) throw unauthorized('Bad credentials');
    return { kind: 'installation', token, appId: issued.appId, installationId: issued.installationId };
  }
  return { kind: 'token', token };
}

/**
 * The permission an operation needs from an installation token, by GitHub's permission names: reading
 * needs `read`, anything else `write`. Operations not listed need nothing beyond `metadata: read`.
 */
const OPERATION_PERMISSIONS: [RegExp, string[]][] = [
  [/^git\//, ['contents']],
  [/^repos\/(create|get|update|delete|list)-release|^repos\/get-latest-release$|^repos\/get-release-by-tag$/, ['contents']],
  [/^pulls\//, ['pull_requests']],
  [/^issues\/.*comment/, ['issues', 'pull_requests']],
  [/^repos\/.*deployment/, ['deployments']],
  [/^repos\/.*commit-status/, ['statuses']],
];

const RANK: Record<PermissionLevel, number> = { read: 1, write: 2, admin: 3 };

/** Whether `granted` covers `wanted` (admin ⊇ write ⊇ read). */
export function covers(granted: PermissionLevel | undefined, wanted: PermissionLevel): boolean {
  return granted !== undefined && RANK[granted] >= RANK[wanted];
}

/**
 * Checks an installation token against a repository operation: the repository must be in the token's
 * scope (404 otherwise, as GitHub hides what a token cannot see) and the token must hold the permission
 * (403 `Resource not accessible by integration` otherwise).
 */
export function checkInstallationAccess(
  state: GitHubState, credential: Extract<Credential, { kind: 'installation' }>, operationId: string, method: string, owner: string, repo: string,
): void {
  const record = state.installationTokens.find((t) => t.token === credential.token) as InstallationTokenRecord;
  const installation = state.installations.find((i) => i.id === record.installationId) as InstallationRecord;
  if (!state.reaches(installation, record.repositories, owner, repo)) throw new ApiError(404, 'Not Found');
  const needed = OPERATION_PERMISSIONS.find(([pattern]) => pattern.test(operationId))?.[1];
  if (!needed) return;
  const level: PermissionLevel = method === 'GET' ? 'read' : 'write';
  if (!needed.some((name) => covers(record.permissions[name], level))) throw new ApiError(403, 'Resource not accessible by integration');
}
