// CodeMirror pieces both pages' source views share: the highlighters, each loaded on first use in
// its own small chunk, and the look (each view adds its own sizes).
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { SourceMode } from './sourceModes.ts';

export const HIGHLIGHTERS: Readonly<Record<Exclude<SourceMode, null>, () => Promise<Extension>>> = {
  cpp: () => import('@codemirror/lang-cpp').then((m) => m.cpp()),
  java: () => import('@codemirror/lang-java').then((m) => m.java()),
  python: () => import('@codemirror/lang-python').then((m) => m.python()),
  javascript: () => import('@codemirror/lang-javascript').then((m) => m.javascript()),
  typescript: () => import('@codemirror/lang-javascript').then((m) => m.javascript({ typescript: true })),
  rust: () => import('@codemirror/lang-rust').then((m) => m.rust()),
};

type Style = Record<string, string>;

/** White, monospace, grey gutters, no focus outline; `sizes` adds the view's own to the editor and its scroller. */
export function sourceTheme(sizes: { editor: Style; scroller?: Style }): Extension {
  return EditorView.theme({
    '&': { backgroundColor: '#fff', ...sizes.editor },
    '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5', ...sizes.scroller },
    // Line numbers at 5.4:1 on the gutter (and 5:1 on the active line's), above WCAG AA's 4.5:1.
    '.cm-gutters': { backgroundColor: '#f4f5f7', color: '#5b6573', borderRight: '1px solid #e1e4e8' },
    '.cm-activeLineGutter': { backgroundColor: '#e2e8f0' },
    '&.cm-focused': { outline: 'none' },
  });
}
