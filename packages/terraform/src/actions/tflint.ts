import { run } from '@conveyor/kit';
import { tflintMain } from '../action.ts';

await run(tflintMain);
