/**
 * The files a target's path pattern names, among the paths of a commit's tree (the GitOps repository is
 * read without a working tree). Matching is Node's own `path.posix.matchesGlob`, the matcher `fs.globSync`
 * uses, so a pattern names the same files it would name in a checkout: `*` and `?` stay within one
 * folder and skip names starting with a dot, `**` crosses folders, braces and classes work. Paths that
 * cannot match (outside the pattern's literal leading folders, or at another depth) are skipped before
 * the matcher is asked, and a folder-by-folder pattern of plain names and `*` is compiled once.
 */
import * as path from 'node:path';

/** Characters that make a path segment a pattern rather than a plain name. */
const MAGIC = /[*?[\]{}()!+@]/;

/** Whether a target's `file` is a pattern (else it names one path). */
export function isPattern(file: string): boolean {
  return /[*?[{]/.test(file);
}

/** The pattern as `fs.globSync` reads it: `./`, `//` and `a/..` taken out. */
export function normalizePattern(pattern: string): string {
  if (!/(^|\/)\.{1,2}(\/|$)|\/\//.test(pattern)) return pattern;
  return path.posix.normalize(pattern).replace(/^\.\//, '');
}

/** Paths (sorted) among `paths` (`/`-separated, relative to the repository root) that `pattern` matches. */
export function matchPaths(pattern: string, paths: Iterable<string>): string[] {
  const normal = normalizePattern(pattern);
  const segments = normal.split('/');
  const firstMagic = segments.findIndex((s) => MAGIC.test(s));
  const prefix = firstMagic > 0 ? `${segments.slice(0, firstMagic).join('/')}/` : '';
  // Without `**` or braces (which may hold a `/`), a match has exactly as many segments as the pattern.
  const depth = normal.includes('**') || normal.includes('{') ? undefined : segments.length - 1;
  const segmentMatchers = depth === undefined ? undefined : segments.map(starSegment);
  const matches = segmentMatchers?.every((m) => m !== undefined)
    ? (file: string) => file.split('/').every((name, i) => segmentMatchers[i]!(name))
    : (file: string) => path.posix.matchesGlob(file, normal);
  const found: string[] = [];
  for (const file of paths) {
    if (prefix && !file.startsWith(prefix)) continue;
    if (depth !== undefined && slashes(file) !== depth) continue;
    if (matches(file)) found.push(file);
  }
  return found.sort();
}

/**
 * A matcher for one segment made of plain characters and `*` (the common `apps/*\/kustomization.yaml`),
 * compiled once instead of asking the general matcher for every path; undefined for anything else. As
 * in the general matcher, `*` matches within the segment and not a leading dot.
 */
function starSegment(segment: string): ((name: string) => boolean) | undefined {
  if (/[?[\]{}()!+@\\]/.test(segment)) return undefined;
  if (!segment.includes('*')) return (name) => name === segment;
  const pattern = new RegExp(`^${segment.split('*').map((part) => part.replace(/[.^$|\\/]/g, '\\$&')).join('[^/]*')}$`);
  return segment.startsWith('*') ? (name) => !name.startsWith('.') && pattern.test(name) : (name) => pattern.test(name);
}

function slashes(file: string): number {
  let n = 0;
  for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) n += 1;
  return n;
}
