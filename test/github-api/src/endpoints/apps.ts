/**
 * GitHub Apps: finding a repository's installation and minting an installation access token (both with the
 * App's JWT), and revoking a token (with the token itself). Like GitHub: an installation of another App is
 * 404; a token can be narrowed to some of the installation's repositories and permissions, never widened
 * (422); it expires an hour after issue; a revoked or expired token is `401 Bad credentials` everywhere.
 */
import * as crypto from 'node:crypto';
import type { Credential } from '../auth.ts';
import { covers } from '../auth.ts';
import { ApiError, notFound, type Context, type Handler, type RootContext, type RootHandler } from '../handler.ts';
import { owner, repository, type Urls } from '../resources.ts';
import { now, type AppRecord, type InstallationRecord, type PermissionLevel } from '../state.ts';

/** How long an installation token lives, as on GitHub. */
export const INSTALLATION_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A token in GitHub's installation-token shape: `ghs_` and 36 letters and digits. */
function newInstallationToken(): string {
  const bytes = crypto.randomBytes(36);
  return `ghs_${[...bytes].map((b) => BASE62[b % BASE62.length]).join('')}`;
}

/** The App a request authenticated as with its JWT; 401 as GitHub answers a non-JWT credential on these routes. */
function requireApp(c: RootContext): AppRecord {
  const auth: Credential = c.auth;
  const app = auth.kind === 'app' ? c.state.apps.find((a) => a.id === auth.appId) : undefined;
  if (!app) throw new ApiError(401, 'A JSON web token could not be decoded');
  return app;
}

function installationObject(urls: Urls, i: InstallationRecord, app: AppRecord): Record<string, unknown> {
  const account = owner(urls, i.account);
  return {
    id: i.id,
    account,
    repository_selection: i.repositories === 'all' ? 'all' : 'selected',
    access_tokens_url: `${urls.api}/app/installations/${i.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.html}/organizations/${encodeURIComponent(i.account)}/settings/installations/${i.id}`,
    app_id: app.id,
    client_id: app.clientId,
    target_id: account.id,
    target_type: 'Organization',
    permissions: i.permissions,
    events: [],
    created_at: i.createdAt,
    updated_at: i.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    app_slug: app.slug,
    suspended_by: null,
    suspended_at: null,
  };
}

const getRepoInstallation: Handler = (c: Context) => {
  const app = requireApp(c);
  const found = c.state.installations.find((i) => i.appId === app.id && c.state.reaches(i, 'all', c.repository.owner, c.repository.repo));
  if (!found) throw notFound();
  return { status: 200, body: installationObject(c.urls, found, app) };
};

const createInstallationAccessToken: RootHandler = (c: RootContext) => {
  const app = requireApp(c);
  const installation = c.state.installations.find((i) => i.id === c.params.installation_id && i.appId === app.id);
  if (!installation) throw notFound();
  // The token's repositories, by name or by id (GitHub takes both, and their union).
  const byName = Array.isArray(c.body.repositories) ? (c.body.repositories as string[]).map((name) => c.state.repository(installation.account, name)) : [];
  const byId = Array.isArray(c.body.repository_ids) ? (c.body.repository_ids as number[]).map((id) => c.state.repositories.find((r) => r.id === id)) : [];
  const scoped = Array.isArray(c.body.repositories) || Array.isArray(c.body.repository_ids);
  const records = [...byName, ...byId];
  if (records.some((r) => !r || !c.state.reaches(installation, 'all', r.owner, r.repo))) {
    throw new ApiError(422, 'There is at least one repository that does not exist or is not accessible to the parent installation.');
  }
  const requested = c.body.permissions as Record<string, PermissionLevel> | undefined;
  if (requested && Object.entries(requested).some(([name, level]) => !covers(installation.permissions[name], level))) {
    throw new ApiError(422, 'The permissions requested are not granted to this installation.');
  }
  const permissions = requested && Object.keys(requested).length > 0 ? { ...requested, metadata: 'read' as const } : installation.permissions;
  const issued = {
    token: newInstallationToken(),
    installationId: installation.id,
    appId: app.id,
    expiresAt: new Date(Date.now() + INSTALLATION_TOKEN_LIFETIME_MS).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    permissions,
    repositories: scoped ? [...new Set(records.map((r) => r!.repo))] : 'all' as const,
    revoked: false,
    createdAt: now(),
  };
  c.state.installationTokens.push(issued);
  return {
    status: 201,
    body: {
      token: issued.token,
      expires_at: issued.expiresAt,
      permissions,
      repository_selection: scoped || installation.repositories !== 'all' ? 'selected' : 'all',
      ...(scoped ? { repositories: [...new Set(records)].map((r) => repository(c.urls, r!)) } : {}),
    },
  };
};

const revokeInstallationAccessToken: RootHandler = (c: RootContext) => {
  const auth = c.auth;
  if (auth.kind !== 'installation') throw new ApiError(403, 'This endpoint needs an installation access token (the stand-in\'s wording).');
  const record = c.state.installationTokens.find((t) => t.token === auth.token);
  if (record) record.revoked = true;
  return { status: 204 };
};

/** Routes under `/repos/{owner}/{repo}`. */
export const appRepoEndpoints: Record<string, Handler> = {
  'apps/get-repo-installation': getRepoInstallation,
};

/** Routes outside `/repos/{owner}/{repo}`. */
export const appRootEndpoints: Record<string, RootHandler> = {
  'apps/create-installation-access-token': createInstallationAccessToken,
  'apps/revoke-installation-access-token': revokeInstallationAccessToken,
};

/** Whether a credential may call an operation at all (App JWTs reach only the App routes). */
export function appRouteProblem(operationId: string, auth: Credential): ApiError | undefined {
  const appRoute = operationId === 'apps/get-repo-installation' || operationId === 'apps/create-installation-access-token';
  if (appRoute) return auth.kind === 'app' ? undefined : new ApiError(401, 'A JSON web token could not be decoded');
  if (auth.kind === 'app') return new ApiError(403, 'An App\'s JWT reaches only the App routes; use an installation access token (the stand-in\'s wording).');
  return undefined;
}
