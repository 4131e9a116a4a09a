/**
 * scripts/build.ts as bundles rely on it: a dynamic import becomes a chunk beside the entry that Node loads
 * when the import runs, a rebuild removes the entry's chunks it no longer makes (and nothing else), and a
 * file over 1 MiB fails the build before anything is written.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_FILE_BYTES, bundle, isChunkOf } from '../../scripts/build.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-build-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rel = (file: string) => path.relative(root, file);

describe('bundles split into chunks', () => {
  it('puts a dynamic import in a chunk beside the entry, loaded when it runs', async () => {
    fs.writeFileSync(path.join(dir, 'lazy.ts'), "export const answer = 'from the chunk';\n");
    fs.writeFileSync(path.join(dir, 'entry.ts'), "process.stdout.write((await import('./lazy.ts')).answer);\n");
    const out = path.join(dir, 'dist', 'index.js');
    const files = await bundle({ name: 'test', entry: rel(path.join(dir, 'entry.ts')), outfile: rel(out) });
    const names = files.map((f) => path.basename(f.file)).sort();
    expect(names).toHaveLength(2);
    expect(names).toContain('index.js');
    const chunk = names.find((n) => n !== 'index.js')!;
    expect(isChunkOf('index', chunk)).toBe(true);
    expect(fs.readFileSync(out, 'utf8')).not.toContain('from the chunk');
    expect(execFileSync(process.execPath, [out], { encoding: 'utf8' })).toBe('from the chunk');
  });

  it('removes the chunks of this entry that the build no longer makes, and nothing else', async () => {
    const out = path.join(dir, 'dist', 'index.js');
    const stale = path.join(dir, 'dist', 'index.lazy-ABCDEFGH.js');
    const otherEntry = path.join(dir, 'dist', 'cli.lazy-ABCDEFGH.js');
    const unrelated = path.join(dir, 'dist', 'notes.txt');
    for (const f of [stale, otherEntry, unrelated]) fs.writeFileSync(f, 'old\n');
    fs.writeFileSync(path.join(dir, 'entry.ts'), "process.stdout.write('no import any more');\n");
    const files = await bundle({ name: 'test', entry: rel(path.join(dir, 'entry.ts')), outfile: rel(out) });
    expect(files.map((f) => path.basename(f.file))).toEqual(['index.js']);
    expect(fs.readdirSync(path.dirname(out)).sort()).toEqual(['cli.lazy-ABCDEFGH.js', 'index.js', 'notes.txt']);
  });

  it('fails on a file over 1 MiB, naming it and its largest input, before writing anything', async () => {
    fs.writeFileSync(path.join(dir, 'big.ts'), `export const big = ${JSON.stringify('x'.repeat(MAX_FILE_BYTES + 1000))};\n`);
    fs.writeFileSync(path.join(dir, 'big-entry.ts'), "import { big } from './big.ts';\nprocess.stdout.write(String(big.length));\n");
    const out = path.join(dir, 'big-dist', 'index.js');
    await expect(bundle({ name: 'big', entry: rel(path.join(dir, 'big-entry.ts')), outfile: rel(out) }))
      .rejects.toThrow(/Bundle big: a file is larger than 1 MiB:[\s\S]*index\.js: 1\.00 MiB; largest inputs: .*big\.ts/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('tells chunks of an entry from other files', () => {
    expect(isChunkOf('index', 'index.action-7ZXAZYD3.js')).toBe(true);
    expect(isChunkOf('index', 'index.chunk-UXQJPX6C.js')).toBe(true);
    expect(isChunkOf('index', 'index.js')).toBe(false);
    expect(isChunkOf('index', 'cli.cli-MICLGCYR.js')).toBe(false);
    expect(isChunkOf('cli', 'cli.cli-MICLGCYR.js')).toBe(true);
    expect(isChunkOf('index', 'index.js.123.tmp')).toBe(false);
  });
});
