/**
 * The scan-image action's entry. It checks the inputs before it loads the action's code (a chunk of its own, see
 * scripts/build.ts): a bad input fails in about the time Node takes to start, and the action reads them once.
 */
import { readInputs, run } from '@conveyor/kit';
import { scanInputs } from '../input-specs.ts';

await run(async () => {
  const inputs = readInputs(scanInputs, undefined, { baseDir: process.env.GITHUB_WORKSPACE || process.cwd() });
  await (await import('../action.ts')).main(process.env, inputs);
});
