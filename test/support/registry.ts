/**
 * A real OCI registry (Debian's `docker-registry`, the CNCF distribution server) on 127.0.0.1, with its
 * data in a temporary folder. `startRegistry()` resolves once `/v2/` answers; `stop()` kills it.
 * Tests that need it skip with one line when the binary is not installed (`.ci/run` installs it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { tempDir } from './tmp.ts';

export interface Registry {
  /** `127.0.0.1:PORT`, to put in image references. */
  host: string;
  url: string;
  dir: string;
  stop(): Promise<void>;
}

export function hasBinary(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startRegistry(): Promise<Registry> {
  const dir = tempDir('conveyor-registry-');
  const port = await freePort();
  const config = path.join(dir, 'registry.yml');
  fs.writeFileSync(config, [
    'version: 0.1',
    'log: {level: warn}',
    `storage: {filesystem: {rootdirectory: ${path.join(dir, 'data')}}, delete: {enabled: true}}`,
    `http: {addr: 127.0.0.1:${port}}`,
    '',
  ].join('\n'));
  const log = fs.openSync(path.join(dir, 'registry.log'), 'a');
  const child: ChildProcess = spawn('docker-registry', ['serve', config], { stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited early: ${fs.readFileSync(path.join(dir, 'registry.log'), 'utf8')}`);
    try {
      const res = await fetch(`${url}/v2/`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('docker-registry did not answer on /v2/ within 15 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    dir,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    }),
  };
}
