// Shared plumbing of the list readers: loading and decoding a file, row
// errors in strict and lenient mode, and the ListSource record.
#ifndef PARTYSCREEN_LIB_SOURCES_READER_UTIL_H_
#define PARTYSCREEN_LIB_SOURCES_READER_UTIL_H_

#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "lib/sources/text.h"
#include "partyscreen/sources.h"
#include "partyscreen/v1/entity.pb.h"

namespace partyscreen::internal {

// One input file, read and decoded.
struct LoadedFile {
  std::string path;     // as given
  std::string name;     // base name, used in messages: "sdn.csv"
  std::string bytes;    // raw bytes (hashed)
  DecodedText decoded;  // UTF-8 text
};

// Reads and decodes a file. Errors: kNotFound, kInvalidArgument (empty,
// invalid encoding), kResourceExhausted (over 1 GiB).
absl::StatusOr<LoadedFile> LoadListFile(absl::string_view path,
                                        Legacy8Bit legacy = Legacy8Bit::kReject);

// Collects row problems. In strict mode the first one is returned as an
// error "file:line: field: message"; in lenient mode it is recorded in the
// list's issues and the caller skips the row.
class RowErrors {
 public:
  RowErrors(bool lenient, v1::ListSource* source) : lenient_(lenient), source_(source) {}

  // Returns an error in strict mode; OK in lenient mode (the row must then
  // be skipped by the caller, and has been counted).
  absl::Status Skip(absl::string_view file, int64_t line, absl::string_view field,
                    absl::string_view message);
  // Records a note that is not an error (e.g. a missing sibling file).
  void Note(absl::string_view file, int64_t line, absl::string_view field,
            absl::string_view message);
  bool lenient() const { return lenient_; }

 private:
  bool lenient_;
  v1::ListSource* source_;
};

// Formats "file:line: field: message" as kInvalidArgument.
absl::Status RowError(absl::string_view file, int64_t line, absl::string_view field,
                      absl::string_view message);

// Fills the parts of `source` common to all readers: list id (options or
// `default_id`), format name, importer version, publication date (options
// override `date_in_file`), files with their hashes, and the combined hash.
// Returns kInvalidArgument for an invalid list id or date.
absl::Status FillListSource(const ReadOptions& options, absl::string_view default_id,
                            absl::string_view format_name, absl::string_view publisher,
                            absl::string_view list_name, absl::string_view date_in_file,
                            const std::vector<const LoadedFile*>& files,
                            v1::ListSource* source);

// Records how many records one file contributed.
void SetFileRecords(v1::ListSource* source, absl::string_view file_name, int64_t records);

// Fails with kInvalidArgument when a list came out with no entity: an empty
// or all-skipped file must never look like a valid, empty list.
absl::Status RequireEntities(const v1::EntityList& list, absl::string_view file);

// Trims ASCII and Unicode whitespace (incl. NBSP) from both ends.
absl::string_view TrimSpace(absl::string_view s);

// Splits on `sep`, trims each part, drops empty parts.
std::vector<std::string> SplitTrim(absl::string_view s, absl::string_view sep);

// The importer version string (the library version).
absl::string_view ImporterVersion();

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SOURCES_READER_UTIL_H_
