import { run } from '@conveyor/kit';
import { main, post } from '../action.ts';

await run(main, post);
