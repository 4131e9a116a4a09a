/** Every operation the stand-in serves, by GitHub's operation id. */
import type { Handler } from '../handler.ts';
import { codeScanningEndpoints } from './code-scanning.ts';
import { deploymentEndpoints } from './deployments.ts';
import { gitEndpoints } from './git.ts';
import { pullEndpoints } from './pulls.ts';
import { releaseEndpoints } from './releases.ts';

export const endpoints: Record<string, Handler> = {
  ...gitEndpoints,
  ...releaseEndpoints,
  ...pullEndpoints,
  ...deploymentEndpoints,
  ...codeScanningEndpoints,
};
