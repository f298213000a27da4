# Sends the word itself: not a number, rejected in the first pass.
input()
print(input())
