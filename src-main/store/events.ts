// The event outbox: every change appends its event(s) to `events` in the transaction of the change, each
// with who may see it (eventAudience.ts); listeners hear about them only after that transaction has
// committed, never those of one rolled back. Reading them back: the event feed's pages, by token.
import type { ClicsObject } from '../clics/schemas.ts';
import { clicsJson } from '../clics/serialize.ts';
import { intId, type StoreDatabase } from './db.ts';
import { EVERYONE, eventAudience, storedAudience } from './eventAudience.ts';
import { StoreError, type EventOp, type EventRow, type EventType, type StoredEvent } from './rows.ts';

/** Default page size of `since`. */
const DEFAULT_EVENTS_LIMIT = 1000;

export type EventListener = (e: StoredEvent) => void;

/** An event as read, its data still the stored JSON text. */
export type StoredEventJson = Omit<StoredEvent, 'data'> & { data: string | null };

function mapEvent(r: StoredEventJson): StoredEvent {
  return { ...r, data: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>) };
}

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  return {
    insertEvent: p('INSERT INTO events (type, obj_id, op, data, time, audience) VALUES (?, ?, ?, ?, ?, ?)'),
    loadEvent: p('INSERT INTO events (token, type, obj_id, op, data, time, audience) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    eventsSince: p('SELECT CAST(token AS TEXT) AS token, type, obj_id AS id, op, data, time, audience FROM events e WHERE e.token > ? ORDER BY e.token LIMIT ?'),
    // Events of one audience after a token, in token order: a range of the index events_audience (audience, token).
    audienceEventsSince: p('SELECT CAST(e.token AS TEXT) AS token, type, obj_id AS id, op, data, time, audience FROM events e WHERE e.audience = ? AND e.token > ? ORDER BY e.token LIMIT ?'),
    lastEventToken: p('SELECT CAST(max(token) AS TEXT) FROM events'),
    teamOfSubmission: p('SELECT team_id FROM submissions WHERE id = ?'),
    closedForUpdates: p('SELECT 1 FROM contest WHERE singleton = 1 AND end_of_updates_at IS NOT NULL'),
  };
}

export class EventLog {
  private readonly db: StoreDatabase;
  private readonly s: ReturnType<typeof prepareStatements>;
  /** Events appended by the open transaction, delivered once it commits. */
  private pending: StoredEvent[] = [];
  /** Committed events waiting to be delivered (a listener may cause more). */
  private outbox: StoredEvent[] = [];
  private delivering = false;
  private readonly listeners = new Set<EventListener>();

  constructor(db: StoreDatabase) {
    this.db = db;
    this.s = prepareStatements(db);
    db.watch({
      mark: () => this.pending.length,
      rolledBack: (mark) => {
        this.pending.length = mark;
      },
      committed: () => {
        if (this.pending.length === 0) return;
        const committed = this.pending;
        this.pending = [];
        this.deliver(committed);
      },
    });
  }

  /**
   * Appends an event, inside the transaction of its change: `data` is written through its CLICS schema
   * (clics/serialize.ts), so the event feed, which sends the stored text, sends exactly the objects the API
   * serves. `audience` overrides who may see it (undefined: worked out from the event, eventAudience.ts).
   */
  append<T extends EventType>(type: T, id: string | null, op: EventOp, data: ClicsObject<T> | null, time: number, audience?: string): void {
    if (!this.db.inTransaction) throw new Error('store: an event must be appended inside the transaction of its change');
    // The state event that sets end_of_updates is the feed's last: after it, no change may be announced (the
    // repositories refuse the changes people ask for with their own words; this catches any other).
    if (type !== 'state' && this.s.closedForUpdates.get() !== undefined) {
      throw new StoreError('conflict', `the contest is closed for updates (its results are final and released, end_of_updates): its ${type} cannot change any more`);
    }
    const json = data === null ? null : clicsJson(type, data);
    const object = json === null ? null : (JSON.parse(json) as Record<string, unknown>);
    const shown = audience ?? storedAudience(eventAudience({ type, id, data: object }, this.teamOfSubmission));
    const token = this.s.insertEvent.run(type, id, op, json, time, shown).lastInsertRowid;
    this.pending.push({ token: String(token), type, id, op, data: object, time, audience: shown });
  }

