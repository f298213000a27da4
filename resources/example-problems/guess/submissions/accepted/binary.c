#include <stdio.h>
#include <string.h>

int main(void) {
    int lo = 1, hi = 1000;
    char reply[32];
    for (;;) {
        int guess = (lo + hi) / 2;
        printf("%d\n", guess);
        fflush(stdout);
        if (scanf("%31s", reply) != 1 || strcmp(reply, "correct") == 0) return 0;
        if (strcmp(reply, "higher") == 0) lo = guess + 1;
        else hi = guess - 1;
    }
}
