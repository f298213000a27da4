#!/usr/bin/env python3
# Output validator of "Loading the Truck": validate.py input answer feedback_dir [--points P] < team output.
# Exit 42: accepted; 43: wrong answer (the reason in feedback_dir/judgemessage.txt).
# Without --points a test case is pass-fail: the load must be the heaviest possible (the answer file's).
# With --points P (group 3) any valid load is accepted, and score.txt gives its points: P for the
# heaviest load, 40 % of P within 1 % of it, else 0.
import sys

PARTIAL_SHARE = 0.4
NEAR_FRACTION = 0.99

input_path, answer_path, feedback_dir = sys.argv[1:4]
extra = sys.argv[4:]
points = float(extra[extra.index('--points') + 1]) if '--points' in extra else None


def judge(exit_code, message, score=None):
    with open(feedback_dir + '/judgemessage.txt', 'w') as f:
        f.write(message + '\n')
    if score is not None:
        with open(feedback_dir + '/score.txt', 'w') as f:
            f.write(f'{score:g}\n')
    sys.exit(exit_code)


tokens = open(input_path).read().split()
n, capacity = int(tokens[0]), int(tokens[1])
weights = [int(t) for t in tokens[2:2 + n]]
best = int(open(answer_path).read().split()[0])

output = sys.stdin.read().split()
try:
    numbers = [int(t) for t in output]
except ValueError:
    judge(43, 'the output holds something that is not a whole number')
if not numbers or numbers[0] != len(numbers) - 1:
    judge(43, f'expected k and then k box numbers, got {len(numbers)} numbers')
boxes = numbers[1:]
if any(not 1 <= b <= n for b in boxes) or len(set(boxes)) != len(boxes):
    judge(43, 'a box number out of range or given twice')
load = sum(weights[b - 1] for b in boxes)
if load > capacity:
    judge(43, f'load {load} is over the limit {capacity}')
if load > best:
    print(f'load {load} is heavier than the answer file\'s {best}: the answer file is wrong', file=sys.stderr)
    sys.exit(1)
if points is None:
    judge(42 if load == best else 43, f'load {load}, the heaviest is {best}')
share = 1 if load == best else PARTIAL_SHARE if load >= NEAR_FRACTION * best else 0
judge(42, f'load {load}, the heaviest is {best}: {share:g} of the points', share * points)
