// Country names and codes: ISO 3166-1 alpha-2 from the names publishers and
// users write ("Iran", "Iran, Islamic Republic of", "China", "PRC",
// "Russian Federation", "Korea, North", "Burma", "UK").
#ifndef PARTYSCREEN_LIB_UTIL_COUNTRIES_H_
#define PARTYSCREEN_LIB_UTIL_COUNTRIES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace partyscreen::internal {

// The ISO 3166-1 alpha-2 code (upper case) of a country name or code, or ""
// if it is not recognised. Case, diacritics and punctuation are ignored;
// alpha-2 and alpha-3 codes are accepted. Thread-safe.
std::string CountryCode(absl::string_view name_or_code);

// The English short name of an alpha-2 code ("CN" → "China"), or "".
absl::string_view CountryName(absl::string_view alpha2);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_UTIL_COUNTRIES_H_
