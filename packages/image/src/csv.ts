/**
 * One line of comma-separated fields, as metadata-action's `tags`, `flavor` and `images` lines are written:
 * commas split fields, a field may be double-quoted (`"a,b"`), and `""` inside quotes is one quote.
 */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error(`unclosed double quote in ${JSON.stringify(line)}`);
  fields.push(field);
  return fields;
}

/** Splits `key=value` at the first `=`; a field without `=` has no key. Both sides trimmed. */
export function splitKeyValue(field: string): { key?: string; value: string } {
  const eq = field.indexOf('=');
  if (eq <= 0) return { value: field.trim() };
  return { key: field.slice(0, eq).trim().toLowerCase(), value: field.slice(eq + 1).trim() };
}
