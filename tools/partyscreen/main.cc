// partyscreen command-line tool (skeleton; subcommands are added per issue).
#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: partyscreen COMMAND ...\n");
    return 2;
  }
  std::fprintf(stderr, "partyscreen: unknown command '%s'\n", argv[1]);
  return 2;
}
