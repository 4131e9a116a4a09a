import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);

// packages/cli/src/setup.ts
console.log("root action placeholder");
