/**
 * The sops-decrypt action's entry. It checks the inputs before it loads the action's code (a chunk of its own, see
 * scripts/build.ts): a bad input fails in about the time Node takes to start, and the action reads them once.
 */
import { readInputs, run } from '@conveyor/kit';
import { sopsInputs } from '../inputs.ts';

await run(async () => {
  const inputs = readInputs(sopsInputs);
  await (await import('../action.ts')).main(inputs);
}, async () => (await import('../action.ts')).post());
