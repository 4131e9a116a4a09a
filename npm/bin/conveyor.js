#!/usr/bin/env node
// The `conveyor` command of the conveyor-cli package: the CLI bundle (built from packages/cli, copied in by
// prepack.mjs) needs Node 24, the runtime of the actions it shares its code with.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`conveyor: Node ${process.versions.node} is too old; conveyor needs Node 24 or later (https://nodejs.org).\n`);
  process.exit(2);
}
await import('../dist/cli.js');
