import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Composer, Parser, isMap, isScalar, isSeq, type Document } from 'yaml';
import { readBlockYaml } from './yaml-block.ts';

/** What the yaml library composes, as plain data: structure, keys, scalar values, styles, spans and source tokens. */
function shape(node: unknown): unknown {
  if (isMap(node)) return { map: node.items.map((p) => [shape(p.key), shape(p.value)]), tag: node.tag, anchor: node.anchor, flow: node.flow ?? false };
  if (isSeq(node)) return { seq: node.items.map(shape), tag: node.tag, anchor: node.anchor, flow: node.flow ?? false };
  if (isScalar(node)) {
    const token = (node as { srcToken?: { type: string; offset: number; indent: number; source: string } }).srcToken;
    return {
      value: Number.isNaN(node.value) ? 'NaN' : node.value, type: node.type, tag: node.tag, anchor: node.anchor,
      range: node.range?.slice(0, 2), token: token && { type: token.type, offset: token.offset, indent: token.indent, source: token.source },
    };
  }
  return node;
}

function library(text: string): Document[] {
  return Array.from(new Composer({ keepSourceTokens: true }).compose(new Parser().parse(text))) as Document[];
}

/** Checks one text: when the reader accepts it, the library must read it the same way, with no error or warning. */
function compare(text: string): 'read' | 'declined' {
  const fast = readBlockYaml(text);
  if (!fast) return 'declined';
  const docs = library(text);
  expect({ text, docs: docs.length, errors: docs[0]?.errors.map((e) => e.message), warnings: docs[0]?.warnings.map((e) => e.message) })
    .toEqual({ text, docs: 1, errors: [], warnings: [] });
  expect({ text, shape: shape(fast.contents) }).toEqual({ text, shape: shape(docs[0]!.contents) });
  return 'read';
}

