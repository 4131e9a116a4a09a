/**
 * The Handlebars expressions of the metadata rules: which placeholders each kind of template may use,
 * a check of a template before anything runs (an unknown placeholder such as `{{versoin}}` is an error
 * naming it), and the rendering itself (compiled once per template).
 */
import Handlebars from 'handlebars';
import { checkTimeZone, formatDate } from './dates.ts';

/** Where a template is written, which decides the placeholders it may use. */
export type Scope = 'global' | 'schedule' | 'semver' | 'pep440';

const DATES = ['date', 'commit_date'];
export const PLACEHOLDERS: Record<Scope, readonly string[]> = {
  /** `prefix`, `suffix`, `value`, `enable`, `labels`, `annotations`, flavor prefix/suffix */
  global: ['branch', 'tag', 'sha', 'base_ref', 'is_default_branch', 'is_not_default_branch', ...DATES],
  schedule: DATES,
  semver: ['raw', 'version', 'major', 'minor', 'patch'],
  pep440: ['raw', 'version', 'major', 'minor', 'patch'],
};

const hbs = Handlebars.create();

type Node = hbs.AST.Node & Record<string, unknown>;

function pathName(node: Node): string | undefined {
  if (node.type !== 'PathExpression') return undefined;
  return String(node.original);
}

/**
 * Checks a template: every placeholder is one `scope` allows, date helpers take a quoted format and only
 * `tz=` (a known zone when written as a literal). Throws an Error whose message names the placeholder and
 * lists the accepted ones; `where` says which attribute it came from.
 */
export function checkTemplate(template: string, scope: Scope, where: string): void {
  if (!template.includes('{{')) return;
  let program: hbs.AST.Program;
  try {
    program = hbs.parseWithoutProcessing(template);
  } catch (error) {
    throw new Error(`${where} is not a valid expression: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  const accepted = PLACEHOLDERS[scope];
  const list = () => accepted.map((a) => `{{${a}}}`).join(', ');
  const name = scope === 'global' ? '' : ` in a ${scope} pattern`;
  const unknown = (what: string) => new Error(`${where} uses the unknown placeholder {{${what}}}${name}; accepted: ${list()}.`);

  const visitValue = (node: Node) => {
    if (node.type === 'SubExpression') visitCall(node);
    else if (node.type === 'PathExpression') {
      const p = pathName(node)!;
      if (!accepted.includes(p)) throw unknown(p);
    }
  };
  const visitCall = (node: Node) => {
    const p = pathName(node.path as Node);
    if (p === undefined) throw new Error(`${where}: only placeholders may be called, not ${JSON.stringify(template)}.`);
    const params = (node.params as Node[]) ?? [];
    const pairs = ((node.hash as { pairs?: { key: string; value: Node }[] } | undefined)?.pairs) ?? [];
    if (DATES.includes(p) && accepted.includes(p)) {
      if (params.length > 1 || (params[0] && params[0].type !== 'StringLiteral')) {
        throw new Error(`${where}: {{${p}}} takes one quoted format, as in {{${p} 'YYYYMMDD'}}.`);
      }
      for (const pair of pairs) {
        if (pair.key !== 'tz') throw new Error(`${where}: {{${p}}} has the unknown attribute ${pair.key}= (accepted: tz).`);
        if (pair.value.type === 'StringLiteral') {
          try {
            checkTimeZone(String(pair.value.value));
          } catch (error) {
            throw new Error(`${where}: {{${p}}} has an ${(error as Error).message}.`, { cause: error });
          }
        } else visitValue(pair.value);
      }
      return;
    }
    if (!accepted.includes(p)) throw unknown(p);
    if (params.length > 0 || pairs.length > 0) throw new Error(`${where}: {{${p}}} takes no arguments.`);
  };
  const visitProgram = (body: hbs.AST.Program | undefined) => {
    for (const statement of (body?.body ?? []) as Node[]) {
      switch (statement.type) {
        case 'ContentStatement':
        case 'CommentStatement':
          break;
        case 'MustacheStatement':
          visitCall(statement);
          break;
        case 'BlockStatement':
          // {{#if is_default_branch}} would be misleading: the placeholder is the text 'true' or 'false', both truthy
          throw new Error(`${where}: the block {{#${pathName(statement.path as Node) ?? '?'}}} is not supported; use enable={{is_default_branch}} on a rule of its own.`);
        default:
          throw new Error(`${where}: ${statement.type.replace(/Statement$/, '').toLowerCase()} expressions are not supported.`);
      }
    }
  };
  visitProgram(program);
}

type HelperOptions = { hash?: Record<string, unknown> };

/** The `{{date}}`-style helper for one date: `{{date 'FORMAT' tz='ZONE'}}`, UTC by default. */
export function dateHelper(date: Date) {
  return (format: unknown, options?: HelperOptions) => {
    // without a format Handlebars passes its options first
    const hash = (typeof format === 'string' ? options : (format as HelperOptions))?.hash ?? {};
    const tz = hash.tz === undefined ? 'UTC' : String(hash.tz);
    return formatDate(date, typeof format === 'string' ? format : undefined, tz);
  };
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Renders a (checked) template with `data`. Output is HTML-escaped as Handlebars does by default, as in metadata-action. */
export function render(template: string, data: object): string {
  if (!template.includes('{{')) return template;
  let fn = compiled.get(template);
  if (!fn) {
    fn = hbs.compile(template);
    if (compiled.size < 1000) compiled.set(template, fn);
  }
  try {
    return fn(data);
  } catch (error) {
    throw new Error(`Cannot evaluate ${JSON.stringify(template)}: ${(error as Error).message}`, { cause: error });
  }
}

/** A template that is exactly `{{raw}}`: a pre-release keeps it instead of `{{version}}`. */
export function isRawStatement(pattern: string): boolean {
  try {
    const body = hbs.parseWithoutProcessing(pattern).body as Node[];
    return body.length === 1 && body[0]!.type === 'MustacheStatement' && (body[0]!.path as { parts?: string[] }).parts?.join('.') === 'raw';
  } catch {
    return false;
  }
}
