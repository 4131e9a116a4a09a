import { describe, it, expect } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusPath } from '../../../test/support/corpus.ts';
import { parseReport } from './report.ts';
import { evaluate, type Policy } from './policy.ts';
import { parseIgnoreInput } from './rules.ts';
import { annotationsFor, renderSummary } from './summary.ts';

const golden = corpusPath('grype', 'grype-golden');
const NOW = Date.UTC(2025, 5, 1);

(golden ? describe : describe.skip)('job summary and annotations', () => {
  const text = golden ? fs.readFileSync(path.join(golden, 'image.grype.json'), 'utf8') : '{}';

  it('shows counts by severity × fixable, the worst first, ignored matches with reasons, and expired rules', () => {
    const report = parseReport(text);
    const policy: Policy = {
      severityCutoff: 'high',
      onlyFixed: false,
      rules: parseIgnoreInput([
        '- vulnerability: CVE-1999-0001',
        '  reason: "only in | test fixtures"',
        '- package: {name: package-2}',
        '  reason: vendor says not exploitable',
        '  until: 2025-01-31',
      ].join('\n')),
      vex: [],
      vexFiles: [],
    };
    const evaluation = evaluate(report, policy, NOW);
    expect(renderSummary({ report, evaluation, policy, subject: 'user-input', failBuild: true })).toMatchInlineSnapshot(`
"## Vulnerability scan: ❌ fail
\`user-input\` · grype [not provided] · cutoff: high and above fail · only fixed: no

| Severity | Matches | With a fix |
| --- | --- | --- |
| critical | 1 | 0 |
| high | 0 | 0 |
| medium | 0 | 0 |
| low | 0 | 0 |
| negligible | 0 | 0 |
| unknown | 0 | 0 |
| **total** | **1** | **0** |

1 match at or above the cutoff (high).

> [!WARNING]
> Ignore rule ignore[1] (package package-2) expired on 2025-01-31 (reason was: vendor says not exploitable); it no longer ignores 1 match: CVE-1999-0002 in package-2. Renew or remove it.

### Worst findings

| Vulnerability | Severity | Package | Installed | Fixed in | EPSS |
| --- | --- | --- | --- | --- | --- |
| CVE-1999-0002 ⚠️ KEV | **critical** | package-2 | 2.2.2 |  | 8.00% (p53) |

<details><summary>Ignored by the policy (1)</summary>

| Vulnerability | Package | Version | Rule | Reason |
| --- | --- | --- | --- | --- |
| CVE-1999-0001 | package-1 | 1.1.1 | ignore[0] | only in \\| test fixtures |

</details>
"
`);
  });

  it('annotates folder scans on the files that declare the packages, and nothing for images', () => {
    const image = parseReport(text);
    expect(annotationsFor(image, evaluate(image, { severityCutoff: 'none', onlyFixed: false, rules: [], vex: [], vexFiles: [] }, NOW), '/work/repo')).toEqual([]);
    const data = JSON.parse(text);
    data.source = { type: 'directory', target: 'app' };
    data.matches[0].artifact.locations = [{ path: '/requirements.txt' }];
    data.matches[1].artifact.locations = [{ path: 'web/package-lock.json' }];
    const dir = parseReport(data);
    const annotations = annotationsFor(dir, evaluate(dir, { severityCutoff: 'none', onlyFixed: false, rules: [], vex: [], vexFiles: [] }, NOW), '/work/repo');
    expect(annotations).toEqual([
      { level: 'error', title: 'CVE-1999-0002 (critical) in package-2 2.2.2', message: 'package-2 2.2.2 (deb) is affected by CVE-1999-0002. No fix yet.', file: 'app/web/package-lock.json' },
      { level: 'notice', title: 'CVE-1999-0001 (low) in package-1 1.1.1', message: 'package-1 1.1.1 (rpm) is affected by CVE-1999-0001. Fixed in 1.2.1, 2.1.3, 3.4.0.', file: 'app/requirements.txt' },
    ]);
  });
});
