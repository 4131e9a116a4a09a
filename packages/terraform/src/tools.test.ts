import { describe, expect, it } from '@jest/globals';
import { planInstall } from '@conveyor/kit/installer';
import { toolInstall } from './tools.ts';

describe('pinned tool sources', () => {
  it.each([
    ['terraform', '1.9.8', 'https://releases.hashicorp.com/terraform/1.9.8/terraform_1.9.8_linux_amd64.zip', 'https://releases.hashicorp.com/terraform/1.9.8/terraform_1.9.8_SHA256SUMS'],
    ['tofu', 'v1.8.5', 'https://github.com/opentofu/opentofu/releases/download/v1.8.5/tofu_1.8.5_linux_amd64.zip', 'https://github.com/opentofu/opentofu/releases/download/v1.8.5/tofu_1.8.5_SHA256SUMS'],
    ['tflint', '0.54.0', 'https://github.com/terraform-linters/tflint/releases/download/v0.54.0/tflint_linux_amd64.zip', 'https://github.com/terraform-linters/tflint/releases/download/v0.54.0/checksums.txt'],
  ] as const)('%s %s downloads from the publisher with its checksums file', (name, version, url, checksums) => {
    const plan = planInstall({ ...toolInstall(name, version), platform: { os: 'linux', arch: 'amd64' } });
    expect([plan.url, plan.checksumsUrl, plan.binary]).toEqual([url, checksums, name]);
  });

  it('refuses a version that is not exact', () => {
    expect(() => planInstall(toolInstall('terraform', '1.x'))).toThrow(/terraform/);
  });
});
