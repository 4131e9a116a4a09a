/**
 * Key sources: each recovers a file's data key (or its Shamir share) from one wrapped copy in the
 * metadata. A source is one entry of `KEY_SOURCES`; the table's order is the fixed order in which keys
 * are tried within each key group: age, PGP, AWS KMS, GCP KMS, HashiCorp Vault transit (Azure Key Vault
 * entries are listed in errors but cannot be used).
 */
import { Decrypter, armor, identityToRecipient } from 'age-encryption';
import type * as OpenPgp from 'openpgp';
import { ConveyorError } from '@conveyor/kit';
import type { KeyGroup } from './metadata.ts';

/** The keys and credentials offered for decryption, gathered once at the edge. */
export interface KeyContext {
  /** age identities (`AGE-SECRET-KEY-1…`, `AGE-SECRET-KEY-PQ-1…`) with where each came from. */
  age: { identity: string; origin: string }[];
  /** Armored private PGP keys, with the passphrase for all of them. */
  pgp: { armored: string; origin: string }[];
  pgpPassphrase?: string;
  /**
   * AWS KMS: region and endpoint overrides (credentials come from the SDK's default chain, or from
   * assuming the entry's `role` through STS, as sops does).
   */
  aws?: { endpoint?: string; stsEndpoint?: string; region?: string };
  /**
   * GCP KMS: an OAuth access token, or `adc` to get one from application default credentials
   * (GOOGLE_APPLICATION_CREDENTIALS: service account or workload identity federation), and the API base
   * URL (default https://cloudkms.googleapis.com).
   */
  gcp?: { accessToken?: string; adc?: boolean; endpoint?: string };
  /** Vault transit: the token, and an address that overrides the one in the file. */
  vault?: { token?: string; address?: string };
  fetch?: typeof fetch;
}

/** A cloud service refused to unwrap the key (status and key id in the message). */
export class KeyServiceError extends ConveyorError {}

export interface KeySource<E> {
  name: string;
  entries(group: KeyGroup): E[];
  /** How the file names this key: recipient, fingerprint, ARN, resource id. */
  describe(entry: E): string;
  /** Offered whenever the context allows the source at all (AWS's default chain): listed only for files that use it. */
  implicit?: boolean;
  /** What the context offers for this source (for errors); empty when nothing is offered. */
  offered(context: KeyContext): Promise<string[]>;
  /** The unwrapped bytes, or undefined when no offered key matches this entry. Throws when a call fails. */
  unwrap(entry: E, context: KeyContext): Promise<Uint8Array | undefined>;
}

const age: KeySource<KeyGroup['age'][number]> = {
  name: 'age',
  entries: (g) => g.age,
  describe: (e) => e.recipient,
  async offered(context) {
    return Promise.all(context.age.map(async (k) => `${await identityToRecipient(k.identity).catch(() => 'an unreadable identity')} (from ${k.origin})`));
  },
  async unwrap(entry, context) {
    if (context.age.length === 0) return undefined;
    const decrypter = new Decrypter();
    for (const k of context.age) decrypter.addIdentity(k.identity);
    let file: Uint8Array;
    try {
      file = armor.decode(entry.enc);
    } catch {
      file = new TextEncoder().encode(entry.enc);
    }
    try {
      return await readStream(await decrypter.decrypt(bytesStream(file)));
    } catch (error) {
      if (/no identity matched/i.test((error as Error).message)) return undefined;
      throw error;
    }
  },
};

/**
 * age-encryption's decrypt of a byte array ends with `new Response(stream).arrayBuffer()`, and the first
 * Response makes Node load its fetch implementation (undici and its HTTP agent, about 35 ms of a decrypt of
 * one small file). Given a stream it returns the plaintext stream, read here with a reader.
 */
function bytesStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0]! : new Uint8Array(Buffer.concat(chunks));
}

// openpgp and the AWS SDK are loaded only when a file needs them.
const loadOpenPgp = () => import('openpgp');

async function readPgpKeys(context: KeyContext): Promise<OpenPgp.PrivateKey[]> {
  const openpgp = await loadOpenPgp();
  const keys: OpenPgp.PrivateKey[] = [];
  for (const k of context.pgp) {
    let found: OpenPgp.PrivateKey[];
    try {
      found = await openpgp.readPrivateKeys({ armoredKeys: k.armored });
    } catch (error) {
      throw new ConveyorError(`The PGP key from ${k.origin} is not an armored private key (-----BEGIN PGP PRIVATE KEY BLOCK-----).`, { cause: error });
    }
    for (const key of found) {
      if (key.isDecrypted()) keys.push(key);
      else {
        if (!context.pgpPassphrase) throw new ConveyorError(`The PGP key ${key.getFingerprint().toUpperCase()} from ${k.origin} is protected by a passphrase; pass it in pgp-passphrase.`);
        try {
          keys.push(await openpgp.decryptKey({ privateKey: key, passphrase: context.pgpPassphrase }));
        } catch (error) {
          throw new ConveyorError(`The passphrase in pgp-passphrase does not unlock the PGP key ${key.getFingerprint().toUpperCase()} from ${k.origin}.`, { cause: error });
        }
      }
    }
  }
  return keys;
}

