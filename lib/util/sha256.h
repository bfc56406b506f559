// SHA-256 (FIPS 180-4), used for list-file hashes and fingerprints.
#ifndef PARTYSCREEN_LIB_UTIL_SHA256_H_
#define PARTYSCREEN_LIB_UTIL_SHA256_H_

#include <array>
#include <cstdint>
#include <string>
#include "absl/strings/string_view.h"

namespace partyscreen::internal {

// Incremental SHA-256. Thread-compatible.
class Sha256 {
 public:
  Sha256();
  void Update(absl::string_view data);
  // Returns the 32-byte digest; the object must not be updated afterwards.
  std::array<uint8_t, 32> Finish();
  // Returns the digest as 64 lowercase hex characters.
  std::string FinishHex();

 private:
  void Block(const uint8_t* p);
  uint32_t h_[8];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

// The lowercase hex SHA-256 of `data`.
std::string Sha256Hex(absl::string_view data);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_UTIL_SHA256_H_
