/**
 * The exec seam: every external command (except git's streaming reader) goes through here.
 * It logs the command line, runs it, captures or streams its output, and maps exit codes.
 */
import { spawn } from 'node:child_process';
import * as core from '@actions/core';
import { ExecError, ToolNotFoundError } from './errors.ts';

export interface ExecOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to the command's standard input. */
  input?: string | Buffer;
  /** Also copy the command's output to the log as it arrives (default: capture only). */
  stream?: boolean;
  /** Exit codes that are not failures (default `[0]`). Others throw `ExecError`. */
  okCodes?: readonly number[];
  /** Added to the `ExecError` message, to tell the user what to do. */
  hint?: string;
  /** Do not log the command line (for commands whose arguments are secret). */
  quiet?: boolean;
  /**
   * Stop the command when it runs longer (SIGTERM, then SIGKILL 5 s later). The result then has exit code
   * 124 and `timedOut: true`; put 124 in `okCodes` to handle it rather than have it thrown.
   */
  timeoutMs?: number;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Set when `timeoutMs` stopped the command. */
  timedOut?: boolean;
}

/** Quotes an argument for display in a log line. */
export function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Runs `command args`, resolving with its exit code and output, or throwing a typed error. */
export async function exec(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const display = [command, ...args].map(quoteArg).join(' ');
  if (!options.quiet) core.info(`[command]${display}`);
  const okCodes = options.okCodes ?? [0];
  return new Promise<ExecResult>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      if (options.stream) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err.push(chunk);
      if (options.stream) process.stderr.write(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(new ToolNotFoundError(command, options.hint));
      else reject(new ExecError(display, -1, error.message, options.hint));
    });
    let timedOut = false;
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, options.timeoutMs);
    // a stopped command is done when it exits, even if a child of its own still holds the output pipes open
    child.on('exit', () => {
      if (!timedOut) return;
      if (timer) clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      const stopped = { exitCode: 124, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut: true };
      if (okCodes.includes(124)) resolve(stopped);
      else reject(new ExecError(display, 124, `${stopped.stderr}\nstopped after ${Math.round(options.timeoutMs! / 1000)} s`, options.hint));
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (timedOut) return;
      const result = { exitCode: code ?? 128, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
      if (signal) reject(new ExecError(display, result.exitCode, `${result.stderr}\nkilled by ${signal}`, options.hint));
      else if (okCodes.includes(result.exitCode)) resolve(result);
      else reject(new ExecError(display, result.exitCode, result.stderr || result.stdout, options.hint));
    });
    child.stdin.on('error', () => {
      /* the command closed its input early; its exit code tells the story */
    });
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}
