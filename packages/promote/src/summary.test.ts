import { describe, expect, it } from '@jest/globals';
import type { PromoteResult } from './promote.ts';
import { renderSummary } from './summary.ts';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

const base: PromoteResult = {
  environment: 'stage', image: 'ghcr.io/acme/web', version: '1.1.0', digest: B, previousDigest: A, changed: true,
  files: ['stage/values.yaml', 'stage/web.yaml'], commitSha: '0123456789abcdef0123456789abcdef01234567', deploymentId: 7,
  message: "Promoted ghcr.io/acme/web 1.1.0 to 'stage'.", dryRun: false,
  links: { commitUrl: 'https://github.com/acme/gitops/commit/0123456789abcdef0123456789abcdef01234567', deploymentsUrl: 'https://github.com/acme/shop/deployments/staging' },
};

describe('renderSummary', () => {
  it('renders the table with links, then the files collapsed', () => {
    expect(renderSummary(base)).toBe(`### Promotion

Promoted ghcr.io/acme/web 1.1.0 to 'stage'.

|  |  |
| --- | --- |
| Environment | \`stage\` |
| Image | \`ghcr.io/acme/web\` |
| Version | \`1.1.0\` |
| Digest | \`${A} → ${B}\` |
| Files changed | \`2\` |
| Commit | [0123456789ab](https://github.com/acme/gitops/commit/0123456789abcdef0123456789abcdef01234567) |
| Deployment | [7](https://github.com/acme/shop/deployments/staging) |

<details><summary>Files (2)</summary>

- \`stage/values.yaml\`
- \`stage/web.yaml\`

</details>
`);
  });

  it('titles a no-op and a dry run, and shows none for an environment without a digest', () => {
    const noop = renderSummary({ ...base, changed: false, files: [], commitSha: undefined, deploymentId: undefined, previousDigest: undefined, message: 'nothing' } as PromoteResult);
    expect(noop).toContain('### Promotion: nothing to change\n');
    expect(noop).toContain(`| Digest | \`none → ${B}\` |`);
    expect(noop).not.toContain('<details>');
    expect(renderSummary({ ...base, dryRun: true, changed: false })).toContain('### Promotion (dry run)\n');
    const diff = '--- a/stage/values.yaml\n+++ b/stage/values.yaml\n@@ -1 +1 @@\n-digest: sha256:aaa\n+digest: sha256:bbb';
    expect(renderSummary({ ...base, dryRun: true, changed: false, diff })).toContain(`<details open><summary>The diff a run would commit</summary>\n\n\`\`\`diff\n${diff}\n\`\`\`\n\n</details>\n`);
  });
});
