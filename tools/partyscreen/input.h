// Reading the counterparty CSV of `partyscreen screen` into queries.
#ifndef PARTYSCREEN_TOOLS_PARTYSCREEN_INPUT_H_
#define PARTYSCREEN_TOOLS_PARTYSCREEN_INPUT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
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

}  // namespace partyscreen::cli

#endif  // PARTYSCREEN_TOOLS_PARTYSCREEN_INPUT_H_
