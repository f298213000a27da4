// The live terminal's filter: a program may colour its text, and nothing else; sequences split over
// chunks are caught; and the output hub applies it per submission.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OutputHub } from './outputHub.ts';
import { INITIAL_FILTER_STATE, filterTerminalOutput } from './terminalFilter.ts';

const E = '\x1b';
const BEL = '\x07';
const ST = `${E}\\`;

const once = (text: string) => filterTerminalOutput(INITIAL_FILTER_STATE, text).text;

/** Feeds `text` cut at the given offsets, each piece with the state the last one left, and joins what comes out. */
function inPieces(text: string, cuts: number[]): string {
  let state = INITIAL_FILTER_STATE;
  let out = '';
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    const result = filterTerminalOutput(state, text.slice(from, cut));
    out += result.text;
    state = result.state;
    from = cut;
  }
  return out;
}

/** Text, \t \n \r, and SGR sequences: nothing else may come out. */
const SAFE_OUTPUT = /^(?:[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\x1b\[[0-9;:]*m)*$/;

describe('terminal filter', () => {
  test('plain text and Unicode pass unchanged', () => {
    for (const text of ['', 'Hello, Verdict!\r\n', 'a\tb\nc\r\n', 'Grüße, 世界 — ½ → ∞ 🎉🧑‍💻\r\n', 'x'.repeat(100_000)]) {
      assert.equal(once(text), text);
    }
    // A character outside the BMP split between its two UTF-16 halves still arrives whole.
    const emoji = 'ok 🎉 done';
    for (let cut = 0; cut <= emoji.length; cut++) assert.equal(inPieces(emoji, [cut]), emoji);
  });

  test('SGR colour and style sequences are kept', () => {
    for (const sgr of [`${E}[m`, `${E}[0m`, `${E}[1;31m`, `${E}[38;5;208m`, `${E}[38;2;255;128;0;48;2;0;0;0m`, `${E}[4:3m`, `${E}[58:2::255:0:0m`]) {
      assert.equal(once(`a${sgr}b`), `a${sgr}b`);
    }
    // The 8-bit CSI (U+009B) is written out in its 7-bit form.
    assert.equal(once('a\u009b32mb'), `a${E}[32mb`);
  });

  test('cursor moves, erasing, scrolling, screens and modes are dropped', () => {
    const dropped = {
      'clear screen': `${E}[2J`,
      'erase line': `${E}[2K`,
      'erase to end': `${E}[K`,
      'cursor home': `${E}[H`,
      'cursor position': `${E}[10;20H`,
      'cursor up': `${E}[5A`,
      'cursor save/restore (CSI)': `${E}[s${E}[u`,
      'scroll region': `${E}[1;5r`,
      'scroll up': `${E}[3S`,
      'insert lines': `${E}[4L`,
      'alternate screen': `${E}[?1049h`,
      'mouse reporting': `${E}[?1000h${E}[?1006h`,
      'bracketed paste': `${E}[?2004h`,
      'hide cursor': `${E}[?25l`,
      'device status report': `${E}[6n`,
      'window ops': `${E}[8;100;200t`,
      'SGR-like with a private marker': `${E}[>4;2m${E}[?1m`,
      'SGR-like with an intermediate': `${E}[1 m`,
      'full reset': `${E}c`,
      'save/restore cursor': `${E}7${E}8`,
      'reverse index': `${E}M`,
      'line-drawing charset': `${E}(0`,
      'screen alignment test': `${E}#8`,
      'keypad mode': `${E}=`,
      'C1 CSI erase': '\u009b2J',
      'C1 reverse index, next line, index': '\u008d\u0085\u0084',
      bell: BEL,
      backspace: '\b\b',
      'vertical tab, form feed': '\v\f',
      'shift out/in': '\x0e\x0f',
      'delete, NUL': '\x7f\x00',
    };
    for (const [what, seq] of Object.entries(dropped)) assert.equal(once(`before${seq}after`), 'beforeafter', what);
  });

  test('OSC (titles, hyperlinks, clipboard), DCS, SOS, PM and APC strings are dropped', () => {
    const dropped = {
      'title (BEL)': `${E}]0;pwned${BEL}`,
      'title (ST)': `${E}]2;pwned${ST}`,
      'clipboard write': `${E}]52;c;cHduZWQ=${BEL}`,
      'palette change': `${E}]4;1;rgb:ff/00/00${ST}`,
      'C1 OSC ended by C1 ST': '\u009d0;pwned\u009c',
      DCS: `${E}P1;2|17/ab${ST}`,
      'DCS with BEL inside (only ST ends it)': `${E}Pq#0;2;0;0;0${BEL}~~@@${ST}`,
      'C1 DCS': '\u0090$qm\u009c',
      SOS: `${E}Xhidden${ST}`,
      PM: `${E}^hidden${ST}`,
      APC: `${E}_Gf=100;AAAA${ST}`,
    };
    for (const [what, seq] of Object.entries(dropped)) assert.equal(once(`before${seq}after`), 'beforeafter', what);
    // An OSC 8 hyperlink: its text stays, the link does not.
    assert.equal(once(`see ${E}]8;;https://example.com/steal${BEL}the answers${E}]8;;${BEL}!`), 'see the answers!');
    assert.equal(once(`see ${E}]8;id=1;file:///etc/passwd${ST}here${E}]8;;${ST}`), 'see here');
  });

  test('a sequence split across chunks is still caught, at every cut', () => {
    const text = `a${E}[2Jb${E}]8;;http://x/${ST}c${E}[1;31md${E}P1|x${BEL}y${ST}e${E}]52;c;AAAA${BEL}f\u009b3Hg${E}[0m`;
    const expected = `abc${E}[1;31mdef${'g'}${E}[0m`;
    assert.equal(once(text), expected);
    for (let cut = 0; cut <= text.length; cut++) assert.equal(inPieces(text, [cut]), expected, `cut at ${cut}`);
    for (let a = 0; a <= text.length; a += 3) for (let b = a; b <= text.length; b += 2) assert.equal(inPieces(text, [a, b]), expected, `cuts at ${a}, ${b}`);
    // One character per chunk.
    assert.equal(inPieces(text, [...Array(text.length).keys()]), expected);
  });

  test('inside a sequence, line breaks still act; CAN and SUB abort it', () => {
    assert.equal(once(`${E}[3\n1mred`), `\n${E}[31mred`);
    assert.equal(once(`x${E}[2\x18Jy`), 'xJy');
    assert.equal(once(`x${E}]0;title\x1ay`), 'xy');
    // ESC starts a new sequence: the first one is dropped, the SGR kept.
    assert.equal(once(`${E}[12${E}[1mz`), `${E}[1mz`);
    // A non-ASCII character ends a sequence and is shown.
    assert.equal(once(`${E}[3é`), 'é');
  });

  test('an endless sequence holds no more than a bounded state, and text resumes after it ends', () => {
    let state = INITIAL_FILTER_STATE;
    const flood = `${E}[${'1;'.repeat(50_000)}`;
    const first = filterTerminalOutput(state, flood);
    state = first.state;
    assert.equal(first.text, '');
    assert.equal(state.params, null, 'an overlong SGR is given up at once');
    assert.equal(filterTerminalOutput(state, 'mok').text, 'ok');

    let osc = filterTerminalOutput(INITIAL_FILTER_STATE, `${E}]0;`);
    for (let i = 0; i < 100; i++) osc = filterTerminalOutput(osc.state, 'x'.repeat(10_000));
    assert.equal(osc.text, '');
    assert.equal(JSON.stringify(osc.state).length < 100, true);
    assert.equal(filterTerminalOutput(osc.state, `${BEL}back`).text, 'back');
  });

  test('whatever comes in, only text, line breaks and SGR come out', () => {
    // A fixed pseudo-random sequence over an alphabet rich in sequence bytes.
    const alphabet = [E, '[', ']', 'P', '_', '^', 'X', '\\', '(', '#', ' ', '?', '>', ';', ':', '0', '1', '2', '3', '8', 'm', 'H', 'J', 'h', 'c', BEL, '\x18', '\x1a', '\n', '\r', '\t', '\b', '\x7f', '\u009b', '\u009c', '\u009d', '\u0090', '\u0085', 'a', 'é', '🎉'];
    let seed = 12345;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0; i < 200; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const whole = once(text);
      assert.match(whole, SAFE_OUTPUT, JSON.stringify(text));
      const cuts = [Math.floor(random() * text.length), Math.floor(random() * text.length)].sort((a, b) => a - b);
      assert.equal(inPieces(text, cuts), whole, 'the same output whatever the cuts');
    }
  });
});

describe('the output hub filters what it sends', () => {
  test('each submission is filtered on its own, with sequences split between appends caught', () => {
    const hub = new OutputHub();
    const got: Record<string, string> = { a: '', b: '' };
    hub.watch('a', (d) => (got.a += d));
    hub.watch('b', (d) => (got.b += d));
    hub.append('a', `one${E}[`);
    hub.append('b', '2J'); // not a continuation of a's sequence
    hub.append('a', `2J${E}]8;;http://x/`);
    hub.append('a', `${BEL}two${E}]8;;${BEL}${E}[32m three\r\n`);
    assert.equal(got.a, `onetwo${E}[32m three\r\n`);
    assert.equal(got.b, '2J');
  });

  test('a rejudge starts the filter afresh: a string the last run left open does not eat the new output', () => {
    const hub = new OutputHub();
    const got: string[] = [];
    hub.watch('r', (d) => got.push(d));
    hub.append('r', `old${E}]0;never closed`);
    hub.restart('r');
    hub.append('r', 'new run\r\n');
    assert.equal(got.join(''), `old\r\n${E}[0;2m--- judging again ---${E}[0m\r\nnew run\r\n`);
  });
});
