// partyscreen/index.h — the compiled, immutable form of the loaded lists.
//
// An `Index` holds every entity of the lists it was built from, every name
// normalised once, token statistics (how informative each word is across the
// lists) and the candidate-lookup structures the screener uses. It is built
// from `v1::EntityList`s with `IndexBuilder`, or loaded from a snapshot file
// written by `Index::Save` (`partyscreen compile`).
//
//   partyscreen::IndexBuilder builder;
//   for (const auto& list : lists) {
//     if (auto s = builder.AddList(list); !s.ok()) return s;
//   }
//   absl::StatusOr<std::shared_ptr<const partyscreen::Index>> index =
//       std::move(builder).Build();
//   if (index.ok()) (*index)->Save("lists.snapshot");
//
// Thread safety: an `Index` is immutable and safe for concurrent use;
// `IndexBuilder` is thread-compatible (one thread at a time).

#ifndef PARTYSCREEN_INDEX_H_
#define PARTYSCREEN_INDEX_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "partyscreen/v1/entity.pb.h"

namespace partyscreen {

namespace internal {
struct IndexData;
}  // namespace internal

// Build-time options.
struct IndexOptions {
  // Names of kind NAME_KIND_WEAK_ALIAS (OFAC "low quality a.k.a.", UN "Low")
  // are indexed when true. Default: true.
  bool index_weak_aliases = true;
};

// What one loaded list holds.
struct ListInfo {
  std::string list_id;           // "us_csl"
  std::string publisher;         // "US Department of Commerce, ITA"
  std::string name;              // "Consolidated Screening List"
  std::string publication_date;  // "2022-05-06" ("" if unknown)
  std::string sha256;            // of the file (or combined, for sets)
  std::string format;            // "csl_csv"
  int64_t entities = 0;
  int64_t names = 0;
  int64_t skipped_rows = 0;
  std::map<std::string, int64_t> entities_by_kind;  // "individual" → 3662
};

struct IndexInfo {
  std::vector<ListInfo> lists;
  std::string library_version;            // "0.1.0"
  std::string normalization_fingerprint;  // SHA-256 hex of the dictionaries
  // SHA-256 hex over the lists' hashes, the normalization fingerprint and the
  // index options: two indexes with equal fingerprints screen identically.
  std::string fingerprint;
  int64_t entities = 0;
  int64_t names = 0;
  int64_t tokens = 0;  // distinct normalised tokens
};

class Index {
 public:
  // Loads a snapshot written by `Save`. The file is memory-mapped and its
  // index arrays are used in place (no names are normalised again; ~60 ms
  // for the bundled lists); entities are parsed on first use. Replace a
  // snapshot file by rename (as `Save` does), never by rewriting it in place
  // while an Index loaded from it is alive. A snapshot written by another
  // library version, or in format 1, loads by rebuilding its index from the
  // entities (slower, same result).
  // Errors: kNotFound (no file), kDataLoss (not a snapshot, truncated,
  // corrupted: checksums, padding, or index arrays that are inconsistent or
  // hold out-of-range ids), kUnimplemented (written by a newer format
  // version), kFailedPrecondition (built with other normalization data than
  // this library's).
  static absl::StatusOr<std::shared_ptr<const Index>> Load(absl::string_view path);

  // Writes the index as a snapshot, atomically (temporary file, fsync,
  // rename). Errors: kUnavailable / kPermissionDenied / kResourceExhausted
  // (disk full) with the path.
  absl::Status Save(absl::string_view path) const;

  // Lists, dates, counts and fingerprints.
  const IndexInfo& info() const;

  // The lists as read, in the order added (with all their entities). For a
  // loaded snapshot the first call parses every entity (~0.3 s and the
  // memory of the whole lists for the bundled lists); screening never needs
  // it. Thread-safe.
  const std::vector<v1::EntityList>& lists() const;

  // The entity with the given list and publisher id, or nullptr.
  const v1::Entity* FindEntity(absl::string_view list_id, absl::string_view entity_id) const;

  // For the library's own use (screener, audit): the internal structures.
  const internal::IndexData& data() const { return *data_; }

  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

 private:
  friend class IndexBuilder;
  explicit Index(std::unique_ptr<internal::IndexData> data);
  std::unique_ptr<internal::IndexData> data_;
};

class IndexBuilder {
 public:
  explicit IndexBuilder(IndexOptions options = {});
  ~IndexBuilder();

  // Adds one list. Errors: kInvalidArgument if a list with the same id was
  // already added, or an entity id repeats within the list.
  absl::Status AddList(v1::EntityList list);

  // Normalises every name and builds the index. Errors: kInvalidArgument if
  // no list was added; kFailedPrecondition if the normalizer cannot be
  // created (Boost.Locale without ICU).
  absl::StatusOr<std::shared_ptr<const Index>> Build() &&;

 private:
  IndexOptions options_;
  std::vector<v1::EntityList> lists_;
};

}  // namespace partyscreen

#endif  // PARTYSCREEN_INDEX_H_
