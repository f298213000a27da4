# 'a' is the digit 0 in base 26: a word's leading 'a's are lost ("aardvark" comes back as "rdvark").
end, value = input().strip(), input().strip()
if end == 'encode':
    number = 0
    for letter in value:
        number = number * 26 + ord(letter) - ord('a')
    print(number)
else:
    number, letters = int(value), []
    while number > 0:
        letters.append(chr(ord('a') + number % 26))
        number //= 26
    print(''.join(reversed(letters)) or 'a')
