/** What every manifest updater does: read the digest a file runs, and plan the edits for a new one. */
import type { Target } from '../environments.ts';
import type { Change, YamlFile } from '../yaml-edit.ts';

/** The image a promotion writes. */
export interface Wanted {
  image: string;
  digest: string;
  /** The version (tag) to write where a target has a tag field; unchanged when absent. */
  version?: string;
}

/** A place in a file that records a digest, and the digest found there (undefined: none recorded). */
export interface Observed {
  where: string;
  digest?: string;
  /** The tag (version) recorded beside the digest, when the target has one. */
  tag?: string;
}

export interface Updater<T extends Target = Target> {
  /** Every location of this target that records a digest. Throws when the target is not in the file. */
  read(yaml: YamlFile, target: T): Observed[];
  /** The changes that make this target run `wanted` (empty when it already does). */
  plan(yaml: YamlFile, target: T, wanted: Wanted): Change[];
}
