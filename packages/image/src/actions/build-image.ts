import { run } from '@conveyor/kit';
import { main } from '../action.ts';

await run(main);
