/**
 * Where a run writes its files (SARIF, verdicts, plans, decrypted files): a fresh folder of its own under
 * RUNNER_TEMP (emptied by the runner after each job), else under TMPDIR (the system temporary folder). Never a fixed
 * shared path: two jobs on one self-hosted runner, two scans in one job, or two terminals on one machine
 * each get their own folder, and the outputs and the summary say where the files went.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Creates `conveyor-<purpose>-XXXXXX` under RUNNER_TEMP (created when missing) or the system temp folder. */
export function runFolder(purpose: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = env.RUNNER_TEMP || env.TMPDIR || os.tmpdir();
  fs.mkdirSync(root, { recursive: true });
  return fs.mkdtempSync(path.join(root, `conveyor-${purpose}-`));
}
