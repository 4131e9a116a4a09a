/** The corpus's own test keys as a KeyContext (age identities from flux/keys, PGP keys of both projects). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KeyContext } from '@conveyor/sops';

export function ageIdentities(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('AGE-SECRET-KEY-'));
}

export function corpusKeys(dir: string): KeyContext {
  const keys = path.join(dir, 'flux', 'keys');
  return {
    age: ['age.txt', 'age-pq.txt', 'age-global.txt'].flatMap((f) => ageIdentities(fs.readFileSync(path.join(keys, f), 'utf8')).map((identity) => ({ identity, origin: f }))),
    pgp: [
      { armored: fs.readFileSync(path.join(dir, 'getsops', 'sops_functional_tests_key.asc'), 'utf8'), origin: 'sops_functional_tests_key.asc' },
      { armored: fs.readFileSync(path.join(keys, 'pgp.asc'), 'utf8'), origin: 'pgp.asc' },
    ],
  };
}

/** The error a promise rejects with; fails when it resolves instead. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}
