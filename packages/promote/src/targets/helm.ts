/**
 * Helm values at configurable paths: the digest (with or without its `sha256:` prefix), and optionally
 * the tag (set to the version) and the repository (set to the image).
 */
import type { HelmTarget } from '../environments.ts';
import { withPrefix } from '../reference.ts';
import { YamlEditError, nodeAt, parsePath, stringAt, type Change, type YamlFile } from '../yaml-edit.ts';
import type { Observed, Updater, Wanted } from './types.ts';

function checkParent(yaml: YamlFile, path: readonly (string | number)[], field: string): void {
  if (path.length > 1 && nodeAt(yaml.docs[0]!, path.slice(0, -1)) === undefined) {
    throw new YamlEditError(`${yaml.file} has no ${path.slice(0, -1).join('.')} for the helm target's ${field} path; fix the path in the environments file.`);
  }
}

export const helm: Updater<HelmTarget> = {
  read(yaml, target): Observed[] {
    const path = parsePath(target.digest);
    checkParent(yaml, path, 'digest');
    const value = stringAt(yaml.docs[0]!, path);
    const tag = target.tag ? stringAt(yaml.docs[0]!, parsePath(target.tag)) : undefined;
    return [{ where: `${yaml.file} ${target.digest}`, ...(value ? { digest: withPrefix(value) } : {}), ...(tag ? { tag } : {}) }];
  },
  plan(yaml, target, wanted: Wanted): Change[] {
    const doc = yaml.docs[0]!;
    const changes: Change[] = [];
    const set = (dotted: string | undefined, value: string | undefined, field: string) => {
      if (!dotted || value === undefined) return;
      const path = parsePath(dotted);
      checkParent(yaml, path, field);
      if (stringAt(doc, path) !== value) changes.push({ doc: 0, path, value });
    };
    const prefixed = target['digest-prefix'] ?? true;
    set(target.digest, prefixed ? wanted.digest : wanted.digest.replace(/^sha256:/, ''), 'digest');
    set(target.tag, wanted.version, 'tag');
    set(target.repository, wanted.image, 'repository');
    return changes;
  },
};
