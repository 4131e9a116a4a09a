/**
 * Splits a byte stream into NUL-terminated records, incrementally: memory is bounded by the largest
 * record, never by the whole stream. Bytes are only decoded once a record is complete, so a UTF-8
 * character split across chunks is decoded whole.
 */
export class NulRecordSplitter {
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  /** Feeds one chunk; returns the records it completed (possibly none). */
  push(chunk: Buffer): string[] {
    const records: string[] = [];
    let start = 0;
    for (let nul = chunk.indexOf(0, start); nul !== -1; nul = chunk.indexOf(0, start)) {
      const piece = chunk.subarray(start, nul);
      if (this.#pendingBytes > 0) {
        this.#pending.push(piece);
        records.push(Buffer.concat(this.#pending, this.#pendingBytes + piece.length).toString('utf8'));
        this.#pending = [];
        this.#pendingBytes = 0;
      } else {
        records.push(piece.toString('utf8'));
      }
      start = nul + 1;
    }
    if (start < chunk.length) {
      // Copy: the caller's chunk may be reused, and a small slice would keep a large chunk alive.
      this.#pending.push(Buffer.from(chunk.subarray(start)));
      this.#pendingBytes += chunk.length - start;
    }
    return records;
  }

  /** Ends the stream; returns the last record when it had no terminating NUL. */
  end(): string[] {
    if (this.#pendingBytes === 0) return [];
    const last = Buffer.concat(this.#pending, this.#pendingBytes).toString('utf8');
    this.#pending = [];
    this.#pendingBytes = 0;
    return [last];
  }

  /** Bytes held for the record in progress. */
  get pendingBytes(): number {
    return this.#pendingBytes;
  }
}
