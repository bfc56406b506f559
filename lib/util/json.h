// Minimal JSON output helpers (the library writes JSON; it parses JSON with
// protobuf's JSON parser).
#ifndef PARTYSCREEN_LIB_UTIL_JSON_H_
#define PARTYSCREEN_LIB_UTIL_JSON_H_

#include <string>

#include "absl/strings/string_view.h"

namespace partyscreen::internal {

// Appends `s` as a quoted JSON string (UTF-8 kept; control characters,
// quotes and backslashes escaped; invalid UTF-8 bytes replaced by U+FFFD).
void AppendJsonString(absl::string_view s, std::string* out);

// A JSON number for a score: shortest form with at most 4 decimals ("0.9712").
std::string JsonScore(double v);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_UTIL_JSON_H_
