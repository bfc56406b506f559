// File helpers: whole-file reads with clear errors and atomic writes.
#ifndef PARTYSCREEN_LIB_UTIL_FILE_H_
#define PARTYSCREEN_LIB_UTIL_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace partyscreen::internal {

// Reads a whole file. kNotFound if it does not exist, kInvalidArgument if it
// is a directory, kResourceExhausted if larger than `max_bytes`,
// kUnavailable / kPermissionDenied for other I/O failures.
absl::StatusOr<std::string> ReadFileToString(absl::string_view path,
                                             uint64_t max_bytes = uint64_t{4} << 30);

// A read-only memory mapping of a whole file (MAP_PRIVATE, pages populated
// up front). Used for snapshots, whose arrays are then used in place. The
// snapshot writer replaces files by rename, so a mapped file is never
// truncated under its reader. Thread-safe to read.
class MappedFile {
 public:
  // Maps `path`. Errors as ReadFileToString's (kNotFound, kInvalidArgument
  // for a directory, kUnavailable / kPermissionDenied). A 0-byte file maps
  // to an empty view.
  static absl::StatusOr<std::unique_ptr<MappedFile>> Open(absl::string_view path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  absl::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, size_t size) : data_(data), size_(size) {}
  void* data_;
  size_t size_;
};

// Writes `data` to `path` atomically: a temporary file in the same
// directory, fsync, rename, fsync of the directory. A crash leaves either the
// old file or the new one, never a half-written file. Errors (disk full,
// permissions) are returned as kUnavailable / kPermissionDenied with the path.
absl::Status AtomicWriteFile(absl::string_view path, absl::string_view data);

// Appends `line` (which must end in '\n') to `path` under an exclusive
// flock, with a single write and fsync, so concurrent appenders never
// interleave or lose lines.
absl::Status AppendLineLocked(absl::string_view path, absl::string_view line);

// True if `path` names an existing directory.
bool IsDirectory(absl::string_view path);
// True if `path` exists.
bool PathExists(absl::string_view path);

// The last path component ("sdn.csv" for "a/b/sdn.csv").
absl::string_view Basename(absl::string_view path);
// The directory part ("a/b" for "a/b/sdn.csv", "." for "sdn.csv").
std::string Dirname(absl::string_view path);
// Joins two path parts with one '/'.
std::string JoinPath(absl::string_view a, absl::string_view b);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_UTIL_FILE_H_
