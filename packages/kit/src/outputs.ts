import * as core from '@actions/core';

export type OutputValue = string | number | boolean | object | undefined;

/** Writes step outputs (to the runner's `GITHUB_OUTPUT` file). Objects are written as JSON; `undefined` as ''. */
export function setOutputs(outputs: Record<string, OutputValue>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, formatOutput(value));
}

/** How an output value is written: strings as they are, everything else as JSON. */
export function formatOutput(value: OutputValue): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Exports an environment variable for later steps (`GITHUB_ENV`). Mask secrets before calling. */
export function exportVariable(name: string, value: string): void {
  core.exportVariable(name, value);
}

/** Puts a folder first on PATH for this and later steps (`GITHUB_PATH`). */
export function addPath(folder: string): void {
  core.addPath(folder);
}
