/**
 * `npm run test:workflows`: conveyor's workflows run by a real engine (act, jobs on the host) against the
 * real parts (test/workflows/harness.ts). Each scenario prints its checks; the run ends with one line,
 * `workflows: N passed, M failed`, and exits 1 when a check failed. Without act (npm run tools builds it),
 * buildah or docker-registry it prints one line and exits 0, unless CI_REQUIRE_TOOLS=true.
 */
import { cleanupTempDirs } from '../support/tmp.ts';
import { tally } from './checks.ts';
import { startWorld, type World } from './harness.ts';
import { deploySopsScenario } from './deploy-sops.ts';
import { eksFluxFlaggerExample, eksFluxVaultExample, gkeFluxSopsExample, gkeGoTwoStacksExample } from './example-delivery.ts';
import { terraformCloudExample } from './examples.ts';
import { infrastructureRealScenario, infrastructureScenario } from './infrastructure.ts';
import { pipelineScenario } from './pipeline.ts';

const scenarios: { name: string; run: (world: World) => Promise<void> }[] = [
  { name: 'workflows/pipeline.yml', run: pipelineScenario },
  { name: '.github/workflows/reusable-deploy.yml (SOPS config)', run: deploySopsScenario },
  { name: 'workflows/infrastructure.yml', run: infrastructureScenario },
  { name: 'workflows/infrastructure.yml (real terraform)', run: infrastructureRealScenario },
  { name: 'examples/gke-terraform-cloud', run: terraformCloudExample },
  { name: 'examples/eks-flux-vault', run: eksFluxVaultExample },
  { name: 'examples/gke-flux-sops', run: gkeFluxSopsExample },
  { name: 'examples/eks-flux-flagger', run: eksFluxFlaggerExample },
  { name: 'examples/gke-go-two-stacks', run: gkeGoTwoStacksExample },
];

const only = process.argv.slice(2);
for (const scenario of scenarios.filter((s) => only.length === 0 || only.some((o) => s.name.includes(o)))) {
  const world = await startWorld();
  if (typeof world === 'string') {
    if (process.env.CI_REQUIRE_TOOLS === 'true') {
      console.error(`${world} is required (CI_REQUIRE_TOOLS=true) but was not found: run npm run tools (act) or install it.`);
      process.exit(1);
    }
    console.log(`${world} not found: skipping the workflow runs (npm run tools builds act; buildah and docker-registry come from Debian)`);
    process.exit(0);
  }
  console.log(`${scenario.name}`);
  try {
    await scenario.run(world);
  } catch (error) {
    tally.failed++;
    tally.failures.push(`${scenario.name}: set-up`);
    console.log(`  FAIL  ${scenario.name}: the scenario stopped: ${(error as Error).stack ?? String(error)}`);
  } finally {
    await world.close();
    if (process.env.CONVEYOR_KEEP_WORKFLOW_RUNS !== 'true') cleanupTempDirs();
    else console.log(`  (runs kept in ${world.tmp})`);
  }
}
console.log(`workflows: ${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed > 0 ? 1 : 0);
