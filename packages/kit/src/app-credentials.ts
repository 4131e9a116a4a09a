/**
 * The inputs of a GitHub App credential (`app-id`, `app-private-key`, optional `app-installation-id`),
 * checked without a request: both or neither of the pair, an App ID that looks like one, a private key that
 * is an RSA private key in PEM. Only `node:crypto` is loaded; minting the token is `@conveyor/kit/app-token`.
 */
import * as crypto from 'node:crypto';
import { maskSecret } from './mask.ts';

/** A GitHub App's credential, checked. */
export interface AppCredentials {
  /** The App's numeric ID (as text) or its client ID (`Iv…`): the JWT's `iss`. */
  appId: string;
  /** The App's RSA private key in PEM, with real line breaks. */
  privateKey: string;
  /** The installation to mint a token of; found from the repository when absent. */
  installationId?: number;
}

export interface AppInputs {
  'app-id': string;
  'app-private-key': string;
  'app-installation-id'?: number | undefined;
}

const APP_ID = /^(\d+|Iv[0-9A-Za-z.]+)$/;
const KEY_HELP = 'paste the whole .pem file that the App\'s settings page ("Private keys", Generate a private key) downloads, from its -----BEGIN line to its -----END line, into a secret and pass that secret';

/**
 * Checks a private key without ever putting it in a message: PEM (escaped `\n` line breaks, as some
 * secret stores keep them, are turned into real ones), a private key, RSA (GitHub signs App JWTs with
 * RS256). Returns the key with real line breaks, or the problem.
 */
export function checkAppPrivateKey(raw: string, name = 'app-private-key'): { key: string } | { problem: string } {
  let key = raw.trim();
  if (!key.includes('\n') && key.includes('\\n')) key = key.replace(/\\n/g, '\n');
  if (key !== raw) maskSecret(key, { name, warnShort: false });
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(key) || /-----BEGIN CERTIFICATE-----/.test(key)) {
    return { problem: `Input '${name}' holds a public key or certificate, not the App's private key: ${KEY_HELP}.` };
  }
  if (!/-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/.test(key)) {
    return { problem: `Input '${name}' is not a PEM private key (no -----BEGIN … PRIVATE KEY----- line): ${KEY_HELP}.` };
  }
  let parsed: crypto.KeyObject;
  try {
    parsed = crypto.createPrivateKey({ key, format: 'pem' });
  } catch {
    // The parser's message can quote part of the key; it is not passed on.
    return { problem: `Input '${name}' looks like a PEM private key but cannot be read (cut short, or lines lost when it was copied; a key with a passphrase is not accepted): ${KEY_HELP}.` };
  }
  if (parsed.asymmetricKeyType !== 'rsa') {
    return { problem: `Input '${name}' is a${parsed.asymmetricKeyType === 'ec' ? 'n' : ''} ${parsed.asymmetricKeyType ?? 'unknown'} key, but GitHub App keys are RSA (their JWTs are signed RS256): ${KEY_HELP}.` };
  }
  return { key };
}

/**
 * Reads the App inputs: `undefined` when none is given, the credential when the pair is complete and
 * sound; otherwise the problems, each naming its input (for one `InputError` with the other inputs').
 */
export function appCredentials(inputs: AppInputs): { credentials?: AppCredentials; problems: string[] } {
  const appId = inputs['app-id'].trim();
  const rawKey = inputs['app-private-key'];
  const installationId = inputs['app-installation-id'];
  const hasKey = rawKey.trim() !== '';
  if (!appId && !hasKey) {
    return {
      problems: installationId === undefined ? [] : ["Input 'app-installation-id' is set, but 'app-id' and 'app-private-key' are empty: give the App's ID and private key too, or drop app-installation-id."],
    };
  }
  const problems: string[] = [];
  if (!appId) problems.push("Input 'app-id' is empty but 'app-private-key' is set: a GitHub App credential needs both; give the App ID shown on the App's settings page (an `app-id` input, often from a variable such as `vars.RELEASE_APP_ID`).");
  else if (!APP_ID.test(appId)) problems.push(`Input 'app-id' is ${JSON.stringify(appId.slice(0, 40))}; accepted: the App's numeric App ID (e.g. 123456) or its client ID (Iv…), from the App's settings page.`);
  let key: string | undefined;
  if (!hasKey) problems.push("Input 'app-private-key' is empty but 'app-id' is set: a GitHub App credential needs both; pass the App's private key from a secret (`${{ secrets.RELEASE_APP_KEY }}`). A secret that is not available to this workflow (a fork's pull request, a missing `secrets:` line on a reusable workflow) is empty too.");
  else {
    const checked = checkAppPrivateKey(rawKey);
    if ('problem' in checked) problems.push(checked.problem);
    else key = checked.key;
  }
  if (problems.length > 0 || key === undefined) return { problems };
  return { credentials: { appId, privateKey: key, ...(installationId === undefined ? {} : { installationId }) }, problems };
}
