#!/usr/bin/env python3
# Output validator of "Magic Square", a submit-answer problem: validator input answer feedback_dir < the answer.
# Any 3x3 grid of 1..9, each once, whose rows, columns and diagonals have one sum is accepted (exit 42);
# anything else is a wrong answer (exit 43, the reason in feedback_dir/judgemessage.txt).
import os
import sys

feedback_dir = sys.argv[3]


def reject(reason):
    with open(os.path.join(feedback_dir, 'judgemessage.txt'), 'w') as f:
        f.write(reason + '\n')
    sys.exit(43)


tokens = sys.stdin.read().split()
if len(tokens) != 9 or not all(t.isdigit() for t in tokens):
    reject(f'expected nine numbers, got {" ".join(tokens)[:60]!r}')
grid = [[int(t) for t in tokens[row * 3:row * 3 + 3]] for row in range(3)]
if sorted(sum(grid, [])) != list(range(1, 10)):
    reject('the grid must hold each of 1 to 9 once')
lines = grid + [list(column) for column in zip(*grid)] + [[grid[i][i] for i in range(3)], [grid[i][2 - i] for i in range(3)]]
sums = {sum(line) for line in lines}
if len(sums) != 1:
    reject(f'the rows, columns and diagonals have different sums: {sorted(sums)}')
sys.exit(42)
