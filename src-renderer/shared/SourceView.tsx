// A submission's source, read-only, highlighted by CodeMirror 6 (its highlighter loads on first use).
import { useEffect, useRef } from 'react';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, highlightSpecialChars, lineNumbers } from '@codemirror/view';
import { HIGHLIGHTERS, sourceTheme } from './codemirror.ts';
import type { SourceMode } from './sourceModes.ts';

const theme = sourceTheme({ editor: { fontSize: '13px', maxHeight: '32rem' }, scroller: { overflow: 'auto' } });

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
      HIGHLIGHTERS[mode]()
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
