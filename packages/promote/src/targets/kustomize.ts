/**
 * Kustomize `images:` entries `{name, newName, newTag, digest}`: the entry whose `name` matches gets the
 * digest (added when missing) and, when a version is given and the entry has `newTag`, the new tag.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { KustomizeTarget } from '../environments.ts';
import { YamlEditError, stringAt, type Change, type YamlFile } from '../yaml-edit.ts';
import type { Observed, Updater, Wanted } from './types.ts';

interface Entry {
  doc: number;
  index: number;
}

function findEntry(yaml: YamlFile, target: KustomizeTarget): Entry {
  const name = target.name ?? target.image;
  const names: string[] = [];
  for (const [doc, document] of yaml.docs.entries()) {
    const images = isMap(document.contents) ? document.contents.get('images', true) : undefined;
    if (!isSeq(images)) continue;
    for (const [index, item] of images.items.entries()) {
      if (!isMap(item)) continue;
      const entryName = item.get('name', true);
      if (!isScalar(entryName)) continue;
      names.push(String(entryName.value));
      if (String(entryName.value) === name) return { doc, index };
    }
  }
  const known = names.length > 0 ? `its entries are named ${names.join(', ')}` : 'it has no images: list';
  throw new YamlEditError(`${yaml.file} has no kustomize images: entry named ${name} (${known}); add the entry or fix the target's name.`);
}

export const kustomize: Updater<KustomizeTarget> = {
  read(yaml, target): Observed[] {
    const { doc, index } = findEntry(yaml, target);
    const digest = stringAt(yaml.docs[doc]!, ['images', index, 'digest']);
    const tag = stringAt(yaml.docs[doc]!, ['images', index, 'newTag']);
    return [{ where: `${yaml.file} images[${index}]`, ...(digest ? { digest } : {}), ...(tag ? { tag } : {}) }];
  },
  plan(yaml, target, wanted: Wanted): Change[] {
    const { doc, index } = findEntry(yaml, target);
    const document = yaml.docs[doc]!;
    const changes: Change[] = [];
    if (stringAt(document, ['images', index, 'digest']) !== wanted.digest) {
      changes.push({ doc, path: ['images', index, 'digest'], value: wanted.digest });
    }
    const tag = stringAt(document, ['images', index, 'newTag']);
    if (wanted.version && tag !== undefined && tag !== wanted.version) {
      changes.push({ doc, path: ['images', index, 'newTag'], value: wanted.version });
    }
    return changes;
  },
};
