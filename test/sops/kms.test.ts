/**
 * Cloud key sources against local stand-ins on 127.0.0.1 that check the requests as the real services
 * define them (AWS KMS JSON protocol with a SigV4 signature, GCP KMS `:decrypt`, Vault transit) and
 * answer as those services document.
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Encrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { SopsNoKeyError, decryptFile, type KeyContext } from '@conveyor/sops';
import { encryptYaml } from './encryptor.ts';
import { rejection } from './corpus-keys.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { keyContext } from '../../packages/sops/src/key-context.ts';
import * as fs from 'node:fs';
import * as path from 'node:path';

const PLAIN = 'db:\n  password: from-the-cloud\n';
const ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const GCP_KEY = 'projects/acme/locations/global/keyRings/sops/cryptoKeys/deploy';

interface Seen { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }

describe('cloud key sources', () => {
  let server: http.Server;
  let base: string;
  const seen: Seen[] = [];
  const dataKey = randomBytes(32);
  const wrapped = randomBytes(64).toString('base64');
  let refuse = false;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString(); });
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        const reply = (status: number, payload: unknown, type = 'application/json') => {
          res.writeHead(status, { 'content-type': type });
          res.end(JSON.stringify(payload));
        };
        if (req.headers['x-amz-target'] === 'TrentService.Decrypt') {
          const json = JSON.parse(body) as { CiphertextBlob: string };
          if (refuse) return reply(400, { __type: 'AccessDeniedException', message: 'User is not authorized to perform kms:Decrypt' }, 'application/x-amz-json-1.1');
          if (json.CiphertextBlob !== wrapped) return reply(400, { __type: 'InvalidCiphertextException' }, 'application/x-amz-json-1.1');
          return reply(200, { KeyId: ARN, Plaintext: dataKey.toString('base64'), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' }, 'application/x-amz-json-1.1');
        }
        if (String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded') && new URLSearchParams(body).get('Action') === 'AssumeRole') {
          res.writeHead(200, { 'content-type': 'text/xml' });
          res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>
<AccessKeyId>ASIAROLEEXAMPLE</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey><SessionToken>role-session-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration>
</Credentials><AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/sops/sops@conveyor</Arn><AssumedRoleId>AROAEXAMPLE:sops@conveyor</AssumedRoleId></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>`);
          return;
        }
        if (req.url === '/v1/token') {
          // Google STS token exchange (workload identity federation), form-encoded
          const form = new URLSearchParams(body);
          if (form.get('subject_token') !== 'oidc-token-from-github' || form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange') return reply(400, { error: 'invalid_grant' });
          return reply(200, { access_token: 'ya29.from-sts', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3600 });
        }
        if (req.url === `/v1/${GCP_KEY}:decrypt`) {
          if (refuse) return reply(403, { error: { code: 403, message: 'Permission denied on resource', status: 'PERMISSION_DENIED' } });
          return reply(200, { plaintext: dataKey.toString('base64') });
        }
        if (req.url === '/v1/transit/decrypt/sops-key') {
          if (refuse) return reply(403, { errors: ['permission denied'] });
          return reply(200, { data: { plaintext: dataKey.toString('base64') } });
        }
        return reply(404, { error: 'not found' });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    setTimeout(() => server.close(), 120_000).unref();
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterAll(cleanupTempDirs);

  const env = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLETEST', AWS_SECRET_ACCESS_KEY: 'secret-for-tests-only', AWS_SESSION_TOKEN: '', AWS_PROFILE: '', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true' });
  });
  afterAll(() => {
    for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
    Object.assign(process.env, env);
  });

  it('AWS KMS: a signed TrentService.Decrypt with the ciphertext, key and encryption context', async () => {
    seen.length = 0;
    refuse = false;
    const text = encryptYaml(PLAIN, { dataKey, metadata: { kms: [{ arn: ARN, enc: wrapped, context: { app: 'web', env: 'prod' }, created_at: '2026-01-01T00:00:00Z' }] } });
    const context: KeyContext = { age: [], pgp: [], aws: { endpoint: base } };
    const result = await decryptFile(text, 'aws.yaml', context);
    expect(result.leaves[0]!.text).toBe('from-the-cloud');
    expect(seen).toHaveLength(1);
    const request = seen[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/');
    expect(request.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLETEST\/\d{8}\/eu-west-1\/kms\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}$/);
    expect(request.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(JSON.parse(request.body)).toEqual({ CiphertextBlob: wrapped, KeyId: ARN, EncryptionContext: { app: 'web', env: 'prod' } });
  });

  it("AWS KMS: assumes the entry's role through STS first, then signs with the role's credentials", async () => {
    seen.length = 0;
    refuse = false;
    const role = 'arn:aws:iam::111122223333:role/sops';
    const text = encryptYaml(PLAIN, { dataKey, metadata: { kms: [{ arn: ARN, enc: wrapped, role }] } });
    const result = await decryptFile(text, 'aws.yaml', { age: [], pgp: [], aws: { endpoint: base } });
    expect(result.leaves[0]!.text).toBe('from-the-cloud');
    expect(seen).toHaveLength(2);
    const assume = new URLSearchParams(seen[0]!.body);
    expect([assume.get('Action'), assume.get('RoleArn'), assume.get('RoleSessionName')]).toEqual(['AssumeRole', role, 'sops@conveyor']);
    expect(seen[0]!.headers.authorization).toMatch(/Credential=AKIDEXAMPLETEST\/\d{8}\/eu-west-1\/sts\/aws4_request/);
    expect(seen[1]!.headers['x-amz-target']).toBe('TrentService.Decrypt');
    expect(seen[1]!.headers.authorization).toMatch(/Credential=ASIAROLEEXAMPLE\/\d{8}\/eu-west-1\/kms\/aws4_request/);
    expect(seen[1]!.headers['x-amz-security-token']).toBe('role-session-token');
  });

  it('AWS KMS: a refusal names the key and the status', async () => {
    refuse = true;
    const text = encryptYaml(PLAIN, { dataKey, metadata: { kms: [{ arn: ARN, enc: wrapped }] } });
    const error = await rejection(decryptFile(text, 'aws.yaml', { age: [], pgp: [], aws: { endpoint: base } }));
    expect(error).toBeInstanceOf(SopsNoKeyError);
    expect(error.message).toContain(`AWS KMS ${ARN}`);
    expect(error.message).toContain(`AWS KMS refused to decrypt the data key with ${ARN} (HTTP 400): AccessDeniedException`);
  });

  it('GCP KMS: POST {resource}:decrypt with the ciphertext and a bearer token', async () => {
    seen.length = 0;
    refuse = false;
    const text = encryptYaml(PLAIN, { dataKey, metadata: { gcp_kms: [{ resource_id: GCP_KEY, enc: wrapped, created_at: '2026-01-01T00:00:00Z' }] } });
    const result = await decryptFile(text, 'gcp.yaml', { age: [], pgp: [], gcp: { accessToken: 'ya29.test-token', endpoint: base } });
    expect(result.leaves[0]!.text).toBe('from-the-cloud');
    expect(seen.map((s) => [s.method, s.url, s.headers.authorization, JSON.parse(s.body)])).toEqual([
      ['POST', `/v1/${GCP_KEY}:decrypt`, 'Bearer ya29.test-token', { ciphertext: wrapped }],
    ]);
    refuse = true;
    const error = await rejection(decryptFile(text, 'gcp.yaml', { age: [], pgp: [], gcp: { accessToken: 'ya29.test-token', endpoint: base } }));
    expect(error.message).toContain(`GCP KMS refused to decrypt the data key with ${GCP_KEY}: HTTP 403`);
  });

  it('GCP KMS: an access token from application default credentials (workload identity federation)', async () => {
    seen.length = 0;
    refuse = false;
    const folder = tempDir('conveyor-sops-adc-');
    fs.writeFileSync(path.join(folder, 'oidc'), 'oidc-token-from-github');
    const credentials = path.join(folder, 'credentials.json');
    fs.writeFileSync(credentials, JSON.stringify({
      type: 'external_account',
      audience: '//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/github/providers/github',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: `${base}/v1/token`,
      credential_source: { file: path.join(folder, 'oidc') },
    }));
    const previous = process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.GOOGLE_APPLICATION_CREDENTIALS = credentials;
    try {
      const context = keyContext({ ageKey: '', ageKeyFile: undefined, pgpKey: '', pgpPassphrase: '' }, { GOOGLE_APPLICATION_CREDENTIALS: credentials, GCP_KMS_ENDPOINT: base }, () => undefined);
      const text = encryptYaml(PLAIN, { dataKey, metadata: { gcp_kms: [{ resource_id: GCP_KEY, enc: wrapped }] } });
      const result = await decryptFile(text, 'gcp.yaml', context);
      expect(result.leaves[0]!.text).toBe('from-the-cloud');
    } finally {
      if (previous === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      else process.env.GOOGLE_APPLICATION_CREDENTIALS = previous;
    }
    expect(seen.map((s) => s.url)).toEqual(['/v1/token', `/v1/${GCP_KEY}:decrypt`]);
    const exchange = new URLSearchParams(seen[0]!.body);
    expect(exchange.get('audience')).toBe('//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/github/providers/github');
    expect(exchange.get('scope')).toBe('https://www.googleapis.com/auth/cloudkms');
    expect(seen[1]!.headers.authorization).toBe('Bearer ya29.from-sts');
  });

  it('Vault transit: POST /v1/{engine}/decrypt/{key} with the token', async () => {
    seen.length = 0;
    refuse = false;
    const vaultEnc = 'vault:v1:c29tZS1jaXBoZXJ0ZXh0';
    const text = encryptYaml(PLAIN, { dataKey, metadata: { hc_vault: [{ vault_address: base, engine_path: 'transit', key_name: 'sops-key', enc: vaultEnc, created_at: '2026-01-01T00:00:00Z' }] } });
    const result = await decryptFile(text, 'vault.yaml', { age: [], pgp: [], vault: { token: 'hvs.test' } });
    expect(result.leaves[0]!.text).toBe('from-the-cloud');
    expect(seen.map((s) => [s.method, s.url, s.headers['x-vault-token'], JSON.parse(s.body)])).toEqual([
      ['POST', '/v1/transit/decrypt/sops-key', 'hvs.test', { ciphertext: vaultEnc }],
    ]);
    refuse = true;
    const error = await rejection(decryptFile(text, 'vault.yaml', { age: [], pgp: [], vault: { token: 'hvs.test' } }));
    expect(error.message).toContain('Vault transit refused to decrypt the data key with transit/keys/sops-key: HTTP 403');
    expect(error).toBeInstanceOf(SopsNoKeyError);
  });

  it('tries age before Vault: a matching age key means no Vault call', async () => {
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const encrypter = new Encrypter();
    encrypter.addRecipient(recipient);
    const ageEnc = armor.encode(await encrypter.encrypt(dataKey));
    const text = encryptYaml(PLAIN, { dataKey, metadata: {
      hc_vault: [{ vault_address: base, engine_path: 'transit', key_name: 'sops-key', enc: 'vault:v1:eA==' }],
      age: [{ recipient, enc: ageEnc }],
    } });
    seen.length = 0;
    refuse = false;
    await decryptFile(text, 'both.yaml', { age: [{ identity, origin: 'test' }], pgp: [], vault: { token: 'hvs.test' } });
    expect(seen).toHaveLength(0);
    await decryptFile(text, 'both.yaml', { age: [{ identity: await generateX25519Identity(), origin: 'other' }], pgp: [], vault: { token: 'hvs.test' } });
    expect(seen.map((s) => s.url)).toEqual(['/v1/transit/decrypt/sops-key']);
  });
});
