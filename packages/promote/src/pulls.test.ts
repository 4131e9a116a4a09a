import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { promotionBranch } from './pulls.ts';

const isValidBranch = (name: string) => {
  try {
    execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};

describe('promotionBranch', () => {
  it('is readable, and one per environment and image even where the readable part is the same', () => {
    const a = promotionBranch('prod', 'ghcr.io/acme/web-api');
    const b = promotionBranch('prod', 'ghcr.io/acme/web/api');
    const c = promotionBranch('prod', '127.0.0.1:5000/acme/web-api');
    expect(a).toMatch(/^conveyor\/promote\/prod\/ghcr\.io-acme-web-api-[0-9a-f]{10}$/);
    expect(b).toMatch(/^conveyor\/promote\/prod\/ghcr\.io-acme-web-api-[0-9a-f]{10}$/);
    expect(new Set([a, b, c, promotionBranch('stage', 'ghcr.io/acme/web-api')]).size).toBe(4);
    expect(promotionBranch('prod', 'ghcr.io/acme/web-api')).toBe(a);
  });

  it('is a name git accepts, whatever the environment is called', () => {
    for (const environment of ['prod', 'prod.lock', '.hidden', 'a..b', 'eu-west-1', 'x.', '-lead']) {
      const branch = promotionBranch(environment, 'ghcr.io/acme/web');
      expect([branch, isValidBranch(branch)]).toEqual([branch, true]);
    }
  });
});
