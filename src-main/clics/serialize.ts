// CLICS objects to JSON text through their schemas (fast-json-stringify, as fastify does for the API's
// answers): the store writes every event's data with these, the exporter every package file, so the
// feed, the package and the API give the same objects. A required property missing throws; a property
// the schema does not list is never written.
import fastJson from 'fast-json-stringify';
import type { TSchema } from 'typebox';
import { ApiInfo, OBJECT_SCHEMAS, Scoreboard, type ClicsApiInfo, type ClicsObject, type ClicsScoreboard, type ClicsType } from './schemas.ts';

type Stringify = (value: unknown) => string;

const compiled = new Map<TSchema, Stringify>();

/** The serialiser of a schema, compiled once (a few milliseconds each) on first use. */
function serializerOf(schema: TSchema): Stringify {
  let s = compiled.get(schema);
  if (!s) {
    s = fastJson(schema as Parameters<typeof fastJson>[0]);
    compiled.set(schema, s);
  }
  return s;
}

const collections = new Map<ClicsType, TSchema>();

/** One object of a notification type, as JSON. */
export function clicsJson<T extends ClicsType>(type: T, value: ClicsObject<T>): string {
  return serializerOf(OBJECT_SCHEMAS[type])(value);
}

/** A collection endpoint's array, as JSON. */
export function clicsListJson<T extends ClicsType>(type: T, values: readonly ClicsObject<T>[]): string {
  let schema = collections.get(type);
  if (!schema) {
    schema = { type: 'array', items: OBJECT_SCHEMAS[type] };
    collections.set(type, schema);
  }
  return serializerOf(schema)(values);
}

export function scoreboardText(value: ClicsScoreboard): string {
  return serializerOf(Scoreboard)(value);
}

export function apiInfoJson(value: ClicsApiInfo): string {
  return serializerOf(ApiInfo)(value);
}
