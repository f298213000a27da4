// Parsing and validation of a problem package's problem.yaml (Kattis / ICPC problem package format).
//
// Accepts the keys of all supported versions (legacy, legacy-icpc, 2023-07(-draft), 2025-09(-draft), draft).
// Pass-fail problems are supported, interactive or not: scoring, multi-pass and submit-answer problems are
// refused with a PackageError. Every problem is one PackageError naming problem.yaml, the key and (where
// known) the line and column.
//
// Decisions:
// - A key whose value is empty (`limits:` or `source: ~`) counts as absent.
// - An empty problem.yaml (or one holding only comments) is a problem with no keys.
// - limits.time_multipliers (2023-07+) and the legacy limits.time_multiplier / time_safety_margin both map
//   to acToTimeLimit / timeLimitToTle; giving both forms is an error. They are null when not given: the
//   defaults depend on the format version (package/timeLimits.ts).
// - Limits are positive numbers (validation_passes an integer >= 2); multipliers are >= 1.

import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import { PackageError } from '../common/types.ts';

export const PROBLEM_YAML = 'problem.yaml';

const DEFAULT_MEMORY_MB = 2048;
const DEFAULT_OUTPUT_MB = 8;

export type ProblemType = 'pass-fail' | 'scoring' | 'multi-pass' | 'interactive' | 'submit-answer';

export interface ProblemLimits {
  /** limits.time_limit in seconds; null when not given. */
  timeLimitSec: number | null;
  /** null when not given (the format version's default applies). */
  acToTimeLimit: number | null;
  timeLimitToTle: number | null;
  timeResolutionSec: number | null;
  memoryMb: number;
  outputMb: number;
  codeKb: number | null;
  compilationTimeSec: number | null;
  compilationMemoryMb: number | null;
  validationTimeSec: number | null;
  validationMemoryMb: number | null;
  validationOutputMb: number | null;
  validationPasses: number | null;
}

export interface ProblemSettings {
  /** problem_format_version as given; 'legacy' when absent. */
  formatVersion: string;
  /** True for 'legacy' and 'legacy-icpc' (including an absent problem_format_version). */
  legacy: boolean;
  /** The problem name ('en', else the first language of a map); null when not given. */
  name: string | null;
  uuid: string | null;
  version: string | null;
  license: string | null;
  keywords: string[];
  /** 'all' or the listed language codes. */
  languages: 'all' | string[];
  constants: Record<string, string | number>;
  allowFileWriting: boolean;
  /** `validation` as stated; null when problem.yaml does not say (2023-07+ packages never do). */
  validation: 'default' | 'custom' | null;
  /** `type: interactive` (2023-07+) or `validation: custom interactive` (legacy): the output validator talks with the program. */
  interactive: boolean;
  /** Raw validator_flags as an argv list. */
  validatorFlags: string[];
  limits: ProblemLimits;
}

const TOP_LEVEL_KEYS = new Set([
  'problem_format_version', 'type', 'name', 'uuid', 'version', 'credits', 'author', 'source', 'source_url',
  'license', 'rights_owner', 'embargo_until', 'keywords', 'languages', 'constants', 'allow_file_writing',
  'validation', 'validator_flags', 'limits',
]);

const PROBLEM_TYPES: readonly ProblemType[] = ['pass-fail', 'scoring', 'multi-pass', 'interactive', 'submit-answer'];

/** Human-readable description of a YAML value for "got ..." in messages. */
function describe(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string') {
      const s = v.length > 40 ? v.slice(0, 40) + '...' : v;
      return JSON.stringify(s);
    }
    if (v === null) return 'nothing';
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  }
  return 'an unsupported value';
}

class YamlReader {
  readonly file: string;
  readonly doc: Document;
  readonly lines: LineCounter;

