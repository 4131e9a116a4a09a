/** Every operation the stand-in serves, by GitHub's operation id. */
import type { Handler, RootHandler } from '../handler.ts';
import { appRepoEndpoints, appRootEndpoints } from './apps.ts';
import { codeScanningEndpoints } from './code-scanning.ts';
import { deploymentEndpoints } from './deployments.ts';
import { gitEndpoints } from './git.ts';
import { pullEndpoints } from './pulls.ts';
import { releaseEndpoints } from './releases.ts';

/** Routes under `/repos/{owner}/{repo}`: the repository must exist (else 404). */
export const endpoints: Record<string, Handler> = {
  ...gitEndpoints,
  ...releaseEndpoints,
  ...pullEndpoints,
  ...deploymentEndpoints,
  ...codeScanningEndpoints,
  ...appRepoEndpoints,
};

/** Routes outside any repository (`/app/...`, `/installation/...`). */
export const rootEndpoints: Record<string, RootHandler> = {
  ...appRootEndpoints,
};
