# Tries every set of boxes where n <= 15; otherwise loads nothing: group 1 only.
# @EXPECTED_SCORE@: 20
n, capacity = map(int, input().split())
w = list(map(int, input().split()))
best, best_mask = 0, 0
if n <= 15:
    for mask in range(1 << n):
        load = sum(w[i] for i in range(n) if mask >> i & 1)
        if best < load <= capacity:
            best, best_mask = load, mask
chosen = [i + 1 for i in range(n) if best_mask >> i & 1]
print(len(chosen))
print(*chosen)
