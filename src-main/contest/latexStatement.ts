// A problem statement written in LaTeX (problemtools style: problem.en.tex) as HTML for the portal.
// It covers what problem statements use: \problemname, sections, paragraphs, emphasis and fonts,
// lists, verbatim, tables, figures, \illustration and \includegraphics, quotes, dashes and the usual
// escapes. Math stays TeX, in <span class="tex-math" data-display="0|1">, for the browser to typeset
// with KaTeX. An unknown command keeps the text of its arguments; every character of the source
// reaches the page HTML-escaped. Samples are not part of the statement: the portal shows them.

/** Environments typeset as displayed math. */
const MATH_ENVIRONMENTS = new Set(['equation', 'equation*', 'align', 'align*', 'gather', 'gather*', 'multline', 'multline*', 'eqnarray', 'eqnarray*', 'displaymath', 'math']);
/** Commands whose arguments are dropped with them (layout and metadata the page has no use for). */
const DROPPED_WITH_ARGUMENT = new Set(['problemname', 'label', 'vspace', 'vspace*', 'hspace', 'hspace*', 'setlength', 'newcommand', 'renewcommand', 'usepackage', 'documentclass']);
const SYMBOLS: Record<string, string> = {
  ldots: '…', dots: '…', cdots: '⋯', textasciitilde: '~', textbackslash: '\\', textbar: '|', textless: '<', textgreater: '>',
  LaTeX: 'LaTeX', TeX: 'TeX', copyright: '©', ss: 'ß', quad: '\u2003', qquad: '\u2003\u2003', noindent: '', indent: '', par: '\n\n',
  newline: '\n', linebreak: '\n', smallskip: '', medskip: '', bigskip: '', centering: '', clearpage: '', newpage: '', hfill: '', vfill: '',
  maketitle: '', relax: '', sampletable: '', sampletableinteractive: '', ',': '\u2009', ' ': ' ', '-': '', '/': '', '@': '', '!': '', ';': '\u2005', ':': '\u2005',
};
const ESCAPED_CHARACTERS = '%$&#_{}';
const INLINE_STYLES: Record<string, [string, string]> = {
  textbf: ['<strong>', '</strong>'], bf: ['<strong>', '</strong>'], emph: ['<em>', '</em>'], textit: ['<em>', '</em>'], it: ['<em>', '</em>'], textsl: ['<em>', '</em>'],
  texttt: ['<code>', '</code>'], tt: ['<code>', '</code>'], underline: ['<u>', '</u>'], textsc: ['<span class="smallcaps">', '</span>'],
  textrm: ['', ''], textsf: ['', ''], textnormal: ['', ''], mbox: ['', ''], text: ['', ''], small: ['', ''], footnotesize: ['', ''], large: ['', ''], Large: ['', ''],
  textsuperscript: ['<sup>', '</sup>'], textsubscript: ['<sub>', '</sub>'], footnote: [' (', ')'],
};
const HEADINGS: Record<string, string> = { section: 'h2', subsection: 'h3', subsubsection: 'h4', paragraph: 'h4' };

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Finds an image of the statement's folder by its LaTeX name (which may leave out the extension): its file name, or null. */
export type ImageLookup = (name: string) => string | null;

