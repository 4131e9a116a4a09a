// A tiny action used by runner-contract.test.ts: it reads its inputs with the kit, then writes an output,
// a summary and an environment variable, prints a secret (which the runner must already mask), and has a post step.
import { boolean, exportVariable, integer, readInputs, run, secret, setOutputs, string, table, writeSummary } from '../index.ts';
import * as fs from 'node:fs';

await run(async () => {
  const inputs = readInputs({
    greeting: string({ required: true }),
    count: integer({ min: 1, max: 3, default: 1 }),
    token: secret(),
    'export-env': boolean({ default: false }),
    marker: string(),
  });
  if (inputs.marker) fs.writeFileSync(inputs.marker, 'side effect');
  const message = Array.from({ length: inputs.count }, () => inputs.greeting).join(' ');
  setOutputs({ message, count: inputs.count, details: { greeting: inputs.greeting, count: inputs.count } });
  writeSummary(table(['greeting', 'count'], [[inputs.greeting, String(inputs.count)]]));
  if (inputs['export-env']) exportVariable('GREETING', inputs.greeting);
  if (inputs.token) console.log(`using token ${inputs.token}`);
}, async () => {
  console.log('post step ran');
  throw new Error('cleanup could not remove a file');
});
