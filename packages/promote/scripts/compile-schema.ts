/**
 * Compiles environments.schema.json into a standalone validator (src/environments.validate.js), so the
 * action does not compile the schema on every run. `--check` fails when the committed file is stale.
 *   node packages/promote/scripts/compile-schema.ts [--check]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';

// A CommonJS module whose default export TypeScript and Node see differently.
const standaloneCode = ((standaloneModule as { default?: unknown }).default ?? standaloneModule) as (ajv: Ajv, validate: unknown) => string;

const src = path.resolve(import.meta.dirname, '../src');
export const VALIDATOR_FILE = path.join(src, 'environments.validate.js');

/** The validator's source for the current schema. */
export function compileEnvironmentsSchema(): string {
  const schema = JSON.parse(fs.readFileSync(path.join(src, 'environments.schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true, lines: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  if (/require\(/.test(code)) throw new Error('The compiled validator needs an ajv runtime module; avoid keywords such as minLength in the schema.');
  return `/* eslint-disable */\n// Generated from environments.schema.json by packages/promote/scripts/compile-schema.ts; do not edit.\n${code}\n`;
}

if (import.meta.main) {
  const code = compileEnvironmentsSchema();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(VALIDATOR_FILE) ? fs.readFileSync(VALIDATOR_FILE, 'utf8') : '';
    if (current !== code) {
      console.error(`${path.relative(process.cwd(), VALIDATOR_FILE)} is stale; run node packages/promote/scripts/compile-schema.ts and commit it.`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(VALIDATOR_FILE, code);
    console.log(`wrote ${path.relative(process.cwd(), VALIDATOR_FILE)}`);
  }
}
