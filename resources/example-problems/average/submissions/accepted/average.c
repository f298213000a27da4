#include <stdio.h>

int main(void) {
  long n, t, sum = 0;
  scanf("%ld", &n);
  for (long i = 0; i < n; i++) {
    scanf("%ld", &t);
    sum += t;
  }
  printf("%.9f\n", (double)sum / n);
  return 0;
}
