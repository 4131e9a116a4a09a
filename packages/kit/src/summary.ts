/**
 * Job summary helpers: Markdown building blocks, and a writer that keeps the step's summary under
 * GitHub's 1 MiB limit (a larger summary is not shown at all).
 */
import * as fs from 'node:fs';

/** GitHub refuses to show a step summary larger than this many bytes. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Escapes text for a Markdown table cell: pipes, newlines and HTML-significant characters. */
export function escapeCell(value: string): string {
  return escapeHtml(value).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Markdown table. Cells are escaped; pass `raw: true` for cells that already hold Markdown. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], options: { raw?: boolean } = {}): string {
  const cell = options.raw ? (v: string) => v.replace(/\r?\n/g, '<br>') : escapeCell;
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n') + '\n';
}

/** A collapsed `<details>` block. The body is Markdown; a blank line keeps GitHub rendering it. */
export function details(summary: string, body: string, options: { open?: boolean } = {}): string {
  return `<details${options.open ? ' open' : ''}><summary>${escapeHtml(summary)}</summary>\n\n${body.trimEnd()}\n\n</details>\n`;
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function codeBlock(body: string, language = ''): string {
  const longest = Math.max(2, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${body.trimEnd()}\n${fence}\n`;
}

/**
 * Cuts Markdown to at most `limitBytes` bytes at a line boundary and says so at the end.
 * An open code fence or `<details>` block is closed so the rest still renders.
 */
export function fitMarkdown(markdown: string, limitBytes: number, notice = 'The rest was cut to fit GitHub\'s size limit.'): string {
  if (Buffer.byteLength(markdown) <= limitBytes) return markdown;
  const tail = `\n\n> [!NOTE]\n> ${notice}\n`;
  const budget = Math.max(0, limitBytes - Buffer.byteLength(tail) - 64);
  let cut = Buffer.from(markdown).subarray(0, budget).toString('utf8');
  if (cut.endsWith('\uFFFD')) cut = cut.slice(0, -1);
  const lastNewline = cut.lastIndexOf('\n');
  if (lastNewline > 0) cut = cut.slice(0, lastNewline + 1);
  let closers = '';
  const fences = cut.match(/^(`{3,})/gm) ?? [];
  if (fences.length % 2 === 1) closers += `${fences[fences.length - 1]}\n`;
  const opened = (cut.match(/<details/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < opened; i++) closers += '\n</details>\n';
  return cut + closers + tail;
}

/**
 * Appends Markdown to the step summary (`GITHUB_STEP_SUMMARY`), cut so the whole file stays under the limit.
 * Outside a runner (no `GITHUB_STEP_SUMMARY`) it does nothing and returns false.
 */
export function writeSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  const used = fs.existsSync(file) ? fs.statSync(file).size : 0;
  const room = SUMMARY_LIMIT_BYTES - used;
  if (room <= 256) return false;
  fs.appendFileSync(file, fitMarkdown(markdown.endsWith('\n') ? markdown : `${markdown}\n`, room));
  return true;
}
