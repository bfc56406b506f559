// PLACEHOLDER: not implemented yet (replaced by the reader's implementation).
#include "lib/sources/readers.h"

namespace partyscreen::internal {

absl::StatusOr<v1::EntityList> ReadOfacXml(absl::string_view, const ReadOptions&) {
  return absl::UnimplementedError("ReadOfacXml is not implemented yet");
}

}  // namespace partyscreen::internal
