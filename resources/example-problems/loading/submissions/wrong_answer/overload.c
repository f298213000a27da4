/* Loads every box: over the limit everywhere.
 * @EXPECTED_SCORE@: 0 */
#include <stdio.h>

int main(void) {
    int n;
    long long capacity;
    if (scanf("%d %lld", &n, &capacity) != 2) return 1;
    printf("%d\n", n);
    for (int i = 1; i <= n; i++) printf("%d%c", i, i < n ? ' ' : '\n');
    return 0;
}
