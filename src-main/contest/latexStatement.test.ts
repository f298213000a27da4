// LaTeX problem statements (problemtools style) to HTML: structure, math left for KaTeX, escaping.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latexToHtml } from './latexStatement.ts';

const statement = String.raw`\documentclass{article}
\begin{document}
\problemname{Counting Sheep}
% a comment that must not show
Of all sheep, 100\% are counted. % and a comment after text
Bob counts $n$ sheep ($1 \le n \le 10^{5}$) --- quickly, OPENvery'' quickly~--~and writes caf\'e.

\illustration{0.35}{sheep}{A \emph{sheep}, counted}
\section*{Input}
The input has $a_1, \ldots, a_n$.
\begin{itemize}
  \item \textbf{bold} and \texttt{mono}
  \item[Note:] an item with a label
\end{itemize}
\begin{enumerate}
\item one
\item two \begin{itemize}\item nested\end{itemize}
\end{enumerate}

\section*{Output}
\[ S = \sum_{i=1}^{n} a_i \]
\begin{align*}
x &= 1 \\
y &= 2
\end{align*}
\begin{tabular}{|l|r|}
\hline
key & value \\ \hline
$x$ & 1 \\
\end{tabular}
\begin{verbatim}
  <raw> & text \section
\end{verbatim}
Visit \url{https://icpc.global/?a=1&b=2} or \href{javascript:alert(1)}{this}.
\mycustommacro{kept text} <script>alert(1)</script>
\end{document}
`.replace('OPEN', '\u0060\u0060'); // TeX's opening quotes are backticks, which end a template literal

const images = (name: string) => (name === 'sheep' ? 'sheep.png' : null);

test('structure: headings, paragraphs, lists (nested, labelled), table, verbatim, figure', () => {
  const html = latexToHtml(statement, images);
  assert.match(html, /<h2>Input<\/h2>/);
  assert.match(html, /<h2>Output<\/h2>/);
  assert.doesNotMatch(html, /Counting Sheep/, 'the name is the page\'s title, not repeated');
  assert.match(html, /<ul><li><strong>bold<\/strong> and <code>mono<\/code><\/li><li><strong>Note:<\/strong>\s+an item with a label<\/li><\/ul>/);
  assert.match(html, /<ol><li>one<\/li><li><p>two<\/p>\n<ul><li>nested<\/li><\/ul><\/li><\/ol>/);
  assert.match(html, /<table class="tex-table"><tr><td>key<\/td><td>value<\/td><\/tr><tr><td><span class="tex-math" data-display="0">x<\/span><\/td><td>1<\/td><\/tr><\/table>/);
  assert.match(html, /<pre> {2}&lt;raw&gt; &amp; text \\section\n<\/pre>/);
  assert.match(html, /<figure class="illustration" style="width:35%"><img src="sheep\.png" alt=""><figcaption>A <em>sheep<\/em>, counted<\/figcaption><\/figure>/);
  assert.match(html, /^<p>Of all sheep, 100% are counted\. Bob counts/);
});

test('math stays TeX for KaTeX: inline, displayed, align* as aligned', () => {
  const html = latexToHtml(statement, images);
  assert.match(html, /<span class="tex-math" data-display="0">1 \\le n \\le 10\^\{5\}<\/span>/);
  assert.match(html, /<div class="tex-display"><span class="tex-math" data-display="1">S = \\sum_\{i=1\}\^\{n\} a_i<\/span><\/div>/);
  assert.match(html, /data-display="1">\\begin\{aligned\}\nx &amp;= 1 \\\\\ny &amp;= 2\n\\end\{aligned\}<\/span>/);
  assert.match(html, /data-display="0">a_1, \\ldots, a_n<\/span>/);
});

test('text: quotes, dashes, ties, escapes, accents, comments; unknown macros keep their text', () => {
  const html = latexToHtml(statement, images);
  assert.match(html, /— quickly, “very” quickly\u00a0–\u00a0and writes café\./);
  assert.match(html, /100% are counted\./);
  assert.doesNotMatch(html, /after text/);
  assert.doesNotMatch(html, /a comment/);
  assert.match(html, /kept text/);
  assert.doesNotMatch(html, /mycustommacro|documentclass|\\begin\{document\}/);
});

test('nothing becomes markup that the source did not ask for: HTML escaped, only http(s) links', () => {
  const html = latexToHtml(statement, images);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(html, /<script/);
  assert.match(html, /<a href="https:\/\/icpc\.global\/\?a=1&amp;b=2" rel="noopener noreferrer">/);
  assert.doesNotMatch(html, /javascript:/);
  assert.match(html, /or this\./, 'the unsafe link keeps its text');
  assert.equal(latexToHtml('$x<y$ & \\textbf{<b>}'), '<p><span class="tex-math" data-display="0">x&lt;y</span> &amp; <strong>&lt;b&gt;</strong></p>');
});

test('images: found without an extension, missing ones left out; broken input never throws', () => {
  assert.match(latexToHtml('\\includegraphics[width=0.5\\textwidth]{sheep}', images), /<img src="sheep\.png" alt="" style="width:50%">/);
  assert.equal(latexToHtml('\\includegraphics{missing}', images), '');
  for (const broken of ['\\begin{itemize} \\item unclosed', '{{{', '}}}', '$unclosed math', '\\end{itemize}', '\\', '\\[ x', '\\url']) {
    assert.equal(typeof latexToHtml(broken), 'string', broken);
  }
  assert.match(latexToHtml('\\begin{itemize} \\item unclosed'), /<ul><li>unclosed<\/li><\/ul>/);
  const deep = `${'{'.repeat(100_000)}x${'}'.repeat(100_000)}`;
  assert.match(latexToHtml(deep), /nests too deeply[\s\S]*<pre>\{\{\{/, 'no stack overflow: the source is shown');
});