  constructor(file: string, doc: Document, lines: LineCounter) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
  }

  where(node: Node | null | undefined): string {
    const range = node?.range;
    if (!range) return '';
    const { line, col } = this.lines.linePos(range[0]);
    return ` (line ${line}, column ${col})`;
  }

  fail(key: string, message: string, node: Node | null | undefined): never {
    throw new PackageError(this.file, `${key}: ${message}${this.where(node)}`);
  }

  expected(key: string, what: string, node: Node | null): never {
    this.fail(key, `expected ${what}, got ${describe(node)}`, node);
  }

  /** Follows aliases; a null scalar (empty value) becomes null. */
  resolve(node: unknown): Node | null {
    let n = node;
    for (let i = 0; i < 100 && isAlias(n); i++) n = n.resolve(this.doc);
    if (n === null || n === undefined) return null;
    if (isScalar(n) && n.value === null) return null;
    if (isScalar(n) || isMap(n) || isSeq(n)) return n;
    return null;
  }

  /** The key/value pairs of a map, with string keys; duplicate keys are already refused by the parser. */
  entries(key: string, node: YAMLMap): Array<{ key: string; keyNode: Node; value: Node | null }> {
    const out: Array<{ key: string; keyNode: Node; value: Node | null }> = [];
    for (const pair of node.items) {
      const k = this.resolve(pair.key);
      if (k === null || !isScalar(k) || (typeof k.value !== 'string' && typeof k.value !== 'number')) {
        this.fail(key, `keys must be plain names, got ${describe(k)}`, k ?? node);
      }
      out.push({ key: String(k.value), keyNode: k, value: this.resolve(pair.value) });
    }
    return out;
  }

  map(key: string, node: Node): YAMLMap {
    if (!isMap(node)) this.expected(key, 'a map', node);
    return node;
  }

  string(key: string, node: Node): string {
    if (!isScalar(node) || typeof node.value !== 'string') this.expected(key, 'a string', node);
    return node.value;
  }

  /** A string, or a number/boolean kept as written (e.g. `version: 1.10`). */
  text(key: string, node: Node): string {
    if (!isScalar(node)) this.expected(key, 'a string', node);
    const v = node.value;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return typeof node.source === 'string' ? node.source : String(v);
    this.expected(key, 'a string', node);
  }

  boolean(key: string, node: Node): boolean {
    if (!isScalar(node) || typeof node.value !== 'boolean') this.expected(key, 'true or false', node);
    return node.value;
  }

  number(key: string, node: Node, what: string, ok: (n: number) => boolean): number {
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value) || !ok(node.value)) {
      this.expected(key, what, node);
    }
    return node.value;
  }

  /** A string, or a list of strings. A single string is returned as a one-element list. */
  stringOrList(key: string, node: Node): string[] {
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        const n = this.resolve(item);
        if (n === null) this.expected(`${key}[${i}]`, 'a string', n ?? node);
        return this.text(`${key}[${i}]`, n);
      });
    }
    if (isScalar(node)) return [this.text(key, node)];
    this.expected(key, 'a string or a list of strings', node);
  }
}

const positive = (n: number): boolean => n > 0;
const atLeastOne = (n: number): boolean => n >= 1;

/**
 * Parses the text of problem.yaml. `file` names the file in error messages.
 * Throws PackageError for bad YAML, unknown keys, wrong types and unsupported problem types.
 */
