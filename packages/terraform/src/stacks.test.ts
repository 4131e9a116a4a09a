import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { cleanupTempDirs, tempDir } from '../../../test/support/tmp.ts';
import { discoverStacks, orderStacks, scanConfiguration, stackMatrix } from './stacks.ts';

function tree(files: Record<string, string>): string {
  const root = tempDir('conveyor-stacks-');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

afterAll(cleanupTempDirs);

describe('stacks: auto', () => {
  it('finds root modules: a backend makes a stack, a folder called as a local module is not one', () => {
    const root = tree({
      'infra/app/main.tf': 'module "net" {\n  source = "../modules/net"\n}\n',
      'infra/base/main.tf': 'terraform {\n  backend "s3" {}\n}\nmodule "shared" {\n  source = "./shared"\n}\n',
      'infra/base/shared/main.tf': 'variable "x" {}\n',
      'infra/modules/net/vpc.tf': 'resource "aws_vpc" "main" {}\n',
      'infra/called-but-backend/main.tf': 'terraform {\n  cloud {}\n}\n',
      'infra/app2/main.tf': 'module "c" {\n  source = "../called-but-backend"\n}\n',
      'infra/app/.terraform/modules/net/main.tf': 'terraform {\n  backend "local" {}\n}\n',
      'infra/docs/readme.md': '# not terraform',
      'infra/commented/main.tf': '# module "x" { source = "../modules/never" }\nresource "null_resource" "a" {}\n',
    });
    expect(discoverStacks(path.join(root, 'infra'), root).sort()).toEqual([
      'infra/app', 'infra/app2', 'infra/base', 'infra/called-but-backend', 'infra/commented',
    ]);
  });

  it('reads backends and local sources, ignoring comments and registry sources', () => {
    expect(scanConfiguration('terraform {\n  backend "gcs" {\n  }\n}\nmodule "a" {\n  source = "./a"\n}\nmodule "b" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n// source = "./c"\n'))
      .toEqual({ hasBackend: true, localSources: ['./a'] });
    expect(scanConfiguration('# backend "s3" {}\nresource "x" "y" {}\n')).toEqual({ hasBackend: false, localSources: [] });
  });

  it('orders by the declared order (names or paths, * allowed), then by path, and builds the matrix', () => {
    const stacks = ['infra/app', 'infra/base', 'infra/z-tools', 'infra/data/db'];
    expect(orderStacks(stacks, ['base', 'infra/data/*', 'app'])).toEqual(['infra/base', 'infra/data/db', 'infra/app', 'infra/z-tools']);
    expect(orderStacks(stacks, [])).toEqual(['infra/app', 'infra/base', 'infra/data/db', 'infra/z-tools']);
    expect(stackMatrix(['infra/base', 'infra/app'])).toEqual({ include: [{ stack: 'infra/base', name: 'base', order: 0 }, { stack: 'infra/app', name: 'app', order: 1 }] });
  });
});
