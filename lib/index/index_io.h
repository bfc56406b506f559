// The "index" section of a snapshot: every derived structure of IndexData
// (entity refs, indexed names, vocabulary, weights, posting lists, joined
// keys, phonetic skeleton maps, the deletion neighbourhood, identifier map)
// written as flat little-endian arrays, so that loading a snapshot copies
// arrays instead of normalising ~100,000 names again.
//
// Layout: "PSIDX" magic, a layout version (kIndexLayoutVersion), then the
// arrays in a fixed order, each as a 64-bit element count followed by the
// elements (strings: a count, the 32-bit lengths, then the bytes). The
// section is covered by the snapshot's CRC-32C; decoding still checks every
// count against the bytes left and every stored id against the size of the
// array it points into, so a crafted section cannot make lookups read out of
// bounds.
#ifndef PARTYSCREEN_LIB_INDEX_INDEX_IO_H_
#define PARTYSCREEN_LIB_INDEX_INDEX_IO_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "lib/index/index_data.h"

namespace partyscreen::internal {

// Bumped whenever the encoded arrays or their meaning change (including a
// change of how BuildIndexData derives them). A snapshot whose index section
// has another layout version is loaded by rebuilding the index from its
// entities instead.
inline constexpr uint32_t kIndexLayoutVersion = 1;

// Encodes the derived structures of `d` (not the entities themselves, nor
// `lists`, `options` or the normalizer).
std::string EncodeIndexSection(const IndexData& d);

// Reads the layout version of an encoded index section; 0 if the bytes do
// not start with the section magic.
uint32_t IndexSectionLayoutVersion(absl::string_view bytes);

// Decodes an index section written by EncodeIndexSection into `d`, whose
// `lists` (sources) must already be set; fills everything EncodeIndexSection
// wrote and rebuilds the hash maps and other cheap derived lookups. `file`
// names the snapshot in messages. The largest arrays (the deletion
// neighbourhood) are used in place: `bytes` must be 8-byte aligned and stay
// alive as long as `d`. Errors: kDataLoss naming the array that is
// truncated or holds an out-of-range id.
absl::Status DecodeIndexSection(absl::string_view file, absl::string_view bytes, IndexData* d);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_INDEX_INDEX_IO_H_
