// The upload-sarif stand-in: the category goes into each run's automationDetails.id, as the real action puts it.
import * as fs from 'node:fs';
import { gzipSync } from 'node:zlib';

const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const file = input('sarif_file');
const sarif = JSON.parse(fs.readFileSync(file, 'utf8'));
const category = input('category');
if (category) for (const run of sarif.runs ?? []) run.automationDetails = { ...(run.automationDetails ?? {}), id: `${category}/` };
const res = await fetch(`${process.env.GITHUB_API_URL}/repos/${process.env.GITHUB_REPOSITORY}/code-scanning/sarifs`, {
  method: 'POST',
  headers: { authorization: `token ${input('token')}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
  body: JSON.stringify({ commit_sha: process.env.GITHUB_SHA, ref: process.env.GITHUB_REF, sarif: gzipSync(JSON.stringify(sarif)).toString('base64') }),
});
const body = await res.text();
if (!res.ok) {
  console.log(`::error::Code Scanning could not process the submitted SARIF file: ${JSON.parse(body).message ?? body} (HTTP ${res.status})`);
  process.exit(1);
}
console.log(`upload-sarif stand-in: uploaded ${file} (${JSON.parse(body).id})`);