export function parseProblemYaml(text: string, file: string = PROBLEM_YAML): ProblemSettings {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const { line, col } = lines.linePos(err.pos[0]);
    const reason = err.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
    throw new PackageError(file, `invalid YAML at line ${line}, column ${col}: ${reason}`);
  }
  const r = new YamlReader(file, doc, lines);

  const settings: ProblemSettings = {
    formatVersion: 'legacy',
    legacy: true,
    name: null,
    uuid: null,
    version: null,
    license: null,
    keywords: [],
    languages: 'all',
    constants: {},
    allowFileWriting: false,
    validation: null,
    interactive: false,
    validatorFlags: [],
    limits: {
      timeLimitSec: null,
      acToTimeLimit: null,
      timeLimitToTle: null,
      timeResolutionSec: null,
      memoryMb: DEFAULT_MEMORY_MB,
      outputMb: DEFAULT_OUTPUT_MB,
      codeKb: null,
      compilationTimeSec: null,
      compilationMemoryMb: null,
      validationTimeSec: null,
      validationMemoryMb: null,
      validationOutputMb: null,
      validationPasses: null,
    },
  };

  const root = r.resolve(doc.contents);
  if (root === null) return settings; // empty file
  if (!isMap(root)) {
    throw new PackageError(file, `expected a map of keys at the top level, got ${describe(root)}${r.where(root)}`);
  }

  for (const { key, keyNode, value } of r.entries('problem.yaml', root)) {
    if (!TOP_LEVEL_KEYS.has(key)) r.fail(key, `unknown key`, keyNode);
    if (value === null) continue;
    switch (key) {
      case 'problem_format_version': {
        const v = r.text(key, value);
        if (!/^(legacy|legacy-icpc|draft|\d{4}-\d{2}(-draft)?)$/.test(v)) {
          r.fail(key, `unknown format version ${JSON.stringify(v)} (expected legacy, 2023-07 or 2025-09)`, value);
        }
        settings.formatVersion = v;
        settings.legacy = v === 'legacy' || v === 'legacy-icpc';
        break;
      }
      case 'type':
        if (readType(r, value)) settings.interactive = true;
        break;
      case 'name':
        settings.name = readName(r, value);
        break;
      case 'uuid':
        settings.uuid = r.text(key, value);
        break;
      case 'version':
        settings.version = r.text(key, value);
        break;
      case 'license':
        settings.license = r.string(key, value);
        break;
      case 'author':
      case 'source_url':
        r.string(key, value);
        break;
      case 'credits':
        if (!isMap(value)) r.string(key, value);
        break;
      case 'source':
      case 'rights_owner':
        if (!isMap(value) && !isSeq(value)) r.string(key, value);
        break;
      case 'embargo_until':
        r.text(key, value);
        break;
      case 'keywords':
        settings.keywords = r.stringOrList(key, value);
        break;
      case 'languages': {
        const langs = r.stringOrList(key, value);
        // Legacy: a space-separated string.
        const list = langs.length === 1 ? langs[0].split(/\s+/).filter((s) => s !== '') : langs;
        settings.languages = list.length === 1 && list[0] === 'all' ? 'all' : list;
        break;
      }
      case 'constants':
        settings.constants = readConstants(r, value);
        break;
      case 'allow_file_writing':
        settings.allowFileWriting = r.boolean(key, value);
        break;
      case 'validation':
        settings.validation = readValidation(r, value, settings);
        break;
      case 'validator_flags':
        settings.validatorFlags = readValidatorFlags(r, value);
        break;
      case 'limits':
        readLimits(r, r.map(key, value), settings.limits);
        break;
    }
  }
  return settings;
}

/** Checks `type`; true when the problem is interactive. */
function readType(r: YamlReader, node: Node): boolean {
  const key = 'type';
  const values = r.stringOrList(key, node);
  if (values.length === 0) r.fail(key, 'must not be an empty list', node);
  const seen = new Set<string>();
  for (const v of values) {
    if (!(PROBLEM_TYPES as readonly string[]).includes(v)) {
      r.fail(key, `unknown problem type ${JSON.stringify(v)} (expected one of ${PROBLEM_TYPES.join(', ')})`, node);
    }
    if (seen.has(v)) r.fail(key, `${JSON.stringify(v)} is listed twice`, node);
    seen.add(v);
  }
  const unsupported = values.find((v) => v !== 'pass-fail' && v !== 'interactive');
  if (unsupported !== undefined) {
    r.fail(key, `${unsupported} problems are not supported (only pass-fail, interactive or not)`, node);
  }
  return values.includes('interactive');
}

function readName(r: YamlReader, node: Node): string {
  const key = 'name';
  if (isMap(node)) {
    const names = r.entries(key, node);
    if (names.length === 0) r.fail(key, 'expected at least one language', node);
    const texts = names.map((e) => {
      if (e.value === null) r.expected(`${key}.${e.key}`, 'a string', e.keyNode);
      return { lang: e.key, text: r.text(`${key}.${e.key}`, e.value) };
    });
    return (texts.find((t) => t.lang === 'en') ?? texts[0]).text;
  }
  return r.text(key, node);
}

function readConstants(r: YamlReader, node: Node): Record<string, string | number> {
  const key = 'constants';
  const out: Record<string, string | number> = {};
  for (const e of r.entries(key, r.map(key, node))) {
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(e.key)) r.fail(`${key}.${e.key}`, 'invalid constant name', e.keyNode);
    const v = e.value;
    if (v === null || !isScalar(v) || (typeof v.value !== 'string' && typeof v.value !== 'number')) {
      r.expected(`${key}.${e.key}`, 'a number or a string', v ?? e.keyNode);
    }
    out[e.key] = v.value;
  }
  return out;
}

