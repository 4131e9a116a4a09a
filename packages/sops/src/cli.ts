/**
 * `conveyor sops decrypt FILE [--output-type json|yaml|dotenv]` prints the plaintext;
 * `conveyor sops exec FILE -- CMD …` runs CMD with the values in its environment only.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, commandHelp, flagHelp, maskSecret, parseFlags, readInputs, type CliCommand, type CliIo } from '@conveyor/kit';
import { action } from './generated/sops-decrypt.ts';
import { renderYamlTree } from './formats.ts';
import { sopsInputs } from './inputs.ts';
import { keyContext } from './key-context.ts';
import { decryptFile, type DecryptedFile } from './sops.ts';
import { flattenLeaves } from './variables.ts';

const cliInputs = {
  'age-key-file': sopsInputs['age-key-file'],
  'env-prefix': sopsInputs['env-prefix'],
  'ignore-mac': sopsInputs['ignore-mac'],
};
const OUTPUT_TYPES = ['json', 'yaml', 'dotenv'] as const;

const help = commandHelp({
  usage: [
    'conveyor sops (or sops-decrypt) decrypt <FILE> [--output-type json|yaml|dotenv] [flags]',
    'conveyor sops exec <FILE> [flags] -- <CMD> [ARGS…]',
  ],
  about: [
    'decrypt prints the plaintext (the MAC verified); exec runs CMD with the values in its environment only.\n'
    + 'Keys: --age-key-file, SOPS_AGE_KEY, SOPS_AGE_KEY_FILE; --pgp-key-file with CONVEYOR_PGP_PASSPHRASE;\n'
    + 'AWS KMS (default credential chain), GCP KMS (GOOGLE_OAUTH_ACCESS_TOKEN), Vault (VAULT_TOKEN, VAULT_ADDR).',
  ],
  arguments: [['FILE', 'a SOPS-encrypted YAML, JSON, dotenv, INI or binary file'], ['CMD [ARGS…]', 'exec: the command to run, after --']],
  flags: [['Flags (inputs of the sops-decrypt action)', flagHelp(cliInputs, {}, action)]],
  extraFlags: [
    ['--pgp-key-file <path>', 'an armored PGP private key'],
    ['--output-type <type>', "decrypt: json | yaml | dotenv (default: the file's own format)"],
  ],
});

/** Prints a decrypted file in the chosen form. */
export function renderOutput(result: DecryptedFile, type: string | undefined, prefix = ''): string | Uint8Array {
  if (type === undefined || type === result.format) return result.plain();
  if (type === 'json') return result.json();
  if (type === 'yaml') return renderYamlTree(result.branches, result.format);
  return flattenLeaves([{ file: result.file, leaves: result.leaves }], prefix).map((v) => `${v.name}=${v.value.replace(/\n/g, '\\n')}`).join('\n') + '\n';
}

async function decryptArg(argv: readonly string[], io: CliIo) {
  const flags = parseFlags(argv, cliInputs, { extraValued: ['output-type', 'pgp-key-file'], positionals: ['FILE'] });
  if (flags.help) return { flags, result: undefined };
  const inputs = readInputs(cliInputs, flags.source, { baseDir: io.cwd });
  const [file, ...extra] = flags.positionals;
  if (!file || extra.length > 0) throw new InputError([`Give exactly one FILE to decrypt (got ${flags.positionals.length}).`]);
  const outputType = flags.extras['output-type'];
  if (outputType !== undefined && !(OUTPUT_TYPES as readonly string[]).includes(outputType)) {
    throw new InputError([`Flag --output-type is ${JSON.stringify(outputType)}; accepted: ${OUTPUT_TYPES.join(' | ')}.`]);
  }
  const pgpFile = flags.extras['pgp-key-file'];
  const inActions = io.env.GITHUB_ACTIONS === 'true';
  const full = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch (error) {
    throw new InputError([`Cannot read ${file}: ${(error as Error).message}`]);
  }
  const context = keyContext({
    ageKey: '',
    ageKeyFile: inputs['age-key-file'],
    pgpKey: pgpFile ? fs.readFileSync(path.resolve(io.cwd, pgpFile), 'utf8') : '',
    pgpPassphrase: io.env.CONVEYOR_PGP_PASSPHRASE ?? '',
  }, io.env, (secret) => {
    // Inside a workflow run step, register secrets with the runner; on a terminal, printing a mask
    // command would show the secret itself.
    if (inActions) maskSecret(secret, { warnShort: false });
  });
  const result = await decryptFile(text, file, context, { ignoreMac: inputs['ignore-mac'] });
  if (inActions) for (const leaf of result.leaves) if (leaf.encrypted && leaf.text !== '') maskSecret(leaf.text, { name: leaf.path.join('.') });
  if (result.macWarning) io.stderr(`warning: ${result.macWarning}\n`);
  return { flags, result, outputType, prefix: inputs['env-prefix'] };
}

function runChild(command: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { env, cwd, stdio: 'inherit' });
    child.on('error', (error) => reject(new InputError([`Cannot run ${command[0]}: ${error.message}`])));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

export const sopsCommand: CliCommand = {
  name: 'sops',
  summary: 'Decrypt a SOPS file (MAC verified), or run a command with its values in the environment.',
  flags: [...Object.keys(cliInputs), 'output-type', 'pgp-key-file'],
  help,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      io.stdout(help);
      return sub === undefined ? 2 : 0;
    }
    if (!['decrypt', 'exec'].includes(sub)) throw new InputError([`Unknown subcommand ${JSON.stringify(sub)}: use decrypt or exec (see --help).`]);
    const { flags, result, outputType, prefix } = await decryptArg(rest, io);
    if (!result) {
      io.stdout(help);
      return 0;
    }
    if (sub === 'decrypt') {
      const out = renderOutput(result, outputType, prefix);
      if (typeof out === 'string') io.stdout(out);
      else if (io.stdoutBytes) io.stdoutBytes(out);
      else io.stdout(Buffer.from(out).toString('utf8'));
      return 0;
    }
    if (flags.rest.length === 0) throw new InputError(['Give the command to run after --: conveyor sops exec FILE -- CMD [ARGS…].']);
    const variables = flattenLeaves([{ file: result.file, leaves: result.leaves }], prefix);
    return await runChild(flags.rest, { ...io.env, ...Object.fromEntries(variables.map((v) => [v.name, v.value])) }, io.cwd);
  },
};