const pgpCache = new WeakMap<KeyContext, Promise<OpenPgp.PrivateKey[]>>();
const pgpKeysOf = (context: KeyContext) => {
  let keys = pgpCache.get(context);
  if (!keys) {
    keys = readPgpKeys(context);
    pgpCache.set(context, keys);
  }
  return keys;
};

const pgp: KeySource<KeyGroup['pgp'][number]> = {
  name: 'pgp',
  entries: (g) => g.pgp,
  describe: (e) => e.fp,
  async offered(context) {
    const keys = await pgpKeysOf(context);
    return keys.map((k) => [k.getFingerprint(), ...k.getSubkeys().map((s) => s.getFingerprint())].map((f) => f.toUpperCase()).join(' / '));
  },
  async unwrap(entry, context) {
    if (context.pgp.length === 0) return undefined;
    const keys = await pgpKeysOf(context);
    const openpgp = await loadOpenPgp();
    const message = await openpgp.readMessage({ armoredMessage: entry.enc.trim() });
    const wanted = new Set(message.getEncryptionKeyIDs().map((id) => id.toHex()));
    const matching = keys.filter((k) => k.getKeys().some((sub) => wanted.has(sub.getKeyID().toHex())));
    if (matching.length === 0) return undefined;
    const { data } = await openpgp.decrypt({ message, decryptionKeys: matching, format: 'binary' });
    return data as Uint8Array;
  },
};

const awsKms: KeySource<KeyGroup['kms'][number]> = {
  name: 'AWS KMS',
  implicit: true,
  entries: (g) => g.kms,
  describe: (e) => e.arn,
  async offered(context) {
    return context.aws ? ['the AWS SDK default credential chain'] : [];
  },
  async unwrap(entry, context) {
    if (!context.aws) return undefined;
    const region = context.aws.region ?? /^arn:aws[\w-]*:kms:([^:]+):/.exec(entry.arn)?.[1];
    const { DecryptCommand, KMSClient } = await import('@aws-sdk/client-kms');
    const common = { ...(region ? { region } : {}), ...(entry.profile ? { profile: entry.profile } : {}), maxAttempts: 2 };
    const credentials = entry.role ? await assumeRole(entry.role, entry.arn, context, common) : undefined;
    const client = new KMSClient({ ...common, ...(credentials ? { credentials } : {}), ...(context.aws.endpoint ? { endpoint: context.aws.endpoint } : {}) });
    try {
      const result = await client.send(new DecryptCommand({
        CiphertextBlob: Buffer.from(entry.enc, 'base64'),
        KeyId: entry.arn,
        ...(Object.keys(entry.context).length > 0 ? { EncryptionContext: entry.context } : {}),
      }));
      if (!result.Plaintext) throw new Error('the response has no Plaintext');
      return result.Plaintext;
    } catch (error) {
      throw new KeyServiceError(`AWS KMS refused to decrypt the data key with ${entry.arn}${awsStatus(error)}: ${(error as Error).name}: ${(error as Error).message}`, { cause: error });
    } finally {
      client.destroy();
    }
  },
};

function awsStatus(error: unknown): string {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status ? ` (HTTP ${status})` : '';
}

/** Temporary credentials for the entry's role (sops names the session `sops@<host>`; we use `sops@conveyor`). */
async function assumeRole(role: string, arn: string, context: KeyContext, common: Record<string, unknown>) {
  const { AssumeRoleCommand, STSClient } = await import('@aws-sdk/client-sts');
  const endpoint = context.aws?.stsEndpoint ?? context.aws?.endpoint;
  const sts = new STSClient({ ...common, ...(endpoint ? { endpoint } : {}) });
  try {
    const result = await sts.send(new AssumeRoleCommand({ RoleArn: role, RoleSessionName: 'sops@conveyor' }));
    const c = result.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('the response has no credentials');
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}), ...(c.Expiration ? { expiration: c.Expiration } : {}) };
  } catch (error) {
    throw new KeyServiceError(`AWS STS refused to assume the role ${role} for the KMS key ${arn}${awsStatus(error)}: ${(error as Error).name}: ${(error as Error).message}`, { cause: error });
  } finally {
    sts.destroy();
  }
}

