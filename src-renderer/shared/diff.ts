// Where a program's output first departs from the expected answer, line by line, for the
// side-by-side view of the first failing test. Line ends (\n, \r\n) and trailing blanks on a line
// or at the end are ignored, as the default validator ignores them; anything else counts.

export interface Difference {
  /** 1-based line number of the first line that differs. */
  line: number;
  /** 0-based column of the first differing character within that line (after trimming its end). */
  column: number;
  /** That line of each side, or null where the side has no such line. */
  expected: string | null;
  output: string | null;
}

/** The lines of a text, each without trailing blanks, and without trailing empty lines. */
export function significantLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/[ \t\r\f\v]+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The first differing line, or null when both say the same. */
export function firstDifference(expected: string, output: string): Difference | null {
  const a = significantLines(expected);
  const b = significantLines(output);
  const count = Math.max(a.length, b.length);
  for (let i = 0; i < count; i++) {
    const left = i < a.length ? a[i]! : null;
    const right = i < b.length ? b[i]! : null;
    if (left === right) continue;
    let column = 0;
    if (left !== null && right !== null) {
      const shorter = Math.min(left.length, right.length);
      while (column < shorter && left[column] === right[column]) column++;
    }
    return { line: i + 1, column, expected: left, output: right };
  }
  return null;
}
