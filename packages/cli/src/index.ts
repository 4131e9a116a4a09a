export { main, usage, VERSION } from './program.ts';
export { commands } from './commands.ts';
