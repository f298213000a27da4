# Counts up from 1: runs out of guesses (and then writes to an interactor that has gone).
guess = 1
while True:
    print(guess, flush=True)
    if input() == 'correct':
        break
    guess += 1
