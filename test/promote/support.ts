/**
 * Fixtures for promotion tests: images pushed to the real registry, GitOps repositories as real bare
 * remotes, and an environment for git that ignores the machine's configuration.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const sha256 = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

async function pushBlob(registryUrl: string, name: string, data: Buffer): Promise<string> {
  const digest = sha256(data);
  const start = await fetch(`${registryUrl}/v2/${name}/blobs/uploads/`, { method: 'POST' });
  if (start.status !== 202) throw new Error(`blob upload start: HTTP ${start.status}`);
  const location = new URL(start.headers.get('location')!, registryUrl);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, { method: 'PUT', body: new Uint8Array(data), headers: { 'content-type': 'application/octet-stream' } });
  if (put.status !== 201) throw new Error(`blob upload: HTTP ${put.status} ${await put.text()}`);
  return digest;
}

/**
 * Pushes a minimal OCI image (one config blob, one layer holding `content`) to `name:tag` through the
 * distribution API, and returns the digest the registry reports for its manifest.
 */
export async function pushImage(registryUrl: string, name: string, tag: string, content: string): Promise<string> {
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, config: { Labels: { content } } }));
  const layer = Buffer.from(content);
  const configDigest = await pushBlob(registryUrl, name, config);
  const layerDigest = await pushBlob(registryUrl, name, layer);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layerDigest, size: layer.length }],
  });
  const res = await fetch(`${registryUrl}/v2/${name}/manifests/${tag}`, {
    method: 'PUT', body: manifest, headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
  });
  if (res.status !== 201) throw new Error(`manifest put: HTTP ${res.status} ${await res.text()}`);
  const digest = res.headers.get('docker-content-digest')!;
  if (digest !== sha256(manifest)) throw new Error('the registry reported a different manifest digest');
  return digest;
}

/** Environment for git child processes that ignores the machine's configuration. */
export function gitEnv(home: string): NodeJS.ProcessEnv {
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(path.join(home, '.gitconfig'), '[init]\n\tdefaultBranch = main\n');
  return {
    ...process.env,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    GIT_AUTHOR_NAME: 'Fixture', GIT_AUTHOR_EMAIL: 'fixture@example.invalid',
    GIT_COMMITTER_NAME: 'Fixture', GIT_COMMITTER_EMAIL: 'fixture@example.invalid',
  };
}

export function run(cwd: string, env: NodeJS.ProcessEnv, command: string, ...args: string[]): string {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * A bare repository at `<dir>/gitops.git` whose main branch holds `files`, committed from a work clone
 * at `<dir>/seed`. Returns the bare repository's path.
 */
export function gitopsRemote(dir: string, env: NodeJS.ProcessEnv, files: Record<string, string>): string {
  const bare = path.join(dir, 'gitops.git');
  run(dir, env, 'git', 'init', '-q', '--bare', '-b', 'main', bare);
  const seed = path.join(dir, 'seed');
  run(dir, env, 'git', 'clone', '-q', bare, seed);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(seed, file)), { recursive: true });
    fs.writeFileSync(path.join(seed, file), text);
  }
  run(seed, env, 'git', 'add', '-A');
  run(seed, env, 'git', 'commit', '-q', '-m', 'seed');
  run(seed, env, 'git', 'push', '-q', 'origin', 'HEAD:main');
  return bare;
}

/**
 * Makes the next pushes to `main` of the bare repository `bare` lose a race, one per entry of `changes`:
 * a pre-receive hook moves main to a commit prepared here before the push's own update happens (as if
 * another push had landed first), so git rejects the push. Each prepared commit sits on the previous one
 * (the first on main) and writes the files given (null deletes one). Returns the prepared commits' ids, in order.
 */
export function loseRaces(bare: string, env: NodeJS.ProcessEnv, changes: readonly Record<string, string | null>[]): string[] {
  const work = fs.mkdtempSync(path.join(path.dirname(bare), 'racer-'));
  run(path.dirname(bare), env, 'git', 'clone', '-q', bare, work);
  const commits = changes.map((files, n) => {
    for (const [file, text] of Object.entries(files)) {
      if (text === null) {
        run(work, env, 'git', 'rm', '-q', '--', file);
        continue;
      }
      fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
      fs.writeFileSync(path.join(work, file), text);
    }
    run(work, env, 'git', 'commit', '-q', '-am', `another change ${n + 1}`);
    run(work, env, 'git', 'push', '-q', 'origin', `HEAD:refs/racing/${n}`);
    return run(work, env, 'git', 'rev-parse', 'HEAD');
  });
  const hook = path.join(bare, 'hooks', 'pre-receive');
  fs.writeFileSync(hook, `#!/bin/sh
cat > /dev/null
n=$(cat "$GIT_DIR/racing-next" 2>/dev/null || echo 0)
if git rev-parse -q --verify "refs/racing/$n" > /dev/null; then
  echo $((n + 1)) > "$GIT_DIR/racing-next"
  (unset GIT_QUARANTINE_PATH; git update-ref refs/heads/main "refs/racing/$n")
fi
exit 0
`);
  fs.chmodSync(hook, 0o755);
  return commits;
}

export { parseFileCommand, runBundle, type ActionRun } from '../support/runner.ts';
