// The byte layout of a compiled snapshot file.
//
//   offset 0   8 bytes  magic "PSNAPSHT"
//          8   4 bytes  format version (little endian), currently 2
//         12   4 bytes  header length H (little endian)
//         16   4 bytes  CRC-32C of the header bytes
//         20   H bytes  SnapshotHeader (proto/partyscreen/v1/snapshot.proto)
//     20 + H   (format 2: rounded up to a multiple of 8) the section area:
//              sections, each at the offset/length the header gives
//              (format 2: offsets multiples of 8, zero padding between),
//              each with its own CRC-32C in the header
//
// Format 2 sections: "options", "sources" (SnapshotLists holding each
// list's ListSource only), "list_sizes" (uint32 entities per list),
// "entity_offsets" (uint64 per entity + 1), "entities" (serialised
// v1::Entity messages back to back), "index" (lib/index/index_io.h).
// Format 1 (still read) had "options" and "lists" (whole SnapshotLists).
//
// Every length is checked against the file size before anything is
// allocated; any mismatch is kDataLoss. A newer format version is
// kUnimplemented.
#ifndef PARTYSCREEN_LIB_INDEX_SNAPSHOT_H_
#define PARTYSCREEN_LIB_INDEX_SNAPSHOT_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "partyscreen/v1/snapshot.pb.h"

namespace partyscreen::internal {

inline constexpr char kSnapshotMagic[8] = {'P', 'S', 'N', 'A', 'P', 'S', 'H', 'T'};
inline constexpr uint32_t kSnapshotFormatVersion = 2;

// Serialises `header` (its `sections` are filled here) and `sections`
// (name, bytes) into the snapshot byte layout.
std::string EncodeSnapshot(v1::SnapshotHeader header,
                           const std::vector<std::pair<std::string, std::string>>& sections);

// A decoded snapshot: the header and views of each section's bytes into
// `bytes` (which it owns).
struct DecodedSnapshot {
  std::string bytes;  // empty when decoded by DecodeSnapshotView
  v1::SnapshotHeader header;
  std::vector<std::pair<std::string, absl::string_view>> sections;
  // The bytes of a named section, or kDataLoss naming the missing section.
  absl::StatusOr<absl::string_view> Section(absl::string_view name) const;
};

// Validates and decodes snapshot bytes, which the result then owns. `file`
// names the file in messages.
// Errors: kDataLoss (bad magic, truncated, lengths beyond the file, CRC
// mismatch, unparsable header), kUnimplemented (newer format version).
absl::StatusOr<DecodedSnapshot> DecodeSnapshot(absl::string_view file, std::string bytes);

// The same over bytes the caller keeps alive (a memory-mapped file): the
// result's `bytes` is empty and its section views point into `bytes`.
absl::StatusOr<DecodedSnapshot> DecodeSnapshotView(absl::string_view file, absl::string_view bytes);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_INDEX_SNAPSHOT_H_
