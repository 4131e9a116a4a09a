/**
 * The terraform gate: fmt, validate, plan and apply over one or more stacks. Inputs arrive parsed; the
 * GitHub client, context and environment are passed in. Returns the outputs, the summary Markdown, the
 * annotations and the failures, and leaves writing them to the caller.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConveyorError, group, info, InputError, maskSecret, runFolder, table, details, codeBlock, type Annotation, type GitHubClient, type GitHubContext, type Inputs, type OutputValue } from '@conveyor/kit';
import { findPlanComment, mergedPullRequest, upsertPlanComment, type CommentTarget } from './comment.ts';
import { fmtAnnotations, parseFmtOutput, parseValidate, validateAnnotations, validateRows } from './diagnostics.ts';
import { analyzePlanText } from './analyze.ts';
import { compareDigests, decodeDigests, type ResourceDigest } from './fingerprint.ts';
import { planLine, type PlanCounts, type PlanSummary } from './plan.ts';
import { describeRefusal, evaluateDestroyPolicy, type DestroyVerdict } from './policy.ts';
import { readMarker, renderFailedPlanComment, renderPlanComment, renderPlanMarkdown, scrubSensitive, writePlanText } from './render.ts';
import * as tf from './runner.ts';
import { discoverStacks, orderStacks, stackMatrix } from './stacks.ts';
import type { terraformInputs } from './inputs.ts';

export type TerraformInputs = Inputs<typeof terraformInputs>;

export interface GateDeps {
  context: GitHubContext;
  env: NodeJS.ProcessEnv;
  /** Made only when a comment must be read or written. */
  client?: () => GitHubClient;
  exec?: tf.Exec;
  /** Installs a pinned version and resolves with the executable's path (the kit's installer in the action). */
  install?: (name: 'terraform' | 'tofu', version: string) => Promise<string>;
}

export interface GateResult {
  outputs: Record<string, OutputValue>;
  summary: string;
  annotations: Annotation[];
  failures: string[];
}

interface Stack { dir: string; abs: string }

function resolveStacks(inputs: TerraformInputs, workspace: string): Stack[] {
  const roots = inputs['working-directory'].map((d) => ({ dir: d, abs: path.resolve(workspace, d) }));
  const missing = roots.filter((r) => !fs.existsSync(r.abs) || !fs.statSync(r.abs).isDirectory());
  if (missing.length > 0) {
    throw new InputError(missing.map((m) => `Input 'working-directory' lists ${JSON.stringify(m.dir)}, but ${m.abs} is not a folder; give stack folders relative to the repository.`));
  }
  let dirs = roots.map((r) => path.relative(workspace, r.abs).split(path.sep).join('/') || '.');
  const terragrunt = inputs.stacks === 'listed' && inputs.command !== 'stacks' ? roots.filter((r) => isTerragruntUnit(r.abs)) : [];
  if (terragrunt.length > 0) {
    throw new InputError(terragrunt.map((t) => `Input 'working-directory' lists ${JSON.stringify(t.dir)}, a Terragrunt unit (terragrunt.hcl and no .tf files). ${TERRAGRUNT_NOTE}`));
  }
  if (inputs.stacks === 'auto' || inputs.command === 'stacks') {
    dirs = [...new Set(roots.flatMap((r) => discoverStacks(r.abs, workspace)))];
    if (dirs.length === 0) {
      const units = roots.some((r) => hasTerragruntUnits(r.abs));
      throw new InputError([`No terraform root module was found under ${inputs['working-directory'].join(', ')} (folders with .tf files that declare a backend or that no other folder calls as a module).${units ? ` The folders hold terragrunt.hcl files: ${TERRAGRUNT_NOTE}` : ''}`]);
    }
  }
  return orderStacks(dirs, inputs['stack-order']).map((dir) => ({ dir, abs: path.resolve(workspace, dir) }));
}

/** What conveyor does with Terragrunt, said where a Terragrunt unit is given as a stack. */
export const TERRAGRUNT_NOTE = 'conveyor runs terraform or tofu itself and does not run terragrunt: make the unit a root module (a backend block, its backend settings in a file passed as backend-config, its inputs in a .tfvars file passed as var-files), or gate it with terragrunt outside conveyor.';

