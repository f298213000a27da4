# Wrong: floating point cannot hold every integer up to 10^18 exactly.
a, b = map(float, input().split())
print(int(a + b))
