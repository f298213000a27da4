// Team lists in the formats contest people have, merged into a real contest folder.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { loadContest } from './loadContest.ts';
import { ContestError } from './model.ts';
import { generatePassword, importTeamsIntoFolder, parseTeamList } from './teamImport.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-team-import-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function sampleCopy(): string {
  const dir = mkdtempSync(join(scratch, 'contest-'));
  cpSync(resourcePath('sample-contest'), dir, { recursive: true });
  return dir;
}

test('CSV with a header, quotes and optional columns', () => {
  const teams = parseTeamList('id,name,display_name,organization\nt10,"Byte, Me",Byte Me,uni-a\nt11,Lambda Llamas,,\n');
  assert.deepEqual(teams, [
    { id: 't10', name: 'Byte, Me', displayName: 'Byte Me', organization: 'uni-a', username: undefined },
    { id: 't11', name: 'Lambda Llamas', displayName: undefined, organization: undefined, username: undefined },
  ]);
});

test('TSV with a header, DOMjudge teams.tsv, and CLICS JSON', () => {
  assert.equal(parseTeamList('id\tname\tusername\nt1\tOne\tone-login\n')[0].username, 'one-login');
  const domjudge = parseTeamList('teams\t1\n42\text-42\t3\tForty Two\tSome University\tSU\tNLD\n');
  assert.deepEqual(domjudge, [{ id: '42', name: 'Forty Two', organization: 'Some University' }]);
  assert.equal(parseTeamList('[{"id": "a", "name": "A Team", "display_name": "The A Team"}]')[0].displayName, 'The A Team');
});

/** Asserts that parseTeamList refuses `text` with a ContestError whose message matches. */
function refuses(text: string, message: RegExp): void {
  assert.throws(() => parseTeamList(text), (e: unknown) => e instanceof ContestError && message.test(e.message));
}

test('bad lists are refused with the line (CSV, TSV) or entry (JSON) at fault', () => {
  refuses('', /empty/);
  refuses('id,name\n,x\n', /line 2: bad team id ""/);
  refuses('id,name\nok,Fine\n../x,Evil\n', /line 3: bad team id/);
  refuses('id,name\na,One\na,Two\n', /line 3: duplicate team id "a"/);
  refuses('id,name\na,\n', /line 2 \(id "a"\): no name/);
  refuses('team,title\n1,x\n', /at least "id" and "name"/);
  refuses('[{"id": "a", ', /not valid JSON/);
  refuses('[{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]', /entry 2: duplicate team id "a"/);
  refuses('[{"id": "a", "name": {"en": "A"}}]', /entry 1: "name" is not text/);
});

test('quoted fields keep their commas, newlines and doubled quotes', () => {
  const teams = parseTeamList('id,name,organization\nt1,"Null, Pointers",uni-a\nt2,"Two\nLines",\nt3,"The ""Quoted"" Team",uni-b\nt4,O"Brien,\n');
  assert.deepEqual(
    teams.map((t) => [t.id, t.name, t.organization]),
    [
      ['t1', 'Null, Pointers', 'uni-a'],
      ['t2', 'Two\nLines', undefined],
      ['t3', 'The "Quoted" Team', 'uni-b'],
      ['t4', 'O"Brien', undefined],
    ],
  );
  // A line after a record that spans two lines is still named by its own number.
  refuses('id,name\nt1,"Two\nLines"\nt1,Again\n', /line 4: duplicate team id "t1"/);
});

test("a spreadsheet's UTF-8 byte order mark and Windows line ends do not reach the header or the names", () => {
  const teams = parseTeamList('\uFEFFid,name,display_name\r\nt1,"Two\r\nLines",Shown\r\nt2,Plain,\r\n');
  assert.deepEqual(teams.map((t) => [t.id, t.name, t.displayName]), [['t1', 'Two\nLines', 'Shown'], ['t2', 'Plain', undefined]]);
  assert.equal(parseTeamList('\uFEFF"id";"name"\n"t1";"One"\n')[0].name, 'One');
});

