#include "greet.h"

const char *greeting(void) { return "hello from the sample app"; }

int checksum(const char *text) {
  int sum = 0;
  while (*text) sum = (sum * 31 + *text++) & 0xffff;
  return sum;
}
