/** The manifest updaters, one per target kind. A new format is one new file and one line here. */
import type { Target } from '../environments.ts';
import { helm } from './helm.ts';
import { kustomize } from './kustomize.ts';
import { setter } from './setter.ts';
import type { Updater } from './types.ts';

export type { Observed, Updater, Wanted } from './types.ts';

const updaters: { [K in Target['kind']]: Updater<Extract<Target, { kind: K }>> } = { kustomize, helm, setter };

export function updaterFor<T extends Target>(target: T): Updater<T> {
  return updaters[target.kind] as unknown as Updater<T>;
}
