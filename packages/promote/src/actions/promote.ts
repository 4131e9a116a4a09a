/**
 * The promote action's entry. It checks the inputs before it loads the action's code (a chunk of its own, see
 * scripts/build.ts): a bad input fails in about the time Node takes to start, and the action reads them once.
 */
import { readInputs, run } from '@conveyor/kit';
import { promoteInputs } from '../inputs.ts';

await run(async () => {
  const inputs = readInputs(promoteInputs);
  await (await import('../action.ts')).main(inputs);
});
