import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeBlock, details, fitMarkdown, SUMMARY_LIMIT_BYTES, table, writeSummary } from './summary.ts';

describe('summary helpers', () => {
  it('renders a table with escaped cells', () => {
    expect(table(['Package', 'Note'], [['a|b', '<script>\nx']])).toBe(
      '| Package | Note |\n| --- | --- |\n| a\\|b | &lt;script&gt;<br>x |\n',
    );
  });

  it('renders a details block and a code block whose fence outlasts the content', () => {
    expect(details('Plan <full>', 'body\n')).toBe('<details><summary>Plan &lt;full&gt;</summary>\n\nbody\n\n</details>\n');
    expect(codeBlock('a ``` b', 'diff')).toBe('````diff\na ``` b\n````\n');
  });

  it('cuts Markdown at a line boundary, closes open blocks and says so', () => {
    const long = `<details><summary>x</summary>\n\n\`\`\`\n${'line of text\n'.repeat(200)}`;
    const cut = fitMarkdown(long, 1000);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(1000);
    expect(cut).toMatch(/line of text\n```\n\n<\/details>\n\n\n> \[!NOTE\]\n> The rest was cut/);
    expect(fitMarkdown('short', 1000)).toBe('short');
  });

  it('never splits a multi-byte character', () => {
    const cut = fitMarkdown('é'.repeat(2000), 600);
    expect(cut).not.toContain('\uFFFD');
  });

  it('keeps the step summary file under the 1 MiB limit across several writes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-summary-'));
    const file = path.join(dir, 'summary.md');
    fs.writeFileSync(file, '');
    const env = { GITHUB_STEP_SUMMARY: file };
    expect(writeSummary(`${'x'.repeat(100)}\n`.repeat(6000), env)).toBe(true);
    expect(writeSummary(`${'y'.repeat(100)}\n`.repeat(6000), env)).toBe(true);
    const size = fs.statSync(file).size;
    expect(size).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(size).toBeGreaterThan(SUMMARY_LIMIT_BYTES - 2048);
    expect(fs.readFileSync(file, 'utf8')).toContain('The rest was cut');
    expect(writeSummary('ignored', {})).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });
});
