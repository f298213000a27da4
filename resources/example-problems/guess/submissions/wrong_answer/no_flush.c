/* Never flushes: the interactor waits for a guess that stays in the buffer, and the program
   waits for a reply. Only the end of the program flushes it, and then it is too late. */
#include <stdio.h>
int main(void) {
    printf("500\n");
    return 0;
}
