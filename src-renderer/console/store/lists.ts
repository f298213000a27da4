// Problems and teams: loaded at start (their labels and names appear everywhere) and again when
// their views open or the core says problems changed.
import type { StateCreator } from 'zustand';
import type { ConsoleProblem, ConsoleTeam } from '../../../src-main/shared/judgeApi.ts';
import type { ConsoleStore } from './types.ts';

export interface ListsSlice {
  problems: readonly ConsoleProblem[];
  problemsLoaded: boolean;
  problemsError: string | null;
  teams: readonly ConsoleTeam[];
  teamsLoaded: boolean;
  teamsError: string | null;
  setProblems: (problems: readonly ConsoleProblem[]) => void;
  setProblemsError: (error: string | null) => void;
  setTeams: (teams: readonly ConsoleTeam[]) => void;
  setTeamsError: (error: string | null) => void;
}

export const createListsSlice: StateCreator<ConsoleStore, [], [], ListsSlice> = (set) => ({
  problems: [],
  problemsLoaded: false,
  problemsError: null,
  teams: [],
  teamsLoaded: false,
  teamsError: null,
  setProblems: (problems) => set({ problems, problemsLoaded: true, problemsError: null }),
  setProblemsError: (problemsError) => set({ problemsError }),
  setTeams: (teams) => set({ teams, teamsLoaded: true, teamsError: null }),
  setTeamsError: (teamsError) => set({ teamsError }),
});
