#!/usr/bin/env python3
# Interactor of "Guess the Number": interactor input answer feedback_dir < program's output > program's input.
# Exit 42: accepted; 43: wrong answer (the reason in feedback_dir/judgemessage.txt).
import os
import sys

MAX_GUESSES = 10
secret = int(open(sys.argv[1]).read().split()[0])
feedback_dir = sys.argv[3]


def reject(reason):
    with open(feedback_dir + '/judgemessage.txt', 'w') as f:
        f.write(reason + '\n')
    # At once, without flushing: the program may be gone, and what is left unsent must not fail the exit.
    os._exit(43)


for guess_number in range(1, MAX_GUESSES + 1):
    line = sys.stdin.readline()
    if not line:
        reject(f'the program stopped before guessing the number (after {guess_number - 1} guesses)')
    try:
        guess = int(line)
    except ValueError:
        reject(f'guess {guess_number} is not a number: {line.strip()[:40]!r}')
    if not 1 <= guess <= 1000:
        reject(f'guess {guess_number} is out of range: {guess}')
    if guess == secret:
        print('correct', flush=True)
        sys.exit(42)
    try:
        print('higher' if guess < secret else 'lower', flush=True)
    except BrokenPipeError:
        reject('the program stopped listening')
reject(f'{MAX_GUESSES} guesses without finding {secret}')
