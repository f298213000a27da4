// What a contestant's program may make the judges' live terminal do: show text, break lines, and
// colour or style it (SGR, `ESC [ … m`). Every other control is dropped: cursor moves, erasing,
// scroll regions, the alternate screen, mode changes (mouse reporting, bracketed paste…), OSC
// (titles, hyperlinks, clipboard writes), DCS/SOS/PM/APC strings, charset shifts, bells. Otherwise
// a program could clear the pane and draw a fake verdict, plant a link, or write the clipboard.
//
// The parser follows the VT500 state machine xterm.js implements (ECMA-48 sequences, the 8-bit C1
// introducers U+0080–U+009F, which xterm.js honours, and CAN/SUB aborting a sequence). It is
// stateful across chunks, so a sequence split over two writes is caught; the state is a value and
// `filterTerminalOutput` a pure function of (state, chunk). What it emits is plain text, \t, \n,
// \r and complete SGR sequences only, so the terminal is always back in its ground state after.

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const CAN = 0x18;
const SUB = 0x1a;
const ESC = 0x1b;
const DEL = 0x7f;
const C1_DCS = 0x90;
const C1_SOS = 0x98;
const C1_CSI = 0x9b;
const C1_OSC = 0x9d;
const C1_PM = 0x9e;
const C1_APC = 0x9f;

/** Longest SGR parameter string kept (longer ones are dropped, so a flood cannot grow the state). */
const MAX_SGR_PARAMS_CHARS = 96;

type FilterMode = 'ground' | 'escape' | 'escape-intermediate' | 'csi' | 'osc' | 'string';

export interface FilterState {
  /** 'escape-intermediate': after `ESC (` and the like, the next byte ends the sequence. 'osc': BEL
   *  or ST ends it; 'string' (DCS, SOS, PM, APC): only ST does. */
  readonly mode: FilterMode;
  /** In 'csi': the parameters so far, or null when the sequence cannot be a plain SGR. */
  readonly params: string | null;
}

export const INITIAL_FILTER_STATE: FilterState = { mode: 'ground', params: null };

// The modes as small integers inside the loop.
const GROUND = 0;
const ESCAPE = 1;
const ESCAPE_INTERMEDIATE = 2;
const CSI = 3;
const OSC = 4;
const STRING = 5;
const MODES: FilterMode[] = ['ground', 'escape', 'escape-intermediate', 'csi', 'osc', 'string'];

/** In the ground mode: everything but text, \t, \n and \r (C0, DEL, C1). */
const GROUND_SPECIAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
/** Inside a string: what can end or abort it. */
const STRING_SPECIAL = /[\x07\x18\x1a\x1b\x80-\x9f]/g;

/** The mode ESC, CAN, SUB or a C1 control leads to, from any mode. */
function modeAfter(code: number): number {
  if (code === ESC) return ESCAPE;
  if (code === C1_CSI) return CSI;
  if (code === C1_OSC) return OSC;
  if (code === C1_DCS || code === C1_SOS || code === C1_PM || code === C1_APC) return STRING;
  return GROUND; // CAN, SUB, ST and the other C1 controls (IND, NEL, RI…): dropped
}

/** ESC, CAN, SUB and C1: they act the same in every mode. */
function isAnywhere(code: number): boolean {
  return code === ESC || code === CAN || code === SUB || (code >= 0x80 && code <= 0x9f);
}

/**
 * `chunk` as the live terminal may show it, and the state to pass with the next chunk of the same
 * stream. Plain text (any Unicode, surrogate pairs included) passes unchanged.
 */
export function filterTerminalOutput(state: FilterState, chunk: string): { text: string; state: FilterState } {
  let mode = MODES.indexOf(state.mode);
  let params = state.params;
  /** In CSI, while `params` is not null: where this chunk's part of the parameters starts. */
  let paramsFrom = 0;
  let out = '';
  let i = 0;
  const length = chunk.length;

  while (i < length) {
    if (mode === GROUND) {
      // The common case: a run of text, kept as one slice. (test() and lastIndex find the next
      // control without allocating a match.)
      GROUND_SPECIAL.lastIndex = i;
      const end = GROUND_SPECIAL.test(chunk) ? GROUND_SPECIAL.lastIndex - 1 : length;
      if (end > i) out += i === 0 && end === length ? chunk : chunk.slice(i, end);
      if (end === length) break;
      const code = chunk.charCodeAt(end);
      i = end + 1;
      if (isAnywhere(code)) {
        mode = modeAfter(code);
        params = '';
        paramsFrom = i;
      }
      // Other C0 controls (BEL, BS, VT, FF, SO/SI…) and DEL: dropped.
      continue;
    }

    if (mode === OSC || mode === STRING) {
      // Everything up to the end of the string is dropped.
      STRING_SPECIAL.lastIndex = i;
      if (!STRING_SPECIAL.test(chunk)) break;
      i = STRING_SPECIAL.lastIndex;
      const code = chunk.charCodeAt(i - 1);
      if (isAnywhere(code)) {
        mode = modeAfter(code);
        params = '';
        paramsFrom = i;
      } else if (mode === OSC) mode = GROUND; // BEL; it does not end the other strings
      continue;
    }

    const code = chunk.charCodeAt(i++);
    // ESCAPE, ESCAPE_INTERMEDIATE or CSI.
    if (isAnywhere(code)) {
      mode = modeAfter(code);
      params = '';
      paramsFrom = i;
    } else if (code < 0x20 || code === DEL) {
      // A C0 control inside a sequence is acted on and the sequence goes on (as in xterm.js); DEL
      // is ignored. The parameters so far are set aside around it.
      if (mode === CSI && params !== null) params += chunk.slice(paramsFrom, i - 1);
      paramsFrom = i;
      if (code === LF || code === CR || code === TAB) out += chunk[i - 1];
    } else if (code > DEL) {
      // Not part of any sequence: the sequence is dropped, the character is text.
      mode = GROUND;
      i--;
    } else if (mode === ESCAPE) {
      if (code <= 0x2f) mode = ESCAPE_INTERMEDIATE;
      else if (code === 0x5b) {
        mode = CSI; // ESC [
        params = '';
        paramsFrom = i;
      } else if (code === 0x5d) mode = OSC; // ESC ]
      else if (code === 0x50 || code === 0x58 || code === 0x5e || code === 0x5f) mode = STRING; // ESC P, X, ^, _
      else mode = GROUND; // ESC c, ESC 7, ESC M, ESC \ …: dropped
    } else if (mode === ESCAPE_INTERMEDIATE) {
      if (code >= 0x30) mode = GROUND; // ESC ( B and the like: dropped
    } else if (code <= 0x3f) {
      // A parameter (0x30–0x3f) or intermediate (0x20–0x2f) byte. SGR takes only digits, ';', ':'.
      if (params !== null && (code < 0x30 || code > 0x3b || params.length + (i - paramsFrom) > MAX_SGR_PARAMS_CHARS)) params = null;
    } else {
      // The final byte: only SGR ('m') is kept, written out whole.
      if (code === 0x6d && params !== null) out += `\x1b[${params}${chunk.slice(paramsFrom, i - 1)}m`;
      mode = GROUND;
    }
  }

  if (mode === CSI && params !== null) params += chunk.slice(paramsFrom);
  return { text: out, state: { mode: MODES[mode], params: mode === CSI ? params : null } };
}
