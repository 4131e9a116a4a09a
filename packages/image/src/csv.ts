/**
 * The list syntax of metadata-action's `images`, `tags`, `flavor`, `labels` and `annotations` inputs, read
 * with csv-parse as metadata-action reads them: the whole input is CSV, one entry per record (a line, or
 * more when a quoted field holds a newline); a line starting with `#` is a comment; empty lines are
 * skipped; commas split an entry's fields, and a field written in double quotes (`"match=v(\d),x"`) may
 * hold commas (`""` inside quotes is one quote).
 */
import { parse } from 'csv-parse/sync';

export class ListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListError';
  }
}

interface Entry {
  fields: string[];
  /** The line of the input where the entry ends (1-based). */
  line: number;
}

function explain(error: unknown, single: boolean): string {
  const e = error as { code?: string; lines?: number; message?: string };
  const at = single ? 'the entry' : e.lines ? `line ${e.lines}` : 'the input';
  switch (e.code) {
    case 'INVALID_OPENING_QUOTE':
      return `${at} has a double quote inside a field; quote the whole field, as in "pattern=\\d{1,3}" (not pattern="\\d{1,3}")`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `${at} has text right after a closing double quote; end the field at the quote or put a comma after it`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${at} opens a double quote that is never closed`;
    default:
      return `${at}: ${e.message ?? String(error)}`;
  }
}

/** Every entry of a list input as its fields (not trimmed), in order. */
export function csvEntries(raw: string, strictQuotes = true, single = false): Entry[] {
  if (raw.trim() === '') return [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(raw.replace(/\r\n?/g, '\n'), {
      columns: false,
      relax_quotes: !strictQuotes,
      comment: '#',
      comment_no_infix: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new ListError(explain(error, single));
  }
  return records.map((r) => ({ fields: r.record, line: r.info.lines }));
}

/** Writes fields back as one CSV entry, quoting the fields that need it (so that splitting it again gives the same fields). */
export function joinCsvFields(fields: readonly string[]): string {
  const needsQuotes = (f: string, i: number) => /[",\n\r]/.test(f) || (i === 0 && f.startsWith('#'));
  return fields.map((f, i) => (needsQuotes(f, i) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}

/**
 * A rule list (`tags`, `flavor`, `images`): one string per entry, written so that `splitCsvLine` gives its
 * fields back (quoted fields stay quoted). Empty entries are left out.
 */
export function splitRuleList(raw: string): string[] {
  return csvEntries(raw).map((e) => joinCsvFields(e.fields).trim()).filter((e) => e !== '');
}

/**
 * A value list (`labels`, `annotations`): each entry's fields joined again with commas and trimmed, so
 * `description=a, b` stays one value; quotes only group (they are not kept), and a quote inside a value
 * is kept as written.
 */
export function splitValueList(raw: string): string[] {
  return csvEntries(raw, false).map((e) => e.fields.join(',').trim()).filter((e) => e !== '');
}

/** The fields of one entry (a line of a rule list). */
export function splitCsvLine(line: string): string[] {
  const entries = csvEntries(line, true, true);
  if (entries.length > 1) throw new ListError('one entry holds a line break outside double quotes');
  return entries[0]?.fields ?? [''];
}

/** Splits `key=value` at the first `=`; a field without `=` (or starting with it) has no key. Both sides trimmed, the key lower-cased. */
export function splitKeyValue(field: string): { key?: string; value: string } {
  const eq = field.indexOf('=');
  if (eq <= 0) return { value: field.trim() };
  return { key: field.slice(0, eq).trim().toLowerCase(), value: field.slice(eq + 1).trim() };
}
