/**
 * Checks the build inputs that have a syntax of their own (credentials, secrets) and turns them into
 * values; errors name the input and the line but never repeat a secret.
 */
import { InputError } from '@conveyor/kit';

export interface Login {
  registry: string;
  username: string;
  password: string;
}

/**
 * `registry`/`username`/`password` (one registry) plus `registry-auth`: one `HOST=USERNAME:PASSWORD` per line
 * (the password may contain `:` and `=`). The same host twice is an error.
 */
export function parseLogins(single: { registry: string; username: string; password: string }, registryAuth: string): Login[] {
  const problems: string[] = [];
  const logins: Login[] = [];
  if (single.username || single.password) {
    if (!single.username || !single.password) problems.push("Inputs 'username' and 'password' go together: set both, or neither.");
    else logins.push({ registry: single.registry || 'docker.io', username: single.username, password: single.password });
  } else if (single.registry) {
    problems.push(`Input 'registry' is ${JSON.stringify(single.registry)} but 'username' and 'password' are empty; set them, or remove 'registry'.`);
  }
  registryAuth.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^([^=\s]+)=([^:\s]+):(.+)$/.exec(line);
    if (!m) {
      problems.push(`Input 'registry-auth' line ${i + 1} is not HOST=USERNAME:PASSWORD (the line is not shown: it holds a secret).`);
      return;
    }
    logins.push({ registry: m[1]!, username: m[2]!, password: m[3]! });
  });
  const seen = new Set<string>();
  for (const l of logins) {
    if (seen.has(l.registry)) problems.push(`The registry ${l.registry} has credentials twice (in 'registry' and 'registry-auth', or twice in 'registry-auth'); keep one.`);
    seen.add(l.registry);
  }
  if (problems.length > 0) throw new InputError(problems);
  return logins;
}

export interface InlineSecret {
  id: string;
  value: string;
}

const ID = /^[A-Za-z0-9_.-]+$/;

/** `secrets`: one `ID=VALUE` per line (VALUE may hold `=`). */
export function parseSecrets(text: string): InlineSecret[] {
  const problems: string[] = [];
  const out: InlineSecret[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const eq = raw.indexOf('=');
    const id = eq > 0 ? raw.slice(0, eq).trim() : '';
    if (!ID.test(id)) problems.push(`Input 'secrets' line ${i + 1} is not ID=VALUE with an ID of letters, digits, '_', '.' or '-' (the line is not shown: it holds a secret).`);
    else out.push({ id, value: raw.slice(eq + 1) });
  });
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

/** `secret-files`: one `ID=PATH` per line. */
export function parseSecretFiles(lines: readonly string[], resolve: (p: string) => string, exists: (p: string) => boolean): { id: string; src: string }[] {
  const problems: string[] = [];
  const out: { id: string; src: string }[] = [];
  for (const line of lines) {
    const eq = line.indexOf('=');
    const id = eq > 0 ? line.slice(0, eq).trim() : '';
    const src = eq > 0 ? resolve(line.slice(eq + 1).trim()) : '';
    if (!ID.test(id) || !src) problems.push(`Input 'secret-files' has ${JSON.stringify(line)}; write ID=PATH.`);
    else if (!exists(src)) problems.push(`Input 'secret-files' names ${src} for the secret ${id}, but that file does not exist.`);
    else out.push({ id, src });
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
}
