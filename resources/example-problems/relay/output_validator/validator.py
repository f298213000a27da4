#!/usr/bin/env python3
# Output validator of "Relay", a multi-pass problem: validator input answer feedback_dir < program's output.
# Pass 1 (input "encode"): the output must be one integer in [0, 2^63); it becomes the input of pass 2,
# written to feedback_dir/nextpass.in. Pass 2 (input "decode"): the output must be the word of the answer.
# Exit 42: accepted (another pass follows when nextpass.in was written); 43: wrong answer.
import os
import sys

input_lines = open(sys.argv[1]).read().split()
word = open(sys.argv[2]).read().strip()
feedback_dir = sys.argv[3]
output = sys.stdin.read().split()


def reject(reason):
    with open(os.path.join(feedback_dir, 'judgemessage.txt'), 'a') as f:
        f.write(reason + '\n')
    sys.exit(43)


if input_lines[0] == 'encode':
    if len(output) != 1 or not output[0].isdigit() or int(output[0]) >= 2**63:
        reject(f'encode: expected one integer in [0, 2^63), got {" ".join(output)[:40]!r}')
    with open(os.path.join(feedback_dir, 'nextpass.in'), 'w') as f:
        f.write(f'decode\n{int(output[0])}\n')
    sys.exit(42)

if output != [word]:
    reject(f'decode: expected {word!r}, got {" ".join(output)[:40]!r}')
with open(os.path.join(feedback_dir, 'judgemessage.txt'), 'a') as f:
    f.write(f'{word!r} relayed as {input_lines[1]}\n')
sys.exit(42)
