lo, hi = 1, 1000
while True:
    guess = (lo + hi) // 2
    print(guess, flush=True)
    reply = input()
    if reply == 'correct':
        break
    if reply == 'higher':
        lo = guess + 1
    else:
        hi = guess - 1
