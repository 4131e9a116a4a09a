import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '@conveyor/kit';
import { payloadOf } from './__fixtures__/events.ts';
import { imageCommand } from './cli.ts';

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: { PATH: process.env.PATH }, cwd }, out, err };
}

describe('conveyor image', () => {
  it('--dry-run --json prints the outputs for a release event given by flags', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-image-cli-'));
    try {
      const payload = payloadOf('release', (p) => p.action === 'published');
      fs.writeFileSync(path.join(dir, 'event.json'), JSON.stringify(payload));
      const t = io(dir);
      const code = await imageCommand.run([
        '--images', 'ghcr.io/codertocat/hello-world', '--tags', 'type=semver,pattern={{version}}', '--tags', 'type=semver,pattern={{major}}.{{minor}}',
        '--builder', 'buildah', '--dry-run', '--push', '--json',
        '--event-name', 'release', '--ref', 'refs/tags/v0.0.1', '--sha', 'a'.repeat(40), '--event-path', 'event.json', '--repository', 'Codertocat/Hello-World',
      ], t.io);
      expect(t.err.join('')).toContain('dry-run: buildah would run:');
      expect(code).toBe(0);
      const outputs = JSON.parse(t.out.join('')) as Record<string, string>;
      expect(outputs.tags).toBe('ghcr.io/codertocat/hello-world:0.0.1\nghcr.io/codertocat/hello-world:0.0\nghcr.io/codertocat/hello-world:latest');
      expect(outputs.version).toBe('0.0.1');
      expect(JSON.parse(outputs.json!).labels['org.opencontainers.image.source']).toBe('https://github.com/Codertocat/Hello-World');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names an unknown flag and a bad input', async () => {
    const t = io(os.tmpdir());
    await expect(imageCommand.run(['--colour', 'red'], t.io)).rejects.toThrow(InputError);
    await expect(imageCommand.run(['--colour', 'red'], t.io)).rejects.toThrow('Unknown flag --colour');
    const u = io(os.tmpdir());
    await expect(imageCommand.run(['--builder', 'kaniko'], u.io)).rejects.toThrow("Input 'builder' is \"kaniko\"; accepted: auto | buildah | buildx.");
  });
});

describe('conveyor image: rule errors', () => {
  it('an unknown placeholder is bad input (exit 2), named with its line, before anything runs', async () => {
    const t = io(os.tmpdir());
    // Subcommands throw; the CLI's runCommand prints the error in the CLI's words and exits 2 for an InputError.
    const run = imageCommand.run(['--images', 'org/app', '--tags', 'type=semver,pattern={{versoin}}', '--event-name', 'push', '--ref', 'refs/heads/dev', '--sha', 'b'.repeat(40), '--dry-run'], t.io);
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow("Input 'tags': pattern={{versoin}} uses the unknown placeholder {{versoin}} in a semver pattern");
    expect(t.out.join('')).not.toContain('would run');
  });
});
