/** `conveyor scan --image …` runs grype (a stand-in replaying a corpus report) and applies the same policy as the action. */
import { afterAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIo } from '@conveyor/kit';
import { scanCommand } from '../../packages/scan/src/cli.ts';
import { corpusPath } from '../support/corpus.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { standInCalls, writeStandInGrype } from './standin.ts';

const defectdojo = corpusPath('grype', 'defectdojo');
afterAll(() => cleanupTempDirs());

(defectdojo ? describe : describe.skip)('conveyor scan (running grype)', () => {
  function setup(mode = 'replay') {
    const dir = tempDir('scan-cli-run-');
    const bin = writeStandInGrype(dir);
    const log = path.join(dir, 'calls.jsonl');
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      cwd: dir,
      env: { PATH: `${bin}${path.delimiter}${process.env.PATH}`, STANDIN_GRYPE_LOG: log, STANDIN_GRYPE_MODE: mode, STANDIN_GRYPE_REPORT: path.join(defectdojo!, 'fix_available.json') },
    };
    return { dir, io, log, out: () => out.join('') };
  }

  it('runs grype with -o json --file and prints the outputs', async () => {
    const t = setup();
    const code = await scanCommand.run(['--image', 'alpine:3.19', '--severity-cutoff', 'critical', '--output-dir', 'out', '--json'], t.io);
    expect(code).toBe(0);
    const call = standInCalls(t.log)[0]!;
    expect(call.args.slice(0, 5)).toEqual(['alpine:3.19', '-o', 'json', '--file', path.join(t.dir, 'out', 'grype.json')]);
    expect(JSON.parse(t.out())).toMatchObject({ verdict: 'pass', counts: { high: 1, critical: 0 }, 'counts-fixable': { high: 1 } });
  });

  it('turns a grype failure into an error, not a verdict', async () => {
    const t = setup('error');
    await expect(scanCommand.run(['--image', 'alpine:3.19', '--output-dir', 'out'], t.io)).rejects.toThrow(/grype failed with exit code 1; no policy was applied/);
    expect(fs.existsSync(path.join(t.dir, 'out', 'verdict.json'))).toBe(false);
  });
});
