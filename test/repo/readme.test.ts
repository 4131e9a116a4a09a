/**
 * What the READMEs tell a newcomer to copy works: the quick start's environments file parses with the real
 * parser and names the environments the starter workflow deploys to, and every `uses:` of a conveyor action
 * is spelled one way.
 */
import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_ENVIRONMENTS_FILE, parseEnvironments } from '../../packages/promote/src/environments.ts';
import { repoRoot } from '../support/corpus.ts';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');

/** The fenced yaml blocks of a Markdown text, with the list indentation they sit in removed. */
function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^( *)```ya?ml\n([\s\S]*?)^\1```$/gm)].map((m) => m[2]!.split('\n').map((l) => l.slice(m[1]!.length)).join('\n'));
}

describe('the README quick start', () => {
  const blocks = yamlBlocks(read('README.md')).filter((b) => b.startsWith(`# ${DEFAULT_ENVIRONMENTS_FILE}\n`));

  it('has one environments file, and it parses with the promote action\'s parser', () => {
    expect(blocks).toHaveLength(1);
    const environments = parseEnvironments(blocks[0]!, DEFAULT_ENVIRONMENTS_FILE);
    expect(environments.map((e) => [e.name, e.requireVerdict, e.write, e.githubEnvironment.name])).toEqual([
      ['dev', false, 'commit', 'dev'], ['stage', true, 'commit', 'stage'], ['prod', true, 'commit', 'prod'],
    ]);
    for (const e of environments) expect(e.targets).toEqual([{ kind: 'kustomize', file: `deploy/${e.name}/kustomization.yaml`, image: 'ghcr.io/acme/app' }]);
  });

  it('names the environments and the image the starter workflow deploys', () => {
    const environments = parseEnvironments(blocks[0]!, DEFAULT_ENVIRONMENTS_FILE).map((e) => e.name);
    const starter = parse(read('workflows/pipeline.yml')) as { jobs: Record<string, { with?: { environment?: string; image?: string } }> };
    const deployed = Object.values(starter.jobs).map((j) => j.with?.environment).filter((e): e is string => e !== undefined && !e.includes('${{'));
    expect([...new Set(deployed)].sort()).toEqual([...environments].sort());
    const images = new Set(Object.values(starter.jobs).map((j) => j.with?.image).filter(Boolean));
    // The image comes from the repository variable the quick start names, with the README's image as fallback.
    expect([...images]).toEqual(["${{ vars.CONVEYOR_IMAGE || 'ghcr.io/acme/app' }}"]);
    expect(read('README.md')).toContain('repository variable `CONVEYOR_IMAGE`');
    // The secret the quick start asks for is the one the starter passes.
    expect(read('workflows/pipeline.yml')).toContain('secrets.RELEASE_TOKEN');
    expect(read('README.md')).toContain('**Secret** `RELEASE_TOKEN`');
    expect(read('workflows/pipeline.yml')).toContain('secrets.RELEASE_APP_KEY');
    expect(read('workflows/pipeline.yml')).toContain('vars.RELEASE_APP_ID');
    expect(read('README.md')).toContain('`RELEASE_APP_KEY`');
  });

  it('the promote README opens with an environments file that parses, before its internals', () => {
    const readme = read('actions/promote/README.md');
    const files = yamlBlocks(readme).filter((b) => /^environments:/m.test(b));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) expect(parseEnvironments(file, DEFAULT_ENVIRONMENTS_FILE).map((e) => e.name)).toEqual(['dev', 'stage', 'prod']);
    expect(readme.indexOf('environments:')).toBeLessThan(readme.indexOf('## How it works'));
    expect(readme.indexOf('<!-- conveyor:inputs -->')).toBeLessThan(readme.indexOf('## How it works'));
  });
});

describe('uses: lines in the READMEs', () => {
  it('spell every conveyor action conveyor/conveyor/actions/<name>@v1 (the root action conveyor/conveyor@v1)', () => {
    const files = ['README.md', ...fs.readdirSync(path.join(repoRoot, 'actions')).map((a) => `actions/${a}/README.md`)].filter((f) => fs.existsSync(path.join(repoRoot, f)));
    const actions = new Set(fs.readdirSync(path.join(repoRoot, 'actions')));
    const wrong: string[] = [];
    for (const file of files) {
      for (const [, ref] of read(file).matchAll(/uses: *([^\s`|]+)/g)) {
        if (/^(actions|github|docker)\/|^[\w-]+\/[\w-]+@/.test(ref!) && !/conveyor/.test(ref!)) continue; // other projects' actions
        const ok = ref === 'conveyor/conveyor@v1' || ref === 'conveyor/conveyor/actions/<name>@v1' || /^conveyor\/conveyor\/\.github\/workflows\/[\w-]+\.yml@v1$/.test(ref!)
          || (/^conveyor\/conveyor\/actions\/([\w-]+)@v1$/.test(ref!) && actions.has(/actions\/([\w-]+)@/.exec(ref!)![1]!));
        if (!ok) wrong.push(`${file}: ${ref}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
