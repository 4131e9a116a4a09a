/**
 * Flattening decrypted leaves into variable names: path segments upper-cased, every character other than
 * A-Z, 0-9 and _ replaced by _, joined with `__`, list items by their index (`DB__PASSWORD`,
 * `HOSTS__0`), after the optional prefix. A name that would start with a digit gets a leading `_`.
 */
import { ConveyorError } from '@conveyor/kit';
import type { Leaf } from './decrypt.ts';

export interface Variable {
  name: string;
  value: string;
  /** Whether the value was stored encrypted (a secret). */
  secret: boolean;
  file: string;
  path: (string | number)[];
}

export function variableName(path: readonly (string | number)[], prefix = ''): string {
  const body = path.map((p) => String(p).toUpperCase().replace(/[^A-Z0-9_]/g, '_')).join('__');
  const name = `${prefix}${body}`;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** The variables of several decrypted files; two leaves that flatten to one name are an error. */
export function flattenLeaves(files: readonly { file: string; leaves: readonly Leaf[] }[], prefix = ''): Variable[] {
  const seen = new Map<string, Variable>();
  for (const { file, leaves } of files) {
    for (const leaf of leaves) {
      const name = variableName(leaf.path, prefix);
      const previous = seen.get(name);
      if (previous) {
        throw new ConveyorError(`Two values flatten to the variable ${name}: ${previous.path.join('.')} in ${previous.file} and ${leaf.path.join('.')} in ${file}. Rename one of the keys, or decrypt the files in separate steps with different env-prefix values.`);
      }
      seen.set(name, { name, value: leaf.text, secret: leaf.encrypted, file, path: leaf.path });
    }
  }
  return [...seen.values()];
}