/** Blocks (headings, lists, tables...) stand alone; inline text between them is wrapped into paragraphs. */
const BLOCK = '\u0001';
const PARAGRAPH_BREAK = '\u0002';
/** Where a list item starts (its label, if any, follows). */
const ITEM = '\u0003';
/** Accent commands (\'e, \"{o}, ...) as combining marks. */
const ACCENTS: Record<string, string> = { "'": '\u0301', '`': '\u0300', '"': '\u0308', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307' };

/** Groups and environments nest this deep at most (real statements: a handful); deeper is shown as source. */
const MAX_NESTING = 100;

class TooDeep extends Error {}

class Converter {
  private pos = 0;
  private depth = 0;
  private readonly src: string;
  private readonly images: ImageLookup;
  constructor(src: string, images: ImageLookup) {
    this.src = src;
    this.images = images;
  }

  /** Converts from the current position to `stop` (a closing brace or \end{name}), or to the end. */
  run(stop: { brace?: boolean; end?: string } = {}): string {
    if (++this.depth > MAX_NESTING) throw new TooDeep();
    try {
      return this.runGroup(stop);
    } finally {
      this.depth--;
    }
  }

  private runGroup(stop: { brace?: boolean; end?: string }): string {
    let out = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '}' && stop.brace) {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        if (stop.end !== undefined && this.src.startsWith(`\\end{${stop.end}}`, this.pos)) {
          this.pos += `\\end{${stop.end}}`.length;
          return out;
        }
        out += this.command();
      } else if (c === '{') {
        this.pos++;
        out += this.run({ brace: true });
      } else if (c === '}') {
        this.pos++; // a stray closing brace
      } else if (c === '$') {
        out += this.dollarMath();
      } else if (this.atParagraphBreak()) {
        this.pos = this.src.indexOf('\n', this.pos + 1) + 1;
        while (/[ \t\n]/.test(this.src[this.pos] ?? '')) this.pos++;
        out += PARAGRAPH_BREAK;
      } else {
        out += this.text();
      }
    }
    return out;
  }

  /** A blank line (a new paragraph) starts here. */
  private atParagraphBreak(): boolean {
    return this.src[this.pos] === '\n' && /^\n[ \t]*\n/.test(this.src.slice(this.pos, this.pos + 80));
  }

  /** Plain text up to the next special character, with TeX's ligatures and quotes. */
  private text(): string {
    const start = this.pos;
    while (this.pos < this.src.length && !'\\{}$'.includes(this.src[this.pos]) && !this.atParagraphBreak()) this.pos++;
    if (this.pos === start) this.pos++;
    const raw = this.src.slice(start, this.pos).replace(/\s+/g, ' ');
    return escapeHtml(raw)
      .replace(/---/g, '—')
      .replace(/--/g, '–')
      .replace(/``/g, '“')
      .replace(/''/g, '”')
      .replace(/`/g, '‘')
      .replace(/~/g, '\u00a0');
  }

  /** A {group} argument as raw source (balanced braces), or the next single character. */
  private rawArgument(): string {
    this.skipSpace();
    if (this.src[this.pos] !== '{') return this.src[this.pos++] ?? '';
    let depth = 0;
    const start = this.pos + 1;
    for (; this.pos < this.src.length; this.pos++) {
      const c = this.src[this.pos];
      if (c === '\\') this.pos++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    this.pos++;
    return this.src.slice(start, this.pos - 1);
  }

  /** A {group} argument, converted; without braces, the next command or character. */
  private argument(): string {
    this.skipSpace();
    const c = this.src[this.pos];
    if (c === undefined) return '';
    if (c === '{') {
      this.pos++;
      return this.run({ brace: true });
    }
    if (c === '\\') return this.command();
    this.pos++;
    return escapeHtml(c);
  }

  /** An [optional] argument as raw source, or null. */
  private optional(): string | null {
    this.skipSpace();
    if (this.src[this.pos] !== '[') return null;
    const close = this.src.indexOf(']', this.pos);
    if (close < 0) return null;
    const value = this.src.slice(this.pos + 1, close);
    this.pos = close + 1;
    return value;
  }

  private skipSpace(): void {
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t' || (this.src[this.pos] === '\n' && this.src[this.pos + 1] !== '\n')) this.pos++;
  }

  private math(tex: string, display: boolean): string {
    const span = `<span class="tex-math" data-display="${display ? 1 : 0}">${escapeHtml(tex.trim())}</span>`;
    return display ? `${BLOCK}<div class="tex-display">${span}</div>${BLOCK}` : span;
  }

  private dollarMath(): string {
    const display = this.src.startsWith('$$', this.pos);
    const delimiter = display ? '$$' : '$';
    const start = this.pos + delimiter.length;
    let end = start;
    while (end < this.src.length && !this.src.startsWith(delimiter, end)) end += this.src[end] === '\\' ? 2 : 1;
    this.pos = Math.min(this.src.length, end + delimiter.length);
    return this.math(this.src.slice(start, end), display);
  }

  /** Text up to \end{name}, untouched (verbatim and math environments). */
  private rawUntilEnd(name: string): string {
    const close = `\\end{${name}}`;
    const end = this.src.indexOf(close, this.pos);
    const body = this.src.slice(this.pos, end < 0 ? this.src.length : end);
    this.pos = end < 0 ? this.src.length : end + close.length;
    return body;
  }

  private command(): string {
    this.pos++; // the backslash
    const letters = /^[A-Za-z]+\*?/.exec(this.src.slice(this.pos));
    const name = letters ? letters[0] : (this.src[this.pos] ?? '');
    this.pos += name.length;
    if (!letters) {
      if (ESCAPED_CHARACTERS.includes(name)) return escapeHtml(name);
      if (name in ACCENTS) return `${this.argument()}${ACCENTS[name]}`.normalize('NFC');
      if (name === '\\') {
        this.optional();
        return '<br>';
      }
      if (name === '[' || name === '(') {
        const close = name === '[' ? '\\]' : '\\)';
        const end = this.src.indexOf(close, this.pos);
        const tex = this.src.slice(this.pos, end < 0 ? this.src.length : end);
        this.pos = end < 0 ? this.src.length : end + 2;
        return this.math(tex, name === '[');
      }
      return escapeHtml(SYMBOLS[name] ?? '');
    }
    if (name === 'begin') return this.environment(this.rawArgument());
    if (name in SYMBOLS) return escapeHtml(SYMBOLS[name]);
    if (name in INLINE_STYLES) {
      const [open, close] = INLINE_STYLES[name];
      return `${open}${this.argument()}${close}`;
    }
    const heading = HEADINGS[name.replace(/\*$/, '')];
    if (heading) return `${BLOCK}<${heading}>${this.argument()}</${heading}>${BLOCK}`;
    if (DROPPED_WITH_ARGUMENT.has(name)) {
      this.optional();
      this.rawArgument();
      if (name === 'newcommand' || name === 'renewcommand' || name === 'setlength') {
        this.optional();
        this.rawArgument();
      }
      return '';
    }
    switch (name) {
      case 'url': {
        const url = this.rawArgument();
        return this.link(url, escapeHtml(url));
      }
      case 'href': {
        const url = this.rawArgument();
        return this.link(url, this.argument());
      }
      case 'includegraphics': {
        const options = this.optional() ?? '';
        return this.image(this.rawArgument(), '', options);
      }
      case 'illustration': {
        // problemtools: \illustration{width fraction}{file}{caption}
        const width = Number(this.rawArgument());
        const file = this.rawArgument();
        const caption = this.argument();
        return `${BLOCK}<figure class="illustration"${Number.isFinite(width) && width > 0 && width <= 1 ? ` style="width:${Math.round(width * 100)}%"` : ''}>${this.image(file, '', '')}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>${BLOCK}`;
      }
      case 'caption':
        return `<figcaption>${this.argument()}</figcaption>`;
      case 'item': {
        const label = this.optional();
        return `${ITEM}${label !== null ? `<strong>${escapeHtml(label)}</strong> ` : ''}`;
      }
      case 'end':
        this.rawArgument(); // an \end without its \begin
        return '';
      case 'hline':
      case 'toprule':
      case 'midrule':
      case 'bottomrule':
        return '';
      default: {
        // Unknown: keep the text of its arguments.
        this.optional();
        let text = '';
        while (this.src[this.pos] === '{') text += this.argument();
        return text;
      }
    }
  }

  private link(url: string, label: string): string {
    const safe = /^(https?:|mailto:)/i.test(url.trim());
    return safe ? `<a href="${escapeHtml(url.trim())}" rel="noopener noreferrer">${label}</a>` : label;
  }

  private image(name: string, alt: string, options: string): string {
    const file = this.images(name.trim());
    if (!file) return '';
    const width = /width\s*=\s*([0-9.]+)\s*\\(?:textwidth|linewidth)/.exec(options);
    const style = width ? ` style="width:${Math.min(100, Math.round(Number(width[1]) * 100))}%"` : '';
    return `<img src="${escapeHtml(file)}" alt="${escapeHtml(alt)}"${style}>`;
  }

  private environment(name: string): string {
    if (MATH_ENVIRONMENTS.has(name)) {
      const body = this.rawUntilEnd(name);
      const aligned = name.startsWith('align') || name.startsWith('eqnarray') ? `\\begin{aligned}${body}\\end{aligned}` : name.startsWith('gather') ? `\\begin{gathered}${body}\\end{gathered}` : body;
      return this.math(aligned, name !== 'math');
    }
    if (name === 'verbatim' || name === 'lstlisting' || name === 'Verbatim') {
      if (name !== 'verbatim') this.optional();
      return `${BLOCK}<pre>${escapeHtml(this.rawUntilEnd(name).replace(/^\n/, ''))}</pre>${BLOCK}`;
    }
    if (name === 'tabular' || name === 'tabular*' || name === 'array') {
      if (name === 'tabular*') this.rawArgument();
      this.optional();
      this.rawArgument(); // column spec
      return this.table(this.run({ end: name }));
    }
    const body = this.run({ end: name });
    switch (name) {
      case 'itemize':
        return `${BLOCK}<ul>${listItems(body)}</ul>${BLOCK}`;
      case 'enumerate':
        return `${BLOCK}<ol>${listItems(body)}</ol>${BLOCK}`;
      case 'description':
        return `${BLOCK}<ul class="description">${listItems(body)}</ul>${BLOCK}`;
      case 'center':
        return `${BLOCK}<div class="center">${paragraphs(body)}</div>${BLOCK}`;
      case 'figure':
      case 'figure*':
      case 'wrapfigure':
        return `${BLOCK}<figure>${body.split(BLOCK).join('').split(PARAGRAPH_BREAK).join(' ')}</figure>${BLOCK}`;
      case 'quote':
      case 'quotation':
        return `${BLOCK}<blockquote>${paragraphs(body)}</blockquote>${BLOCK}`;
      default:
        return body;
    }
  }

  private table(body: string): string {
    const rows = body
      .split(/<br>/)
      .map((row) => row.split(BLOCK).join('').split(PARAGRAPH_BREAK).join(' ').trim())
      .filter((row) => row !== '');
    const cells = (row: string) => row.split('&amp;').map((cell) => `<td>${cell.trim()}</td>`).join('');
    return `${BLOCK}<table class="tex-table">${rows.map((row) => `<tr>${cells(row)}</tr>`).join('')}</table>${BLOCK}`;
  }
}

/** The items of a list body: the text before the first \item is dropped. */
function listItems(body: string): string {
  const parts = body.split(ITEM).slice(1);
  return parts.map((item) => `<li>${paragraphs(item, true)}</li>`).join('');
}

/** Wraps inline runs into paragraphs between blocks; `tight` leaves a single paragraph unwrapped (list items). */
function paragraphs(html: string, tight = false): string {
  const out: string[] = [];
  let inline = '';
  const flush = () => {
    if (inline.trim() !== '') out.push(`<p>${inline.trim()}</p>`);
    inline = '';
  };
  const pieces = html.split(BLOCK);
  pieces.forEach((piece, i) => {
    // Odd pieces are blocks (every block is wrapped in a pair of markers).
    if (i % 2 === 1) {
      flush();
      out.push(piece);
      return;
    }
    const runs = piece.split(PARAGRAPH_BREAK);
    runs.forEach((run, j) => {
      if (j > 0) flush();
      inline += run;
    });
  });
  flush();
  if (tight && out.length === 1 && out[0].startsWith('<p>')) return out[0].slice(3, -4);
  return out.join('\n');
}

/** Strips comments: % to the end of the line, unless escaped. */
function withoutComments(source: string): string {
  return source.replace(/(^|[^\\])((?:\\\\)*)%.*$/gm, '$1$2');
}

/** The body of a full document (between \begin{document} and \end{document}), or the whole source. */
function documentBody(source: string): string {
  const begin = source.indexOf('\\begin{document}');
  if (begin < 0) return source;
  const end = source.indexOf('\\end{document}', begin);
  return source.slice(begin + '\\begin{document}'.length, end < 0 ? undefined : end);
}

/** A LaTeX problem statement as HTML (to be sanitized by the page like any other statement). */
export function latexToHtml(source: string, images: ImageLookup = () => null): string {
  const body = documentBody(withoutComments(source.replace(/\r\n?/g, '\n')));
  try {
    return paragraphs(new Converter(body, images).run()).split(ITEM).join('');
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    return `<p><em>This statement nests too deeply to be shown converted; its LaTeX source follows.</em></p><pre>${escapeHtml(source)}</pre>`;
  }
}
