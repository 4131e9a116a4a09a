/**
 * Writes each action's inputs and outputs table into its README, between the markers
 *   <!-- conveyor:inputs --> … <!-- /conveyor:inputs -->  and  <!-- conveyor:outputs --> … <!-- /conveyor:outputs -->
 * from its action.yml. `--check` writes nothing and fails when a README differs or an input lacks a description.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');

interface ActionMetadata {
  name?: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown; deprecationMessage?: string }>;
  outputs?: Record<string, { description?: string }>;
}

function cell(text: string): string {
  return text.trim().replace(/\|/g, '\\|').replace(/\r?\n+/g, ' ');
}

export function inputsTable(meta: ActionMetadata): string {
  const rows = Object.entries(meta.inputs ?? {}).map(([name, input]) => {
    const def = input.default === undefined ? '' : `\`${cell(String(input.default))}\``;
    return `| \`${name}\` | ${cell(input.description ?? '')} | ${input.required ? 'yes' : 'no'} | ${def} |`;
  });
  if (rows.length === 0) return '_This action has no inputs._';
  return ['| Input | Description | Required | Default |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function outputsTable(meta: ActionMetadata): string {
  const rows = Object.entries(meta.outputs ?? {}).map(([name, output]) => `| \`${name}\` | ${cell(output.description ?? '')} |`);
  if (rows.length === 0) return '_This action has no outputs._';
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n');
}

export function replaceBetween(text: string, marker: string, body: string, file: string): string {
  const start = `<!-- conveyor:${marker} -->`;
  const end = `<!-- /conveyor:${marker} -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i === -1 || j === -1 || j < i) throw new Error(`${file} lacks the markers ${start} … ${end}; add them where the ${marker} table belongs.`);
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}

export function actionFolders(): string[] {
  const folders = ['.'];
  for (const name of fs.readdirSync(path.join(root, 'actions')).sort()) {
    if (fs.existsSync(path.join(root, 'actions', name, 'action.yml'))) folders.push(path.join('actions', name));
  }
  return folders;
}

/** Returns the problems found (check mode) or the files rewritten. */
export function syncDocs(check: boolean): { problems: string[]; written: string[] } {
  const problems: string[] = [];
  const written: string[] = [];
  for (const folder of actionFolders()) {
    const metaFile = path.join(folder, 'action.yml');
    const readme = path.join(folder, 'README.md');
    let meta: ActionMetadata;
    try {
      meta = parse(fs.readFileSync(path.join(root, metaFile), 'utf8')) as ActionMetadata;
    } catch (error) {
      problems.push(`${metaFile} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    for (const [name, input] of Object.entries(meta.inputs ?? {})) {
      if (!input.description?.trim()) problems.push(`${metaFile}: input '${name}' has no description.`);
    }
    for (const [name, output] of Object.entries(meta.outputs ?? {})) {
      if (!output.description?.trim()) problems.push(`${metaFile}: output '${name}' has no description.`);
    }
    if (!fs.existsSync(path.join(root, readme))) {
      problems.push(`${readme} is missing.`);
      continue;
    }
    const before = fs.readFileSync(path.join(root, readme), 'utf8');
    let after: string;
    try {
      after = replaceBetween(replaceBetween(before, 'inputs', inputsTable(meta), readme), 'outputs', outputsTable(meta), readme);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    if (after === before) continue;
    if (check) problems.push(`${readme} is out of date with ${metaFile}; run \`npm run docs\` and commit the result.`);
    else {
      fs.writeFileSync(path.join(root, readme), after);
      written.push(readme);
    }
  }
  return { problems, written };
}

if (import.meta.main) {
  const check = process.argv.includes('--check');
  const { problems, written } = syncDocs(check);
  for (const file of written) console.log(`updated ${file}`);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
  if (check) console.log('Every action README matches its action.yml.');
}
