import { describe, expect, it } from '@jest/globals';
import { ConveyorError, describeError, ExecError } from './errors.ts';

describe('describeError', () => {
  it('prints the cause chain, one cause per line, without repeating a message', () => {
    const root = new Error('connect ECONNREFUSED 127.0.0.1:1');
    const middle = new ConveyorError('Could not read the registry manifest for app:1.0', { cause: root });
    const top = new ConveyorError('Promotion to stage stopped before any change', { cause: middle });
    expect(describeError(top)).toBe(
      'Promotion to stage stopped before any change\n  caused by: Could not read the registry manifest for app:1.0\n  caused by: connect ECONNREFUSED 127.0.0.1:1',
    );
    expect(describeError('plain')).toBe('plain');
  });

  it('an ExecError names the command, the exit code and the end of stderr', () => {
    const error = new ExecError('grype dir:.', 1, 'a\nb\nfailed to load db\n', 'Check the grype DB cache.');
    expect(error.message).toBe('`grype dir:.` failed with exit code 1:\na\nb\nfailed to load db\nCheck the grype DB cache.');
  });
});
