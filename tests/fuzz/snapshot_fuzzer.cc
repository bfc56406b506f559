// Fuzz target for the snapshot loader: DecodeSnapshot on the bytes, then
// Index::Load on them as a file.
//
// Random bytes rarely get past the checksums, so when the input starts with
// "FIX" the rest is first repaired: the header CRC and every section CRC are
// recomputed (when the header parses), which lets the fuzzer reach the
// parsing of the lists section and the index build from arbitrary content.
//
// Checks: never a crash; errors are kDataLoss, kUnimplemented or
// kFailedPrecondition (kInvalidArgument only from the index build of
// hostile content); a loaded index has a fingerprint and can be screened;
// DecodeSnapshot and Index::Load agree on rejecting corrupt framing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/index/snapshot.h"
#include "lib/util/crc32c.h"
#include "partyscreen/index.h"
#include "partyscreen/screener.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

uint32_t GetU32(absl::string_view b, size_t at) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= uint32_t{static_cast<uint8_t>(b[at + i])} << (8 * i);
  return v;
}

void PutU32(std::string* b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) (*b)[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

// Recomputes the checksums of snapshot-like bytes where possible.
std::string FixChecksums(std::string b) {
  if (b.size() < 20) return b;
  uint64_t head_len = GetU32(b, 12);
  if (head_len > b.size() - 20) return b;
  partyscreen::v1::SnapshotHeader header;
  if (!header.ParseFromArray(b.data() + 20, static_cast<int>(head_len))) {
    PutU32(&b, 16, partyscreen::internal::Crc32c(absl::string_view(b).substr(20, head_len)));
    return b;
  }
  // Format 2 starts the section area at the next multiple of 8.
  const bool aligned = GetU32(b, 8) >= 2;
  auto area_start = [aligned](uint64_t h) { return aligned ? ((20 + h + 7) & ~uint64_t{7}) : 20 + h; };
  if (area_start(head_len) > b.size()) return b;
  const std::string area = b.substr(area_start(head_len));
  for (auto& s : *header.mutable_sections()) {
    if (s.offset() <= area.size() && s.length() <= area.size() - s.offset()) {
      s.set_crc32c(partyscreen::internal::Crc32c(absl::string_view(area).substr(s.offset(), s.length())));
    }
  }
  std::string head;
  header.SerializeToString(&head);
  std::string out = b.substr(0, 20);
  PutU32(&out, 12, static_cast<uint32_t>(head.size()));
  PutU32(&out, 16, partyscreen::internal::Crc32c(head));
  out += head;
  out.resize(area_start(head.size()), '\0');
  out += area;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (absl::StartsWith(bytes, "FIX")) bytes = FixChecksums(bytes.substr(3));

  auto decoded = partyscreen::internal::DecodeSnapshot("fuzz.snapshot", bytes);
  if (!decoded.ok()) {
    FUZZ_CHECK(decoded.status().code() == absl::StatusCode::kDataLoss ||
                   decoded.status().code() == absl::StatusCode::kUnimplemented,
               decoded.status().ToString());
    FUZZ_CHECK(absl::StrContains(decoded.status().message(), "fuzz.snapshot"),
               decoded.status().ToString());
  }

  const std::string path = partyscreen::fuzz::WriteScratchFile("snapshot.bin", bytes);
  auto index = partyscreen::Index::Load(path);
  if (!index.ok()) {
    const absl::StatusCode code = index.status().code();
    FUZZ_CHECK(code == absl::StatusCode::kDataLoss || code == absl::StatusCode::kUnimplemented ||
                   code == absl::StatusCode::kFailedPrecondition ||
                   code == absl::StatusCode::kInvalidArgument,
               index.status().ToString());
    if (!decoded.ok()) FUZZ_CHECK(code == decoded.status().code(), index.status().ToString());
    return 0;
  }
  FUZZ_CHECK(decoded.ok(), "Index::Load accepted what DecodeSnapshot rejected");
  FUZZ_CHECK(!(*index)->info().fingerprint.empty(), "loaded index without fingerprint");
  auto screener = partyscreen::Screener::Create(*index);
  FUZZ_CHECK(screener.ok(), screener.status().ToString());
  partyscreen::Query q;
  q.name = "Zarovia Precision Optics";
  auto r = (*screener)->Screen(q);
  FUZZ_CHECK(r.ok() || r.status().code() == absl::StatusCode::kResourceExhausted,
             r.status().ToString());
  return 0;
}
