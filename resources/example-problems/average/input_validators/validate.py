#!/usr/bin/env python3
# Input validator of "Average Temperature": validate.py [max_n N] < test.in
# Exit 42: the input is as the statement says; 43: it is not (the reason on stdout).
# max_n lowers the bound on n for a test group (data/secret/01-small/testdata.yaml).
import re
import sys

args = sys.argv[1:]
max_n = int(args[args.index('max_n') + 1]) if 'max_n' in args else 100_000


def invalid(reason):
    print(reason)
    sys.exit(43)


text = sys.stdin.read()
match = re.fullmatch(r'(0|[1-9][0-9]*)\n(-?(?:0|[1-9][0-9]*)(?: -?(?:0|[1-9][0-9]*))*)\n', text)
if not match:
    invalid('expected a line with n, then a line of integers separated by single spaces')
n = int(match.group(1))
if not 1 <= n <= max_n:
    invalid(f'n = {n} is outside [1, {max_n}]')
temperatures = [int(t) for t in match.group(2).split(' ')]
if len(temperatures) != n:
    invalid(f'expected {n} temperatures, got {len(temperatures)}')
if any(not -1000 <= t <= 1000 for t in temperatures):
    invalid('a temperature is outside [-1000, 1000]')
sys.exit(42)
