# Each letter is a digit 1..26 in base 27: no letter is 0, so leading 'a's are kept.
end, value = input().strip(), input().strip()
if end == 'encode':
    number = 0
    for letter in value:
        number = number * 27 + ord(letter) - ord('a') + 1
    print(number)
else:
    number, letters = int(value), []
    while number > 0:
        letters.append(chr(ord('a') + number % 27 - 1))
        number //= 27
    print(''.join(reversed(letters)))
