/**
 * Flux-style setter markers: any YAML value followed on its line by
 * `# {"$imagepolicy": "<namespace>:<name>[:tag|:name|:digest]"}`. Without a suffix the value is the whole
 * reference (`image:tag@digest`); with one, only that part.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { SetterTarget } from '../environments.ts';
import { formatReference, parseReference } from '../reference.ts';
import { YamlEditError, showPath, type Change, type YamlFile, type YamlPath } from '../yaml-edit.ts';
import type { Observed, Updater, Wanted } from './types.ts';

type Part = 'full' | 'tag' | 'name' | 'digest';

interface Marked {
  doc: number;
  path: YamlPath;
  value: string;
  part: Part;
}

const MARKER = /#\s*(\{\s*"\$imagepolicy"\s*:\s*"[^"]*"\s*\})/;

function markerAfter(text: string, end: number): string | undefined {
  const eol = text.indexOf('\n', end);
  const rest = text.slice(end, eol === -1 ? text.length : eol);
  const m = MARKER.exec(rest);
  if (!m) return undefined;
  try {
    return (JSON.parse(m[1]!) as { $imagepolicy: string }).$imagepolicy;
  } catch {
    return undefined;
  }
}

function walk(yaml: YamlFile, node: unknown, path: YamlPath, doc: number, policy: string, out: Marked[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key === 'string' || typeof key === 'number') walk(yaml, pair.value, [...path, String(key)], doc, policy, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(yaml, item, [...path, i], doc, policy, out));
  } else if (isScalar(node) && (node as Node).range) {
    const marker = markerAfter(yaml.text, node.range![1]);
    if (!marker) return;
    const [ns, name, suffix] = marker.split(':');
    if (`${ns}:${name}` !== policy) return;
    const part: Part = suffix === 'tag' || suffix === 'name' || suffix === 'digest' ? suffix : 'full';
    out.push({ doc, path, value: String(node.value ?? ''), part });
  }
}

function findMarked(yaml: YamlFile, target: SetterTarget): Marked[] {
  const out: Marked[] = [];
  yaml.docs.forEach((d, i) => walk(yaml, d.contents, [], i, target.policy, out));
  if (out.length === 0) {
    throw new YamlEditError(`${yaml.file} has no field marked # {"$imagepolicy": "${target.policy}"}; add the marker or fix the target's policy.`);
  }
  return out;
}

function digestOf(m: Marked): string | undefined {
  if (m.part === 'digest') return m.value || undefined;
  if (m.part === 'full') return parseReference(m.value).digest;
  return undefined;
}

export const setter: Updater<SetterTarget> = {
  read(yaml, target): Observed[] {
    const all = findMarked(yaml, target);
    const tagField = all.find((m) => m.part === 'tag')?.value;
    const marked = all.filter((m) => m.part === 'full' || m.part === 'digest');
    if (marked.length === 0) return [{ where: `${yaml.file} (no marker records a digest)` }];
    return marked.map((m) => {
      const digest = digestOf(m);
      const tag = m.part === 'full' ? parseReference(m.value).tag : tagField;
      return { where: `${yaml.file} ${showPath(m.path)}`, ...(digest ? { digest } : {}), ...(tag ? { tag } : {}) };
    });
  },
  plan(yaml, target, wanted: Wanted): Change[] {
    const changes: Change[] = [];
    for (const m of findMarked(yaml, target)) {
      let value: string | undefined;
      if (m.part === 'digest') value = wanted.digest;
      else if (m.part === 'name') value = wanted.image;
      else if (m.part === 'tag') value = wanted.version;
      else value = formatReference(wanted.image, wanted.version ?? parseReference(m.value).tag, wanted.digest);
      if (value !== undefined && value !== m.value) changes.push({ doc: m.doc, path: m.path, value });
    }
    return changes;
  },
};
