/**
 * Typed input parsing. An action declares its inputs once as a spec; `readInputs` reads every input,
 * checks it, and either returns one typed object or throws one `InputError` listing every problem —
 * before the action has done anything. The same spec reads CLI flags (see `cli.ts`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './errors.ts';
import { maskSecret } from './mask.ts';

/** Where raw input values come from: the runner's `INPUT_*` variables, or CLI flags. */
export type InputSource = (name: string) => string | undefined;

/** Reads inputs as `@actions/core` does: `INPUT_` + the name upper-cased with spaces as `_`. */
export function envSource(env: NodeJS.ProcessEnv = process.env): InputSource {
  return (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
}

/** What one input parses into. `parse` returns the value or throws a string describing the problem. */
export interface InputSpec<T> {
  readonly kind: 'string' | 'boolean' | 'enum' | 'integer' | 'list' | 'text' | 'path' | 'secret';
  readonly required: boolean;
  /** Words for the accepted values, used in error messages and CLI help. */
  readonly accepted: string;
  parse(raw: string | undefined, name: string, context: ParseContext): T;
}

export interface ParseContext {
  /** Relative paths are resolved against this folder (the workspace on a runner). */
  baseDir: string;
}

type Infer<S> = S extends InputSpec<infer T> ? T : never;
export type Inputs<S extends Record<string, InputSpec<unknown>>> = { -readonly [K in keyof S]: Infer<S[K]> };

class Problem {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}
const fail = (message: string): never => {
  throw new Problem(message);
};

function isSet(raw: string | undefined): raw is string {
  return raw !== undefined && raw.trim() !== '';
}

function show(raw: string): string {
  const value = raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
  return JSON.stringify(value);
}

interface Base<T> {
  required?: boolean;
  default?: T;
}

function spec<T>(
  kind: InputSpec<T>['kind'],
  accepted: string,
  options: Base<T>,
  convert: (raw: string, name: string, context: ParseContext) => T,
  empty: T,
): InputSpec<T> {
  const required = options.required ?? false;
  return {
    kind,
    required,
    accepted,
    parse(raw, name, context) {
      if (!isSet(raw)) {
        if (options.default !== undefined) return options.default;
        if (required) fail(`Input required and not supplied: ${name} (accepted: ${accepted}).`);
        return empty;
      }
      return convert(raw, name, context);
    },
  };
}

/** A trimmed string. Optional strings without a default read as `''`. */
export function string(options: Base<string> & { pattern?: RegExp; patternHint?: string } = {}): InputSpec<string> {
  const accepted = options.patternHint ?? (options.pattern ? `a value matching ${options.pattern}` : 'any text');
  return spec('string', accepted, options, (raw, name) => {
    const value = raw.trim();
    if (options.pattern && !options.pattern.test(value)) {
      fail(`Input '${name}' is ${show(value)}; accepted: ${accepted}.`);
    }
    return value;
  }, '');
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** A boolean as `@actions/core` reads it: the YAML 1.2 core schema's true/True/TRUE and false/False/FALSE. */
export function boolean(options: Base<boolean> = {}): InputSpec<boolean> {
  const accepted = 'true | True | TRUE | false | False | FALSE';
  return spec('boolean', accepted, options, (raw, name) => {
    const value = raw.trim();
    if (TRUE.includes(value)) return true;
    if (FALSE.includes(value)) return false;
    return fail(`Input '${name}' is ${show(value)}; accepted: ${accepted}.`);
  }, false);
}

/** One of a fixed set of words (compared exactly). Without a default, an absent optional one reads as `undefined`. */
export function oneOf<const V extends string>(values: readonly V[], options: Base<V> & { default: V }): InputSpec<V>;
export function oneOf<const V extends string>(values: readonly V[], options?: Base<V>): InputSpec<V | undefined>;
export function oneOf<const V extends string>(values: readonly V[], options: Base<V> = {}): InputSpec<V | undefined> {
  const accepted = values.join(' | ');
  return spec<V | undefined>('enum', accepted, options, (raw, name) => {
    const value = raw.trim();
    if ((values as readonly string[]).includes(value)) return value as V;
    return fail(`Input '${name}' is ${show(value)}; accepted: ${accepted}.`);
  }, undefined);
}

/** A whole number, optionally bounded. Without a default, an absent optional integer reads as `undefined`. */
export function integer(options: Base<number> & { min?: number; max?: number } & { default: number }): InputSpec<number>;
export function integer(options?: Base<number> & { min?: number; max?: number }): InputSpec<number | undefined>;
export function integer(options: Base<number> & { min?: number; max?: number } = {}): InputSpec<number | undefined> {
  const { min, max } = options;
  const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}`
    : min !== undefined ? ` of at least ${min}` : max !== undefined ? ` of at most ${max}` : '';
  const accepted = `a whole number${range}`;
  return spec<number | undefined>('integer', accepted, options, (raw, name) => {
    const value = raw.trim();
    if (!/^[+-]?\d+$/.test(value)) return fail(`Input '${name}' is ${show(value)}; accepted: ${accepted}.`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || (min !== undefined && n < min) || (max !== undefined && n > max)) {
      return fail(`Input '${name}' is ${value}; accepted: ${accepted}.`);
    }
    return n;
  }, undefined);
}

/**
 * A list: one item per line, and (unless `commas: false`) also separated by commas. Items are trimmed;
 * empty items and lines starting with `#` are dropped.
 */
export function list(options: Base<string[]> & { commas?: boolean } = {}): InputSpec<string[]> {
  const commas = options.commas ?? true;
  const accepted = commas ? 'items separated by newlines or commas' : 'one item per line';
  return spec('list', accepted, options, (raw) => splitList(raw, commas), []);
}

/** Splits list input the way `list()` does. */
export function splitList(raw: string, commas = true): string[] {
  const items: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    for (const part of commas ? trimmed.split(',') : [trimmed]) {
      const item = part.trim();
      if (item !== '') items.push(item);
    }
  }
  return items;
}

/** Multi-line text kept as written (only a trailing newline is removed). */
export function text(options: Base<string> = {}): InputSpec<string> {
  return spec('text', 'any text, several lines allowed', options, (raw) => raw.replace(/\r?\n$/, ''), '');
}

/**
 * A filesystem path, resolved against the workspace. `mustExist` checks it is there (a file, a folder or
 * either). Without a default, an absent optional path reads as `undefined`.
 */
export function filePath(options: Base<string> & { mustExist?: 'file' | 'directory' | 'any' } = {}): InputSpec<string | undefined> {
  const what = options.mustExist === 'file' ? 'an existing file' : options.mustExist === 'directory' ? 'an existing folder'
    : options.mustExist === 'any' ? 'an existing file or folder' : 'a path';
  const accepted = `${what} (relative paths are taken from the workspace)`;
  // The default is a path like any other: resolved against the workspace and checked the same way.
  const { default: fallback, ...rest } = options;
  const inner = spec<string | undefined>('path', accepted, rest, (raw, name, context) => {
    const resolved = path.resolve(context.baseDir, raw.trim());
    if (options.mustExist) {
      let stat: fs.Stats | undefined;
      try {
        stat = fs.statSync(resolved);
      } catch {
        return fail(`Input '${name}' is ${show(raw.trim())}, but ${resolved} does not exist; accepted: ${accepted}.`);
      }
      if (options.mustExist === 'file' && !stat.isFile()) fail(`Input '${name}' is ${show(raw.trim())}, which is not a file; accepted: ${accepted}.`);
      if (options.mustExist === 'directory' && !stat.isDirectory()) fail(`Input '${name}' is ${show(raw.trim())}, which is not a folder; accepted: ${accepted}.`);
    }
    return resolved;
  }, undefined);
  return { ...inner, parse: (raw, name, context) => inner.parse(isSet(raw) ? raw : fallback ?? raw, name, context) };
}

/**
 * A secret: masked (every line of it) as soon as it is read, before anything can print it.
 * Its value never appears in an error message.
 */
export function secret(options: { required?: boolean } = {}): InputSpec<string> {
  const required = options.required ?? false;
  return {
    kind: 'secret',
    required,
    accepted: 'a secret value',
    parse(raw, name) {
      if (raw === undefined || raw.trim() === '') {
        if (required) fail(`Input required and not supplied: ${name} (a secret; pass it with \${{ secrets.NAME }}).`);
        return '';
      }
      maskSecret(raw, { name });
      return raw.trim() === raw ? raw : raw.replace(/\r?\n$/, '');
    },
  };
}

/**
 * Reads and checks every input of `specs`. Throws one `InputError` naming each bad input, what was given
 * and what is accepted; returns the typed values otherwise.
 */
export function readInputs<S extends Record<string, InputSpec<unknown>>>(
  specs: S,
  source: InputSource = envSource(),
  context: ParseContext = { baseDir: process.env.GITHUB_WORKSPACE || process.cwd() },
): Inputs<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, inputSpec] of Object.entries(specs)) {
    try {
      values[name] = inputSpec.parse(source(name), name, context);
    } catch (error) {
      if (error instanceof Problem) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return values as Inputs<S>;
}

/** A check across inputs (for example two that exclude each other), reported like any input problem. */
export function requireThat(condition: boolean, message: string): void {
  if (!condition) throw new InputError([message]);
}
