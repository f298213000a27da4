// A CodeMirror 6 editor as a React component. The EditorView is made once; the language is
// swapped through a Compartment; `value` from outside (an uploaded file) replaces the text only
// when it differs from what the editor itself last reported, so typing never rebuilds anything.
import { useEffect, useRef, useState } from 'react';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { HIGHLIGHTERS } from '../shared/codemirror.ts';
import type { SourceMode } from '../shared/sourceModes.ts';
import { editorBasics } from './editorSetup.ts';

export interface EditorProps {
  value: string;
  onChange: (value: string) => void;
  mode: SourceMode;
  /** The accessible name of the editing area. */
  label: string;
  /** The id of an element describing the editor (e.g. keyboard hints). */
  describedBy?: string;
}

export default function Editor({ value, onChange, mode, label, describedBy }: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  /** The text the editor last reported (or was given): identity check, no string compare per keystroke. */
  const known = useRef(value);
  // The latest onChange for the editor's listener, which is made once: refreshed after each
  // render (a ref is not written during render).
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // The editor is made once per mount, with the editing area's attributes as they were then (later
  // label changes are not expected).
  const [attributes] = useState(() => {
    const initial: Record<string, string> = { 'aria-label': label, 'aria-multiline': 'true', spellcheck: 'false' };
    if (describedBy) initial['aria-describedby'] = describedBy;
    return initial;
  });
  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: known.current,
        extensions: [
          editorBasics(),
          language.current.of([]),
          EditorView.contentAttributes.of(attributes),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const text = update.state.doc.toString();
            known.current = text;
            onChangeRef.current(text);
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [attributes]);

  // Text from outside (a file was uploaded, the draft restored).
  useEffect(() => {
    const editor = view.current;
    if (!editor || value === known.current) return;
    known.current = value;
    if (editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value }, userEvent: 'input.replace' });
  }, [value]);

  useEffect(() => {
    let current = true;
    const editor = view.current;
    if (!editor) return;
    if (mode === null) {
      editor.dispatch({ effects: language.current.reconfigure([]) });
      return;
    }
    HIGHLIGHTERS[mode]()
      .then((extension) => {
        if (current && view.current === editor) editor.dispatch({ effects: language.current.reconfigure(extension) });
      })
      .catch(() => {
        // No highlighting is fine: the text is what matters.
      });
    return () => {
      current = false;
    };
  }, [mode]);

  return <div className="editor" ref={host} />;
}