test("the separator is read off the header line: ';' as European spreadsheets write, ',' or tab; Excel's sep= line", () => {
  const semicolons = parseTeamList('id;name;organization\nt1;Byte, Me;Université de Liège\nt2;"Semi; Colon";\n');
  assert.deepEqual(semicolons.map((t) => [t.id, t.name, t.organization]), [['t1', 'Byte, Me', 'Université de Liège'], ['t2', 'Semi; Colon', undefined]]);
  const tabs = parseTeamList('id\tname\tdisplay_name\nt1\tComma, Semi; Colon\t\n');
  assert.deepEqual(tabs.map((t) => [t.id, t.name, t.displayName]), [['t1', 'Comma, Semi; Colon', undefined]]);
  // A quoted header name that holds another separator does not decide.
  assert.equal(parseTeamList('"id";"name";"team, display name"\nt1;One;Shown\n')[0].name, 'One');
  assert.deepEqual(parseTeamList('sep=;\nid;name\nt1;One, Two\n').map((t) => t.name), ['One, Two']);
  refuses('sep=;\nid;name\nt1;One\nt1;Again\n', /line 4: duplicate team id "t1"/);
});

test('rows a spreadsheet leaves empty are skipped; a malformed row is refused naming its line', () => {
  assert.deepEqual(parseTeamList('\nid;name\n;\nt1;One\n;;\n\n').map((t) => t.id), ['t1']);
  refuses('id,name\nt1,One\nt2,"Never closed\nt3,Three\n', /line 3: a quoted field is never closed/);
  refuses('id,name\nt1,One\nt2,"Quoted" then not,x\n', /line 3: text after the closing quote of a field/);
  refuses('id,name,organization\nt1,One\nt2,Byte, Me,uni-a\n', /line 3: 4 fields, but the first line names 3 columns/);
});

test('generated passwords are long enough and unambiguous', () => {
  const passwords = new Set(Array.from({ length: 200 }, generatePassword));
  assert.equal(passwords.size, 200);
  for (const p of passwords) assert.match(p, /^[a-km-zA-HJ-NP-Z2-9]{10}$/);
});

test('merging into a contest folder: new teams get accounts, existing ones are updated, the folder still loads', async () => {
  const dir = sampleCopy();
  const result = importTeamsIntoFolder(dir, parseTeamList('id,name\nteam1,Segfault Society Reloaded\nteam6,Six Pack\nteam7,Seven Seas\n'));
  assert.deepEqual([result.added, result.updated, result.accounts.length], [2, 1, 2]);
  assert.deepEqual(result.accounts.map((a) => a.username), ['team6', 'team7']);
  const contest = await loadContest(dir);
  assert.equal(contest.teams.find((t) => t.id === 'team1')?.name, 'Segfault Society Reloaded');
  const six = contest.accounts.find((a) => a.username === 'team6');
  assert.equal(six?.teamId, 'team6');
  assert.equal(six?.password, result.accounts[0].password);
  assert.equal(contest.accounts.filter((a) => a.teamId === 'team1').length, 1, 'team1 keeps its one account');
  assert.equal(statSync(join(dir, 'accounts.json')).mode & 0o077, 0, 'the accounts file (passwords) is private');
  // A taken username gets a suffix.
  const again = importTeamsIntoFolder(dir, parseTeamList('id,name,username\nteam8,Eight,team6\n'));
  assert.equal(again.accounts[0].username, 'team6-2');
});

test('a YAML teams file stays YAML', async () => {
  const dir = sampleCopy();
  const teams = JSON.parse(readFileSync(join(dir, 'teams.json'), 'utf8')) as { id: string; name: string }[];
  rmSync(join(dir, 'teams.json'));
  writeFileSync(join(dir, 'teams.yaml'), teams.map((t) => `- id: ${t.id}\n  name: "${t.name}"\n`).join(''));
  importTeamsIntoFolder(dir, parseTeamList('id,name\nteam9,Nine\n'));
  assert.match(readFileSync(join(dir, 'teams.yaml'), 'utf8'), /team9/);
  assert.equal((await loadContest(dir)).teams.length, 6);
});
