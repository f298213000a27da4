/* Each letter is a digit 1..26 in base 27: 27^12 < 2^63, so every word fits. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char end[16], value[32];
    if (scanf("%15s %31s", end, value) != 2) return 1;
    if (strcmp(end, "encode") == 0) {
        long long number = 0;
        for (const char *c = value; *c; c++) number = number * 27 + (*c - 'a' + 1);
        printf("%lld\n", number);
    } else {
        long long number;
        sscanf(value, "%lld", &number);
        char word[16];
        int n = 0;
        for (; number > 0; number /= 27) word[n++] = (char)('a' + number % 27 - 1);
        for (int i = n - 1; i >= 0; i--) putchar(word[i]);
        putchar('\n');
    }
    return 0;
}
