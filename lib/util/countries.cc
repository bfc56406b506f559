// PLACEHOLDER: the full table lands with the OFAC reader work.
#include "lib/util/countries.h"

namespace partyscreen::internal {

std::string CountryCode(absl::string_view) { return ""; }
absl::string_view CountryName(absl::string_view) { return ""; }

}  // namespace partyscreen::internal
