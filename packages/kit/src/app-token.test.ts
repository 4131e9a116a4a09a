import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { build } from 'esbuild';
import { startGitHubApi, type GitHubApi } from '@conveyor/github-api';
import { appCredentials, checkAppPrivateKey } from './app-credentials.ts';
import { createInstallationToken } from './app-token.ts';
import { setRunnerMasking } from './mask.ts';

const owner = 'acme';
const repo = 'app';
const keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKey = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

let api: GitHubApi;
let appId: number;

beforeEach(async () => {
  setRunnerMasking(false);
  api = await startGitHubApi();
  api.state.addRepository({ owner, repo });
  appId = api.state.addApp({ publicKey }).id;
});
afterEach(async () => {
  setRunnerMasking(true);
  expect(api.violations).toEqual([]);
  await api.close();
});

const mint = (extra: { installationId?: number; permissions?: Record<string, 'read' | 'write'> } = {}) => createInstallationToken({
  app: { appId: String(appId), privateKey, ...(extra.installationId === undefined ? {} : { installationId: extra.installationId }) },
  owner, repo, permissions: extra.permissions ?? { contents: 'write' }, baseUrl: api.url, retries: 0, retryAfterBaseMs: 1, log: quiet,
});

describe('createInstallationToken', () => {
  it('finds the installation, mints a token for the one repository, and revokes it', async () => {
    const installation = api.state.installApp({ appId, account: owner });
    const token = await mint();
    expect(token).toMatchObject({ installationId: installation.id, token: api.state.installationTokens[0]!.token });
    expect(Date.parse(token.expiresAt)).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(await token.revoke()).toEqual({ revoked: true, message: `Revoked the installation token of the GitHub App ${appId}.` });
    expect(api.state.installationTokens[0]!.revoked).toBe(true);
  });

  it('says what to fix when the installation id is another App\'s, or the permissions are not granted', async () => {
    const mine = api.state.installApp({ appId, account: owner, permissions: { contents: 'read', metadata: 'read' } });
    const other = api.state.addApp({ publicKey: crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    const theirs = api.state.installApp({ appId: other.id, account: owner });
    await expect(mint({ installationId: theirs.id })).rejects.toThrow(`Installation ${theirs.id} (app-installation-id) is not an installation of the GitHub App ${appId}`);
    await expect(mint({ installationId: mine.id })).rejects.toThrow(`GitHub refused a token of the App ${appId} for acme/app with contents: write (The permissions requested are not granted to this installation.)`);
    expect(api.state.installationTokens).toEqual([]);
  });

  it('a revocation that fails is reported, not thrown', async () => {
    api.state.installApp({ appId, account: owner });
    const token = await mint();
    api.inject({ method: 'DELETE', path: '/installation/token', fault: '5xx', status: 503 });
    const result = await token.revoke();
    expect(result.revoked).toBe(false);
    expect(result.message).toBe(`Could not revoke the installation token of the GitHub App ${appId} (Server Error); it ends by itself at ${token.expiresAt}.`);
    expect(api.state.installationTokens[0]!.revoked).toBe(false);
  });
});

describe('appCredentials', () => {
  const none = { 'app-id': '', 'app-private-key': '' };
  it('is nothing when no App input is given, and the checked pair when both are', () => {
    expect(appCredentials(none)).toEqual({ problems: [] });
    expect(appCredentials({ 'app-id': '12', 'app-private-key': `${privateKey}\n`, 'app-installation-id': 5 })).toEqual({
      credentials: { appId: '12', privateKey: privateKey.trim(), installationId: 5 }, problems: [],
    });
    expect(appCredentials({ 'app-id': 'Iv23.abcDEF12', 'app-private-key': privateKey }).credentials?.appId).toBe('Iv23.abcDEF12');
  });

  it('names each missing or bad input, and reports both halves at once', () => {
    expect(appCredentials({ 'app-id': 'x y', 'app-private-key': 'nope' }).problems).toEqual([
      expect.stringMatching(/^Input 'app-id' is "x y"; accepted/),
      expect.stringMatching(/^Input 'app-private-key' is not a PEM private key/),
    ]);
    expect(appCredentials({ ...none, 'app-installation-id': 3 }).problems).toEqual([expect.stringMatching(/^Input 'app-installation-id' is set/)]);
  });

  it('turns escaped line breaks into real ones and refuses keys GitHub cannot use, never quoting them', () => {
    expect(checkAppPrivateKey(privateKey.trim().replace(/\n/g, '\\n'))).toEqual({ key: privateKey.trim() });
    const encrypted = keys.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();
    const refused = [encrypted, publicKey, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'].map((k) => checkAppPrivateKey(k));
    expect(refused.map((r) => ('problem' in r ? r.problem.split(':')[0] : 'accepted'))).toEqual([
      "Input 'app-private-key' looks like a PEM private key but cannot be read (cut short, or lines lost when it was copied; a key with a passphrase is not accepted)",
      "Input 'app-private-key' holds a public key or certificate, not the App's private key",
      "Input 'app-private-key' looks like a PEM private key but cannot be read (cut short, or lines lost when it was copied; a key with a passphrase is not accepted)",
    ]);
    for (const r of refused) expect('problem' in r && r.problem.includes('AAAA')).toBe(false);
  });
});

describe('the kit index', () => {
  it('reaches neither Octokit nor @octokit/auth-app: App token minting is the @conveyor/kit/app-token subpath', async () => {
    const result = await build({ entryPoints: [path.join(import.meta.dirname, 'index.ts')], bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((file) => file.endsWith('app-credentials.ts'))).toBe(true);
    expect(inputs.filter((file) => /@octokit|universal-github-app-jwt|app-token\.ts$/.test(file))).toEqual([]);
  });
});
