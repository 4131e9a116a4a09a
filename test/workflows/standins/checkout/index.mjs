// The checkout stand-in: clone $CONVEYOR_TEST_GIT/<owner>/<repo>.git, check out the ref (or the event's
// commit on its branch, as actions/checkout does), full history and tags with fetch-depth 0.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const input = (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

const root = process.env.CONVEYOR_TEST_GIT;
if (!root) throw new Error('checkout stand-in: CONVEYOR_TEST_GIT is not set');
const repository = input('repository') || process.env.GITHUB_REPOSITORY;
const remote = path.join(root, `${repository}.git`);
if (!fs.existsSync(remote)) throw new Error(`checkout stand-in: no repository ${repository} at ${remote}`);
const dest = path.resolve(process.env.GITHUB_WORKSPACE, input('path') || '.');
fs.mkdirSync(dest, { recursive: true });
for (const entry of fs.readdirSync(dest)) fs.rmSync(path.join(dest, entry), { recursive: true, force: true });

const depth = Number(input('fetch-depth') || '1');
const ref = input('ref');
const own = repository === process.env.GITHUB_REPOSITORY;
git(dest, 'init', '-q');
git(dest, 'remote', 'add', 'origin', `file://${remote}`);
const refspecs = ['+refs/heads/*:refs/remotes/origin/*'];
if (depth === 0) refspecs.push('+refs/tags/*:refs/tags/*');
git(dest, 'fetch', '-q', ...(depth > 0 ? [`--depth=${depth}`] : []), '--no-tags', 'origin', ...refspecs);
let target = ref;
if (!target && own) target = process.env.GITHUB_SHA;
if (!target) target = 'HEAD';
if (/^[0-9a-f]{40}$/.test(target)) {
  try { git(dest, 'cat-file', '-e', `${target}^{commit}`); } catch { git(dest, 'fetch', '-q', ...(depth > 0 ? [`--depth=${depth}`] : []), 'origin', target); }
}
const sparse = input('sparse-checkout');
if (sparse) git(dest, 'sparse-checkout', 'set', ...sparse.split('\n').map((s) => s.trim()).filter(Boolean));
const branch = !ref && own && process.env.GITHUB_REF?.startsWith('refs/heads/') ? process.env.GITHUB_REF.slice('refs/heads/'.length) : '';
const remoteBranches = git(dest, 'for-each-ref', '--format=%(refname:strip=3)', 'refs/remotes/origin').split('\n');
if (branch) git(dest, 'checkout', '-q', '-B', branch, target);
else if (ref && remoteBranches.includes(ref)) git(dest, 'checkout', '-q', '-B', ref, `origin/${ref}`);
else if (ref && !/^[0-9a-f]{40}$/.test(ref)) {
  git(dest, 'fetch', '-q', '--no-tags', 'origin', `+refs/tags/${ref.replace(/^refs\/tags\//, '')}:refs/tags/${ref.replace(/^refs\/tags\//, '')}`);
  git(dest, 'checkout', '-q', '--detach', ref);
} else git(dest, 'checkout', '-q', '--detach', target);
console.log(`checkout stand-in: ${repository} at ${git(dest, 'rev-parse', 'HEAD')} in ${dest}${sparse ? ` (sparse: ${sparse.replace(/\n/g, ', ')})` : ''}`);
