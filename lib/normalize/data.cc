#include "lib/normalize/data.h"

#include <cstring>

namespace partyscreen::internal {

absl::string_view EmbeddedDataFile(absl::string_view name) {
  for (const EmbeddedFile* f = EmbeddedDataFiles(); f->name[0] != '\0'; ++f) {
    if (name == f->name) return f->data;
  }
  return {};
}

}  // namespace partyscreen::internal
