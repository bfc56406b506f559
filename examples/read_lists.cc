// Reads the list files named on the command line and prints, for each, its
// id, publication date and entity count.
//
//   read_lists data/lists/us_csl/consolidated.csv data/lists/un_sc/consolidated.xml
#include <cstdio>

#include "partyscreen/sources.h"

int main(int argc, char** argv) {
  int rc = 0;
  for (int i = 1; i < argc; ++i) {
    auto list = partyscreen::ReadList(argv[i]);
    if (!list.ok()) {
      std::fprintf(stderr, "%s\n", std::string(list.status().message()).c_str());
      rc = 2;
      continue;
    }
    std::printf("%s\t%s\t%d entities\n", list->source().list_id().c_str(),
                list->source().publication_date().c_str(), list->entities_size());
  }
  return rc;
}
