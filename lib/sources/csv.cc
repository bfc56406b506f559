#include "lib/sources/csv.h"

#include "absl/strings/str_cat.h"

namespace partyscreen::internal {

CsvReader::CsvReader(absl::string_view file, absl::string_view data, CsvOptions options)
    : file_(file), data_(data), options_(options) {}

absl::StatusOr<bool> CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  // Skip blank lines.
  while (pos_ < data_.size() && (data_[pos_] == '\n' || data_[pos_] == '\r')) {
    if (data_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= data_.size()) return false;
  record_line_ = line_;
  std::string field;
  bool in_quotes = false;
  bool field_was_quoted = false;
  int64_t quote_line = 0;
  const char delim = options_.delimiter;
  while (true) {
    if (pos_ >= data_.size()) {
      if (in_quotes) {
        return absl::InvalidArgumentError(absl::StrCat(
            file_, ":", quote_line, ": file is truncated inside a quoted field (the quote opened on line ",
            quote_line, " is never closed)"));
      }
      fields->push_back(std::move(field));
      return true;
    }
    char c = data_[pos_];
    if (in_quotes) {
      if (c == '"') {
        if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '"') {
          field.push_back('"');
          pos_ += 2;
        } else {
          in_quotes = false;
          ++pos_;
        }
      } else {
        if (c == '\n') ++line_;
        field.push_back(c);
        ++pos_;
      }
    } else if (c == delim) {
      fields->push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
      ++pos_;
    } else if (c == '\n' || c == '\r') {
      fields->push_back(std::move(field));
      if (c == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      ++line_;
      return true;
    } else if (c == '"' && options_.quoting && field.empty() && !field_was_quoted) {
      in_quotes = true;
      field_was_quoted = true;
      quote_line = line_;
      ++pos_;
    } else {
      // A quote inside an unquoted field, or text after a closing quote, is
      // kept verbatim (publishers write `5" gun` and `"A" B`).
      field.push_back(c);
      ++pos_;
    }
    if (field.size() > options_.max_field_bytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          file_, ":", record_line_, ": field ", fields->size() + 1, " is longer than ",
          options_.max_field_bytes, " bytes"));
    }
  }
}

}  // namespace partyscreen::internal
