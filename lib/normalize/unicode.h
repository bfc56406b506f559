// Small Unicode helpers of the normalizer: UTF-8 validation, decoding and
// encoding, and character classes. Thread-safe (pure functions).
#ifndef PARTYSCREEN_LIB_NORMALIZE_UNICODE_H_
#define PARTYSCREEN_LIB_NORMALIZE_UNICODE_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace partyscreen::internal {

// Byte offset of the first invalid UTF-8 sequence of `s` (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or npos.
size_t FindInvalidUtf8Offset(absl::string_view s);

// True if every byte of `s` is below 0x80.
bool IsAscii(absl::string_view s);

// Decodes valid UTF-8 (check with FindInvalidUtf8Offset first).
std::u32string DecodeUtf8(absl::string_view s);

// Appends the UTF-8 form of `c` / `s` to `out`.
void AppendUtf8(char32_t c, std::string* out);
std::string EncodeUtf8(const std::u32string& s);

// True for characters that look like an apostrophe and are dropped inside
// words: ' ` ´ ‘ ’ ʹ ʺ ʻ ʼ ʽ ʾ ʿ ˈ ′ ׳ ״ and similar.
bool IsApostropheLike(char32_t c);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_NORMALIZE_UNICODE_H_
