# Heaviest box first: never the heaviest load in groups 1 and 2 (wrong answer), near it in group 3.
n, capacity = map(int, input().split())
w = list(map(int, input().split()))
load, chosen = 0, []
for i in sorted(range(n), key=lambda i: -w[i]):
    if load + w[i] <= capacity:
        load += w[i]
        chosen.append(i + 1)
print(len(chosen))
print(*chosen)
