// Detection of the writing system of a name: the ISO 15924 code of the
// script most of its letters are written in ("Latn", "Cyrl", "Hani", "Arab",
// ...). The list readers use it to fill `v1::Name.script`.
//
//   DetectScript("Захаров Александр")   // "Cyrl"
//   DetectScript("道通机器人有限公司")      // "Hani"
//   DetectScript("山田 たろう")             // "Jpan"
#ifndef PARTYSCREEN_LIB_SOURCES_SCRIPT_H_
#define PARTYSCREEN_LIB_SOURCES_SCRIPT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace partyscreen::internal {

// The ISO 15924 code of the script of one code point ("Latn" for U+0041),
// or "" when the code point belongs to no single script (digits,
// punctuation, spaces, symbols, combining marks) or to a script this table
// does not know.
absl::string_view ScriptOfCodePoint(uint32_t cp);

// The ISO 15924 code of the main script of UTF-8 text: the script with the
// most letters, ties going to the script seen first. Digits, punctuation,
// spaces and marks do not count. Combinations are folded as ISO 15924 does:
// Han with Hiragana/Katakana (or Hiragana with Katakana) is "Jpan", Han with
// Hangul is "Kore". Returns "" for text without letters, and "Zzzz" when
// every letter is of a script the table does not know. Invalid UTF-8 bytes
// are ignored. Thread-safe.
std::string DetectScript(absl::string_view text);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SOURCES_SCRIPT_H_
