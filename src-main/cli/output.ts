// Small pieces of terminal output shared by the commands: errors, a progress line, tables, and the
// escaping that keeps text from contestant code or a package from driving the user's terminal.

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

  /** `text` may carry test names and file names: it is escaped here. */
  update(text: string): void {
    if (!this.enabled) return;
    const width = process.stderr.columns ?? 80;
    process.stderr.write(`\r\x1b[2K${escapeControls(text).slice(0, width - 1)}`);
    this.shown = true;
  }

  clear(): void {
    if (this.enabled && this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}

/**
 * C0 controls (but \n and \t when `multiline`), DEL, C1 controls, and the bidirectional-text
 * controls (they reorder what a terminal shows). Everything else prints as itself.
 */
const CONTROLS_MULTILINE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_SINGLE_LINE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeCode(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text from contestant code or a package (compiler output, messages, file and test names) made safe
 * to print: control characters are shown as `\x1b`-style escapes, so none reaches the terminal (no
 * screen clearing, cursor moves or fake lines). `multiline` keeps \n and \t. Escaping twice changes
 * nothing more (an escape is printable).
 */
export function escapeControls(text: string, { multiline = false }: { multiline?: boolean } = {}): string {
  return text.replace(multiline ? CONTROLS_MULTILINE : CONTROLS_SINGLE_LINE, escapeCode);
}

/** Characters JSON.stringify leaves raw although a terminal may act on them (C1 controls, DEL, bidi). */
const RAW_IN_JSON = /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for stdout. JSON.stringify escapes C0 controls but not DEL, C1 (U+009B is a CSI to xterm and
 * xterm.js) nor bidi controls; they can only occur inside strings, where \uXXXX is the same value.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(RAW_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Rethrows an error whose message main.ts prints and which may quote a package or a file name,
 *  its message escaped in place (its class, which decides the exit status, is kept). */
export function rethrowEscaped(error: unknown): never {
  if (error instanceof Error) error.message = escapeControls(error.message, { multiline: true });
  throw error;
}

/** Renders rows as left-aligned columns with a header and a rule. Cells are escaped (one line each). */
export function table(header: string[], rawRows: string[][]): string {
  const rows = rawRows.map((r) => r.map((c) => escapeControls(c)));
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

/** One line of a possibly multi-line message, escaped and shortened for a table cell. */
export function cell(text: string, max = 70): string {
  const first = escapeControls(text.split('\n')[0] ?? '');
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}
