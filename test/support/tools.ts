/**
 * Where the external tools built by `npm run tools` are: `CONVEYOR_TOOLS_DIR`, else `.tools/bin` of the
 * repository, else PATH. A test that needs one calls `toolOrSkip(name)`: when it is missing it prints one
 * line and the test skips, unless `CI_REQUIRE_TOOLS=true`, where a missing tool is an error.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export function toolsDir(): string {
  return path.resolve(process.env.CONVEYOR_TOOLS_DIR ?? path.join(repoRoot, '.tools', 'bin'));
}

/** The absolute path of `name`, from the tools folder or PATH, or undefined. */
export function findTool(name: string): string | undefined {
  const own = path.join(toolsDir(), name);
  if (fs.existsSync(own)) return own;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The tool's path, or undefined with one line printed; throws when CI_REQUIRE_TOOLS=true. */
export function toolOrSkip(name: string, what = 'the tests that run it'): string | undefined {
  const found = findTool(name);
  if (found) return found;
  if (process.env.CI_REQUIRE_TOOLS === 'true') {
    throw new Error(`${name} is required (CI_REQUIRE_TOOLS=true) but is neither in ${toolsDir()} nor on PATH: run npm run tools.`);
  }
  console.log(`${name} not found in ${toolsDir()} or on PATH: skipping ${what} (npm run tools builds it)`);
  return undefined;
}

/** The tool's version line, for messages. */
export function toolVersion(file: string, args = ['--version']): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0]!.trim();
  } catch {
    return 'unknown version';
  }
}
