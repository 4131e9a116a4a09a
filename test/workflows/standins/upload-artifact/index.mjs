// The upload-artifact stand-in: $CONVEYOR_TEST_ARTIFACTS/<name>/ holds a copy of path (a folder's contents,
// or one file), refused when the name exists unless overwrite, as the real action refuses it.
import * as fs from 'node:fs';
import * as path from 'node:path';

const input = (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
const root = process.env.CONVEYOR_TEST_ARTIFACTS;
if (!root) throw new Error('upload-artifact stand-in: CONVEYOR_TEST_ARTIFACTS is not set');
const name = input('name') || 'artifact';
const source = path.resolve(process.env.GITHUB_WORKSPACE ?? '.', input('path'));
const dest = path.join(root, name);
if (!fs.existsSync(source)) {
  const how = input('if-no-files-found') || 'warn';
  const message = `No files were found with the provided path: ${input('path')}. No artifacts will be uploaded.`;
  if (how === 'error') { console.log(`::error::${message}`); process.exit(1); }
  console.log(how === 'warn' ? `::warning::${message}` : message);
  process.exit(0);
}
if (fs.existsSync(dest) && input('overwrite') !== 'true') {
  console.log(`::error::An artifact with the name ${name} already exists for this run.`);
  process.exit(1);
}
fs.rmSync(dest, { recursive: true, force: true });
fs.mkdirSync(dest, { recursive: true });
if (fs.statSync(source).isDirectory()) fs.cpSync(source, dest, { recursive: true });
else fs.copyFileSync(source, path.join(dest, path.basename(source)));
console.log(`upload-artifact stand-in: ${name} from ${source}`);
