// Small pieces of terminal output shared by the commands: errors, a progress line, tables.

/** Bad command-line use: printed with the usage text, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Input that cannot be used (missing source, unknown language): printed alone, exit 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** A progress line on stderr that rewrites itself on a terminal and stays silent otherwise. */
export class ProgressLine {
  private readonly enabled = Boolean(process.stderr.isTTY);
  private shown = false;

  update(text: string): void {
    if (!this.enabled) return;
    const width = process.stderr.columns ?? 80;
    process.stderr.write(`\r\x1b[2K${text.slice(0, width - 1)}`);
    this.shown = true;
  }

  clear(): void {
    if (this.enabled && this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}

/** Renders rows as left-aligned columns with a header and a rule. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatMs(ms: number): string {
  return `${ms} ms`;
}

export function formatKb(kb: number): string {
  return kb >= 10 * 1024 ? `${(kb / 1024).toFixed(0)} MiB` : `${kb} KiB`;
}

/** One line of a possibly multi-line message, shortened for a table cell. */
export function cell(text: string, max = 70): string {
  const first = text.split('\n')[0] ?? '';
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}
