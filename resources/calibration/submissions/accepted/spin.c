/* Verdict's calibration workload: a fixed amount of integer work (an xorshift generator stepped n
   times, with a data dependency the compiler cannot fold away), then its final state. The same
   program, input and compiler flags on every judgehost: only the machine's speed differs. */
#include <stdio.h>
#include <stdint.h>

int main(void) {
    unsigned long long n;
    if (scanf("%llu", &n) != 1) return 1;
    uint64_t x = 88172645463325252ULL;
    uint64_t sum = 0;
    for (unsigned long long i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        sum += x % 1000003;
    }
    printf("%llu\n", (unsigned long long)sum);
    return 0;
}
