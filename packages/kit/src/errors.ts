/**
 * Typed errors. Every message is a sentence a user can act on: what failed, on which input or file,
 * and what to do. `run()` prints the message and its cause chain.
 */

/** Base class for failures the user can act on. */
export class ConveyorError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** One or more action inputs (or CLI flags) are missing or invalid. Raised before any side effect. */
export class InputError extends ConveyorError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.length === 1 ? problems[0]! : `${problems.length} inputs are invalid:\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}

/** A command exited with a code the caller did not accept. */
export class ExecError extends ConveyorError {
  readonly command: string;
  readonly exitCode: number;
  readonly stderr: string;
  constructor(command: string, exitCode: number, stderr: string, hint?: string) {
    const tail = lastLines(stderr, 20);
    super(`\`${command}\` failed with exit code ${exitCode}${tail ? `:\n${tail}` : ''}${hint ? `\n${hint}` : ''}`);
    this.command = command;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

/** An executable was not found on PATH. */
export class ToolNotFoundError extends ConveyorError {
  readonly tool: string;
  constructor(tool: string, hint?: string) {
    super(`\`${tool}\` was not found on PATH. ${hint ?? `Install it in an earlier step, or use the root conveyor action to set it up.`}`);
    this.tool = tool;
  }
}

/** The message of an error and of every error in its `cause` chain, one per line. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current) && parts.length < 10) {
    seen.add(current);
    const message = current instanceof Error ? current.message : String(current);
    if (!parts.some((p) => p.includes(message))) parts.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.map((p, i) => (i === 0 ? p : `  caused by: ${p}`)).join('\n');
}

function lastLines(text: string, count: number): string {
  const lines = text.trimEnd().split(/\r?\n/);
  return lines.slice(-count).join('\n');
}