describe('readBlockYaml', () => {
  it('reads a kustomization as the library does', () => {
    const text = `# app 1\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\nimages:\n  - name: registry.example/acme/web   # web\n    newTag: "1.0.0"\n    digest: sha256:${'a'.repeat(64)}\n`;
    expect(compare(text)).toBe('read');
  });

  it('reads Helm values with numbers, booleans, nulls, quotes and sequences at the key\'s indent', () => {
    const text = `replicaCount: 3\nimage:\n  repository: 'acme/web'\n  tag: 1.10\n  pullPolicy: IfNotPresent\n  digest: ~\nports:\n- 80\n- 0x1F\n- 0o17\nflags: {}\n`;
    expect(compare(text)).toBe('declined'); // {} is a flow mapping
    expect(compare(text.replace('flags: {}\n', 'enabled: true\nratio: .5\nbig: 1e3\ninf: +.inf\nnothing: null\n'))).toBe('read');
  });

  it('gives a sequence item\'s scalar the token indent the library gives it (its own column)', () => {
    const text = 'a:\n- x\n-   y\nb:\n  -  "z"\n  - k: v\n  -\n    - w\n';
    expect(compare(text)).toBe('read');
    const seq = (readBlockYaml(text)!.contents as { items: { value: { items: { srcToken: { indent: number } }[] } }[] }).items[0]!.value;
    expect(seq.items.map((item) => item.srcToken.indent)).toEqual([2, 4]);
  });

  it('declines what it does not read, so the library reads it', () => {
    const declined = [
      'a: [1, 2]\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: |\n  x\n', 'a: >\n  x\n', 'a: b\n  c\n', 'a: "x\\"y"\n', "a: 'it''s'\n",
      '%YAML 1.2\n---\na: 1\n', '---\na: 1\n', 'a: 1\n---\nb: 2\n', 'a:\tb\n', 'a: 1\r\n', '\ufeffa: 1\n', 'a:\n', 'a: 1\na: 2\n',
      '  a: 1\n', 'a:\n    b: 1\n  c: 2\n', 'x\n', '', '# only a comment\n', '- - a\n', '"a": 1\n', 'a: b: c\n', 'a: b:\n', '? a\n: b\n',
      'true: 1\n', '1: a\n', 'a: -1\n', 'a: @x\n', 'a: `x`\n', 'a: 1\nb:\n- \n', '<<: {a: 1}\n', 'a: "x" y\n', 'a:b\n',
    ];
    for (const text of declined) expect({ text, read: compare(text) }).toEqual({ text, read: 'declined' });
  });

  // Generated documents: mostly in the block style the reader takes, with mutations that step out of it.
  it('reads generated documents exactly as the library does, or declines them', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const keys = ['name', 'newTag', 'digest', 'app.kubernetes.io/name', 'image_tag', 'x-y', 'true', '1', 'null', 'a$b'];
    const plain = [
      'web', 'sha256:abc', '1.0.0', '1.10', '3', '0x1A', '0o7', '1e3', '.inf', '.nan', 'null', '~', 'True', 'FALSE', '+1', '+.5',
      '"quoted value"', "'single'", '"a # b"', "'a: b'", '../../base', 'a b c', 'a#b', 'x # comment', 'a,b', 'b[0]', 'a:b', '"" ', "''",
      '.5.', '0x', '0o8', '1_000', 'yes', 'NULL', 'Null', '$v', '=x', '(a)', '~x', '1.', '+', '.',
    ];
    const odd = [
      '-3', '-.Inf', 'a: b', '"x\\ny"', "'it''s'", '[1, 2]', '{a: 1}', '&anchor v', '*alias', '!!str 5', '|', '>-', '- x', '@x', '%x',
      '"unclosed', "'", 'a:', '"q" x',
    ];
    const scalar = () => pick(random() < 0.9 ? plain : odd);
    const line = (indent: number, depth: number): string[] => {
      const pad = ' '.repeat(indent);
      const choice = random();
      if (depth > 2 || choice < 0.55) return [`${pad}${pick(keys)}: ${scalar()}${random() < 0.2 ? '   # note' : ''}`];
      if (choice < 0.75) return [`${pad}${pick(keys)}:`, ...block(indent + pick([0, 2, 4]), depth + 1, 'seq')];
      return [`${pad}${pick(keys)}:${random() < 0.2 ? ' # c' : ''}`, ...block(indent + pick([2, 4]), depth + 1, 'map')];
    };
    const block = (indent: number, depth: number, kind: 'map' | 'seq'): string[] => {
      const out: string[] = [];
      const n = 1 + Math.floor(random() * 3);
      for (let i = 0; i < n; i++) {
        if (kind === 'map') out.push(...line(indent, depth));
        else if (random() < 0.5) out.push(`${' '.repeat(indent)}- ${scalar()}`);
        else {
          const [first, ...rest] = line(indent + 2, depth + 1);
          out.push(`${' '.repeat(indent)}- ${first!.trimStart()}`, ...rest);
          if (random() < 0.5) out.push(...line(indent + 2, depth + 1));
        }
        if (random() < 0.1) out.push(`${' '.repeat(Math.floor(random() * 6))}# a comment line`, '');
      }
      return out;
    };
    const mutate = (lines: string[]): string[] => {
      if (random() < 0.6) return lines;
      const copy = [...lines];
      const at = Math.floor(random() * copy.length);
      const how = random();
      if (how < 0.3) copy[at] = ` ${copy[at]}`;
      else if (how < 0.5) copy[at] = copy[at]!.replace(/^ /, '');
      else if (how < 0.7) copy.splice(at, 0, `${' '.repeat(Math.floor(random() * 8))}${scalar()}`);
      else if (how < 0.85) copy[at] = `${copy[at]}:`;
      else copy.splice(at, 1);
      return copy;
    };
    const counts = { read: 0, declined: 0 };
    for (let i = 0; i < 5000; i++) {
      const lines = mutate(block(0, 0, random() < 0.85 ? 'map' : 'seq'));
      const text = lines.join('\n') + (random() < 0.9 ? '\n' : '');
      counts[compare(text)] += 1;
    }
    // Both outcomes must be common, or the comparison shows little.
    expect(counts.read).toBeGreaterThan(400);
    expect(counts.declined).toBeGreaterThan(400);
  });

  it('reads the YAML files of the corpus as the library does, or declines them', () => {
    const corpus = process.env.CONVEYOR_CORPUS ?? path.resolve(import.meta.dirname, '../../../../shared/corpus');
    if (!fs.existsSync(corpus)) {
      if (process.env.CI_REQUIRE_CORPUS === 'true') throw new Error(`The corpus is missing at ${corpus}.`);
      return;
    }
    const files = (fs.readdirSync(corpus, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) compare(fs.readFileSync(path.join(corpus, file), 'utf8'));
  });
});
