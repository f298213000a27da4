// A submission's source, read-only, highlighted by CodeMirror 6 (its highlighter loads on first use).
import { useEffect, useRef } from 'react';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, highlightSpecialChars, lineNumbers } from '@codemirror/view';
import type { SourceMode } from './sourceMode.ts';

const LOADERS: Record<Exclude<SourceMode, null>, () => Promise<Extension>> = {
  cpp: () => import('@codemirror/lang-cpp').then((m) => m.cpp()),
  java: () => import('@codemirror/lang-java').then((m) => m.java()),
  python: () => import('@codemirror/lang-python').then((m) => m.python()),
  javascript: () => import('@codemirror/lang-javascript').then((m) => m.javascript()),
  typescript: () => import('@codemirror/lang-javascript').then((m) => m.javascript({ typescript: true })),
  rust: () => import('@codemirror/lang-rust').then((m) => m.rust()),
};

const theme = EditorView.theme({
  '&': { fontSize: '13px', backgroundColor: '#fff', maxHeight: '32rem' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5', overflow: 'auto' },
  '.cm-gutters': { backgroundColor: '#f4f5f7', color: '#7a8494', borderRight: '1px solid #e1e4e8' },
  '&.cm-focused': { outline: 'none' },
});

export default function SourceView({ source, mode, label }: { source: string; mode: SourceMode; label: string }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    const language = new Compartment();
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: source,
        extensions: [
          lineNumbers(),
          highlightSpecialChars(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          EditorState.tabSize.of(4),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
          theme,
          language.of([]),
        ],
      }),
    });
    if (mode !== null) {
      LOADERS[mode]()
        .then((extension) => {
          if (current) view.dispatch({ effects: language.reconfigure(extension) });
        })
        .catch(() => {
          // Plain text is fine: the source is what matters.
        });
    }
    return () => {
      current = false;
      view.destroy();
    };
  }, [source, mode, label]);

  return <div className="source-view" ref={host} />;
}
