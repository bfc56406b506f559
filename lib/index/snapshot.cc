#include "lib/index/snapshot.h"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "lib/util/crc32c.h"

namespace partyscreen::internal {
namespace {

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint32_t GetU32(absl::string_view b, size_t at) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= uint32_t{static_cast<uint8_t>(b[at + i])} << (8 * i);
  return v;
}

constexpr size_t kPrefix = 20;

// Format 2 aligns the section area and every section to 8 bytes, so that
// arrays inside sections can be used in place from a memory mapping.
uint64_t AlignUp(uint64_t v) { return (v + 7) & ~uint64_t{7}; }

}  // namespace

std::string EncodeSnapshot(v1::SnapshotHeader header,
                           const std::vector<std::pair<std::string, std::string>>& sections) {
  header.set_format_version(kSnapshotFormatVersion);
  header.clear_sections();
  // Offsets depend on the header size, which depends on the offsets: use
  // fixed offsets relative to the end of the header, then patch. Section
  // offsets are stored relative to the start of the section area so the
  // header size does not feed back into itself.
  uint64_t offset = 0;
  for (const auto& [name, data] : sections) {
    offset = AlignUp(offset);
    auto* s = header.add_sections();
    s->set_name(name);
    s->set_offset(offset);
    s->set_length(data.size());
    s->set_crc32c(Crc32c(data));
    offset += data.size();
  }
  std::string head;
  header.SerializeToString(&head);
  std::string out;
  out.reserve(kPrefix + head.size() + offset);
  out.append(kSnapshotMagic, 8);
  PutU32(&out, kSnapshotFormatVersion);
  PutU32(&out, static_cast<uint32_t>(head.size()));
  PutU32(&out, Crc32c(head));
  out += head;
  const size_t area = out.size() + (AlignUp(out.size()) - out.size());
  out.resize(area, '\0');
  for (const auto& section : sections) {
    out.resize(area + AlignUp(out.size() - area), '\0');
    out += section.second;
  }
  return out;
}

absl::StatusOr<absl::string_view> DecodedSnapshot::Section(absl::string_view name) const {
  for (const auto& [n, data] : sections) {
    if (n == name) return data;
  }
  return absl::DataLossError(absl::StrCat("snapshot has no '", name, "' section"));
}

absl::StatusOr<DecodedSnapshot> DecodeSnapshot(absl::string_view file, std::string bytes) {
  auto view = DecodeSnapshotView(file, bytes);
  if (!view.ok()) return view;
  // Moving a heap-allocated std::string keeps its buffer, so the section
  // views stay valid; a short (inline) string cannot hold a valid snapshot.
  view->bytes = std::move(bytes);
  return view;
}

absl::StatusOr<DecodedSnapshot> DecodeSnapshotView(absl::string_view file, absl::string_view b) {
  DecodedSnapshot out;
  if (b.size() < kPrefix || std::memcmp(b.data(), kSnapshotMagic, 8) != 0) {
    return absl::DataLossError(absl::StrCat(
        file, ": not a partyscreen snapshot (", b.size() < kPrefix ? "file too short" : "bad magic bytes", ")"));
  }
  uint32_t version = GetU32(b, 8);
  if (version > kSnapshotFormatVersion) {
    return absl::UnimplementedError(absl::StrCat(
        file, ": snapshot format version ", version, " is newer than this library supports (",
        kSnapshotFormatVersion, "); upgrade partyscreen or recompile the snapshot"));
  }
  if (version == 0) return absl::DataLossError(absl::StrCat(file, ": snapshot format version 0 is invalid"));
  uint64_t head_len = GetU32(b, 12);
  if (head_len > b.size() - kPrefix) {
    return absl::DataLossError(absl::StrCat(file, ": header length ", head_len,
                                            " exceeds the file size ", b.size(), " (truncated?)"));
  }
  absl::string_view head = b.substr(kPrefix, head_len);
  if (Crc32c(head) != GetU32(b, 16)) {
    return absl::DataLossError(absl::StrCat(file, ": header checksum mismatch (corrupted file)"));
  }
  if (!out.header.ParseFromArray(head.data(), static_cast<int>(head.size()))) {
    return absl::DataLossError(absl::StrCat(file, ": header cannot be parsed"));
  }
  const uint64_t area = version >= 2 ? AlignUp(kPrefix + head_len) : kPrefix + head_len;
  if (area > b.size()) {
    return absl::DataLossError(absl::StrCat(file, ": the section area lies beyond the end of the file (truncated?)"));
  }
  // Every byte of the area is a section byte or a zero padding byte; the
  // padding is checked too, so that no flipped bit goes unnoticed.
  std::vector<std::pair<uint64_t, uint64_t>> covered;  // [offset, end) within the area
  const uint64_t area_len = b.size() - area;
  for (const auto& s : out.header.sections()) {
    if (s.offset() > area_len || s.length() > area_len - s.offset()) {
      return absl::DataLossError(absl::StrCat(file, ": section '", s.name(), "' (offset ", s.offset(),
                                              ", length ", s.length(), ") lies beyond the end of the file (truncated?)"));
    }
    absl::string_view data = b.substr(area + s.offset(), s.length());
    if (Crc32c(data) != s.crc32c()) {
      return absl::DataLossError(absl::StrCat(file, ": section '", s.name(), "' checksum mismatch (corrupted file)"));
    }
    out.sections.emplace_back(s.name(), data);
    covered.emplace_back(s.offset(), s.offset() + s.length());
  }
  std::sort(covered.begin(), covered.end());
  uint64_t at = kPrefix + head_len;  // header padding first
  auto zeros = [&](uint64_t from, uint64_t to) {  // absolute offsets
    for (uint64_t i = from; i < to; ++i) {
      if (b[i] != '\0') return false;
    }
    return true;
  };
  for (const auto& [begin, end] : covered) {
    if (area + begin > at && !zeros(at, area + begin)) {
      return absl::DataLossError(absl::StrCat(file, ": non-zero padding bytes between sections (corrupted file)"));
    }
    at = std::max(at, area + end);
  }
  const uint64_t expected_end = at > area ? at - area : 0;  // end of the last section, area-relative
  if (expected_end != area_len) {
    return absl::DataLossError(absl::StrCat(file, ": file has ", area_len - expected_end,
                                            " unexpected trailing bytes"));
  }
  return out;
}

}  // namespace partyscreen::internal
