/**
 * Mints a GitHub App installation token for one repository (`@octokit/auth-app` signs the App's JWT and
 * calls the API through the same retrying, throttled client as every other call), masks it at once, and
 * revokes it when the caller is done. Imported as `@conveyor/kit/app-token`, only where a token is minted.
 */
import { createAppAuth, type InstallationAccessTokenAuthentication } from '@octokit/auth-app';
import type { AppCredentials } from './app-credentials.ts';
import { ConveyorError } from './errors.ts';
import { maskSecret } from './mask.ts';
import { clientOptions, ConveyorOctokit, createOctokit, type CreateOctokitOptions } from './octokit.ts';

export interface InstallationTokenOptions extends Omit<CreateOctokitOptions, 'token'> {
  app: AppCredentials;
  owner: string;
  repo: string;
  /** What the token may do, by GitHub's permission names, e.g. `{ contents: 'write' }` (metadata read comes with it). */
  permissions: Record<string, 'read' | 'write'>;
}

export interface InstallationToken {
  /** The token (already masked in the log). */
  token: string;
  /** When GitHub ends it (an hour after it is minted). */
  expiresAt: string;
  installationId: number;
  /**
   * Revokes the token (`DELETE /installation/token`). Returns a sentence saying what happened; never throws,
   * as a token left alive still ends at `expiresAt`.
   */
  revoke(): Promise<{ revoked: boolean; message: string }>;
}

interface HttpLike {
  status?: number;
  message?: string;
}

const status = (error: unknown): number | undefined => (error as HttpLike | undefined)?.status;
/** GitHub's message, without the documentation link Octokit appends. */
const reason = (error: unknown): string => ((error as HttpLike | undefined)?.message ?? String(error)).split('\n')[0]!.replace(/ - https?:\/\/\S+$/, '');

/** Mints the installation token. Every failure is a `ConveyorError` naming the input or setting to fix. */
export async function createInstallationToken(options: InstallationTokenOptions): Promise<InstallationToken> {
  const { app, owner, repo, permissions } = options;
  const shared = clientOptions(options);
  const appClient = new ConveyorOctokit({ ...shared, authStrategy: createAppAuth, auth: { appId: app.appId, privateKey: app.privateKey } });
  const where = `${owner}/${repo}`;
  const refusedJwt = (error: unknown) => new ConveyorError(
    `GitHub refused the JWT of the App with app-id ${app.appId} (${reason(error)}): app-id and app-private-key must belong to the same App (check the App ID on its settings page and that the key was not revoked), and the runner's clock must be right.`,
    { cause: error },
  );

  let installationId = app.installationId;
  if (installationId === undefined) {
    try {
      installationId = (await appClient.rest.apps.getRepoInstallation({ owner, repo })).data.id;
    } catch (error) {
      if (status(error) === 401) throw refusedJwt(error);
      if (status(error) === 404) {
        throw new ConveyorError(`The GitHub App with app-id ${app.appId} is not installed on ${where}: install it there (the App's settings page, Install App) with Contents read and write, or pass the app-id of the App that is.`, { cause: error });
      }
      throw new ConveyorError(`Finding the installation of the GitHub App ${app.appId} on ${where} failed: ${reason(error)}.`, { cause: error });
    }
  }

  let minted: InstallationAccessTokenAuthentication;
  try {
    minted = (await appClient.auth({ type: 'installation', installationId, repositoryNames: [repo], permissions })) as InstallationAccessTokenAuthentication;
  } catch (error) {
    if (status(error) === 401) throw refusedJwt(error);
    if (status(error) === 404) {
      throw new ConveyorError(`Installation ${installationId} (app-installation-id) is not an installation of the GitHub App ${app.appId}: drop app-installation-id to find it from ${where}, or give the right one.`, { cause: error });
    }
    if (status(error) === 422) {
      const wanted = Object.entries(permissions).map(([name, level]) => `${name}: ${level}`).join(', ');
      throw new ConveyorError(`GitHub refused a token of the App ${app.appId} for ${where} with ${wanted} (${reason(error)}): give the App these permissions and install it on ${where} (accept the new permissions on the installation after changing them).`, { cause: error });
    }
    throw new ConveyorError(`Minting an installation token of the GitHub App ${app.appId} for ${where} failed: ${reason(error)}.`, { cause: error });
  }
  // Masked before anything else can print it.
  maskSecret(minted.token, { warnShort: false });

  const token = minted.token;
  return {
    token,
    expiresAt: minted.expiresAt,
    installationId,
    async revoke() {
      try {
        await createOctokit({ ...options, token }).rest.apps.revokeInstallationAccessToken();
        return { revoked: true, message: `Revoked the installation token of the GitHub App ${app.appId}.` };
      } catch (error) {
        return { revoked: false, message: `Could not revoke the installation token of the GitHub App ${app.appId} (${reason(error)}); it ends by itself at ${minted.expiresAt}.` };
      }
    },
  };
}
