// Contestant programs with a known cost, shared by the timing tests and the timing bench.

/** Resident memory the spinner touches first, in bytes (so a stopped run's peak memory can be checked). */
export const SPINNER_TOUCHED_BYTES = 8 << 20;

/** C source that spins until its own CPU clock reads `ms`, then prints "done" (the amount is baked in). */
export const cpuSpinner = (ms: number): string => `#include <stdio.h>
#include <string.h>
#include <time.h>
static char touched[${SPINNER_TOUCHED_BYTES}];
int main(void) {
  memset(touched, 1, sizeof touched);
  struct timespec t;
  do clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); while (t.tv_sec * 1000L + t.tv_nsec / 1000000 < ${ms});
  puts("done");
  return 0;
}
`;