  private deliver(events: StoredEvent[]): void {
    for (const e of events) this.outbox.push(e);
    if (this.delivering) return; // the loop below is already running further up the stack: keep the order
    this.delivering = true;
    try {
      for (let i = 0; i < this.outbox.length; i++) {
        const e = this.outbox[i];
        for (const listener of [...this.listeners]) {
          try {
            listener(e);
          } catch (err) {
            // The change is committed whatever a listener does; report and go on with the others.
            console.error(`verdict store: event listener failed on ${e.type} ${e.id ?? ''}:`, err);
          }
        }
      }
    } finally {
      this.outbox = [];
      this.delivering = false;
    }
  }

  /** `listener` is called synchronously after each commit, once per event, in token order. Returns unsubscribe. */
  subscribe(listener: EventListener): () => void {
    const wrapped: EventListener = (e) => listener(e);
    this.listeners.add(wrapped);
    return () => {
      this.listeners.delete(wrapped);
    };
  }

  /** Events after `token` (all when null), in order, each with its audience; with `team`, only those that team may see (read by index). */
  since(token: string | null, limit: number = DEFAULT_EVENTS_LIMIT, team?: string): StoredEvent[] {
    return this.jsonSince(token, limit, team).map(mapEvent);
  }

  /** The same, each event's data left as the stored JSON text: for writing events out as they are, with no parse. */
  jsonSince(token: string | null, limit: number = DEFAULT_EVENTS_LIMIT, team?: string): StoredEventJson[] {
    const after = token === null ? 0 : intId(token);
    if (after === null) throw new StoreError('invalid', `not an event token: ${JSON.stringify(token)}`);
    if (team === undefined) return this.s.eventsSince.all(after, limit) as StoredEventJson[];
    // A team's: everyone's and its own, two ranges of the audience index read in token order and merged, so a
    // page costs at most twice its length however much history follows it (one IN (...) query sorted it all).
    const everyone = this.s.audienceEventsSince.all(EVERYONE, after, limit) as StoredEventJson[];
    const own = this.s.audienceEventsSince.all(team, after, limit) as StoredEventJson[];
    const page: StoredEventJson[] = [];
    for (let i = 0, j = 0; page.length < limit && (i < everyone.length || j < own.length); ) {
      page.push(j === own.length || (i < everyone.length && Number(everyone[i].token) < Number(own[j].token)) ? everyone[i++] : own[j++]);
    }
    return page;
  }

  lastToken(): string | null {
    return (this.s.lastEventToken.pluck().get() as string | null) ?? null;
  }

  /**
   * A history's event log as it was (tokens and times kept), each event's audience worked out as when it was
   * appended: `hiddenTeams` are the teams hidden in that history; once the results were `released`, its awards
   * are everyone's. Inside the transaction that loads the rest of the history (the submissions first).
   */
  loadHistory(events: readonly EventRow[], hiddenTeams: ReadonlySet<string>, released: boolean): void {
    for (const e of events) {
      const audience = e.type === 'awards' && released ? EVERYONE : storedAudience(eventAudience(e, this.teamOfSubmission, (id) => hiddenTeams.has(id)));
      this.s.loadEvent.run(Number(e.token), e.type, e.id, e.op, e.data === null ? null : JSON.stringify(e.data), e.time, audience);
    }
  }

  /** The team of a submission (null when there is none), for events that name only the submission. */
  private readonly teamOfSubmission = (id: string): string | null => {
    const n = intId(id);
    return n === null ? null : ((this.s.teamOfSubmission.pluck().get(n) as string | undefined) ?? null);
  };
}
