/**
 * Where the real-format corpus is: `CONVEYOR_CORPUS`, or `../shared/corpus` beside the repository.
 * Tests that need it call `corpusOrSkip(...)`: when it is absent they print one line and skip.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export function corpusDir(): string {
  return path.resolve(process.env.CONVEYOR_CORPUS ?? path.join(repoRoot, '..', 'shared', 'corpus'));
}

/** The corpus folder `sub`, or undefined (with one line printed) when the corpus is not here. */
export function corpusPath(...sub: string[]): string | undefined {
  const dir = path.join(corpusDir(), ...sub);
  if (fs.existsSync(dir)) return dir;
  if (process.env.CI_REQUIRE_CORPUS === 'true') throw new Error(`The corpus folder ${dir} is missing (CONVEYOR_CORPUS=${process.env.CONVEYOR_CORPUS ?? ''}).`);
  console.log(`corpus not found at ${dir}: skipping the tests that read it (set CONVEYOR_CORPUS)`);
  return undefined;
}

/** Whether the corpus folder exists (prints one line when it does not). */
export function hasCorpus(...sub: string[]): boolean {
  return corpusPath(...sub) !== undefined;
}
