import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { corpusPath } from '../../../test/support/corpus.ts';
import { parsePlan, summarizePlan, type RawPlan } from './plan.ts';
import { fingerprintPlan } from './fingerprint.ts';
import { evaluateDestroyPolicy } from './policy.ts';
import { COMMENT_LIMIT, readMarker, renderFailedPlanComment, renderPlanComment, renderPlanText, scrubSensitive } from './render.ts';
import { mixedPlan, plan, resource } from './testing/plans.ts';

const goldenDir = path.join(import.meta.dirname, '__golden__');

/** Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it (review the diff before committing). */
function expectGolden(name: string, text: string): void {
  const file = path.join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, text);
  if (!fs.existsSync(file)) throw new Error(`Golden file ${file} is missing; run the test with UPDATE_GOLDEN=1 and review it.`);
  expect(text).toBe(fs.readFileSync(file, 'utf8'));
}

function render(raw: RawPlan, stack = 'infra/app') {
  const summary = summarizePlan(raw);
  const { fingerprint, digests } = fingerprintPlan(raw);
  const verdict = evaluateDestroyPolicy(summary, { allowDestroy: false, allowedPatterns: ['aws_lb.*'] });
  return { summary, comment: renderPlanComment(summary, { stack, workspace: 'prod', fingerprint, digests, verdict }), text: renderPlanText(summary), fingerprint };
}

