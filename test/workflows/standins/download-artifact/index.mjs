// The download-artifact stand-in: fails, as the real action does, when the run has no artifact of that name.
import * as fs from 'node:fs';
import * as path from 'node:path';

const input = (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
const root = process.env.CONVEYOR_TEST_ARTIFACTS;
if (!root) throw new Error('download-artifact stand-in: CONVEYOR_TEST_ARTIFACTS is not set');
const name = input('name');
const source = path.join(root, name);
if (!fs.existsSync(source)) {
  console.log(`::error::Unable to download artifact(s): Artifact not found for name: ${name}`);
  process.exit(1);
}
const dest = path.resolve(process.env.GITHUB_WORKSPACE ?? '.', input('path') || '.');
fs.mkdirSync(dest, { recursive: true });
fs.cpSync(source, dest, { recursive: true });
console.log(`download-artifact stand-in: ${name} to ${dest}`);
