#include <stdio.h>
#include "greet.h"

int main(void) {
  const char *text = greeting();
  printf("%s (checksum %d)\n", text, checksum(text));
  return 0;
}
