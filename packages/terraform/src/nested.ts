/**
 * Changed attributes as terraform writes them: nested objects and lists as nested blocks (`tags = {`,
 * `ingress = [`), not flattened paths, with terraform's symbols (`+` add, `-` remove, `~` change).
 * The symbol stands in the first column so that GitHub's `diff` highlighting colours added and removed
 * lines; the nesting follows as indentation. Values arrive as text already masked (see values.ts).
 */
import { parsePath, type AttributeChange, type PathStep } from './values.ts';

export type ChangeSymbol = '+' | '-' | '~';

interface Node {
  step: PathStep;
  children: Node[];
  index: Map<PathStep, Node>;
  leaf?: AttributeChange;
}

const node = (step: PathStep): Node => ({ step, children: [], index: new Map() });

function build(attributes: readonly AttributeChange[], skip: number): Node {
  const root = node('');
  for (const a of attributes) {
    let at = root;
    for (const step of parsePath(a.path).slice(skip)) {
      let next = at.index.get(step);
      if (!next) {
        next = node(step);
        at.index.set(step, next);
        at.children.push(next);
      }
      at = next;
    }
    at.leaf = a;
  }
  return root;
}

/** `+` when the value appears, `-` when it goes, `~` when it changes. */
export function leafSymbol(a: AttributeChange): ChangeSymbol {
  return a.before === undefined ? '+' : a.after === undefined ? '-' : '~';
}

/** `+` when the whole block is new (it did not exist before), `-` when it goes, `~` otherwise. */
function blockSymbol(n: Node, depth: number): ChangeSymbol {
  const leaves: AttributeChange[] = [];
  const visit = (m: Node) => {
    if (m.leaf) leaves.push(m.leaf);
    m.children.forEach(visit);
  };
  visit(n);
  if (leaves.length > 0 && leaves.every((l) => l.newFrom !== undefined && l.newFrom <= depth)) return '+';
  if (leaves.length > 0 && leaves.every((l) => l.goneFrom !== undefined && l.goneFrom <= depth)) return '-';
  return '~';
}

function leafValue(a: AttributeChange): string {
  if (a.before === undefined) return a.after ?? 'null';
  if (a.after === undefined) return a.before;
  return `${a.before} -> ${a.after}`;
}

/** An attribute or map key as terraform writes it: bare when it is an identifier, quoted otherwise. */
function keyText(step: PathStep): string {
  return typeof step === 'string' && /^[A-Za-z_][\w-]*$/.test(step) ? step : JSON.stringify(String(step));
}

const INDENT = '    ';

function renderChildren(parent: Node, depth: number, out: string[], stepDepth: number): void {
  const listItems = parent.children.length > 0 && parent.children.every((c) => typeof c.step === 'number');
  const width = listItems ? 0 : Math.min(40, Math.max(0, ...parent.children.filter((c) => c.leaf && c.children.length === 0).map((c) => keyText(c.step).length)));
  const pad = INDENT.repeat(depth);
  for (const child of parent.children) {
    const name = listItems ? '' : `${keyText(child.step).padEnd(child.children.length === 0 ? width : 0)} = `;
    const comma = listItems ? ',' : '';
    if (child.children.length === 0 && child.leaf) {
      const forces = child.leaf.forcesReplacement ? ' # forces replacement' : '';
      out.push(`${leafSymbol(child.leaf)} ${pad}${name}${leafValue(child.leaf)}${comma}${forces}`);
      continue;
    }
    const isList = child.children.every((c) => typeof c.step === 'number');
    out.push(`${blockSymbol(child, stepDepth + 1)} ${pad}${name}${isList ? '[' : '{'}`);
    renderChildren(child, depth + 1, out, stepDepth + 1);
    out.push(`  ${pad}${isList ? ']' : '}'}${comma}`);
  }
}

/**
 * The lines of the changed attributes below one resource or output, `depth` levels deep. `skip` leading
 * steps are left out (an output's attributes carry no prefix; a resource's start at its attributes).
 */
export function nestedLines(attributes: readonly AttributeChange[], depth = 1, skip = 0): string[] {
  const out: string[] = [];
  renderChildren(build(attributes, skip), depth, out, skip);
  return out;
}

/**
 * One output as a block: `+ name = value` for a leaf, or `~ name = {` … `}` with the changed parts nested.
 */
export function outputLines(name: string, kind: ChangeSymbol, attributes: readonly AttributeChange[]): string[] {
  const whole = attributes.length === 1 && attributes[0]!.path === '' ? attributes[0] : undefined;
  if (whole || attributes.length === 0) {
    const value = whole ? leafValue(whole) : 'null';
    return [`${whole ? leafSymbol(whole) : kind} ${keyText(name)} = ${value}`];
  }
  const root = build(attributes, 0);
  const isList = root.children.every((c) => typeof c.step === 'number');
  const out = [`${kind} ${keyText(name)} = ${isList ? '[' : '{'}`];
  renderChildren(root, 1, out, 0);
  out.push(`  ${isList ? ']' : '}'}`);
  return out;
}
