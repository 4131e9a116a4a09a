/**
 * GitHub's REST description (`@octokit/openapi`, api.github.com) as routes and validators. The description is
 * read once per module instance; each operation's validators are compiled on first use and cached.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';

// ajv-formats is CommonJS; its plugin is also on `module.exports.default`, which works under every loader.
const addFormats = (formatsModule as unknown as { default: FormatsPlugin }).default;

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
  'x-multi-segment'?: boolean;
}

/** One operation of the description that the stand-in serves. */
export interface Operation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/repos/{owner}/{repo}/git/refs`. */
  template: string;
  parameters: Parameter[];
  requestSchema?: Json;
  responses: Record<string, Json | undefined>;
  regex: RegExp;
  names: string[];
  literalLength: number;
}

/** A compact schema error: where, and what is wrong. */
export interface SchemaProblem {
  field: string;
  message: string;
}

interface Description {
  paths: Record<string, Record<string, Json>>;
  components: Record<string, Record<string, Json>>;
}

const DOC_ID = 'github';
let description: Description | undefined;
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction | null>();
const routeCache = new Map<string, Operation[]>();

function load(): Description {
  if (!description) {
    const require = createRequire(import.meta.url);
    const root = path.dirname(require.resolve('@octokit/openapi/package.json'));
    const file = path.join(root, 'generated', 'api.github.com.json');
    description = JSON.parse(fs.readFileSync(file, 'utf8')) as Description;
  }
  return description;
}

function newAjv(): Ajv {
  const instance = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(instance);
  // GitHub answers "" for absent urls the description marks `format: uri` (deployment status target_url...).
  const uri = addFormats.get('uri');
  instance.addFormat('uri', (value: string) => value === '' || (typeof uri === 'function' ? uri(value) : (uri as RegExp).test(value)));
  // The description's schemas are trusted: skip checking them against the meta-schema (it is slow).
  instance.addSchema({ $id: DOC_ID, components: { schemas: typelessNullable(load().components.schemas) } }, undefined, undefined, false);
  return instance;
}

/**
 * OpenAPI 3.0 lets `nullable: true` stand beside `anyOf`/`oneOf`/`allOf` without a `type` (the installation
 * schema's `account` does); ajv refuses that. Such a schema becomes "any of those, or null", in a copy.
 */
function typelessNullable<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item: unknown) => typelessNullable(item)) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) out[key] = typelessNullable(value);
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    const { anyOf, oneOf, allOf, ...rest } = out;
    const choices = (anyOf ?? oneOf) as Json[] | undefined;
    if (choices) return { ...rest, [anyOf ? 'anyOf' : 'oneOf']: [...choices, { type: 'null' }], ...(allOf ? { allOf } : {}) } as T;
    if (allOf) return { ...rest, anyOf: [{ allOf }, { type: 'null' }] } as T;
    return out as T;
  }
  return out as T;
}

/** Follows a `#/components/...` reference of the description (responses, parameters, request bodies). */
function deref<T>(value: unknown): T {
  let current = value as Json;
  for (let i = 0; i < 5 && current && typeof current.$ref === 'string'; i++) {
    const parts = (current.$ref as string).replace(/^#\//, '').split('/');
    let target: unknown = load();
    for (const part of parts) target = (target as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    current = target as Json;
  }
  return current as T;
}

function jsonSchemaOf(content: unknown): Json | undefined {
  const media = (content as Record<string, { schema?: Json }> | undefined)?.['application/json'];
  return media?.schema;
}

/** The operations whose ids are given, as routes ordered most specific first. */
export function operations(ids: Iterable<string>): Operation[] {
  const wanted = new Set(ids);
  const key = [...wanted].sort().join(' ');
  const cached = routeCache.get(key);
  if (cached) return cached;
  const found: Operation[] = [];
  for (const [template, item] of Object.entries(load().paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const operationId = raw.operationId as string | undefined;
      if (!operationId || !wanted.has(operationId)) continue;
      const parameters = ((raw.parameters as unknown[] | undefined) ?? []).map((p) => deref<Parameter>(p));
      const names: string[] = [];
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_all, name: string) => {
        names.push(name);
        const multi = parameters.find((p) => p.name === name)?.['x-multi-segment'];
        return multi ? '(.+)' : '([^/]+)';
      });
      const responses: Record<string, Json | undefined> = {};
      for (const [status, response] of Object.entries((raw.responses as Json | undefined) ?? {})) {
        responses[status] = jsonSchemaOf(deref<Json>(response).content);
      }
      found.push({
        operationId,
        method: method.toUpperCase(),
        template,
        parameters,
        requestSchema: jsonSchemaOf(deref<Json>(raw.requestBody)?.content),
        responses,
        regex: new RegExp(`^${pattern}$`),
        names,
        literalLength: template.replace(/\{\w+\}/g, '').length,
      });
      wanted.delete(operationId);
    }
  }
  if (wanted.size > 0) throw new Error(`The OpenAPI description has no operation ${[...wanted].join(', ')}.`);
  found.sort((a, b) => b.literalLength - a.literalLength);
  routeCache.set(key, found);
  return found;
}

