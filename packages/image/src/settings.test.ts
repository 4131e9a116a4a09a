import { describe, expect, it } from '@jest/globals';
import { parseLogins, parseSecretFiles, parseSecrets } from './settings.ts';

const none = { registry: '', username: '', password: '' };

describe('registry credentials', () => {
  it('reads the single registry and HOST=USERNAME:PASSWORD lines; a password may hold : and =', () => {
    expect(parseLogins({ registry: 'ghcr.io', username: 'octocat', password: 'p1' }, 'quay.io=robot:pa:ss=word\n# comment\n\nregistry.example:5000=u:p')).toEqual([
      { registry: 'ghcr.io', username: 'octocat', password: 'p1' },
      { registry: 'quay.io', username: 'robot', password: 'pa:ss=word' },
      { registry: 'registry.example:5000', username: 'u', password: 'p' },
    ]);
    expect(parseLogins({ registry: '', username: 'me', password: 'p' }, '')).toEqual([{ registry: 'docker.io', username: 'me', password: 'p' }]);
  });

  it('names each problem and never shows a secret line', () => {
    let message = '';
    try {
      parseLogins({ registry: 'ghcr.io', username: 'octocat', password: '' }, 'ghcr.io=a:b\nbroken-line-with-secret-XYZ\nghcr.io=c:d');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("Inputs 'username' and 'password' go together");
    expect(message).toContain("Input 'registry-auth' line 2 is not HOST=USERNAME:PASSWORD (the line is not shown: it holds a secret).");
    expect(message).toContain('The registry ghcr.io has credentials twice');
    expect(message).not.toContain('XYZ');
    expect(() => parseLogins({ ...none, registry: 'ghcr.io' }, '')).toThrow("Input 'registry' is \"ghcr.io\" but 'username' and 'password' are empty");
  });
});

describe('build secrets', () => {
  it('reads ID=VALUE lines, keeping = in values, and refuses bad ids without showing the value', () => {
    expect(parseSecrets('token=abc=def\n\nnpm.rc=x')).toEqual([{ id: 'token', value: 'abc=def' }, { id: 'npm.rc', value: 'x' }]);
    expect(() => parseSecrets('bad id=hidden-value')).toThrow("Input 'secrets' line 1 is not ID=VALUE");
    expect(() => parseSecrets('=hidden-value')).not.toThrow(/hidden-value/);
  });

  it('reads ID=PATH lines and checks the files exist', () => {
    const resolve = (p: string) => `/ws/${p}`;
    expect(parseSecretFiles(['npmrc=.npmrc'], resolve, () => true)).toEqual([{ id: 'npmrc', src: '/ws/.npmrc' }]);
    expect(() => parseSecretFiles(['npmrc=.npmrc'], resolve, () => false)).toThrow("Input 'secret-files' names /ws/.npmrc for the secret npmrc, but that file does not exist.");
    expect(() => parseSecretFiles(['just-a-path'], resolve, () => true)).toThrow("Input 'secret-files' has \"just-a-path\"; write ID=PATH.");
  });
});
