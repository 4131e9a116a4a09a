/**
 * `stacks: auto`: finds the root modules under a folder and orders them.
 *
 * The rule: a folder is a stack (a root module) when it holds `.tf` or `.tofu` files and either declares
 * a `backend` or `cloud` block, or no other folder in the tree calls it as a local module
 * (`source = "./…"` or `"../…"`). Folders named `.terraform`, `.git`, `node_modules` and hidden folders
 * are skipped. Stacks are ordered by the declared `order` (each entry a folder path or a name matched
 * against the folder's last part, `*` allowed), then by path.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addressPattern } from './policy.ts';

export interface StackFolder {
  /** Path relative to the search root's parent workspace, with `/`. */
  dir: string;
  hasBackend: boolean;
  calls: string[];
}

const SKIP = new Set(['.terraform', '.git', 'node_modules']);

function readFolder(abs: string): { tf: string[]; subdirs: string[] } {
  const tf: string[] = [];
  const subdirs: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name) && !entry.name.startsWith('.')) subdirs.push(entry.name);
    } else if (entry.isFile() && (entry.name.endsWith('.tf') || entry.name.endsWith('.tofu'))) tf.push(entry.name);
  }
  return { tf: tf.sort(), subdirs: subdirs.sort() };
}

/** The local module folders a configuration calls, and whether it declares a backend. */
export function scanConfiguration(text: string): { hasBackend: boolean; localSources: string[] } {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:"])(#|\/\/).*$/gm, '$1');
  const hasBackend = /^\s*(backend\s+"[^"]+"|cloud)\s*\{/m.test(withoutComments);
  const localSources = Array.from(withoutComments.matchAll(/^\s*source\s*=\s*"(\.\.?\/[^"]*)"/gm), (m) => m[1]!);
  return { hasBackend, localSources };
}

/** Finds the stacks under `root` (absolute); dirs in the result are relative to `base`. */
export function discoverStacks(root: string, base: string): string[] {
  const folders: { abs: string; hasBackend: boolean }[] = [];
  const called = new Set<string>();
  const visit = (abs: string, depth: number) => {
    if (depth > 20) return;
    const { tf, subdirs } = readFolder(abs);
    if (tf.length > 0) {
      let hasBackend = false;
      for (const file of tf) {
        const scan = scanConfiguration(fs.readFileSync(path.join(abs, file), 'utf8'));
        hasBackend ||= scan.hasBackend;
        for (const source of scan.localSources) called.add(path.resolve(abs, source));
      }
      folders.push({ abs, hasBackend });
    }
    for (const sub of subdirs) visit(path.join(abs, sub), depth + 1);
  };
  visit(root, 0);
  return folders
    .filter((f) => f.hasBackend || !called.has(f.abs))
    .map((f) => path.relative(base, f.abs).split(path.sep).join('/') || '.');
}

/** Orders stacks by the declared order, then by path. */
export function orderStacks(stacks: readonly string[], order: readonly string[]): string[] {
  const patterns = order.map((o) => addressPattern(o));
  const rank = (dir: string) => {
    const name = dir.split('/').pop() ?? dir;
    const i = patterns.findIndex((p) => p.test(dir) || p.test(name));
    return i === -1 ? patterns.length : i;
  };
  return [...stacks].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The matrix a workflow fans out over: `{ include: [{ stack, name, order }] }`, in order. */
export function stackMatrix(stacks: readonly string[]): { include: { stack: string; name: string; order: number }[] } {
  return { include: stacks.map((stack, order) => ({ stack, name: stack.split('/').pop() || stack, order })) };
}
