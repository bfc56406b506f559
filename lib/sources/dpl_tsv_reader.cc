// PLACEHOLDER: not implemented yet (replaced by the reader's implementation).
#include "lib/sources/readers.h"

namespace partyscreen::internal {

absl::StatusOr<v1::EntityList> ReadDplTsv(absl::string_view, const ReadOptions&) {
  return absl::UnimplementedError("ReadDplTsv is not implemented yet");
}

}  // namespace partyscreen::internal
