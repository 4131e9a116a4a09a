/**
 * `npm run actionlint`: the real actionlint (npm run tools builds it) over every workflow file; exits 1 on any
 * finding. Without actionlint it says so in one line and exits 0, unless CI_REQUIRE_TOOLS=true.
 */
import { spawnSync } from 'node:child_process';
import { actionlintPath, lintWorkflows, workflowFiles } from './workflow-lint.ts';

const binary = actionlintPath();
if (!binary) {
  const line = 'actionlint is not built: run npm run tools (it needs Go) to lint the workflows.';
  if (process.env.CI_REQUIRE_TOOLS === 'true') {
    console.error(line);
    process.exit(1);
  }
  console.log(`${line} Skipped.`);
  process.exit(0);
}
const shellcheck = spawnSync('sh', ['-c', 'command -v shellcheck']).status === 0;
if (!shellcheck && process.env.CI_REQUIRE_TOOLS === 'true') {
  console.error('shellcheck is not on PATH (apt-get install shellcheck): actionlint would not check the run: scripts.');
  process.exit(1);
}
const files = workflowFiles();
const findings = lintWorkflows(files, binary);
for (const f of findings) console.error(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
if (findings.length > 0) {
  console.error(`actionlint: ${findings.length} finding(s) in ${files.length} workflow files.`);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow files clean${shellcheck ? ', run: scripts checked by shellcheck' : ' (shellcheck not on PATH: run: scripts not checked)'}.`);
