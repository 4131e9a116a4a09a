/** Temporary folders for tests, removed by `cleanup()` (call it in afterAll/afterEach). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made: string[] = [];

export function tempDir(prefix = 'conveyor-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  while (made.length > 0) fs.rmSync(made.pop()!, { recursive: true, force: true });
}