function compile(key: string, schema: Json | undefined): ValidateFunction | null {
  if (validators.has(key)) return validators.get(key)!;
  let validate: ValidateFunction | null = null;
  if (schema) {
    ajv ??= newAjv();
    const rewritten = typelessNullable(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOC_ID}#/components/`)) as Json);
    validate = ajv.compile(rewritten);
  }
  validators.set(key, validate);
  return validate;
}

function problems(errors: ErrorObject[] | null | undefined, root: string): SchemaProblem[] {
  return (errors ?? []).map((e) => {
    const missing = (e.params as { missingProperty?: string }).missingProperty;
    const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '';
    const field = missing ? (at ? `${at}.${missing}` : missing) : at || root;
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
    const message = `${at || root} ${e.message ?? 'is invalid'}${allowed ? ` (${allowed.join(', ')})` : ''}`;
    return { field, message };
  });
}

/** Checks a request body against the operation's schema. */
export function checkRequestBody(op: Operation, body: unknown): SchemaProblem[] {
  const validate = compile(`${op.operationId} request`, op.requestSchema);
  if (!validate || validate(body)) return [];
  return problems(validate.errors, 'body');
}

/**
 * Checks path and query parameters, and converts them to their schema types (integers, booleans) with
 * defaults filled in. Returns the converted values and any problems.
 */
export function checkParameters(op: Operation, raw: Record<string, string>): { values: Record<string, unknown>; problems: SchemaProblem[] } {
  const properties: Record<string, Json> = {};
  const required: string[] = [];
  const values: Record<string, unknown> = { ...raw };
  for (const p of op.parameters) {
    if ((p.in !== 'path' && p.in !== 'query') || !p.schema) continue;
    properties[p.name] = p.schema;
    if (p.required) required.push(p.name);
    values[p.name] = p.name in raw ? fromText(raw[p.name]!, p.schema) : p.schema.default;
    if (values[p.name] === undefined) delete values[p.name];
  }
  const validate = compile(`${op.operationId} parameters`, { type: 'object', properties, required });
  if (!validate || validate(values)) return { values, problems: [] };
  return { values, problems: problems(validate.errors, 'parameters') };
}

/** A parameter's text as its schema type: `"5"` → 5 for integers, `"true"` → true for booleans. */
function fromText(text: string, schema: Json): unknown {
  if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (schema.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Checks a response body against the operation's schema for that status (none when the status is undocumented). */
export function checkResponseBody(op: Operation, status: number, body: unknown): SchemaProblem[] {
  const schema = op.responses[String(status)];
  const validate = compile(`${op.operationId} ${status}`, schema);
  if (!validate || validate(body)) return [];
  return problems(validate.errors, 'response');
}
