import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { keyContext } from './key-context.ts';

const X25519 = 'AGE-SECRET-KEY-1RH87A5Z54ZGUR9S0AS3R6WHFSEFNPLYMAKF5Z2CEU7R06VRJ0A3Q7242AM';
const PQ = 'AGE-SECRET-KEY-PQ-1Z8QMHKS77CVF95LF38SMLT0MEFR00HVMW58DJGD5USLGCVXTJCSQNRKCNK';
const none = { ageKey: '', ageKeyFile: undefined, pgpKey: '', pgpPassphrase: '' };

describe('keyContext', () => {
  it('reads age identities from the inputs, then SOPS_AGE_KEY and SOPS_AGE_KEY_FILE, masking each', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-keyctx-'));
    try {
      fs.writeFileSync(path.join(dir, 'keys.txt'), `# created: 2026-01-01\n# public key: age1…\n${PQ}\n`);
      const masked: string[] = [];
      const context = keyContext({ ...none, ageKey: X25519 }, { SOPS_AGE_KEY: `${PQ}\n${X25519}`, SOPS_AGE_KEY_FILE: path.join(dir, 'keys.txt'), VAULT_TOKEN: 'hvs.x', VAULT_ADDR: 'http://vault:8200' }, (s) => masked.push(s));
      expect(context.age.map((k) => [k.identity.slice(0, 17), k.origin.replace(dir, '…')])).toEqual([
        ['AGE-SECRET-KEY-1R', 'the age-key input'],
        ['AGE-SECRET-KEY-PQ', 'SOPS_AGE_KEY'],
        ['AGE-SECRET-KEY-1R', 'SOPS_AGE_KEY'],
        ['AGE-SECRET-KEY-PQ', 'SOPS_AGE_KEY_FILE …/keys.txt'],
      ]);
      expect(masked).toEqual([X25519, PQ, X25519, PQ, 'hvs.x']);
      expect(context.vault).toEqual({ token: 'hvs.x', address: 'http://vault:8200' });
      expect(context.gcp).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a line that is not an age identity, naming where it came from but not the line', () => {
    expect(() => keyContext({ ...none, ageKey: 'age1publickeyinstead' }, {}, () => undefined))
      .toThrow('the age-key input holds a line that is not an age identity (AGE-SECRET-KEY-1… or AGE-SECRET-KEY-PQ-1…); pass the output of age-keygen.');
  });

  it('offers GCP through a token, or application default credentials when only GOOGLE_APPLICATION_CREDENTIALS is set', () => {
    expect(keyContext(none, { GOOGLE_OAUTH_ACCESS_TOKEN: 'ya29.t' }, () => undefined).gcp).toEqual({ accessToken: 'ya29.t' });
    expect(keyContext(none, { GOOGLE_APPLICATION_CREDENTIALS: '/x.json' }, () => undefined).gcp).toEqual({ adc: true });
  });
});
