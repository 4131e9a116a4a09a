import * as core from '@actions/core';

/** Runs `fn` inside a collapsible log group; the group is closed even when `fn` throws. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return core.group(name, fn);
}

export const info = (message: string): void => core.info(message);
export const debug = (message: string): void => core.debug(message);
export const warning = (message: string): void => core.warning(message);
export const isDebug = (): boolean => core.isDebug();
