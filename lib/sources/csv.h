// A strict RFC 4180 CSV/TSV record reader over an in-memory UTF-8 buffer,
// with the line number of every record for error messages.
#ifndef PARTYSCREEN_LIB_SOURCES_CSV_H_
#define PARTYSCREEN_LIB_SOURCES_CSV_H_

#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/statusor.h"

namespace partyscreen::internal {

struct CsvOptions {
  char delimiter = ',';
  // Quotes are honoured (RFC 4180). TSV files of the BIS DPL use no quoting:
  // set false to treat '"' as an ordinary character.
  bool quoting = true;
  // Largest field accepted; a longer one is an error (kInvalidArgument).
  size_t max_field_bytes = 64u << 20;
};

// Reads records one by one. Handles CRLF and LF, quoted fields with embedded
// delimiters, doubled quotes and newlines. A quote that is never closed is
// an error "truncated inside a quoted field". Thread-compatible.
class CsvReader {
 public:
  // `file` is used in error messages only. `data` must outlive the reader.
  CsvReader(absl::string_view file, absl::string_view data, CsvOptions options = {});

  // Reads the next record into `fields`. Returns false at end of input,
  // true when a record was read, or an error naming file and line. Blank
  // lines are skipped.
  absl::StatusOr<bool> Next(std::vector<std::string>* fields);

  // 1-based line on which the last record returned by Next() started.
  int64_t line() const { return record_line_; }
  // 1-based line of the next unread character.
  int64_t current_line() const { return line_; }
  absl::string_view file() const { return file_; }

 private:
  std::string file_;
  absl::string_view data_;
  CsvOptions options_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  int64_t record_line_ = 0;
};

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SOURCES_CSV_H_
