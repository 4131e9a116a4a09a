/**
 * The sops-decrypt action: read inputs once, decrypt and verify every file, mask every secret, then
 * export (env, outputs, files). Nothing is exported unless every file decrypted with a verified MAC.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as core from '@actions/core';
import { ConveyorError, InputError, details, exportVariable, maskSecret, readInputs, runFolder, type Inputs, setOutputs, table, warning, writeSummary } from '@conveyor/kit';
import { decryptFile, type DecryptedFile } from './sops.ts';
import { EXPORT_KINDS, sopsInputs, type ExportKind } from './inputs.ts';
import { keyContext } from './key-context.ts';
import { flattenLeaves, type Variable } from './variables.ts';

const STATE_FILES = 'sops-written-files';

/** Expands the `files` globs (relative to the workspace); a pattern that matches nothing is an input error. */
export function expandFiles(patterns: readonly string[], baseDir: string): string[] {
  const found: string[] = [];
  const problems: string[] = [];
  for (const pattern of patterns) {
    const matches = /[*?[{]/.test(pattern)
      ? fs.globSync(pattern, { cwd: baseDir }).map((f) => path.resolve(baseDir, f)).filter((f) => fs.statSync(f).isFile()).sort()
      : fs.existsSync(path.resolve(baseDir, pattern)) ? [path.resolve(baseDir, pattern)] : [];
    if (matches.length === 0) problems.push(`Input 'files': ${JSON.stringify(pattern)} matches no file under ${baseDir}.`);
    for (const m of matches) if (!found.includes(m)) found.push(m);
  }
  if (problems.length > 0) throw new InputError(problems);
  return found;
}

/**
 * Registers every secret value (and each of its lines) with the runner before anything can print it; a
 * value with newlines or quotes is also masked in its JSON-escaped form (as `toJSON(...)` would print it).
 */
export function maskVariables(variables: readonly Variable[]): void {
  for (const v of variables) {
    if (!v.secret || v.value === '') continue;
    maskSecret(v.value, { name: v.name });
    const escaped = JSON.stringify(v.value).slice(1, -1);
    if (escaped !== v.value) maskSecret(escaped, { warnShort: false });
  }
}

function exportKinds(values: readonly string[]): Set<ExportKind> {
  const bad = values.filter((v) => !(EXPORT_KINDS as readonly string[]).includes(v));
  if (bad.length > 0) throw new InputError([`Input 'export' has ${bad.map((b) => JSON.stringify(b)).join(', ')}; accepted: any of ${EXPORT_KINDS.join(', ')} (comma or newline separated).`]);
  return new Set(values as ExportKind[]);
}

/** Where a decrypted file goes: its path relative to the workspace, under the output folder. */
function targetFor(file: string, workspace: string, outputDir: string): string {
  const relative = path.relative(workspace, file);
  const safe = relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(file) : relative;
  return path.join(outputDir, safe);
}

export async function main(checked?: Inputs<typeof sopsInputs>): Promise<void> {
  const env = process.env;
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const inputs = checked ?? readInputs(sopsInputs);
  const kinds = exportKinds(inputs.export);
  const files = expandFiles(inputs.files, workspace);
  const context = keyContext({ ageKey: inputs['age-key'], ageKeyFile: inputs['age-key-file'], pgpKey: inputs['pgp-key'], pgpPassphrase: inputs['pgp-passphrase'] }, env);

  // Decrypt and verify everything first: a refused file exports nothing.
  const results: DecryptedFile[] = [];
  for (const file of files) {
    const name = path.relative(workspace, file) || file;
    results.push(await decryptFile(fs.readFileSync(file, 'utf8'), name, context, { ignoreMac: inputs['ignore-mac'] }));
  }
  const variables = flattenLeaves(results.map((r) => ({ file: r.file, leaves: r.leaves })), inputs['env-prefix']);
  maskVariables(variables);
  for (const r of results) if (r.macWarning) core.warning(`${r.macWarning} Its values are exported without a tamper check.`, { title: 'SOPS MAC not verified' });

  if (kinds.has('env')) for (const v of variables) exportVariable(v.name, v.value);
  if (kinds.has('outputs')) setOutputs(Object.fromEntries(variables.map((v) => [v.name, v.value])));
  const written: string[] = [];
  if (kinds.has('files')) {
    // A fresh folder of this run unless output-dir says where (made only when files are exported).
    const outputDir = inputs['output-dir'] ?? runFolder('sops', env);
    for (const r of results) {
      const target = targetFor(path.resolve(workspace, r.file), workspace, outputDir);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      fs.writeFileSync(target, r.plain(), { mode: 0o600 });
      fs.chmodSync(target, 0o600);
      written.push(target);
    }
    core.saveState(STATE_FILES, JSON.stringify(inputs['keep-files'] ? [] : written));
  }
  setOutputs({
    files: written,
    variables: variables.map((v) => v.name),
    'secret-count': variables.filter((v) => v.secret).length,
  });
  writeSummary(renderSummary(results, variables, kinds, written));
  if (variables.some((v) => v.secret) && kinds.has('outputs')) {
    warning('Step outputs that carry secrets are masked, and the runner does not pass masked step outputs on to job outputs: use them within this job.');
  }
}

/** The job summary: files, their MAC state and counts; names only, never values. */
export function renderSummary(results: readonly DecryptedFile[], variables: readonly Variable[], kinds: ReadonlySet<ExportKind>, written: readonly string[]): string {
  const rows = results.map((r) => [r.file, r.format, r.macWarning ? 'NOT verified (ignore-mac)' : 'verified',
    String(r.leaves.filter((l) => l.encrypted).length), String(r.leaves.filter((l) => !l.encrypted).length)]);
  let out = `### SOPS decrypt\n\n${table(['file', 'format', 'MAC', 'secret values', 'plain values'], rows)}\n`;
  out += `Exported as: ${[...kinds].join(', ') || 'nothing'}${written.length > 0 ? ` (${written.length} file(s) written, mode 0600)` : ''}.\n\n`;
  if (variables.length > 0) out += details(`${variables.length} variable name(s)`, table(['name', 'secret', 'from'], variables.map((v) => [v.name, v.secret ? 'yes (masked)' : 'no', `${v.file}: ${v.path.join('.')}`])));
  return out;
}

/** The post step: removes the decrypted files unless keep-files was set. */
export async function post(): Promise<void> {
  const state = core.getState(STATE_FILES);
  if (!state) return;
  const files = JSON.parse(state) as string[];
  for (const file of files) {
    try {
      fs.rmSync(file, { force: true });
    } catch (error) {
      throw new ConveyorError(`Could not remove the decrypted file ${file}.`, { cause: error });
    }
  }
  if (files.length > 0) core.info(`Removed ${files.length} decrypted file(s).`);
}
