#include "tools/partyscreen/input.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "lib/sources/csv.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/text.h"
#include "partyscreen/audit.h"

namespace partyscreen::cli {
namespace {

struct RowColumns {
  int name = -1, id = -1, kind = -1, country = -1, dob = -1, ids = -1;
};

RowColumns FindColumns(const std::vector<std::string>& header, const InputColumns& columns) {
  RowColumns c;
  for (int i = 0; i < static_cast<int>(header.size()); ++i) {
    std::string h = absl::AsciiStrToLower(internal::TrimSpace(header[i]));
    if (h == absl::AsciiStrToLower(columns.name)) c.name = i;
    else if (h == absl::AsciiStrToLower(columns.id)) c.id = i;
    else if (h == "kind" || h == "type") c.kind = i;
    else if (h == "country") c.country = i;
    else if (h == "date_of_birth" || h == "dob") c.dob = i;
    else if (h == "identifiers") c.ids = i;
  }
  return c;
}

// Fills `row` from one record. Errors name file, line and column.
absl::Status ParseRow(const std::string& label, int64_t line, std::vector<std::string> fields,
                      size_t header_size, const RowColumns& c, InputRow* row) {
  if (fields.size() != header_size) {
    return absl::InvalidArgumentError(
        absl::StrCat(label, ":", line, ": row has ", fields.size(), " columns, the header has ", header_size));
  }
  row->line = line;
  row->id = c.id >= 0 ? std::string(internal::TrimSpace(fields[c.id])) : "";
  if (row->id.empty()) row->id = absl::StrCat(line);
  row->query = Query{};
  row->query.name = fields[c.name];
  if (c.kind >= 0) {
    auto k = ParsePartyKind(fields[c.kind]);
    if (!k.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(label, ":", line, ": kind: not one of person, organization, vessel, aircraft"));
    }
    row->query.kind = *k;
  }
  if (c.country >= 0) row->query.country = std::string(internal::TrimSpace(fields[c.country]));
  if (c.dob >= 0) row->query.date_of_birth = std::string(internal::TrimSpace(fields[c.dob]));
  if (c.ids >= 0) {
    for (const auto& part : internal::SplitTrim(fields[c.ids], ";")) {
      size_t colon = part.find(':');
      QueryIdentifier qi;
      if (colon == std::string::npos) {
        qi.value = part;
      } else {
        qi.type = std::string(internal::TrimSpace(part.substr(0, colon)));
        qi.value = std::string(internal::TrimSpace(part.substr(colon + 1)));
      }
      row->query.identifiers.push_back(qi);
    }
  }
  row->cells = std::move(fields);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<InputTable> ParseInputCsv(const std::string& file_label, const std::string& bytes,
                                         const InputColumns& columns) {
  auto text = internal::DecodeText(file_label, bytes);
  if (!text.ok()) return text.status();
  internal::CsvReader reader(file_label, text->text);
  InputTable table;
  std::vector<std::string> fields;
  auto first = reader.Next(&fields);
  if (!first.ok()) return first.status();
  if (!*first) return absl::InvalidArgumentError(absl::StrCat(file_label, ": no header row"));
  table.header = fields;
  RowColumns c = FindColumns(table.header, columns);
  if (c.name < 0) {
    return absl::InvalidArgumentError(absl::StrCat(file_label, ":", reader.line(), ": header has no '", columns.name,
                                                   "' column (use --name-column to name it)"));
  }
  while (true) {
    auto more = reader.Next(&fields);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (fields == table.header) continue;  // a repeated header line
    InputRow row;
    if (auto s = ParseRow(file_label, reader.line(), fields, table.header.size(), c, &row); !s.ok()) return s;
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string CsvCell(const std::string& value) {
  std::string v = value;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) {
    v.insert(v.begin(), '\'');
  }
  bool quote = v.find_first_of(",\"\n\r") != std::string::npos;
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// ------------------------------------------------------------ CsvStream --

absl::StatusOr<std::unique_ptr<CsvStream>> CsvStream::Open(const std::string& path) {
  std::unique_ptr<CsvStream> s(new CsvStream());
  if (path == "-") {
    s->label_ = "<stdin>";
    s->file_ = stdin;
  } else {
    s->label_ = path;
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      if (errno == ENOENT) return absl::NotFoundError(absl::StrCat(path, ": no such file"));
      return absl::UnavailableError(absl::StrCat(path, ": ", std::strerror(errno)));
    }
    if (S_ISDIR(st.st_mode)) return absl::InvalidArgumentError(absl::StrCat(path, ": is a directory"));
    if (S_ISREG(st.st_mode)) s->total_bytes_ = st.st_size;
    s->file_ = std::fopen(path.c_str(), "rb");
    if (s->file_ == nullptr) return absl::UnavailableError(absl::StrCat(path, ": cannot open: ", std::strerror(errno)));
    s->owns_file_ = true;
  }
  // Byte-order marks: UTF-8 is skipped; UTF-16 is decoded whole.
  s->Refill();
  if (s->buf_.size() >= 2 && ((s->buf_[0] == '\xFF' && s->buf_[1] == '\xFE') ||
                              (s->buf_[0] == '\xFE' && s->buf_[1] == '\xFF'))) {
    while (!s->eof_) s->Refill();
    auto text = internal::DecodeText(s->label_, s->buf_);
    if (!text.ok()) return text.status();
    s->buf_ = std::move(text->text);
  } else if (s->buf_.size() >= 3 && s->buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    s->pos_ = 3;
  }
  if (s->eof_ && s->buf_.size() == s->pos_) {
    return absl::InvalidArgumentError(absl::StrCat(s->label_, ": file is empty (0 bytes)"));
  }
  return s;
}

CsvStream::~CsvStream() {
  if (owns_file_ && file_ != nullptr) std::fclose(file_);
}

void CsvStream::Refill() {
  if (eof_) return;
  if (pos_ > (1u << 20)) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  char tmp[1 << 16];
  size_t n = std::fread(tmp, 1, sizeof(tmp), file_);
  if (n > 0) {
    sha_.Update(absl::string_view(tmp, n));
    bytes_read_ += static_cast<int64_t>(n);
    buf_.append(tmp, n);
  }
  if (n < sizeof(tmp)) {
    eof_ = true;
    // As DecodeText does for whole files (lib/sources/text.cc): a trailing
    // DOS end-of-file byte (0x1A), on its own line or after the last row,
    // is not data.
    size_t end = buf_.size();
    bool eof_byte = false;
    while (end > pos_ && (buf_[end - 1] == '\x1a' || buf_[end - 1] == '\n' || buf_[end - 1] == '\r')) {
      eof_byte |= buf_[end - 1] == '\x1a';
      --end;
    }
    if (eof_byte) {
      buf_.resize(end);
      if (end > pos_) buf_.push_back('\n');
    }
  }
}

int CsvStream::Peek(size_t ahead) {
  while (pos_ + ahead >= buf_.size() && !eof_) Refill();
  if (pos_ + ahead >= buf_.size()) return -1;
  return static_cast<unsigned char>(buf_[pos_ + ahead]);
}

std::string CsvStream::Sha256Hex() {
  if (sha_hex_.empty()) {
    while (!eof_) Refill();
    sha_hex_ = sha_.FinishHex();
  }
  return sha_hex_;
}

absl::StatusOr<bool> CsvStream::Next(std::vector<std::string>* fields) {
  fields->clear();
  constexpr size_t kMaxField = 64u << 20;
  int c;
  while ((c = Peek(0)) == '\n' || c == '\r') {
    if (c == '\n') ++line_;
    ++pos_;
  }
  if (c < 0) return false;
  record_line_ = line_;
  std::string field;
  bool in_quotes = false, was_quoted = false;
  int64_t quote_line = 0;
  auto finish = [&]() -> absl::StatusOr<bool> {
    fields->push_back(std::move(field));
    for (size_t i = 0; i < fields->size(); ++i) {
      if (!internal::IsValidUtf8((*fields)[i])) {
        return absl::InvalidArgumentError(absl::StrCat(label_, ":", record_line_, ": column ", i + 1,
                                                       ": invalid UTF-8 (save the file as UTF-8)"));
      }
    }
    return true;
  };
  while (true) {
    c = Peek(0);
    if (c < 0) {
      if (in_quotes) {
        return absl::InvalidArgumentError(absl::StrCat(label_, ":", quote_line,
                                                       ": file is truncated inside a quoted field (the quote opened on line ",
                                                       quote_line, " is never closed)"));
      }
      return finish();
    }
    if (in_quotes) {
      if (c == '"') {
        if (Peek(1) == '"') {
          field.push_back('"');
          pos_ += 2;
        } else {
          in_quotes = false;
          ++pos_;
        }
      } else {
        if (c == '\n') ++line_;
        field.push_back(static_cast<char>(c));
        ++pos_;
      }
    } else if (c == ',') {
      fields->push_back(std::move(field));
      field.clear();
      was_quoted = false;
      ++pos_;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && Peek(1) == '\n') ++pos_;
      ++pos_;
      ++line_;
      return finish();
    } else if (c == '"' && field.empty() && !was_quoted) {
      in_quotes = true;
      was_quoted = true;
      quote_line = line_;
      ++pos_;
    } else {
      field.push_back(static_cast<char>(c));
      ++pos_;
    }
    if (field.size() > kMaxField) {
      return absl::InvalidArgumentError(absl::StrCat(label_, ":", record_line_, ": field ", fields->size() + 1,
                                                     " is longer than ", kMaxField, " bytes"));
    }
  }
}

// ---------------------------------------------------------- InputStream --

absl::StatusOr<std::unique_ptr<InputStream>> InputStream::Open(const std::string& path, const InputColumns& columns) {
  auto csv = CsvStream::Open(path);
  if (!csv.ok()) return csv.status();
  std::unique_ptr<InputStream> s(new InputStream());
  s->csv_ = *std::move(csv);
  auto first = s->csv_->Next(&s->header_);
  if (!first.ok()) return first.status();
  if (!*first) return absl::InvalidArgumentError(absl::StrCat(s->csv_->label(), ": no header row"));
  RowColumns c = FindColumns(s->header_, columns);
  if (c.name < 0) {
    return absl::InvalidArgumentError(absl::StrCat(s->csv_->label(), ":", s->csv_->line(), ": header has no '",
                                                   columns.name, "' column (use --name-column to name it)"));
  }
  s->name_col_ = c.name;
  s->id_col_ = c.id;
  s->kind_col_ = c.kind;
  s->country_col_ = c.country;
  s->dob_col_ = c.dob;
  s->ids_col_ = c.ids;
  return s;
}

absl::Status InputStream::ReadChunk(size_t max_rows, std::vector<InputRow>* rows) {
  rows->clear();
  RowColumns c{name_col_, id_col_, kind_col_, country_col_, dob_col_, ids_col_};
  std::vector<std::string> fields;
  while (rows->size() < max_rows) {
    auto more = csv_->Next(&fields);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (fields == header_) continue;  // a repeated header line
    InputRow row;
    if (auto s = ParseRow(csv_->label(), csv_->line(), std::move(fields), header_.size(), c, &row); !s.ok()) {
      return s;
    }
    rows->push_back(std::move(row));
    fields = {};
  }
  return absl::OkStatus();
}

// ---------------------------------------------------- TransactionStream --

absl::StatusOr<std::unique_ptr<TransactionStream>> TransactionStream::Open(const std::string& path,
                                                                           const TransactionColumns& columns) {
  auto csv = CsvStream::Open(path);
  if (!csv.ok()) return csv.status();
  std::unique_ptr<TransactionStream> s(new TransactionStream());
  s->csv_ = *std::move(csv);
  auto first = s->csv_->Next(&s->header_);
  if (!first.ok()) return first.status();
  if (!*first) return absl::InvalidArgumentError(absl::StrCat(s->csv_->label(), ": no header row"));
  int name_fallback = -1;
  for (int i = 0; i < static_cast<int>(s->header_.size()); ++i) {
    std::string h = absl::AsciiStrToLower(internal::TrimSpace(s->header_[i]));
    auto is = [&](const std::string& col) { return h == absl::AsciiStrToLower(col); };
    if (is(columns.id)) s->id_col_ = i;
    else if (is(columns.date)) s->date_col_ = i;
    else if (is(columns.name)) s->name_col_ = i;
    else if (is(columns.country)) s->country_col_ = i;
    else if (is(columns.amount)) s->amount_col_ = i;
    else if (is(columns.currency)) s->currency_col_ = i;
    else if (h == "name") name_fallback = i;
  }
  if (s->name_col_ < 0 && columns.name == "counterparty") s->name_col_ = name_fallback;
  if (s->name_col_ < 0) {
    return absl::InvalidArgumentError(absl::StrCat(s->csv_->label(), ":", s->csv_->line(), ": header has no '",
                                                   columns.name, "' column (use --name-column to name it)"));
  }
  if (s->date_col_ < 0) {
    return absl::InvalidArgumentError(absl::StrCat(s->csv_->label(), ":", s->csv_->line(), ": header has no '",
                                                   columns.date, "' column (use --date-column to name it)"));
  }
  return s;
}

absl::Status TransactionStream::ReadChunk(size_t max_rows, std::vector<Transaction>* rows) {
  rows->clear();
  std::vector<std::string> fields;
  const std::string& label = csv_->label();
  while (rows->size() < max_rows) {
    auto more = csv_->Next(&fields);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (fields == header_) continue;
    const int64_t line = csv_->line();
    if (fields.size() != header_.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat(label, ":", line, ": row has ", fields.size(), " columns, the header has ", header_.size()));
    }
    Transaction t;
    t.line = line;
    t.id = id_col_ >= 0 ? std::string(internal::TrimSpace(fields[id_col_])) : "";
    if (t.id.empty()) t.id = absl::StrCat(line);
    std::string date(internal::TrimSpace(fields[date_col_]));
    if (date.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(label, ":", line, ": ", header_[date_col_],
                                                     ": the transaction has no date"));
    }
    auto day = ParseDay(date);
    if (!day.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(label, ":", line, ": ", header_[date_col_], ": '", date,
                                                     "' is not a date (", day.status().message(), ")"));
    }
    t.date = *day;
    t.date_text = FormatDay(*day);
    t.query.name = fields[name_col_];
    if (internal::TrimSpace(t.query.name).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(label, ":", line, ": ", header_[name_col_],
                                                     ": the transaction has no counterparty name"));
    }
    if (country_col_ >= 0) t.query.country = std::string(internal::TrimSpace(fields[country_col_]));
    if (amount_col_ >= 0) t.amount = std::string(internal::TrimSpace(fields[amount_col_]));
    if (currency_col_ >= 0) t.currency = std::string(internal::TrimSpace(fields[currency_col_]));
    rows->push_back(std::move(t));
  }
  return absl::OkStatus();
}

}  // namespace partyscreen::cli
