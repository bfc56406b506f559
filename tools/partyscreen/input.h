// Reading the counterparty CSV of `partyscreen screen` and the transactions
// CSV of `partyscreen audit`: whole (ParseInputCsv) or streamed in chunks
// (InputStream, TransactionStream) so memory does not grow with the input.
#ifndef PARTYSCREEN_TOOLS_PARTYSCREEN_INPUT_H_
#define PARTYSCREEN_TOOLS_PARTYSCREEN_INPUT_H_

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "lib/util/sha256.h"
#include "partyscreen/query.h"

namespace partyscreen::cli {

struct InputRow {
  int64_t line = 0;               // 1-based line of the record in the file
  std::string id;                 // the id column, or the line number
  Query query;
  std::vector<std::string> cells; // all cells, for carrying columns through
};

struct InputTable {
  std::vector<std::string> header;
  std::vector<InputRow> rows;
};

struct InputColumns {
  std::string name = "name";
  std::string id = "id";
};

// Parses a counterparty CSV (header required; columns name, id, kind,
// country, date_of_birth, identifiers as "type:value;type:value"). Errors
// (kInvalidArgument) name the file, line and column, never a cell's content.
absl::StatusOr<InputTable> ParseInputCsv(const std::string& file_label, const std::string& bytes,
                                         const InputColumns& columns);

// Neutralises a CSV cell for spreadsheets: a cell starting with =, +, -, @,
// tab or carriage return gets a leading apostrophe. Then quotes it if
// needed (RFC 4180).
std::string CsvCell(const std::string& value);

// Reads CSV records from a file or standard input incrementally, with the
// semantics of internal::CsvReader (RFC 4180 quoting, CRLF/LF, blank lines
// skipped, "truncated inside a quoted field" errors with the line), a
// UTF-8 BOM skipped and every record checked to be valid UTF-8. A UTF-16
// file (BOM) is decoded whole first. Hashes every byte it reads.
// Thread-compatible.
class CsvStream {
 public:
  // Opens `path` ("-" = standard input). kNotFound / kUnavailable.
  static absl::StatusOr<std::unique_ptr<CsvStream>> Open(const std::string& path);
  ~CsvStream();

  // The next record: true, false at the end, or kInvalidArgument
  // "file:line: ...".
  absl::StatusOr<bool> Next(std::vector<std::string>* fields);

  int64_t line() const { return record_line_; }   // line of the last record
  const std::string& label() const { return label_; }
  int64_t bytes_read() const { return bytes_read_; }
  int64_t total_bytes() const { return total_bytes_; }  // -1 when unknown (stdin)
  // SHA-256 hex of all bytes of the input; valid after Next returned false.
  std::string Sha256Hex();

 private:
  CsvStream() = default;
  int Peek(size_t ahead);  // byte at pos_+ahead, or -1 at end
  void Refill();
  std::string label_;
  FILE* file_ = nullptr;
  bool owns_file_ = false;
  bool eof_ = false;
  std::string buf_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  int64_t record_line_ = 0;
  int64_t bytes_read_ = 0;
  int64_t total_bytes_ = -1;
  internal::Sha256 sha_;
  std::string sha_hex_;
};

// Counterparty rows, chunk by chunk.
class InputStream {
 public:
  // Opens the file and reads its header. kInvalidArgument when the header
  // lacks the name column.
  static absl::StatusOr<std::unique_ptr<InputStream>> Open(const std::string& path, const InputColumns& columns);
  // Reads up to `max_rows` rows into `rows` (cleared first); an empty
  // result means the end. Errors name file and line.
  absl::Status ReadChunk(size_t max_rows, std::vector<InputRow>* rows);
  const std::vector<std::string>& header() const { return header_; }
  CsvStream& csv() { return *csv_; }
  bool has_id_column() const { return id_col_ >= 0; }

 private:
  std::unique_ptr<CsvStream> csv_;
  std::vector<std::string> header_;
  int name_col_ = -1, id_col_ = -1, kind_col_ = -1, country_col_ = -1, dob_col_ = -1, ids_col_ = -1;
};

struct TransactionColumns {
  std::string id = "id";
  std::string date = "date";
  std::string name = "counterparty";  // falls back to "name" when absent
  std::string country = "country";
  std::string amount = "amount";
  std::string currency = "currency";
};

struct Transaction {
  int64_t line = 0;
  std::string id;          // id column, else the line number
  absl::CivilDay date;
  std::string date_text;   // YYYY-MM-DD
  Query query;             // name (and country)
  std::string amount, currency;
};

// Transactions, chunk by chunk. A row without a date or with a date that is
// not YYYY-MM-DD is kInvalidArgument "file:line: date: ...".
class TransactionStream {
 public:
  static absl::StatusOr<std::unique_ptr<TransactionStream>> Open(const std::string& path,
                                                                 const TransactionColumns& columns);
  absl::Status ReadChunk(size_t max_rows, std::vector<Transaction>* rows);
  CsvStream& csv() { return *csv_; }

 private:
  std::unique_ptr<CsvStream> csv_;
  std::vector<std::string> header_;
  int id_col_ = -1, date_col_ = -1, name_col_ = -1, country_col_ = -1, amount_col_ = -1, currency_col_ = -1;
};

}  // namespace partyscreen::cli

#endif  // PARTYSCREEN_TOOLS_PARTYSCREEN_INPUT_H_
