// Decoding of list files to UTF-8: BOMs, UTF-16, Windows-1252, validation.
#ifndef PARTYSCREEN_LIB_SOURCES_TEXT_H_
#define PARTYSCREEN_LIB_SOURCES_TEXT_H_

#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"

namespace partyscreen::internal {

enum class Legacy8Bit {
  kReject,       // invalid UTF-8 is an error naming the line and byte offset
  kWindows1252,  // the publisher is known to ship Windows-1252: decode it
};

struct DecodedText {
  std::string text;          // UTF-8, BOM removed, trailing DOS EOF (0x1A) removed
  std::string encoding;      // "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1252"
};

// Decodes `bytes` (the content of `file`) to UTF-8. A UTF-16 BOM means
// UTF-16; otherwise the bytes must be valid UTF-8, or (with kWindows1252) are
// decoded as Windows-1252 when they are not. Returns kInvalidArgument for an
// empty file ("file is empty (0 bytes)"), for invalid UTF-8 ("file:line:
// invalid UTF-8 at byte N") and for malformed UTF-16.
absl::StatusOr<DecodedText> DecodeText(absl::string_view file, absl::string_view bytes,
                                       Legacy8Bit legacy = Legacy8Bit::kReject);

// True if `s` is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(absl::string_view s);

// Byte offset of the first invalid UTF-8 sequence, or npos.
size_t FindInvalidUtf8(absl::string_view s);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SOURCES_TEXT_H_
