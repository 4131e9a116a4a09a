import * as core from '@actions/core';

/** Secrets shorter than this censor unrelated log text; masking them gets a warning. */
let registerWithRunner = true;

/**
 * Whether secrets are registered with the runner (`::add-mask::`). Always on in an action. The CLI turns it off
 * outside GitHub Actions, where nothing reads the command and printing it would show the secret on the terminal.
 */
export function setRunnerMasking(enabled: boolean): void {
  registerWithRunner = enabled;
}

export const SHORT_SECRET = 4;

/**
 * Registers a secret with the runner's log masking: the whole value and every line of a multi-line one
 * (the runner matches masks line by line). Must run before anything could print the value.
 * Returns whether a warning about a short secret was given.
 */
export function maskSecret(value: string, options: { name?: string; warnShort?: boolean } = {}): boolean {
  if (value === '' || !registerWithRunner) return false;
  core.setSecret(value);
  const lines = value.split(/\r?\n/);
  if (lines.length > 1) {
    for (const line of lines) {
      if (line.trim() !== '') core.setSecret(line);
      if (line.trim() !== line && line.trim() !== '') core.setSecret(line.trim());
    }
  }
  const shortest = Math.min(...lines.map((l) => l.trim().length).filter((n) => n > 0));
  if ((options.warnShort ?? true) && shortest < SHORT_SECRET) {
    const what = options.name ? `The secret '${options.name}'` : 'A secret value';
    core.warning(`${what} has a part of only ${shortest} character(s); it is masked, but masking text that short also hides matching text elsewhere in the log.`);
    return true;
  }
  return false;
}
