// Teams' organizations, categories and locations over real HTTP: on the portal's, the public and the
// console's scoreboards (organization under the name, the categories to filter by) and in the console's
// team list. What only hidden teams belong to, and a category the contest folder hides, stay the judges'.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import type { ConsoleTeam } from '../shared/judgeApi.ts';
import type { ScoreboardView } from '../shared/portalApi.ts';
import { PortalClient, testServer } from '../test-support/http.ts';

const root = mkdtempSync(join(tmpdir(), 'verdict-affiliations-test-'));
const contestDir = join(root, 'contest');
let server: Awaited<ReturnType<typeof testServer>>;
let judge: PortalClient;
let team: PortalClient;

/**
 * The sample contest with two more categories and a hidden team: team5 is a guest, team4 also an observer
 * (a category the folder hides), and the hidden team6 alone is in 'staff' and comes from 'secret-lab'.
 */
function writeContest(): void {
  cpSync(resourcePath('sample-contest'), contestDir, { recursive: true });
  const teams = [
    { id: 'team1', name: 'Segfault Society', organization_id: 'north', group_ids: ['participants'], location: 'Hall A, desk 1' },
    { id: 'team2', name: 'Off By One', organization_id: 'north', group_ids: ['participants'] },
    { id: 'team3', name: 'The Recursive Rabbits', organization_id: 'south', group_ids: ['participants'] },
    { id: 'team4', name: 'Null Pointer Exceptionalists', organization_id: 'south', group_ids: ['participants', 'observers'] },
    { id: 'team5', name: 'Big O Notation', group_ids: ['guests'], location: 'Hall B, desk 2' },
    { id: 'team6', name: 'Test Team', organization_id: 'secret-lab', group_ids: ['staff'], hidden: true },
  ];
  writeFileSync(join(contestDir, 'teams.json'), JSON.stringify(teams));
  writeFileSync(
    join(contestDir, 'groups.yaml'),
    '- {id: participants, name: Participants}\n- {id: guests, name: Guests}\n- {id: observers, name: Observers, hidden: true}\n- {id: staff, name: Staff}\n',
  );
  writeFileSync(
    join(contestDir, 'organizations.yaml'),
    '- {id: north, name: North Tech}\n- {id: south, name: South U}\n- {id: secret-lab, name: Secret Lab}\n',
  );
}

before(async () => {
  writeContest();
  server = await testServer({ workers: 1, contestDir, dataDir: join(root, 'data') });
  judge = new PortalClient(server.url);
  assert.equal((await judge.login('judge', 'judge-pass')).status, 200);
  team = new PortalClient(server.url);
  assert.equal((await team.login('team1', 'team1-pass')).status, 200);
});

after(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const rowsOf = (board: ScoreboardView) => Object.fromEntries(board.rows.map((r) => [r.teamId, { affiliation: r.affiliation, groupIds: r.groupIds }]));

describe('the public and the teams', () => {
  const publicRows = {
    team1: { affiliation: 'North Tech', groupIds: ['participants'] },
    team2: { affiliation: 'North Tech', groupIds: ['participants'] },
    team3: { affiliation: 'South U', groupIds: ['participants'] },
    team4: { affiliation: 'South U', groupIds: ['participants'] },
    team5: { affiliation: null, groupIds: ['guests'] },
  };

  test("a team's portal scoreboard: each team's organization and categories, the hidden category and the hidden team's left out", async () => {
    const answer = await team.get<ScoreboardView>('/api/portal/scoreboard');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.groups, [
      { id: 'guests', name: 'Guests' },
      { id: 'participants', name: 'Participants' },
    ]);
    assert.deepEqual(rowsOf(answer.body), publicRows);
  });

  test('the public scoreboard (no login) shows the same', async () => {
    const answer = await new PortalClient(server.url).get<ScoreboardView>('/api/public/scoreboard');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.groups.map((g) => g.id), ['guests', 'participants']);
    assert.deepEqual(rowsOf(answer.body), publicRows);
    assert.doesNotMatch(JSON.stringify(answer.body), /Secret Lab|Staff|Observers/);
  });

  test("the console's public view shows what the teams see", async () => {
    const answer = await judge.post<ScoreboardView>('/api/console/getScoreboard', ['public']);
    assert.equal(answer.status, 200);
    assert.deepEqual(rowsOf(answer.body), publicRows);
  });
});

describe('the judges', () => {
  test("the judges' scoreboard: every category and organization, the hidden team's too", async () => {
    const answer = await judge.post<ScoreboardView>('/api/console/getScoreboard', ['judges']);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.groups.map((g) => g.id), ['guests', 'observers', 'participants', 'staff']);
    const rows = rowsOf(answer.body);
    assert.deepEqual(rows.team4, { affiliation: 'South U', groupIds: ['participants', 'observers'] });
    assert.deepEqual(rows.team6, { affiliation: 'Secret Lab', groupIds: ['staff'] });
  });

  test("the console's team list: organization, categories by name and location", async () => {
    const answer = await judge.post<ConsoleTeam[]>('/api/console/listTeams', []);
    assert.equal(answer.status, 200);
    const byId = new Map(answer.body.map((t) => [t.id, t]));
    assert.deepEqual(
      ['team1', 'team2', 'team4', 'team5', 'team6'].map((id) => {
        const t = byId.get(id);
        return [id, t?.organization, t?.groups, t?.location];
      }),
      [
        ['team1', 'North Tech', ['Participants'], 'Hall A, desk 1'],
        ['team2', 'North Tech', ['Participants'], null],
        ['team4', 'South U', ['Participants', 'Observers'], null],
        ['team5', null, ['Guests'], 'Hall B, desk 2'],
        ['team6', 'Secret Lab', ['Staff'], null],
      ],
    );
  });

  test('a team cannot ask for the console: 403', async () => {
    assert.equal((await team.post('/api/console/listTeams', [])).status, 403);
  });
});
