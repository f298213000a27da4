// Validation against Verdict's CLICS schemas (clics/schemas.ts), strictly (every object is closed), for tests:
// an endpoint's answer, a package file, an event feed line. Failures name the path and the rule.
import assert from 'node:assert/strict';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Notification, OBJECT_SCHEMAS, type ClicsType } from '../clics/schemas.ts';

const validators = new Map<TSchema, ReturnType<typeof Compile>>();

function validatorOf(schema: TSchema): ReturnType<typeof Compile> {
  let v = validators.get(schema);
  if (!v) {
    v = Compile(schema);
    validators.set(schema, v);
  }
  return v;
}

/** The errors of `value` against `schema` ("/rows/0/score: must not have additional properties"), none when it conforms. */
function clicsErrors(schema: TSchema, value: unknown): string[] {
  const v = validatorOf(schema);
  if (v.Check(value)) return [];
  return [...v.Errors(value)].slice(0, 5).map((e) => `${e.instancePath || '/'}: ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`);
}

/** Fails unless `value` conforms to `schema`. */
export function assertConforms(schema: TSchema, value: unknown, what: string): void {
  const errors = clicsErrors(schema, value);
  assert.deepEqual(errors, [], `${what} does not conform: ${errors.join('; ')}`);
}

/** Fails unless `value` is an array of objects of `type`. */
export function assertCollection(type: ClicsType, value: unknown, what: string): void {
  assert.ok(Array.isArray(value), `${what}: an array`);
  value.forEach((item, i) => assertConforms(OBJECT_SCHEMAS[type], item, `${what}[${i}]`));
}

/** Fails unless every line of an NDJSON feed is a notification of our schemas (blank keep-alive lines allowed). */
export function assertFeed(text: string, what: string): { type: ClicsType; id: string | null; data: Record<string, unknown> | null; token: string }[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    const event = JSON.parse(line) as { type: ClicsType; id: string | null; data: Record<string, unknown> | null; token: string };
    assertConforms(Notification, event, `${what} line ${i + 1} (${line.slice(0, 80)})`);
    return event;
  });
}

/** The ids an object refers to, by the type of the object referred to (CLICS "referential integrity"). */
function references(type: ClicsType, data: Record<string, unknown>): [ClicsType, string][] {
  const out: [ClicsType, string][] = [];
  const one = (t: ClicsType, v: unknown) => {
    if (typeof v === 'string') out.push([t, v]);
  };
  const many = (t: ClicsType, v: unknown) => {
    if (Array.isArray(v)) for (const x of v) one(t, x);
  };
  switch (type) {
    case 'teams':
      one('organizations', data.organization_id);
      many('groups', data.group_ids);
      break;
    case 'submissions':
      one('languages', data.language_id);
      one('problems', data.problem_id);
      one('teams', data.team_id);
      break;
    case 'judgements':
      one('submissions', data.submission_id);
      one('judgement-types', data.judgement_type_id);
      break;
    case 'runs':
      one('judgements', data.judgement_id);
      one('judgement-types', data.judgement_type_id);
      break;
    case 'clarifications':
      one('teams', data.from_team_id);
      many('teams', data.to_team_ids);
      one('clarifications', data.reply_to_id);
      one('problems', data.problem_id);
      break;
    case 'awards':
      many('teams', data.team_ids);
      break;
  }
  return out;
}

/**
 * The feed's referential integrity: every object an event refers to exists (was created and not deleted)
 * when the event comes, and the first event is the contest. Returns the problems found.
 */
export function integrityProblems(events: readonly { type: ClicsType; id: string | null; data: Record<string, unknown> | null }[]): string[] {
  const live = new Map<ClicsType, Set<string>>();
  const problems: string[] = [];
  if (events[0]?.type !== 'contest') problems.push(`the feed starts with ${events[0]?.type ?? 'nothing'}, not the contest`);
  events.forEach((e, i) => {
    if (e.data !== null) {
      for (const [type, id] of references(e.type, e.data)) {
        if (!live.get(type)?.has(id)) problems.push(`event ${i + 1} (${e.type} ${e.id ?? ''}) refers to ${type} ${id}, not created before it`);
      }
    }
    if (e.id === null) return;
    const ids = live.get(e.type) ?? new Set<string>();
    live.set(e.type, ids);
    if (e.data === null) ids.delete(e.id);
    else ids.add(e.id);
  });
  return problems;
}
