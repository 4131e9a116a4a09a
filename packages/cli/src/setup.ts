import { run } from '@conveyor/kit';
import { main } from './setup-action.ts';

await run(() => main({ distDir: import.meta.dirname }));