describe('plan rendering', () => {
  it('renders the mixed plan as in the golden files', () => {
    const { comment, text } = render(mixedPlan());
    expectGolden('mixed.comment.md', comment);
    expectGolden('mixed.plan.txt', text);
  });

  it('puts a marker in the comment that reads back stack, workspace, fingerprint and digests', () => {
    const { comment, fingerprint } = render(mixedPlan(), 'stacks/my app');
    const marker = readMarker(comment)!;
    expect([marker.stack, marker.workspace, marker.fingerprint]).toEqual(['stacks/my app', 'prod', fingerprint]);
    expect(marker.digests).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('shortens a plan of 5,000 resources to fit a comment and says where the rest is', () => {
    const resources = Array.from({ length: 5000 }, (_, i) => resource(`aws_instance.fleet[${i}]`, ['update'], {
      before: { ami: 'ami-old', tags: { Name: `node-${i}`, Role: 'worker' } },
      after: { ami: 'ami-new', tags: { Name: `node-${i}`, Role: 'worker-v2' } },
    }));
    const { comment, text } = render(plan(resources));
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(comment.length).toBeGreaterThan(COMMENT_LIMIT - 10_000);
    expect(comment).toMatch(/> \d+ more change block\(s\) are not shown here, to stay within GitHub's size limit\. The full plan is in the job summary/);
    expect(comment).toContain('**Plan: 0 to add, 5000 to change, 0 to destroy.**');
    expect(readMarker(comment)?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // Open blocks are closed: as many fences open as close, and every <details> ends.
    expect((comment.match(/^```/gm) ?? []).length % 2).toBe(0);
    expect((comment.match(/<details/g) ?? []).length).toBe((comment.match(/<\/details>/g) ?? []).length);
    expect(text).toContain('# aws_instance.fleet[4999] will be updated in place');
  });

  it('writes nested objects and lists as nested blocks with terraform\'s symbols', () => {
    const { comment } = render(plan([resource('aws_security_group.edge', ['update'], {
      before: { name: 'edge', tags: { Team: 'web' }, ingress: [{ port: 443, cidr_blocks: ['0.0.0.0/0'] }] },
      after: { name: 'edge', tags: { Team: 'web', 'cost-center': 'shop' }, ingress: [{ port: 443, cidr_blocks: ['10.0.0.0/8', '192.168.0.0/16'] }] },
    })]));
    expect(comment).toContain([
      '~ resource "aws_security_group" "edge" {',
      '~     tags = {',
      '+         cost-center = "shop"',
      '      }',
      '~     ingress = [',
      '~         {',
      '~             cidr_blocks = [',
      '~                 "0.0.0.0/0" -> "10.0.0.0/8",',
      '+                 "192.168.0.0/16",',
      '              ]',
      '          },',
      '      ]',
      '  }',
    ].join('\n'));
    expect(comment).not.toContain('destroys');
  });

  it('marks an errored plan failed in its heading and its marker', () => {
    const { comment } = render(plan([resource('null_resource.a', ['create'], { after: { x: 1 } })], { errored: true }));
    expect(comment).toMatch(/^<!-- conveyor:terraform stack=infra\/app workspace=prod failed -->\n### Terraform plan for `infra\/app` \(workspace `prod`\): failed\n/);
    expect(comment).toContain('> **The plan failed.**');
    expect(readMarker(comment)).toEqual({ stack: 'infra/app', workspace: 'prod', failed: true });
  });

  it('writes the comment of a plan terraform could not make, with its marker saying failed', () => {
    const body = renderFailedPlanComment({ stack: 'infra/app', workspace: 'prod', message: 'terraform plan failed for infra/app (workspace prod, exit code 1): Error: Invalid count argument.', log: 'Error: Invalid count argument\n\n  on main.tf line 3' });
    expect(body).toBe([
      '<!-- conveyor:terraform stack=infra/app workspace=prod failed -->',
      '### Terraform plan for `infra/app` (workspace `prod`): failed',
      '',
      '> [!CAUTION]',
      '> **The plan failed.** terraform plan failed for infra/app (workspace prod, exit code 1): Error: Invalid count argument.',
      '',
      '<details open><summary>terraform\'s error</summary>',
      '',
      '```',
      'Error: Invalid count argument',
      '',
      '  on main.tf line 3',
      '```',
      '',
      '</details>',
      '',
    ].join('\n'));
    expect(readMarker(body)).toEqual({ stack: 'infra/app', workspace: 'prod', failed: true });
  });

  it('names every destroyed resource in the warning line, policy or not', () => {
    const raw = plan([
      resource('aws_s3_bucket.logs', ['delete'], { before: { bucket: 'logs' } }),
      resource('aws_instance.web', ['delete', 'create'], { before: { ami: 'a' }, after: { ami: 'b' } }),
    ]);
    const summary = summarizePlan(raw);
    const { fingerprint } = fingerprintPlan(raw);
    const comment = renderPlanComment(summary, { stack: 's', workspace: 'w', fingerprint });
    expect(comment).toContain('> [!WARNING]\n> ⚠️ **This plan destroys 2 resource(s)** (1 of them replaced): `aws_s3_bucket.logs`, `aws_instance.web`.\n');
    expect(renderPlanText(summary)).toContain('Warning: this plan destroys 2 resource(s): aws_s3_bucket.logs, aws_instance.web');
  });

  it('scrubs a sensitive value that reached an unmarked attribute, in raw and JSON-escaped form', () => {
    const raw = plan([
      resource('terraform_data.db', ['create'], { after: { input: 'pa"ss\\word-1' }, after_sensitive: { input: true } }),
      resource('terraform_data.leak', ['create'], { after: { input: 'pa"ss\\word-1', note: 'ok' } }),
    ]);
    const summary = summarizePlan(raw);
    const { fingerprint } = fingerprintPlan(raw);
    const comment = renderPlanComment(summary, { stack: 's', workspace: 'w', fingerprint });
    expect(comment).toContain('"pa\\"ss\\\\word-1"');
    const scrubbed = scrubSensitive(comment, ['pa"ss\\word-1', 'ab']);
    expect(scrubbed).not.toContain('word-1');
    expect(scrubbed).toContain('+     input = "(sensitive value)"');
    expect(scrubbed).toContain('+     note  = "ok"');
  });

  it('keeps a resource whose values hold backticks inside its code block', () => {
    const { comment } = render(plan([resource('null_resource.fence', ['create'], { after: { script: 'echo ```oops```' } })]));
    expect(comment).toContain('````diff');
  });

  const corpus = corpusPath('terraform', 'terraform-json');
  (corpus ? it.each(['action_reason.plan.json', 'identity.plan.json', 'moved_block.plan.json', '110_sensitive_values.plan.json', 'basic.plan.json'])
    : it.skip.each([''])) ('renders the corpus plan %s as in its golden file', (file) => {
    const raw = parsePlan(fs.readFileSync(path.join(corpus!, file), 'utf8'), file);
    const { comment } = render(raw);
    expectGolden(file.replace(/\.json$/, '.comment.md'), comment);
  });
});
