import { describe, expect, it } from '@jest/globals';
import { inputsTable, outputsTable, replaceBetween, syncDocs } from '../../scripts/docs.ts';

describe('the README tables generated from action.yml', () => {
  const meta = {
    inputs: {
      'dry-run': { description: 'Compute everything, change nothing.', default: false },
      token: { description: 'Token with `contents: write`.\nSecond line | with a pipe.', required: true },
    },
    outputs: { version: { description: 'The next version.' } },
  };

  it('renders inputs and outputs tables', () => {
    expect(inputsTable(meta)).toBe([
      '| Input | Description | Required | Default |',
      '| --- | --- | --- | --- |',
      '| `dry-run` | Compute everything, change nothing. | no | `false` |',
      '| `token` | Token with `contents: write`. Second line \\| with a pipe. | yes |  |',
    ].join('\n'));
    expect(outputsTable(meta)).toBe('| Output | Description |\n| --- | --- |\n| `version` | The next version. |');
  });

  it('replaces only the text between the markers', () => {
    const readme = 'intro\n<!-- conveyor:inputs -->\nold\n<!-- /conveyor:inputs -->\noutro\n';
    expect(replaceBetween(readme, 'inputs', 'NEW', 'README.md')).toBe('intro\n<!-- conveyor:inputs -->\nNEW\n<!-- /conveyor:inputs -->\noutro\n');
    expect(() => replaceBetween('no markers', 'outputs', 'x', 'actions/x/README.md'))
      .toThrow('actions/x/README.md lacks the markers <!-- conveyor:outputs --> … <!-- /conveyor:outputs -->');
  });

  it('every action README in the repository matches its action.yml', () => {
    expect(syncDocs(true).problems).toEqual([]);
  });
});
