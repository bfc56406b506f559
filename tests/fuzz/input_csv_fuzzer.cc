// Fuzz target for the counterparty CSV readers of `partyscreen screen`
// (tools/partyscreen/input.h: ParseInputCsv on bytes, and InputStream, the
// streaming reader the CLI uses, on the same bytes as a file) and for
// CsvCell, the CSV output cell writer.
//
// Checks: never a crash; an error is kInvalidArgument naming the file; the
// two readers agree (both fail, or both read the same rows); every row read has as many cells as the
// header; every cell written by CsvCell reads back (CsvReader) as the value,
// with a leading apostrophe exactly when the value starts with a formula
// character.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/sources/csv.h"
#include "tests/fuzz/fuzz_util.h"
#include "tools/partyscreen/input.h"

namespace {

bool IsFormulaStart(const std::string& v) {
  return !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' ||
                        v[0] == '\r');
}

void CheckCell(const std::string& value) {
  const std::string cell = partyscreen::cli::CsvCell(value);
  const std::string line = absl::StrCat(cell, ",x\n");
  partyscreen::internal::CsvReader reader("cell", line);
  std::vector<std::string> fields;
  auto more = reader.Next(&fields);
  FUZZ_CHECK(more.ok() && *more, absl::StrCat("CsvCell output does not parse: ", more.status().ToString()));
  FUZZ_CHECK(fields.size() == 2 && fields[1] == "x", "CsvCell output splits into more cells");
  const std::string expected = IsFormulaStart(value) ? absl::StrCat("'", value) : value;
  FUZZ_CHECK(fields[0] == expected, "CsvCell does not round-trip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  partyscreen::cli::InputColumns columns;
  auto table = partyscreen::cli::ParseInputCsv("vendors.csv", bytes, columns);

  // The streaming reader, on the same bytes.
  const std::string path = partyscreen::fuzz::WriteScratchFile("input.csv", bytes);
  std::vector<partyscreen::cli::InputRow> streamed;
  absl::Status stream_status;
  auto stream = partyscreen::cli::InputStream::Open(path, columns);
  if (!stream.ok()) {
    stream_status = stream.status();
  } else {
    std::vector<partyscreen::cli::InputRow> chunk;
    while (true) {
      stream_status = (*stream)->ReadChunk(7, &chunk);
      if (!stream_status.ok() || chunk.empty()) break;
      for (auto& r : chunk) streamed.push_back(std::move(r));
    }
  }
  if (!stream_status.ok()) {
    FUZZ_CHECK(stream_status.code() == absl::StatusCode::kInvalidArgument ||
                   stream_status.code() == absl::StatusCode::kResourceExhausted,
               stream_status.ToString());
    FUZZ_CHECK(absl::StrContains(stream_status.message(), "input.csv"), stream_status.ToString());
  }
  if (table.ok() && stream_status.ok()) {
    FUZZ_CHECK(streamed.size() == table->rows.size(),
               absl::StrCat("readers disagree: ", streamed.size(), " vs ", table->rows.size(), " rows"));
    for (size_t i = 0; i < streamed.size(); ++i) {
      FUZZ_CHECK(streamed[i].query.name == table->rows[i].query.name, absl::StrCat("row ", i, " name differs"));
      FUZZ_CHECK(streamed[i].line == table->rows[i].line, absl::StrCat("row ", i, " line differs"));
    }
  }
  if (!table.ok()) {
    FUZZ_CHECK(table.status().code() == absl::StatusCode::kInvalidArgument ||
                   table.status().code() == absl::StatusCode::kResourceExhausted,
               table.status().ToString());
    FUZZ_CHECK(absl::StrContains(table.status().message(), "vendors.csv"), table.status().ToString());
    return 0;
  }
  for (const auto& row : table->rows) {
    FUZZ_CHECK(row.cells.size() == table->header.size(), "row width");
    FUZZ_CHECK(row.line >= 2, "row line");
    FUZZ_CHECK(!row.id.empty(), "row id");
    // Cells are valid UTF-8 (DecodeText) and must survive the CSV writer.
    for (const auto& c : row.cells) {
      if (c.find('\n') == std::string::npos && c.find('\r') == std::string::npos) CheckCell(c);
    }
  }
  const std::string head = bytes.substr(0, 64);
  if (head.find('\r') == std::string::npos) CheckCell(head);
  return 0;
}
