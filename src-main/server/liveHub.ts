// Server-Sent Events to portals and consoles. Each store event goes to the clients allowed to
// see it; writes are coalesced per client and flushed once per tick, so a burst of events costs
// one write per client and 1000 open clients are all reached within milliseconds.
import type { ServerResponse } from 'node:http';
import type { StoredEvent } from '../store/store.ts';
import { maySee } from '../store/eventAudience.ts';
import type { LiveSink } from '../core/liveFanout.ts';

/** Comment lines keep idle connections (and proxies) from timing out. */
const KEEPALIVE_MS = 15_000;
/** Open streams per team: a few tabs per contestant is plenty; more is a way to exhaust the server. */
export const MAX_STREAMS_PER_TEAM = 12;

/** A client whose socket buffers this much is too slow to follow: it is dropped and reconnects. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface LiveClient {
  /** null: a judge (sees everything). */
  teamId: string | null;
  response: ServerResponse;
  pending: string[];
}

export class LiveHub implements LiveSink {
  private readonly clients = new Set<LiveClient>();
  private flushScheduled = false;
  private readonly keepalive: NodeJS.Timeout;

  constructor() {
    this.keepalive = setInterval(() => this.broadcastRaw(': keepalive\n\n'), KEEPALIVE_MS);
    this.keepalive.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** How many streams a team has open (judges are not limited). */
  streamsOf(teamId: string): number {
    let n = 0;
    for (const client of this.clients) if (client.teamId === teamId) n++;
    return n;
  }

  /** Takes over an HTTP response as an event stream. */
  add(response: ServerResponse, teamId: string | null, lastEventToken: string | null): LiveClient {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // Teams get no event tokens: counting the gaps between them would count the events they cannot see.
    const client: LiveClient = { teamId, response, pending: [`retry: 2000\n: connected ${teamId === null ? (lastEventToken ?? '') : ''}\n\n`] };
    this.clients.add(client);
    response.on('close', () => this.clients.delete(client));
    this.scheduleFlush();
    return client;
  }

  /** A store event, to every client allowed to see it (by the audience the store keeps with it: no lookup here). */
  publish(event: StoredEvent): void {
    const body = `event: ${event.type}\ndata: ${JSON.stringify({ id: event.id, op: event.op, data: event.data })}\n\n`;
    const judgesFrame = `id: ${event.token}\n${body}`;
    for (const client of this.clients) {
      if (client.teamId === null) client.pending.push(judgesFrame);
      else if (maySee(event.audience, client.teamId)) client.pending.push(body);
    }
    this.scheduleFlush();
  }

  /** Judges-only events, e.g. worker and queue state for consoles. */
  publishToJudges(type: string, data: unknown): void {
    const frame = `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of this.clients) if (client.teamId === null) client.pending.push(frame);
    this.scheduleFlush();
  }

  /** An event for one team's clients only. */
  publishToTeam(teamId: string, type: string, data: unknown): void {
    const frame = `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of this.clients) if (client.teamId === teamId) client.pending.push(frame);
    this.scheduleFlush();
  }

  /** An event every client gets. */
  publishToAll(type: string, data: unknown): void {
    this.broadcastRaw(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** An event every team's client gets (judges' clients not). */
  publishToTeams(type: string, data: unknown): void {
    const frame = `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of this.clients) if (client.teamId !== null) client.pending.push(frame);
    this.scheduleFlush();
  }

  close(): void {
    clearInterval(this.keepalive);
    for (const client of this.clients) client.response.end();
    this.clients.clear();
  }

  private broadcastRaw(frame: string): void {
    for (const client of this.clients) client.pending.push(frame);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      for (const client of this.clients) {
        if (client.pending.length === 0) continue;
        if (client.response.writableLength > MAX_BUFFERED_BYTES) {
          client.response.destroy();
          this.clients.delete(client);
          continue;
        }
        client.response.write(client.pending.join(''));
        client.pending = [];
      }
    });
  }
}
