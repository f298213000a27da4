// A problem statement: Markdown rendered by marked, HTML as given, LaTeX as the server converted it,
// all through DOMPurify before they touch the page; math ($...$ in Markdown, TeX spans of a LaTeX
// statement) typeset with KaTeX; a PDF embedded, with a link to open it on its own.
import { useEffect, useState } from 'react';
import DOMPurify from 'dompurify';
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { Marked } from 'marked';
import markedKatex from 'marked-katex-extension';
import type { PortalProblem } from '../../../src-main/shared/portalApi.ts';
import { HttpError, NetworkError } from '../../shared/http.ts';
import { Loading, Notice } from '../../shared/ui.tsx';

/** Markdown with $...$ and $$...$$ math (a statement's own instance: clarifications keep plain marked). */
// nonStandard: math may touch punctuation, as in "($1 \le n$)"; statements write a literal dollar as \$.
const markdown = new Marked({ gfm: true }, markedKatex({ throwOnError: false, nonStandard: true }));

const statementUrl = (problemId: string): string => `/api/portal/problems/${encodeURIComponent(problemId)}/statement`;

/** Statement markup must not bring scripts, forms or page-wide styles. */
function sanitize(html: string): string {
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['id', 'name'],
  });
}

/**
 * After sanitizing: relative image links point into the statement's folder on the server, and the
 * TeX of a LaTeX statement's math spans is typeset (KaTeX builds its markup from the text alone).
 */
function finish(html: string, problemId: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const img of template.content.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(src)) img.setAttribute('src', `/api/portal/problems/${encodeURIComponent(problemId)}/statement-files/${src}`);
  }
  for (const span of template.content.querySelectorAll<HTMLElement>('span.tex-math')) {
    span.innerHTML = katex.renderToString(span.textContent ?? '', { displayMode: span.dataset.display === '1', throwOnError: false });
  }
  return template.innerHTML;
}

async function loadStatement(problemId: string, kind: 'markdown' | 'html' | 'latex'): Promise<string> {
  let response: Response;
  try {
    response = await fetch(statementUrl(problemId), { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new NetworkError();
  }
  if (!response.ok) throw new HttpError(response.status, response.status === 404 ? 'the statement is not available' : `the server answered ${response.status}`);
  const text = await response.text();
  return finish(sanitize(kind === 'markdown' ? await markdown.parse(text) : text), problemId);
}

export default function Statement({ problemId, kind }: { problemId: string; kind: NonNullable<PortalProblem['statementKind']> }) {
  // The outcome with the problem it is for: another problem shows as loading until its own arrives.
  const [loaded, setLoaded] = useState<{ problemId: string; kind: string; html: string | null; error: string | null } | null>(null);
  const shown = loaded?.problemId === problemId && loaded.kind === kind ? loaded : null;
  const html = shown?.html ?? null;
  const error = shown?.error ?? null;

  useEffect(() => {
    if (kind === 'pdf') return;
    let current = true;
    loadStatement(problemId, kind).then(
      (result) => current && setLoaded({ problemId, kind, html: result, error: null }),
      (e: unknown) => current && setLoaded({ problemId, kind, html: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [problemId, kind]);

  if (kind === 'pdf') {
    const url = statementUrl(problemId);
    return (
      <div className="statement-pdf">
        <p>
          <a href={url} target="_blank" rel="noopener">
            Open the statement (PDF)
          </a>
        </p>
        <object data={url} type="application/pdf" aria-label="Problem statement (PDF)">
          <p className="muted">This browser does not show PDFs in the page: use the link above.</p>
        </object>
      </div>
    );
  }
  if (error) return <Notice tone="error">Could not load the statement: {error}.</Notice>;
  if (html === null) return <Loading what="the statement" />;
  return <div className="statement" dangerouslySetInnerHTML={{ __html: html }} />;
}