function readValidation(r: YamlReader, node: Node, settings: ProblemSettings): 'default' | 'custom' {
  const key = 'validation';
  const raw = r.string(key, node);
  const words = raw.trim().split(/\s+/).filter((w) => w !== '');
  const mode = words[0];
  if (mode !== 'default' && mode !== 'custom') {
    r.fail(key, `expected "default" or "custom", got ${JSON.stringify(raw)}`, node);
  }
  for (const w of words.slice(1)) {
    if (w === 'interactive') {
      if (mode !== 'custom') r.fail(key, 'an interactive problem needs "custom" validation (its output validator is the interactor)', node);
      settings.interactive = true;
      continue;
    }
    if (w === 'multi-pass' || w === 'multipass') r.fail(key, 'multi-pass problems are not supported', node);
    if (w === 'score' || w === 'scoring') r.fail(key, 'scoring problems are not supported', node);
    r.fail(key, `unknown option ${JSON.stringify(w)} in ${JSON.stringify(raw)}`, node);
  }
  return mode;
}

function readValidatorFlags(r: YamlReader, node: Node): string[] {
  const key = 'validator_flags';
  if (isScalar(node) && typeof node.value === 'string') {
    return node.value.split(/\s+/).filter((s) => s !== '');
  }
  if (isSeq(node)) return r.stringOrList(key, node);
  r.expected(key, 'a string or a list of strings', node);
}

function readLimits(r: YamlReader, node: YAMLMap, limits: ProblemLimits): void {
  const positiveNumber = 'a positive number';
  let legacyMultiplier: Node | null = null;
  let newMultipliers: Node | null = null;
  for (const { key, keyNode, value } of r.entries('limits', node)) {
    const k = `limits.${key}`;
    if (value === null) {
      if (!LIMIT_KEYS.has(key)) r.fail(k, 'unknown key', keyNode);
      continue;
    }
    switch (key) {
      case 'time_limit':
        limits.timeLimitSec = r.number(k, value, 'a positive number of seconds', positive);
        break;
      case 'time_multipliers': {
        newMultipliers = value;
        for (const m of r.entries(k, r.map(k, value))) {
          const mk = `${k}.${m.key}`;
          if (m.key !== 'ac_to_time_limit' && m.key !== 'time_limit_to_tle') r.fail(mk, 'unknown key', m.keyNode);
          if (m.value === null) continue;
          const n = r.number(mk, m.value, 'a number >= 1', atLeastOne);
          if (m.key === 'ac_to_time_limit') limits.acToTimeLimit = n;
          else limits.timeLimitToTle = n;
        }
        break;
      }
      case 'time_multiplier':
        legacyMultiplier = value;
        limits.acToTimeLimit = r.number(k, value, 'a number >= 1', atLeastOne);
        break;
      case 'time_safety_margin':
        legacyMultiplier = value;
        limits.timeLimitToTle = r.number(k, value, 'a number >= 1', atLeastOne);
        break;
      case 'time_resolution':
        limits.timeResolutionSec = r.number(k, value, 'a positive number of seconds', positive);
        break;
      case 'memory':
        limits.memoryMb = r.number(k, value, 'a positive number (MiB)', positive);
        break;
      case 'output':
        limits.outputMb = r.number(k, value, 'a positive number (MiB)', positive);
        break;
      case 'code':
        limits.codeKb = r.number(k, value, 'a positive number (KiB)', positive);
        break;
      case 'compilation_time':
        limits.compilationTimeSec = r.number(k, value, positiveNumber, positive);
        break;
      case 'compilation_memory':
        limits.compilationMemoryMb = r.number(k, value, positiveNumber, positive);
        break;
      case 'validation_time':
        limits.validationTimeSec = r.number(k, value, positiveNumber, positive);
        break;
      case 'validation_memory':
        limits.validationMemoryMb = r.number(k, value, positiveNumber, positive);
        break;
      case 'validation_output':
        limits.validationOutputMb = r.number(k, value, positiveNumber, positive);
        break;
      case 'validation_passes':
        limits.validationPasses = r.number(k, value, 'an integer >= 2', (n) => Number.isInteger(n) && n >= 2);
        break;
      default:
        r.fail(k, 'unknown key', keyNode);
    }
  }
  if (legacyMultiplier !== null && newMultipliers !== null) {
    r.fail(
      'limits',
      'give either time_multipliers or the legacy time_multiplier/time_safety_margin, not both',
      legacyMultiplier,
    );
  }
}

const LIMIT_KEYS = new Set([
  'time_limit', 'time_multipliers', 'time_multiplier', 'time_safety_margin', 'time_resolution', 'memory',
  'output', 'code', 'compilation_time', 'compilation_memory', 'validation_time', 'validation_memory',
  'validation_output', 'validation_passes',
]);
