// Fetching from the JudgeApi into the store. Every failure is stored where its view shows it and
// raised as a notice: nothing is swallowed.
import { clockOffset } from '../shared/clock.ts';
import { messageOf } from '../shared/http.ts';
import { judge } from './api.ts';
import { fetchAllSubmissions } from './paging.ts';
import { useConsole } from './store/index.ts';

const store = useConsole.getState;

/** Runs a request for the judge; on failure shows "<what>: <why>" and resolves to undefined. */
export async function perform<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    store().notify('error', `${what}: ${messageOf(error)}`);
    return undefined;
  }
}

export async function refreshSnapshot(): Promise<void> {
  const sentAt = Date.now();
  try {
    const snapshot = await judge.getSnapshot();
    store().setSnapshot(snapshot, clockOffset(snapshot.clock.serverTime, sentAt, Date.now()));
  } catch (error) {
    store().setSnapshotError(messageOf(error));
    store().notify('error', `Could not load the judging state: ${messageOf(error)}`);
  }
}

export async function reloadSubmissions(): Promise<void> {
  try {
    store().setAllSubmissions(await fetchAllSubmissions(judge));
  } catch (error) {
    store().setSubmissionsError(messageOf(error));
    store().notify('error', `Could not load the submissions: ${messageOf(error)}`);
  }
}

export async function refreshClarifications(): Promise<void> {
  try {
    store().setClarifications(await judge.listClarifications());
  } catch (error) {
    store().setClarificationsError(messageOf(error));
    store().notify('error', `Could not load the clarifications: ${messageOf(error)}`);
  }
}

export async function refreshProblems(): Promise<void> {
  try {
    store().setProblems(await judge.listProblems());
  } catch (error) {
    store().setProblemsError(messageOf(error));
    store().notify('error', `Could not load the problems: ${messageOf(error)}`);
  }
}

export async function refreshTeams(): Promise<void> {
  try {
    store().setTeams(await judge.listTeams());
  } catch (error) {
    store().setTeamsError(messageOf(error));
    store().notify('error', `Could not load the teams: ${messageOf(error)}`);
  }
}

/** The open submission's detail (ignored if another one was opened meanwhile). */
export async function refreshDetail(): Promise<void> {
  const id = store().detailId;
  if (id === null) return;
  try {
    store().setDetail(await judge.getSubmission(id));
  } catch (error) {
    store().setDetailError(id, messageOf(error));
  }
}
