import { describe, expect, it } from '@jest/globals';
import { renderWorkflowCommand } from './terminal.ts';

describe('workflow commands shown on a terminal', () => {
  it.each([
    ['plain text', 'plain text'],
    ['::debug::git log -z', undefined],
    ['::group::Plan stack base', '▸ Plan stack base'],
    ['::endgroup::', undefined],
    ['::add-mask::hunter2', undefined],
    ['::warning::Ignore rule CVE-1 expired%0Aon 2026-01-01', 'warning: Ignore rule CVE-1 expired\non 2026-01-01'],
    ['::error file=main.tf,line=12,title=Bad::Unsupported argument', 'error: main.tf:12: Unsupported argument'],
    ['::notice file=a%2Cb.tf::odd name', 'notice: a,b.tf: odd name'],
  ])('%s', (line, shown) => {
    expect(renderWorkflowCommand(line, false)).toBe(shown);
  });

  it('shows debug lines when asked', () => {
    expect(renderWorkflowCommand('::debug::detail', true)).toBe('debug: detail');
  });
});