async function postJson(context: KeyContext, url: string, headers: Record<string, string>, body: unknown, service: string, keyId: string): Promise<Record<string, unknown>> {
  const doFetch = context.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new KeyServiceError(`${service} could not be reached at ${new URL(url).origin} to decrypt the data key with ${keyId}.`, { cause: error });
  }
  const text = await response.text();
  if (!response.ok) {
    throw new KeyServiceError(`${service} refused to decrypt the data key with ${keyId}: HTTP ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`);
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new KeyServiceError(`${service} answered the decryption of ${keyId} with something that is not JSON.`, { cause: error });
  }
}

const gcpTokens = new WeakMap<KeyContext, Promise<string>>();

/** The GCP access token: given, or obtained once from application default credentials. */
function gcpToken(context: KeyContext, resourceId: string): Promise<string> {
  let token = gcpTokens.get(context);
  if (!token) {
    token = context.gcp?.accessToken ? Promise.resolve(context.gcp.accessToken) : (async () => {
      const { GoogleAuth } = await import('google-auth-library');
      try {
        // The project named in the key's resource id spares the library a project lookup.
        const projectId = /^projects\/([^/]+)\//.exec(resourceId)?.[1];
        const client = await new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloudkms'], ...(projectId ? { projectId } : {}) }).getClient();
        const { token: value } = await client.getAccessToken();
        if (!value) throw new Error('no token was returned');
        return value;
      } catch (error) {
        throw new KeyServiceError(`Could not get a GCP access token from application default credentials: ${(error as Error).message}`, { cause: error });
      }
    })();
    gcpTokens.set(context, token);
  }
  return token;
}

const gcpKms: KeySource<KeyGroup['gcpKms'][number]> = {
  name: 'GCP KMS',
  entries: (g) => g.gcpKms,
  describe: (e) => e.resourceId,
  async offered(context) {
    return context.gcp?.accessToken ? ['an access token'] : context.gcp?.adc ? ['application default credentials'] : [];
  },
  async unwrap(entry, context) {
    if (!context.gcp?.accessToken && !context.gcp?.adc) return undefined;
    const base = (context.gcp.endpoint ?? 'https://cloudkms.googleapis.com').replace(/\/$/, '');
    const token = await gcpToken(context, entry.resourceId);
    const body = await postJson(context, `${base}/v1/${entry.resourceId}:decrypt`, { authorization: `Bearer ${token}` },
      { ciphertext: entry.enc }, 'GCP KMS', entry.resourceId);
    if (typeof body.plaintext !== 'string') throw new KeyServiceError(`GCP KMS answered the decryption of ${entry.resourceId} without a plaintext.`);
    return Buffer.from(body.plaintext, 'base64');
  },
};

const vault: KeySource<KeyGroup['hcVault'][number]> = {
  name: 'Vault transit',
  entries: (g) => g.hcVault,
  describe: (e) => `${e.address}/v1/${e.enginePath}/keys/${e.keyName}`,
  async offered(context) {
    return context.vault?.token ? ['a Vault token (VAULT_TOKEN)'] : [];
  },
  async unwrap(entry, context) {
    if (!context.vault?.token) return undefined;
    const address = (context.vault.address || entry.address).replace(/\/$/, '');
    const id = `${entry.enginePath}/keys/${entry.keyName}`;
    const body = await postJson(context, `${address}/v1/${entry.enginePath}/decrypt/${entry.keyName}`, { 'x-vault-token': context.vault.token },
      { ciphertext: entry.enc }, 'Vault transit', id);
    const plaintext = (body.data as { plaintext?: unknown } | undefined)?.plaintext;
    if (typeof plaintext !== 'string') throw new KeyServiceError(`Vault answered the decryption with ${id} without data.plaintext.`);
    return Buffer.from(plaintext, 'base64');
  },
};

const azureKv: KeySource<KeyGroup['azureKv'][number]> = {
  name: 'Azure Key Vault',
  entries: (g) => g.azureKv,
  describe: (e) => `${e.vaultUrl}/keys/${e.name}/${e.version}`,
  async offered() {
    return [];
  },
  async unwrap() {
    return undefined;
  },
};

/** Every source, in the order keys are tried within a group. */
export const KEY_SOURCES: readonly KeySource<never>[] = [age, pgp, awsKms, gcpKms, vault, azureKv] as unknown as KeySource<never>[];
