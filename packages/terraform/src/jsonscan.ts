/**
 * A JSON scanner that finds where values start and end without building them, so a 100 MB plan
 * document can be read one resource change at a time and the sections conveyor does not use
 * (`planned_values`, `prior_state`, `configuration`) are passed over without being parsed. Skipped
 * values are checked for balanced brackets and closed strings; values that are used go to `JSON.parse`.
 */
import { ConveyorError } from '@conveyor/kit';

export class JsonScanError extends ConveyorError {}

const QUOTE = 34; // "
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function position(text: string, at: number): string {
  const before = text.slice(0, at);
  const line = (before.match(/\n/g)?.length ?? 0) + 1;
  return `position ${at} (line ${line} column ${at - before.lastIndexOf('\n')})`;
}

export class JsonScanner {
  readonly text: string;
  readonly source: string;

  constructor(text: string, source: string) {
    this.text = text;
    this.source = source;
  }

  fail(at: number, what: string): never {
    throw new JsonScanError(`${what} at ${position(this.text, Math.min(at, this.text.length))} of ${this.source}`);
  }

  skipSpace(i: number): number {
    const t = this.text;
    while (i < t.length && isSpace(t.charCodeAt(i))) i += 1;
    return i;
  }

  /** The index after the string that starts at `i` (a `"`). */
  skipString(i: number): number {
    const t = this.text;
    let j = i + 1;
    for (;;) {
      const q = t.indexOf('"', j);
      if (q === -1) this.fail(i, 'a string is not closed');
      let backslashes = 0;
      for (let k = q - 1; k > i && t.charCodeAt(k) === BACKSLASH; k -= 1) backslashes += 1;
      if (backslashes % 2 === 0) return q + 1;
      j = q + 1;
    }
  }

  /** The index after the value that starts at `i`. */
  skipValue(i: number): number {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === QUOTE) return this.skipString(i);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const stack: number[] = [];
      let j = i;
      while (j < t.length) {
        const d = t.charCodeAt(j);
        if (d === QUOTE) { j = this.skipString(j); continue; }
        if (d === OPEN_BRACE || d === OPEN_BRACKET) stack.push(d);
        else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
          const open = stack.pop();
          if ((d === CLOSE_BRACE && open !== OPEN_BRACE) || (d === CLOSE_BRACKET && open !== OPEN_BRACKET)) this.fail(j, `an unexpected '${String.fromCharCode(d)}'`);
          if (stack.length === 0) return j + 1;
        }
        j += 1;
      }
      this.fail(i, 'an object or list is not closed');
    }
    let j = i;
    while (j < t.length) {
      const d = t.charCodeAt(j);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break;
      j += 1;
    }
    if (j === i) this.fail(i, 'a value is missing');
    return j;
  }

  /**
   * Visits the members of the object at `i`. `visit` gets each name and where its value starts; it returns
   * where the value ends when it read the value itself, or undefined to have it skipped. Returns the end
   * of the object.
   */
  forEachMember(i: number, visit: (key: string, start: number) => number | undefined): number {
    const t = this.text;
    i = this.skipSpace(i);
    if (t.charCodeAt(i) !== OPEN_BRACE) this.fail(i, 'an object was expected');
    i = this.skipSpace(i + 1);
    if (t.charCodeAt(i) === CLOSE_BRACE) return i + 1;
    for (;;) {
      if (t.charCodeAt(i) !== QUOTE) this.fail(i, 'a member name was expected');
      const keyEnd = this.skipString(i);
      const key = JSON.parse(t.slice(i, keyEnd)) as string;
      i = this.skipSpace(keyEnd);
      if (t.charCodeAt(i) !== COLON) this.fail(i, "a ':' was expected");
      const start = this.skipSpace(i + 1);
      const end = visit(key, start) ?? this.skipValue(start);
      i = this.skipSpace(end);
      const c = t.charCodeAt(i);
      if (c === CLOSE_BRACE) return i + 1;
      if (c !== COMMA) this.fail(i, "a ',' or '}' was expected");
      i = this.skipSpace(i + 1);
    }
  }

  /** Visits each element of the list at `i` with where it starts and ends; returns the end of the list. */
  forEachElement(i: number, visit: (start: number, end: number, index: number) => void): number {
    const t = this.text;
    if (t.charCodeAt(i) !== OPEN_BRACKET) this.fail(i, 'a list was expected');
    i = this.skipSpace(i + 1);
    if (t.charCodeAt(i) === CLOSE_BRACKET) return i + 1;
    for (let index = 0; ; index += 1) {
      const end = this.skipValue(i);
      visit(i, end, index);
      i = this.skipSpace(end);
      const c = t.charCodeAt(i);
      if (c === CLOSE_BRACKET) return i + 1;
      if (c !== COMMA) this.fail(i, "a ',' or ']' was expected");
      i = this.skipSpace(i + 1);
    }
  }

  /** Parses the value between `start` and `end`. */
  parse(start: number, end: number): unknown {
    try {
      return JSON.parse(this.text.slice(start, end));
    } catch (error) {
      return this.fail(start, (error as Error).message.replace(/ in JSON at position \d+.*$/, ''));
    }
  }

  /** The end of the top-level value at `end`: only whitespace may follow. */
  expectEnd(end: number): void {
    const i = this.skipSpace(end);
    if (i < this.text.length) this.fail(i, 'there is more text after the document');
  }
}
