// The judgehosts as the console lists them (the local one, then each remote one the server has
// heard from, gone ones too), with each one's speed factor against the local judgehost's
// calibration, and a judge's order to one of them (pause, drain, resume). A pause is kept in the
// store: after a restart of the server the local judgehost stays paused, and a remote one is paused
// again when it next beats.
import type { CoreContext } from '../core/context.ts';
import { isOffSpeed, speedFactor } from '../judging/calibration.ts';
import { judgementIdOf } from '../judging/judgingService.ts';
import { LOCAL_JUDGEHOST_ID, type JudgehostOrder, type JudgehostView } from '../shared/judgeApi.ts';
import { ConsoleError } from './consoleError.ts';

const REMOTE_PREFIX = 'remote:';
/** The setting (store/settings.ts) listing the judgehosts a judge paused, by id (a JSON array). */
const PAUSED_SETTING = 'paused-judgehosts';

export function judgehostViews(ctx: CoreContext): JudgehostView[] {
  const { engine } = ctx;
  const submissionOf = new Map(ctx.judging.running().map((l) => [l.judgementId, l.submissionId]));
  const submissionsOf = (judgementIds: string[]) => judgementIds.flatMap((id) => submissionOf.get(id) ?? []);
  const calibration = engine.local.calibration;
  const referenceMs = calibration && 'medianMs' in calibration ? calibration.medianMs : null;
  const local: JudgehostView = {
    id: LOCAL_JUDGEHOST_ID,
    name: 'local (this server)',
    local: true,
    workers: engine.localWorkers,
    sandbox: engine.host.sandbox.level,
    languages: engine.availableLanguageIds,
    state: engine.local.paused ? 'paused' : 'live',
    lastHeartbeatAt: null,
    goneAt: null,
    submissionIds: submissionsOf(engine.local.jobIds.map(judgementIdOf)),
    judged: null,
    calibrationMs: referenceMs,
    calibrationError: calibration && 'error' in calibration ? calibration.error : null,
    speedFactor: referenceMs === null ? null : 1,
    offSpeed: false,
  };
  const remote = (engine.remote?.judgehostList() ?? []).map((j): JudgehostView => {
    const factor = speedFactor(j.calibrationMs, referenceMs);
    return {
      id: `${REMOTE_PREFIX}${j.name}`,
      name: j.name,
      local: false,
      workers: j.workers,
      sandbox: j.sandbox,
      languages: j.languages,
      state: j.state,
      lastHeartbeatAt: j.seenAt,
      goneAt: j.goneAt,
      submissionIds: submissionsOf(j.judgementIds),
      judged: j.judged,
      calibrationMs: j.calibrationMs,
      calibrationError: null,
      speedFactor: factor,
      offSpeed: isOffSpeed(factor),
    };
  });
  return [local, ...remote.sort((a, b) => a.name.localeCompare(b.name))];
}

/** A judge's order to one judgehost; the local one may be paused and resumed, not drained (the server keeps running). */
export function orderJudgehost(ctx: CoreContext, judgehostId: string, mode: JudgehostOrder): void {
  if (judgehostId === LOCAL_JUDGEHOST_ID) {
    if (mode === 'draining') throw new ConsoleError('invalid', 'the local judgehost cannot be drained (it is part of the server): pause it instead');
    ctx.engine.local.setPaused(mode === 'paused');
    keepPaused(ctx, judgehostId, mode === 'paused');
    return;
  }
  const remote = ctx.engine.remote;
  const name = judgehostId.startsWith(REMOTE_PREFIX) ? judgehostId.slice(REMOTE_PREFIX.length) : null;
  const current = name === null ? undefined : remote?.judgehostList().find((j) => j.name === name);
  if (!remote || name === null || !current) throw new ConsoleError('not_found', `no judgehost ${judgehostId}`);
  // Its process is already stopping once its judgings are reported: it cannot be called back, only started again.
  if (current.state === 'draining' && mode !== 'draining') throw new ConsoleError('conflict', `judgehost ${name} is draining: it stops once its judgings are reported; start it again to have it judge`);
  remote.setJudgehostMode(name, mode);
  // A drained judgehost judges again when it is started again: only a pause outlives the server.
  keepPaused(ctx, judgehostId, mode === 'paused');
}

/** Adds the judgehost to the paused ones kept in the store, or takes it off. */
function keepPaused(ctx: CoreContext, judgehostId: string, paused: boolean): void {
  const ids = new Set(pausedIds(ctx));
  if (paused === ids.has(judgehostId)) return;
  if (paused) ids.add(judgehostId);
  else ids.delete(judgehostId);
  ctx.store.settings.set(PAUSED_SETTING, JSON.stringify([...ids].sort()));
}

function pausedIds(ctx: CoreContext): string[] {
  const value = ctx.store.settings.get(PAUSED_SETTING);
  if (value === null) return [];
  try {
    const ids = JSON.parse(value) as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** At the server's start, before judging starts: the judgehosts a judge paused stay paused (a remote one from its first heartbeat). */
export function restorePausedJudgehosts(ctx: CoreContext): void {
  for (const id of pausedIds(ctx)) {
    if (id === LOCAL_JUDGEHOST_ID) ctx.engine.local.setPaused(true);
    else if (id.startsWith(REMOTE_PREFIX)) ctx.engine.remote?.pauseOnArrival(id.slice(REMOTE_PREFIX.length));
  }
}
