# Counts up to a + b one step at a time... and never stops when the sum is negative.
a, b = map(int, input().split())
total = 0
while total != a + b:
    total += 1
print(total)
