import { describe, expect, it, jest } from '@jest/globals';
import { ExecError, ToolNotFoundError } from './errors.ts';
import { exec, quoteArg } from './exec.ts';

describe('exec', () => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);

  it('captures output and the exit code, and feeds standard input', async () => {
    const result = await exec('sh', ['-c', 'cat; echo err >&2; exit 0'], { input: 'hello' });
    expect(result).toEqual({ exitCode: 0, stdout: 'hello', stderr: 'err\n' });
  });

  it('accepts the exit codes it is told are not failures', async () => {
    const result = await exec('sh', ['-c', 'echo changes; exit 2'], { okCodes: [0, 2] });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('changes\n');
  });

  it('turns another exit code into an ExecError with the command and stderr', async () => {
    const failure = exec('sh', ['-c', 'echo "bad flag" >&2; exit 3'], { hint: 'Run fmt first.' });
    await expect(failure).rejects.toBeInstanceOf(ExecError);
    await expect(failure).rejects.toMatchObject({ exitCode: 3, stderr: 'bad flag\n', message: "`sh -c 'echo \"bad flag\" >&2; exit 3'` failed with exit code 3:\nbad flag\nRun fmt first." });
  });

  it('a missing executable is a ToolNotFoundError naming it', async () => {
    await expect(exec('conveyor-no-such-tool', [])).rejects.toBeInstanceOf(ToolNotFoundError);
    await expect(exec('conveyor-no-such-tool', [])).rejects.toThrow('`conveyor-no-such-tool` was not found on PATH.');
  });

  it('stops a command that outlives timeoutMs: exit code 124 and timedOut, or an ExecError', async () => {
    const stopped = await exec('sh', ['-c', 'echo started; sleep 30'], { timeoutMs: 300, okCodes: [0, 124] });
    expect(stopped).toEqual({ exitCode: 124, stdout: 'started\n', stderr: '', timedOut: true });
    await expect(exec('sleep', ['30'], { timeoutMs: 200 })).rejects.toMatchObject({ exitCode: 124, message: expect.stringContaining('stopped after 0 s') });
    expect(await exec('sh', ['-c', 'exit 0'], { timeoutMs: 5000 })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('quotes arguments for the log line', () => {
    expect(quoteArg('plain-arg=1')).toBe('plain-arg=1');
    expect(quoteArg("it's here")).toBe("'it'\\''s here'");
  });
});
