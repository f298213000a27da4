// The live output of a submission being judged, in xterm.js. Output goes from watchOutput straight
// into term.write and is acknowledged in write's callback (after xterm has parsed it): it never
// passes through React or the store. Unmounting stops the watch and disposes the terminal.
// The output is a contestant's: the server lets only text and colours through (terminalFilter.ts in
// src-main/console), and this terminal makes no links of its own either.
import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { judge } from './api.ts';

/** Lines kept above the visible ones. */
const SCROLLBACK_LINES = 5_000;
const ROWS = 18;
const FONT_SIZE_PX = 13;
/** OSC 8, the hyperlink sequence. */
const OSC_HYPERLINK = 8;
/** Links in a program's output are never opened (xterm's default would offer to). */
const NO_LINKS = { activate: () => {} };

export interface LiveTerminalProps {
  submissionId: string;
  /** Watch now (the submission is judging); when it turns false the text stays, the watch stops. */
  watching: boolean;
}

/** Columns that fit the host's width, measured with a probe in the terminal's font. */
function fittingColumns(host: HTMLElement): number {
  const probe = document.createElement('span');
  probe.textContent = 'M'.repeat(50);
  probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font-family:var(--mono);font-size:${FONT_SIZE_PX}px`;
  host.appendChild(probe);
  const charWidth = probe.getBoundingClientRect().width / 50;
  probe.remove();
  const width = host.clientWidth - 20; // room for the scrollbar
  return charWidth > 0 ? Math.max(40, Math.min(300, Math.floor(width / charWidth))) : 100;
}

export default function LiveTerminal({ submissionId, watching }: LiveTerminalProps) {
  const host = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);

  useEffect(() => {
    const element = host.current!;
    const term = new Terminal({
      rows: ROWS,
      cols: fittingColumns(element),
      scrollback: SCROLLBACK_LINES,
      disableStdin: true,
      cursorBlink: false,
      cursorStyle: 'underline',
      convertEol: false,
      fontSize: FONT_SIZE_PX,
      fontFamily: getComputedStyle(element).getPropertyValue('--mono') || 'monospace',
      theme: { background: '#1e2733', foreground: '#e6e9ee', cursor: '#1e2733' },
      linkHandler: NO_LINKS,
    });
    // Second line of defence behind the server's filter: an OSC 8 is consumed here, so it marks
    // no text as a link.
    term.parser.registerOscHandler(OSC_HYPERLINK, () => true);
    term.open(element);
    terminal.current = term;
    const resize = new ResizeObserver(() => {
      const cols = fittingColumns(element);
      if (cols !== term.cols) term.resize(cols, ROWS);
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      terminal.current = null;
      term.dispose();
    };
  }, []);

  useEffect(() => {
    const term = terminal.current;
    if (!watching || !term) return;
    // A new watch (first, or after a rejudge) starts from a clean screen.
    term.reset();
    let live = true;
    const stop = judge.watchOutput(submissionId, (data, ack) => {
      if (!live) return;
      term.write(data, ack);
    });
    return () => {
      live = false;
      stop();
    };
  }, [submissionId, watching]);

  return <div className="terminal-host" ref={host} role="region" aria-label="Live output terminal" />;
}
