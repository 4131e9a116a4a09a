import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliWords } from './cli-words.ts';

const root = path.resolve(import.meta.dirname, '../../..');

describe('cliWords', () => {
  const flags = ['allow-destroy', 'allowed-destroy', 'rollback', 'digest', 'version', 'github-token', 'dry-run', 'image', 'sbom', 'path', 'grype-version', 'download-base-url', 'repository'];

  it('says flags where the action says inputs', () => {
    expect(cliWords("Input 'digest' is \"x\"; accepted: sha256:<64 hex digits>.", flags)).toBe('Flag --digest is "x"; accepted: sha256:<64 hex digits>.');
    expect(cliWords('Input required and not supplied: image (accepted: any text).', flags)).toBe('Flag --image is required (accepted: any text).');
    expect(cliWords("Inputs 'rollback' and 'digest' exclude each other. Remove one.", flags)).toBe('Flags --rollback and --digest exclude each other. Remove one.');
    expect(cliWords('Inputs image and sbom are both set; set exactly one of image, sbom or path.', flags)).toBe('Flags --image and --sbom are both set; set exactly one of image, sbom or path.');
    expect(cliWords("or give 'version' to resolve it as a tag, or set 'rollback: true'.", flags)).toBe('or give --version to resolve it as a tag, or pass --rollback.');
    expect(cliWords('Input `github-token` is empty, or set `dry-run: true` to only compute the version.', flags)).toBe('Flag --github-token is empty, or pass --dry-run to only compute the version.');
    expect(cliWords('give an exact version in the input grype-version, or point the input download-base-url at a mirror', flags)).toBe('give an exact version in --grype-version, or point --download-base-url at a mirror');
    expect(cliWords('set the input repository (owner/name).', flags)).toBe('pass --repository (owner/name).');
    expect(cliWords('pass `repository: owner/name`', flags)).toBe('pass --repository owner/name');
  });

  it('turns allow-destroy: true into --allow-destroy, and bare dashed names into flags', () => {
    expect(cliWords('If that is intended, set allow-destroy: true, or list the addresses (patterns with *) in allowed-destroy.', flags))
      .toBe('If that is intended, pass --allow-destroy, or list the addresses (patterns with *) in --allowed-destroy.');
    expect(cliWords('keep allow-destroy: false', flags)).toBe('keep --no-allow-destroy');
    // Paths, longer words and flags already written as flags stay as they are.
    expect(cliWords('see /tmp/allow-destroy.txt, re-allow-destroy and --allow-destroy', flags)).toBe('see /tmp/allow-destroy.txt, re-allow-destroy and --allow-destroy');
    expect(cliWords('the path input and the image', flags)).toBe('the path input and the image');
  });

  it('replaces advice for a workflow with what to do at a shell', () => {
    expect(cliWords('Run actions/checkout before this step, or point the working directory at the repository.', []))
      .toBe('Run conveyor inside a clone of the repository, or pass --working-directory.');
    expect(cliWords('If this is a shallow clone, fetch the full history: set `fetch-depth: 0` on actions/checkout. Otherwise check that the revision exists.', []))
      .toBe('If this is a shallow clone, fetch the full history: git fetch --unshallow --tags. Otherwise check that the revision exists.');
    expect(cliWords('give a token with contents: write (the default `${{ github.token }}` works), or set', [])).toBe('give a token with contents: write (or the GITHUB_TOKEN variable), or set');
  });

  it('leaves no "actions/checkout" in any message of the sources', () => {
    const literals: string[] = [];
    for (const file of fs.globSync('packages/*/src/**/*.ts', { cwd: root })) {
      if (file.endsWith('.test.ts') || file.includes('/generated/')) continue;
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      // String and template literals on one line that mention actions/checkout.
      for (const match of text.matchAll(/(['`])((?:(?!\1)[^\\\n]|\\.)*actions\/checkout(?:(?!\1)[^\\\n]|\\.)*)\1/g)) literals.push(match[2]!.replace(/\\`/g, '`'));
    }
    expect(literals.length).toBeGreaterThan(5);
    const left = literals.map((l) => cliWords(l, [])).filter((l) => l.includes('actions/checkout'));
    expect(left).toEqual([]);
  });
});
