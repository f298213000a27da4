// Submissions of several files (a folder under submissions/), judged for real by each language's
// compiler: the language and the entry file found as problemtools finds them, all sources of a
// compiled language built together, other files present but not compiled.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { jobFor, type JudgeEngine } from './engine.ts';
import { readPackage } from '../package/readPackage.ts';
import { makePackage, removeTempDirs } from '../package/testUtil.ts';
import { startEngine } from '../test-support/fixtures.ts';
import { languageForFiles, submittedFiles } from '../common/submittedFiles.ts';
import type { JudgeResult } from '../common/results.ts';

let engine: JudgeEngine;
before(async () => {
  engine = await startEngine(1);
});
after(async () => {
  await engine.close();
  removeTempDirs();
});

/** Doubles a number: 21 → 42. */
const doubling = {
  'problem.yaml': 'name: Double\nlimits:\n  time_limit: 5\n',
  'data/secret/1.in': '21\n',
  'data/secret/1.ans': '42\n',
};

/** Judges the one folder submission `files` (names below submissions/accepted/sub/) makes. */
async function judgeFolder(files: Record<string, string>): Promise<{ language: string; result: JudgeResult }> {
  const prefixed = Object.fromEntries(Object.entries(files).map(([name, text]) => [`submissions/accepted/sub/${name}`, text]));
  const pkg = await readPackage(makePackage('double', { ...doubling, ...prefixed }));
  try {
    assert.equal(pkg.submissions.length, 1);
    const folder = pkg.submissions[0].path;
    const language = languageForFiles(engine.languages, submittedFiles(folder).map((f) => f.name));
    assert.ok(language?.available, `no available language for ${Object.keys(files).join(', ')}`);
    return { language: language.id, result: await engine.judge(jobFor(pkg, folder, language.id)) };
  } finally {
    pkg.dispose();
  }
}

describe('submissions of several files', () => {
  test('C++: two sources and a header compiled together; a .txt beside them is not compiled', async () => {
    const { language, result } = await judgeFolder({
      'main.cpp': '#include <iostream>\n#include "twice.hpp"\nint main() { long n; std::cin >> n; std::cout << twice(n) << "\\n"; }\n',
      'twice.cpp': '#include "twice.hpp"\nlong twice(long n) { return 2 * n; }\n',
      'twice.hpp': 'long twice(long n);\n',
      'notes.txt': 'not C++ at all {\n',
    });
    assert.equal(language, 'cpp');
    assert.equal(result.verdict, 'AC', result.compile?.output);
  });

  test('C++: a source left out of the folder is a link error, so CE', async () => {
    const { result } = await judgeFolder({
      'main.cpp': '#include <iostream>\nlong twice(long n);\nint main() { long n; std::cin >> n; std::cout << twice(n) << "\\n"; }\n',
      'helper.cpp': 'long thrice(long n) { return 3 * n; }\n',
    });
    assert.equal(result.verdict, 'CE');
    assert.match(result.compile?.output ?? '', /twice/);
  });

  test('Python: main.py is the entry and imports a module of its own', async () => {
    const { language, result } = await judgeFolder({
      'arith.py': 'def twice(n):\n    return 2 * n\n',
      'main.py': 'import arith\nprint(arith.twice(int(input())))\n',
    });
    assert.equal(language, 'python');
    assert.equal(result.verdict, 'AC', result.compile?.output);
  });

  test('Python: every file is checked, so a syntax error in an unused module is CE', async () => {
    const { result } = await judgeFolder({ 'main.py': 'print(2 * int(input()))\n', 'unused.py': 'def broken(:\n' });
    assert.equal(result.verdict, 'CE');
    assert.match(result.compile?.output ?? '', /unused\.py/);
  });

  test('JavaScript: without a main.*, the first file by name is the entry; every file is checked', async () => {
    const good = await judgeFolder({ 'a.js': 'const { twice } = require("./b.js");\nconsole.log(twice(Number(require("fs").readFileSync(0, "utf8"))));\n', 'b.js': 'exports.twice = (n) => 2 * n;\n' });
    assert.equal(good.language, 'javascript');
    assert.equal(good.result.verdict, 'AC', good.result.compile?.output);
    const broken = await judgeFolder({ 'a.js': 'console.log(42);\n', 'b.js': 'let let = ;\n' });
    assert.equal(broken.result.verdict, 'CE');
  });

  test('Java: classes in packages and folders; the class with main is run, whatever the files are called', async () => {
    const { language, result } = await judgeFolder({
      'util/Twice.java': 'package util;\npublic class Twice { public static long of(long n) { return 2 * n; } }\n',
      'Solution.java': 'package contest.app;\nimport util.Twice;\npublic class Solution {\n  public static void main(String[] args) {\n    System.out.println(Twice.of(new java.util.Scanner(System.in).nextLong()));\n  }\n}\n',
    });
    assert.equal(language, 'java');
    assert.equal(result.verdict, 'AC', result.compile?.output);
  });

  test('Java: no class with main is CE saying so', async () => {
    const { result } = await judgeFolder({ 'Main.java': 'public class Main { static void helper() {} }\n' });
    assert.equal(result.verdict, 'CE');
    assert.match(result.compile?.output ?? '', /no class declares main/);
  });

  test('Go: the files of package main built together', async () => {
    const { language, result } = await judgeFolder({
      'main.go': 'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar n int64\n\tfmt.Scan(&n)\n\tfmt.Println(twice(n))\n}\n',
      'twice.go': 'package main\n\nfunc twice(n int64) int64 { return 2 * n }\n',
    });
    assert.equal(language, 'go');
    assert.equal(result.verdict, 'AC', result.compile?.output);
  });

  test('Kotlin: the file with main is run, a function of another file is called from it', async () => {
    const { language, result } = await judgeFolder({
      'Twice.kt': 'fun twice(n: Long): Long = 2 * n\n',
      'Solve.kt': 'fun main() {\n    val n = readLine()!!.trim().toLong()\n    println(twice(n))\n}\n',
    });
    assert.equal(language, 'kotlin');
    assert.equal(result.verdict, 'AC', result.compile?.output);
  });

  test('a folder without a source of its language is CE naming its files', async () => {
    const pkg = await readPackage(makePackage('double', { ...doubling, 'submissions/accepted/sub/notes.txt': 'x\n' }));
    try {
      const result = await engine.judge(jobFor(pkg, pkg.submissions[0].path, 'c'));
      assert.equal(result.verdict, 'CE');
      assert.match(result.compile?.output ?? '', /no C \(gcc\) source among the submitted files \(notes\.txt\)/);
    } finally {
      pkg.dispose();
    }
  });
});
