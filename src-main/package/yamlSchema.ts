// A package's YAML files (problem.yaml, testdata.yaml, test_group.yaml, <case>.yaml) checked against
// TypeBox schemas: the YAML is parsed with positions kept, keys with an empty value are dropped (an
// empty value counts as absent), and the first schema error becomes one PackageError naming the file,
// the key ("limits.time_limit"), what was expected and what was found, and the line and column.
//
// A schema says what it expects in words with the `expected` annotation (`Type.Number({ expected: 'a
// positive number of seconds' })`); a schema without one is described by its JSON Schema type.

import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { PackageError } from '../common/types.ts';
import { describeValue, fieldPath, pathIn, type FieldPathPart as PathPart } from '../common/fieldWording.ts';

/** A parsed YAML file: its value (maps with empty values dropped) and where each value stands. */
export class YamlFile {
  readonly file: string;
  readonly value: unknown;
  private readonly doc: Document;
  private readonly lines: LineCounter;

  private constructor(file: string, doc: Document, lines: LineCounter) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
    this.value = dropEmpty(doc.toJS({ maxAliasCount: 100 }) as unknown);
  }

  /** Parses `text`; invalid YAML (a tab, a duplicate key, ...) is a PackageError with its line. */
  static parse(text: string, file: string): YamlFile {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      const { line, col } = lines.linePos(err.pos[0]);
      const reason = err.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
      throw new PackageError(file, `invalid YAML at line ${line}, column ${col}: ${reason}`);
    }
    return new YamlFile(file, doc, lines);
  }

  /** The YAML source of the scalar at `path` as written (`version: 1.10` → "1.10"), or null. */
  sourceText(path: PathPart[]): string | null {
    const node = this.doc.getIn(path, true);
    return isScalar(node) && typeof node.source === 'string' ? node.source : null;
  }

  /** " (line 3, column 5)" for the value at `path` (its key's position with `key`), or ''. */
  where(path: PathPart[], key = false): string {
    let node: unknown = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    if (key && path.length > 0) {
      const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
      if (isMap(parent)) {
        const last = String(path[path.length - 1]);
        node = parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === last)?.key ?? node;
      }
    }
    const range = (node as Node | null | undefined)?.range;
    if (!range) return '';
    const { line, col } = this.lines.linePos(range[0]);
    return ` (line ${line}, column ${col})`;
  }

  /** A PackageError about the value at `path`: "file: limits.memory: message (line, column)". */
  fail(path: PathPart[], message: string, atKey = false): PackageError {
    return new PackageError(this.file, `${fieldPath(path)}: ${message}${this.where(path, atKey)}`);
  }
}

/** Removes map entries whose value is null, recursively: `limits:` alone counts as absent. */
function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmpty);
  if (value instanceof Map || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = dropEmpty(v);
  return out;
}

interface SchemaError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function pointerParts(pointer: string): string[] {
  return pointer === '' || pointer === '#' ? [] : pointer.replace(/^#?\//, '').split('/').map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The sub-schema a schema path ("#/properties/limits/properties/memory") points to. */
function schemaAt(schema: TSchema, pointer: string): Record<string, unknown> {
  let node: unknown = schema;
  for (const part of pointerParts(pointer)) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node ?? {}) as Record<string, unknown>;
}

function expectedOf(schema: Record<string, unknown>): string {
  if (typeof schema.expected === 'string') return schema.expected;
  switch (schema.type) {
    case 'object':
      return 'a map';
    case 'array':
      return 'a list';
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'an integer';
    default:
      return typeof schema.type === 'string' ? `a ${schema.type}` : 'another value';
  }
}

/** A checker of one schema, compiled once. */
export class YamlSchema<T extends TSchema> {
  private readonly schema: T;
  private readonly compiled: ReturnType<typeof Compile<T>>;

  constructor(schema: T) {
    this.schema = schema;
    this.compiled = Compile(schema);
  }

  /** The file's value, or a PackageError for its first error (an unknown key before a wrong value). */
  check(yaml: YamlFile, value: unknown = yaml.value): Static<T> {
    if (this.compiled.Check(value)) return value;
    const errors = [...this.compiled.Errors(value)] as SchemaError[];
    const unknown = errors.find((e) => e.keyword === 'additionalProperties');
    if (unknown) {
      const names = unknown.params.additionalProperties;
      const name = Array.isArray(names) ? String(names[0]) : '';
      throw yaml.fail([...pointerParts(unknown.instancePath), name], 'unknown key', true);
    }
    // The outermost error says most: the shallowest value, then the outermost schema there ("expected
    // a string or a list of strings", not one branch's "expected a string").
    const rank = (e: SchemaError): [number, number] => [pointerParts(e.instancePath).length, pointerParts(e.schemaPath).length];
    const first = errors.reduce((best, e) => {
      const [depth, schemaDepth] = rank(e);
      const [bestDepth, bestSchemaDepth] = rank(best);
      return depth < bestDepth || (depth === bestDepth && schemaDepth < bestSchemaDepth) ? e : best;
    });
    const parts = pointerParts(first.instancePath);
    const path = pathIn(value, parts);
    const found = valueAt(value, pointerParts(first.instancePath));
    // A union's branch reports for the union (TypeBox names the branch that failed, not the union).
    const expected = expectedOf(schemaAt(this.schema, first.schemaPath.replace(/(\/anyOf\/\d+)+$/, '')));
    if (path.length === 0) throw new PackageError(yaml.file, `expected ${expected} at the top level, got ${describeValue(found)}${yaml.where([])}`);
    throw yaml.fail(path, `expected ${expected}, got ${describeValue(found)}`);
  }
}

function valueAt(value: unknown, parts: string[]): unknown {
  let v = value;
  for (const p of parts) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}
