/** Gathering the offered keys from inputs and the environment (the edge; domain code gets the result). */
import * as fs from 'node:fs';
import { ConveyorError, maskSecret } from '@conveyor/kit';
import type { KeyContext } from './keys.ts';

export interface KeyInputs {
  ageKey: string;
  ageKeyFile: string | undefined;
  pgpKey: string;
  pgpPassphrase: string;
}

function ageIdentities(text: string, origin: string): { identity: string; origin: string }[] {
  const found = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  for (const line of found) {
    if (!/^AGE-SECRET-KEY-(PQ-)?1[0-9A-Z]+$/.test(line)) {
      throw new ConveyorError(`${origin} holds a line that is not an age identity (AGE-SECRET-KEY-1… or AGE-SECRET-KEY-PQ-1…); pass the output of age-keygen.`);
    }
  }
  return found.map((identity) => ({ identity, origin }));
}

/**
 * The keys offered, read from the inputs, then SOPS_AGE_KEY and SOPS_AGE_KEY_FILE; cloud sources from their
 * usual variables. Every identity and token is masked (`mask`) as soon as it is read.
 */
export function keyContext(inputs: KeyInputs, env: NodeJS.ProcessEnv, mask: (secret: string) => void = (secret) => { maskSecret(secret, { warnShort: false }); }): KeyContext {
  const age: KeyContext['age'] = [];
  const read = (file: string, origin: string) => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConveyorError(`Could not read the age key file ${file} (${origin}).`, { cause: error });
    }
    return text;
  };
  if (inputs.ageKey) age.push(...ageIdentities(inputs.ageKey, 'the age-key input'));
  if (inputs.ageKeyFile) age.push(...ageIdentities(read(inputs.ageKeyFile, 'age-key-file'), `age-key-file ${inputs.ageKeyFile}`));
  if (env.SOPS_AGE_KEY) age.push(...ageIdentities(env.SOPS_AGE_KEY, 'SOPS_AGE_KEY'));
  if (env.SOPS_AGE_KEY_FILE) age.push(...ageIdentities(read(env.SOPS_AGE_KEY_FILE, 'SOPS_AGE_KEY_FILE'), `SOPS_AGE_KEY_FILE ${env.SOPS_AGE_KEY_FILE}`));
  for (const { identity } of age) mask(identity);
  const context: KeyContext = {
    age,
    pgp: inputs.pgpKey ? [{ armored: inputs.pgpKey, origin: 'the pgp-key input' }] : [],
    aws: {
      ...(env.AWS_REGION || env.AWS_DEFAULT_REGION ? { region: env.AWS_REGION || env.AWS_DEFAULT_REGION } : {}),
      ...(env.AWS_ENDPOINT_URL_KMS || env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL_KMS || env.AWS_ENDPOINT_URL } : {}),
      ...(env.AWS_ENDPOINT_URL_STS ? { stsEndpoint: env.AWS_ENDPOINT_URL_STS } : {}),
    },
  };
  if (inputs.pgpPassphrase) context.pgpPassphrase = inputs.pgpPassphrase;
  const gcpToken = env.GOOGLE_OAUTH_ACCESS_TOKEN || env.CLOUDSDK_AUTH_ACCESS_TOKEN;
  if (gcpToken) {
    mask(gcpToken);
    context.gcp = { accessToken: gcpToken, ...(env.GCP_KMS_ENDPOINT ? { endpoint: env.GCP_KMS_ENDPOINT } : {}) };
  } else if (env.GOOGLE_APPLICATION_CREDENTIALS) {
    context.gcp = { adc: true, ...(env.GCP_KMS_ENDPOINT ? { endpoint: env.GCP_KMS_ENDPOINT } : {}) };
  }
  if (env.VAULT_TOKEN) {
    mask(env.VAULT_TOKEN);
    context.vault = { token: env.VAULT_TOKEN, ...(env.VAULT_ADDR ? { address: env.VAULT_ADDR } : {}) };
  }
  return context;
}