function isTerragruntUnit(abs: string): boolean {
  if (!fs.existsSync(path.join(abs, 'terragrunt.hcl'))) return false;
  return !fs.readdirSync(abs).some((f) => f.endsWith('.tf') || f.endsWith('.tofu') || f.endsWith('.tf.json'));
}

function hasTerragruntUnits(abs: string, depth = 0): boolean {
  if (depth > 8) return false;
  if (isTerragruntUnit(abs)) return true;
  return fs.readdirSync(abs, { withFileTypes: true }).some((e) => e.isDirectory() && !e.name.startsWith('.') && hasTerragruntUnits(path.join(abs, e.name), depth + 1));
}

function pullRequestOf(inputs: TerraformInputs, context: GitHubContext): number | undefined {
  if (inputs['pull-request'] !== undefined) return inputs['pull-request'];
  const pr = context.payload.pull_request as { number?: unknown } | undefined;
  return typeof pr?.number === 'number' ? pr.number : undefined;
}

function addCounts(total: PlanCounts, c: PlanCounts): void {
  for (const key of Object.keys(total) as (keyof PlanCounts)[]) total[key] += c[key];
}

/** Checks what the command needs before anything runs. */
function checkInputs(inputs: TerraformInputs, stacks: Stack[], pr: number | undefined): void {
  const problems: string[] = [];
  if (inputs.command === 'apply') {
    if (!inputs['expected-fingerprint'] && (pr === undefined || !inputs['github-token'])) {
      problems.push('command: apply needs the reviewed plan\'s fingerprint: pass expected-fingerprint (the fingerprint output of the plan step), or pull-request and github-token so it can be read from the plan comment.');
    }
    if (inputs['expected-fingerprint']) {
      try {
        const map = expectedFingerprints(inputs['expected-fingerprint'], stacks.map((s) => s.dir));
        const missing = stacks.filter((s) => !map.has(s.dir)).map((s) => s.dir);
        if (missing.length > 0) problems.push(`Input 'expected-fingerprint' has no fingerprint for ${missing.join(', ')}; give one per stack as the plan step's fingerprint output writes it ({"stack": "fingerprint", …}).`);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
  }
  if (inputs['plan-path'] && (stacks.length > 1 || inputs.command !== 'apply')) problems.push('Input \'plan-path\' applies a saved plan file, so it needs command: apply and a single working-directory.');
  if (inputs.command === 'plan' && inputs.comment && pr !== undefined && !inputs['github-token']) problems.push('Input \'github-token\' is empty, but comment: true on a pull request needs it; pass ${{ github.token }} with pull-requests: write, or set comment: false.');
  if (problems.length > 0) throw new InputError(problems);
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * The reviewed fingerprints by stack: one fingerprint (for a single stack), or the JSON object of stack to
 * fingerprint that the plan step outputs for several stacks.
 */
export function expectedFingerprints(value: string, stacks: readonly string[]): Map<string, string> {
  const text = value.trim();
  if (HEX64.test(text)) {
    if (stacks.length > 1) throw new Error('Input \'expected-fingerprint\' holds one fingerprint, but several stacks are listed; pass the plan step\'s fingerprint output for all of them (a JSON object of stack to fingerprint).');
    return new Map(stacks.map((s) => [s, text]));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('Input \'expected-fingerprint\' is neither a fingerprint (64 hex characters) nor a JSON object of stack to fingerprint; pass the plan step\'s fingerprint output.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('Input \'expected-fingerprint\' must be a fingerprint or a JSON object of stack to fingerprint.');
  const map = new Map<string, string>();
  for (const [stack, fp] of Object.entries(parsed)) {
    if (typeof fp !== 'string' || !HEX64.test(fp)) throw new Error(`Input 'expected-fingerprint' gives ${JSON.stringify(stack)} the value ${JSON.stringify(fp)}, which is not a fingerprint (64 hex characters).`);
    map.set(stack, fp);
  }
  return map;
}

/** Writes a file piece by piece (a large plan's text is never held whole). */
function writePlanFile(file: string, produce: (write: (text: string) => void) => void): void {
  const fd = fs.openSync(file, 'w');
  try {
    produce((text) => fs.writeSync(fd, text));
  } finally {
    fs.closeSync(fd);
  }
}

const slug = (text: string) => text.replace(/[^\w.-]+/g, '_') || 'root';

export async function runGate(inputs: TerraformInputs, deps: GateDeps): Promise<GateResult> {
  const workspaceDir = deps.context.workspace;
  const stacks = resolveStacks(inputs, workspaceDir);
  const matrix = stackMatrix(stacks.map((s) => s.dir));
  if (inputs.command === 'stacks') {
    return { outputs: { matrix }, summary: table(['order', 'stack'], stacks.map((s, i) => [String(i + 1), s.dir])), annotations: [], failures: [] };
  }
  let pr = pullRequestOf(inputs, deps.context);
  let mergedFrom = false;
  if (pr === undefined && inputs.command === 'apply' && inputs['merged-pull-request'] && inputs['github-token'] && deps.client && deps.context.sha && deps.context.eventName === 'push') {
    // A push after a merge: the merged pull request's plan comments hold the reviewed fingerprints.
    pr = await mergedPullRequest(deps.client(), deps.context.owner, deps.context.repo, deps.context.sha);
    mergedFrom = pr !== undefined;
    info(pr === undefined ? `No merged pull request is known for commit ${deps.context.sha.slice(0, 7)}; the plan is checked against expected-fingerprint alone.` : `Commit ${deps.context.sha.slice(0, 7)} merged pull request #${pr}: its reviewed plans must match.`);
  }
  checkInputs(inputs, stacks, pr);
  maskGivenValues(inputs);
  let binary: string = inputs.binary;
  if (inputs.version) {
    if (!deps.install) throw new InputError([`Input 'version' asks for ${inputs.binary} ${inputs.version}, but installing is not available here; put ${inputs.binary} on PATH and leave version empty.`]);
    binary = await deps.install(inputs.binary, inputs.version);
  }
  const terraform: tf.Terraform = { binary, env: deps.env, exec: deps.exec };
  if (inputs.command === 'fmt') return fmtStacks(terraform, stacks, matrix);
  if (inputs.command === 'validate') return validateStacks(terraform, stacks, matrix);
  return planStacks(inputs, deps, terraform, stacks, matrix, pr, mergedFrom);
}

async function fmtStacks(terraform: tf.Terraform, stacks: Stack[], matrix: object): Promise<GateResult> {
  const annotations: Annotation[] = [];
  const rows: string[][] = [];
  let diffs = '';
  for (const stack of stacks) {
    const result = await group(`terraform fmt ${stack.dir}`, () => tf.fmtCheck(terraform, stack.abs));
    const files = parseFmtOutput(result.output);
    annotations.push(...fmtAnnotations(files, stack.dir));
    for (const f of files) {
      rows.push([stack.dir, f.file]);
      if (f.diff) diffs += details(path.posix.join(stack.dir, f.file), codeBlock(f.diff, 'diff'));
    }
    if (!result.clean && files.length === 0) rows.push([stack.dir, '(terraform fmt reported unformatted files without naming them)']);
  }
  const failures = rows.length > 0 ? [`${rows.length} file(s) are not formatted: ${rows.map((r) => path.posix.join(r[0]!, r[1]!)).join(', ')}. Run terraform fmt -recursive and commit the result.`] : [];
  const summary = rows.length === 0 ? '### terraform fmt\n\nAll files are formatted.\n'
    : `### terraform fmt\n\n${rows.length} file(s) need formatting.\n\n${table(['stack', 'file'], rows)}\n${diffs}`;
  return { outputs: { matrix }, summary, annotations, failures };
}

async function validateStacks(terraform: tf.Terraform, stacks: Stack[], matrix: object): Promise<GateResult> {
  const annotations: Annotation[] = [];
  const rows: string[][] = [];
  const failures: string[] = [];
  for (const stack of stacks) {
    await group(`terraform validate ${stack.dir}`, async () => {
      await tf.init(terraform, stack.abs, { backend: false, backendConfig: [] });
      const report = parseValidate(await tf.validate(terraform, stack.abs), `${terraform.binary} validate in ${stack.dir}`);
      annotations.push(...validateAnnotations(report, stack.dir));
      rows.push(...validateRows(report, stack.dir));
      if (!report.valid) failures.push(`${stack.dir} is not valid: ${report.errorCount} error(s); see the annotations and the job summary.`);
    });
  }
  const summary = rows.length === 0 ? `### terraform validate\n\n${stacks.length} stack(s) are valid.\n`
    : `### terraform validate\n\n${table(['severity', 'where', 'problem'], rows)}`;
  return { outputs: { matrix }, summary, annotations, failures };
}

interface StackPlan {
  stack: Stack;
  summary: PlanSummary;
  fingerprint: string;
  digests: Record<string, ResourceDigest>;
  planFile: string;
  jsonFile: string;
  textFile: string;
  /** What the plan marks sensitive, scrubbed from everything rendered. */
  sensitiveValues: string[];
}

async function planStacks(inputs: TerraformInputs, deps: GateDeps, terraform: tf.Terraform, stacks: Stack[], matrix: object, pr: number | undefined, mergedFrom: boolean): Promise<GateResult> {
  const planRoot = inputs['plan-dir'] ?? runFolder('terraform', deps.env);
  const failures: string[] = [];
  const failedStacks: string[] = [];
  const plans: StackPlan[] = [];
  const total: PlanCounts = { add: 0, change: 0, destroy: 0, replace: 0, import: 0, move: 0, forget: 0, read: 0, noop: 0 };
  const runUrl = deps.context.runId ? `${deps.context.serverUrl}/${deps.context.owner}/${deps.context.repo}/actions/runs/${deps.context.runId}` : undefined;
  const commenting = pr !== undefined && Boolean(inputs['github-token']) && deps.client !== undefined;
  for (const stack of stacks) {
    if (inputs.command === 'apply' && failures.length > 0) {
      // Stacks run in their declared order (base before app): after a refused apply, later ones wait.
      failures.push(`${stack.dir} was not applied because an earlier stack was not.`);
      continue;
    }
    await group(`terraform ${inputs.command} ${stack.dir}`, async () => {
      const dir = path.join(planRoot, slug(stack.dir), slug(inputs.workspace));
      fs.mkdirSync(dir, { recursive: true });
      await tf.init(terraform, stack.abs, { backend: true, backendConfig: inputs['backend-config'] });
      await tf.selectWorkspace(terraform, stack.abs, inputs.workspace);
      const planFile = inputs['plan-path'] ?? path.join(dir, 'plan.tfplan');
      const target = { owner: deps.context.owner, repo: deps.context.repo, issueNumber: pr ?? 0, stack: stack.dir, workspace: inputs.workspace };
      let planRun: tf.PlanRun | undefined;
      if (!inputs['plan-path']) {
        planRun = await tf.plan(terraform, stack.abs, { planFile, lockTimeout: inputs['lock-timeout'], varFiles: inputs['var-files'], variables: inputs.variables });
        if (planRun.exitCode === 1) {
          // Nothing of the plan is known, so only the given values are masked (already, before planning).
          showPlanLog(planRun);
          const message = planFailure(stack, inputs, planRun, stackUsesCloud(stack.abs));
          failures.push(message);
          failedStacks.push(stack.dir);
          if (inputs.command === 'plan' && inputs.comment && commenting) {
            const body = renderFailedPlanComment({ stack: stack.dir, workspace: inputs.workspace, message, log: scrub(lastLines(planRun.stderr || planRun.stdout, 60), inputs) });
            const { created } = await upsertPlanComment(deps.client!(), target, body);
            info(`${created ? 'Created' : 'Updated'} the plan comment for ${stack.dir} on pull request #${pr} (the plan failed).`);
          }
          return;
        }
      }
      const jsonFile = path.join(dir, 'plan.json');
      const { summary, fingerprint, digests, sensitiveValues } = analyzePlanText(await tf.showJson(terraform, stack.abs, planFile, jsonFile), jsonFile);
      // Every value the plan marks sensitive is a secret before anything terraform printed is shown.
      const masked = maskPlanValues(sensitiveValues);
      if (masked > 0) info(`${stack.dir}: ${masked} sensitive value(s) of the plan are masked in this log.`);
      if (planRun) showPlanLog(planRun);
      if (summary.errored) {
        failures.push(`The plan for ${stack.dir} errored ("errored": true in the plan document): terraform stopped at an error, so the plan is incomplete and cannot be applied. Fix the error in the plan log above and plan again.`);
        failedStacks.push(stack.dir);
      }
      const verdict = evaluateDestroyPolicy(summary, { allowDestroy: inputs['allow-destroy'], allowedPatterns: inputs['allowed-destroy'] });
      const textFile = path.join(dir, 'plan.txt');
      writePlanFile(textFile, (write) => writePlanText(summary, (text) => write(scrubSensitive(text, sensitiveValues))));
      info(`${stack.dir}: ${summary.changes ? planLine(summary.counts) : 'no changes'} (fingerprint ${fingerprint})`);
      if (inputs.command === 'plan' && stackUsesCloud(stack.abs)) info(`${stack.dir} runs in HCP Terraform or Terraform Enterprise: apply applies this saved cloud plan and nothing else (conveyor never runs apply -auto-approve).`);
      addCounts(total, summary.counts);
      plans.push({ stack, summary, fingerprint, digests, planFile, jsonFile, textFile, sensitiveValues });

      if (inputs.command === 'plan') {
        if (!verdict.ok) failures.push(describeRefusal(verdict, stack.dir));
        if (inputs.comment && commenting) {
          const body = scrubSensitive(renderPlanComment(summary, { stack: stack.dir, workspace: inputs.workspace, fingerprint, digests, verdict, fullPlanAt: runUrl ? `the job summary of ${runUrl}` : undefined }), sensitiveValues);
          const { created } = await upsertPlanComment(deps.client!(), target, body);
          info(`${created ? 'Created' : 'Updated'} the plan comment for ${stack.dir} on pull request #${pr}.`);
        }
        return;
      }
      if (summary.errored) return;
      const failure = await applyReviewed({ inputs, deps, terraform, target, commenting, runUrl, plan: plans[plans.length - 1]!, verdict, mergedFrom });
      if (failure) failures.push(failure);
    });
  }
  const one = plans.length === 1 ? plans[0] : undefined;
  const perStack = (pick: (p: StackPlan) => string) => (one ? pick(one) : Object.fromEntries(plans.map((p) => [p.stack.dir, pick(p)])));
  const outputs: Record<string, OutputValue> = {
    changes: plans.some((p) => p.summary.changes),
    'to-add': total.add, 'to-change': total.change, 'to-destroy': total.destroy, 'to-replace': total.replace,
    'to-import': total.import, 'to-move': total.move, 'to-forget': total.forget,
    'plan-path': perStack((p) => p.planFile), 'plan-json-path': perStack((p) => p.jsonFile), 'plan-text-path': perStack((p) => p.textFile),
    fingerprint: perStack((p) => p.fingerprint),
    matrix,
  };
  return { outputs, summary: planSummaryMarkdown(inputs, plans, failedStacks), annotations: [], failures };
}

/** Registers the plan's sensitive values as secrets; returns how many. Values under 3 characters are not masked (they would hide unrelated log text). */
function maskPlanValues(values: readonly string[]): number {
  let n = 0;
  for (const value of values) {
    if (value.trim().length < 3) continue;
    maskSecret(value, { warnShort: false });
    n += 1;
  }
  return n;
}

/** Registers the values given as variables and key=value backend settings as secrets (before terraform runs). */
function maskGivenValues(inputs: TerraformInputs): void {
  for (const setting of [...inputs.variables, ...inputs['backend-config']]) {
    const eq = setting.indexOf('=');
    if (eq !== -1 && setting.slice(eq + 1).trim().length >= 3) maskSecret(setting.slice(eq + 1), { warnShort: false });
  }
}

/** Removes the given variables' values from text that leaves the log (a comment is not masked by the runner). */
function scrub(text: string, inputs: TerraformInputs): string {
  let out = text;
  for (const setting of [...inputs.variables, ...inputs['backend-config']]) {
    const value = setting.slice(setting.indexOf('=') + 1);
    if (setting.includes('=') && value.length >= 3) out = out.split(value).join('***');
  }
  return out;
}

function lastLines(text: string, n: number): string {
  const lines = text.trimEnd().split('\n');
  return (lines.length > n ? ['…', ...lines.slice(-n)] : lines).join('\n');
}

function showPlanLog(run: tf.PlanRun): void {
  if (run.stdout) info(run.stdout.trimEnd());
  if (run.stderr) info(run.stderr.trimEnd());
}

/** Whether a stack's configuration has a `cloud` block or the `remote` backend (HCP Terraform / Terraform Enterprise). */
export function stackUsesCloud(abs: string): boolean {
  try {
    return fs.readdirSync(abs).filter((f) => f.endsWith('.tf') || f.endsWith('.tofu')).some((f) => {
      const text = fs.readFileSync(path.join(abs, f), 'utf8').replace(/(^|[^:"])(#|\/\/).*$/gm, '$1');
      return /^\s*cloud\s*\{/m.test(text) || /^\s*backend\s+"remote"\s*\{/m.test(text);
    });
  } catch {
    return false;
  }
}

/** What HCP Terraform means for apply, said where a saved plan could not be made. */
export const CLOUD_NOTE = 'This stack runs in HCP Terraform or Terraform Enterprise (a cloud block or the remote backend). conveyor applies only a saved plan file: with remote execution that needs terraform 1.6 or later (saved cloud plans) and a token in TF_TOKEN_<host>. Where no plan file can be saved, conveyor applies nothing: confirm the reviewed run in HCP Terraform itself, or switch the workspace to local execution.';

function planFailure(stack: Stack, inputs: TerraformInputs, run: tf.PlanRun, cloud: boolean): string {
  const first = (run.stderr || run.stdout).split('\n').find((l) => /^\s*(│\s*)?Error:/.test(l))?.replace(/^\s*(│\s*)?/, '') ?? 'see the plan log';
  const why = `terraform plan failed for ${stack.dir} (workspace ${inputs.workspace}, exit code 1): ${scrub(first, inputs)}.`;
  const next = inputs.command === 'apply' ? ' Nothing was applied.' : ' The gate fails; fix the error and plan again.';
  return cloud ? `${why}${next} ${CLOUD_NOTE}` : `${why}${next}`;
}

interface ApplyStep {
  inputs: TerraformInputs;
  deps: GateDeps;
  terraform: tf.Terraform;
  target: CommentTarget;
  commenting: boolean;
  runUrl?: string;
  plan: StackPlan;
  verdict: DestroyVerdict;
  /** The pull request was found as the one merged by this push. */
  mergedFrom: boolean;
}

/**
 * Applies the plan only when its fingerprint is the reviewed one (from expected-fingerprint or the pull
 * request comment) and the destroy policy allows it; returns the failure otherwise. A plan without
 * changes has nothing to apply, whatever was reviewed (a re-run after a successful apply lands here).
 */
async function applyReviewed(step: ApplyStep): Promise<string | undefined> {
  const { inputs, deps, terraform, target, plan } = step;
  const stack = plan.stack.dir;
  if (!plan.summary.changes) {
    info(`${stack}: the plan has no changes; nothing to apply.`);
    return undefined;
  }
  // Two sources of the reviewed plan, each checked when present: the fingerprint handed from the plan
  // step (expected-fingerprint) and the pull request's plan comment (given, or the merged one of a push).
  const expected = inputs['expected-fingerprint'] ? expectedFingerprints(inputs['expected-fingerprint'], [stack]).get(stack) : undefined;
  let reviewed: Record<string, ResourceDigest> | undefined;
  let comment: { id: number; body: string } | undefined;
  let fromComment: string | undefined;
  if (step.commenting) {
    comment = await findPlanComment(deps.client!(), target);
    const marker = comment ? readMarker(comment.body) : undefined;
    if (marker?.failed) return `The last plan of ${stack} on pull request #${target.issueNumber} failed, so there is no reviewed plan to apply. Fix the plan on the pull request first. Nothing was applied.`;
    fromComment = marker?.fingerprint;
    reviewed = marker?.digests ? decodeDigests(marker.digests) : undefined;
  }
  if (!expected && !fromComment) {
    return `No reviewed plan was found for ${stack} (workspace ${inputs.workspace}) on pull request #${target.issueNumber}: run command: plan on the pull request first, or pass expected-fingerprint. Nothing was applied.`;
  }
  for (const [source, fingerprint] of [['pull request', fromComment], ['expected-fingerprint', expected]] as const) {
    if (!fingerprint || fingerprint === plan.fingerprint) continue;
    const changed = reviewed ? compareDigests(reviewed, plan.digests) : [];
    const list = changed.map((d) => `  - ${d.address}: ${d.how === 'added' ? `new since review (${d.now})` : d.how === 'removed' ? `no longer in the plan (was ${d.reviewed})` : `changed since review (${d.reviewed} → ${d.now})`}`);
    const why = changed.length > 0 ? `These resources changed since review:\n${list.join('\n')}`
      : reviewed ? 'No public attribute changed: a sensitive value differs from the reviewed plan.'
        : 'The reviewed resource list is not available (only the fingerprint was given, or the plan was too large to list in the comment), so the changed resources cannot be named.';
    const where = source === 'pull request' ? ` on pull request #${target.issueNumber}` : ' (expected-fingerprint)';
    const next = step.mergedFrom
      ? 'The merged configuration, or the infrastructure, no longer plans what was reviewed: review this run\'s plan (run the workflow by hand for this stack and environment) or open a pull request that plans it again.'
      : 'Plan again on the pull request and review the new plan.';
    return `The plan for ${stack} is not the reviewed one${where} (reviewed ${fingerprint.slice(0, 16)}, now ${plan.fingerprint.slice(0, 16)}); nothing was applied. ${why}\n${next}`;
  }
  if (!step.verdict.ok) return `${describeRefusal(step.verdict, stack)}\nNothing was applied.`;
  await tf.apply(terraform, plan.stack.abs, plan.planFile, inputs['lock-timeout']);
  if (comment) {
    const sha = deps.context.sha ? ` at commit ${deps.context.sha.slice(0, 7)}` : '';
    const note = `> [!NOTE]\n> This plan was applied${step.runUrl ? ` by ${step.runUrl}` : ''}${sha}.\n\n`;
    const firstLineEnd = comment.body.indexOf('\n') + 1;
    await deps.client!().rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: comment.id, body: comment.body.slice(0, firstLineEnd) + note + comment.body.slice(firstLineEnd) });
  }
  return undefined;
}

function planSummaryMarkdown(inputs: TerraformInputs, plans: StackPlan[], failed: readonly string[]): string {
  const rows = plans.map((p) => {
    const c = p.summary.counts;
    const result = p.summary.errored ? '❌ errored' : p.summary.changes ? 'changes' : 'no changes';
    return [p.stack.dir, inputs.workspace, result, ...[c.add, c.change, c.destroy, c.replace, c.import, c.move, c.forget].map(String), `\`${p.fingerprint.slice(0, 16)}\``];
  });
  const planned = new Set(plans.map((p) => p.stack.dir));
  for (const dir of failed) if (!planned.has(dir)) rows.push([dir, inputs.workspace, '❌ plan failed', '', '', '', '', '', '', '', '']);
  const heading = failed.length > 0 ? `### terraform ${inputs.command}: failed for ${failed.join(', ')}` : `### terraform ${inputs.command}`;
  let text = `${heading}\n\n${table(['stack', 'workspace', 'result', 'add', 'change', 'destroy', 'replace', 'import', 'move', 'forget', 'fingerprint'], rows)}\n`;
  const budget = Math.floor(900_000 / Math.max(1, plans.length));
  for (const p of plans) {
    text += scrubSensitive(renderPlanMarkdown(p.summary, { stack: p.stack.dir, workspace: inputs.workspace, fingerprint: p.fingerprint }, { limit: budget, maxAttributes: 200, marker: false }), p.sensitiveValues);
    text += '\n';
  }
  return text;
}

/** Throws the failures as one error (after outputs and summary are written). */
export function failWith(failures: readonly string[]): void {
  if (failures.length === 0) return;
  throw new ConveyorError(failures.length === 1 ? failures[0]! : failures.map((f) => `- ${f}`).join('\n'));
}

