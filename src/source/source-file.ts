// A source text and its line table. Offsets are UTF-16 code-unit offsets into `text`;
// line and column (both 1-based) are computed only for display, by binary search.
export interface Span {
  /** Half-open: [start, end). */
  readonly start: number;
  readonly end: number;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export class SourceFile {
  private lineStartsCache: number[] | undefined;

  constructor(
    /** Path as given by the user (or "-" for stdin); used verbatim in messages. */
    readonly path: string,
    readonly text: string,
  ) {}

  get lineStarts(): readonly number[] {
    if (this.lineStartsCache) return this.lineStartsCache;
    const starts = [0];
    const t = this.text;
    for (let i = 0; i < t.length; i++) {
      if (t.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.lineStartsCache = starts;
    return starts;
  }

  /** 1-based line and column of an offset. Columns count UTF-16 units, as Puppet's (char) positions do for BMP text. */
  position(offset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  line(offset: number): number {
    return this.position(offset).line;
  }

  /** The text of a 1-based line, without its line terminator. */
  lineText(line: number): string {
    const starts = this.lineStarts;
    const s = starts[line - 1];
    if (s === undefined) return "";
    const e = line < starts.length ? starts[line]! - 1 : this.text.length;
    let text = this.text.slice(s, e);
    if (text.endsWith("\r")) text = text.slice(0, -1);
    return text;
  }
}

export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
