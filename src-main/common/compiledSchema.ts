// TypeBox schemas compiled once each: a compiled check is about ten times faster than Value.Check,
// and the contest folder's lists and every console request are checked against the same schemas
// over and over.
import type { TProperties, TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';

const validators = new WeakMap<TSchema, Validator>();

/** `schema`'s compiled checker, compiled on first use. */
export function compiledSchema<S extends TSchema>(schema: S): Validator<TProperties, S> {
  let v = validators.get(schema);
  if (v === undefined) {
    v = Compile(schema);
    validators.set(schema, v);
  }
  return v as Validator<TProperties, S>;
}
