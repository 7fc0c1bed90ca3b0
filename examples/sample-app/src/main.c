#include <stdio.h>
#include "greet.h"

int main(void) {
  const char *text = greeting();
  /* __DATE__ and __TIME__ follow SOURCE_DATE_EPOCH when it is set: a classic source of drift. */
  printf("%s (checksum %d), built %s %s\n", text, checksum(text), __DATE__, __TIME__);
  return 0;
}
