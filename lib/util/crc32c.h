// CRC-32C (Castagnoli), the checksum of snapshot sections.
#ifndef PARTYSCREEN_LIB_UTIL_CRC32C_H_
#define PARTYSCREEN_LIB_UTIL_CRC32C_H_

#include <cstdint>
#include "absl/strings/string_view.h"

namespace partyscreen::internal {

// Extends `crc` (0 to start) with `data` and returns the new CRC-32C. Uses
// the SSE 4.2 instruction where the CPU has it. Thread-safe.
uint32_t Crc32cExtend(uint32_t crc, absl::string_view data);
// The same with lookup tables only (the fallback; tests compare the two).
uint32_t Crc32cExtendPortable(uint32_t crc, absl::string_view data);
inline uint32_t Crc32c(absl::string_view data) { return Crc32cExtend(0, data); }

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_UTIL_CRC32C_H_
