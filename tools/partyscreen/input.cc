#include "tools/partyscreen/input.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "lib/sources/csv.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/text.h"

namespace partyscreen::cli {

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
  int name_col = -1, id_col = -1, kind_col = -1, country_col = -1, dob_col = -1, ids_col = -1;
  for (int i = 0; i < static_cast<int>(fields.size()); ++i) {
    std::string h = absl::AsciiStrToLower(internal::TrimSpace(fields[i]));
    if (h == absl::AsciiStrToLower(columns.name)) name_col = i;
    else if (h == absl::AsciiStrToLower(columns.id)) id_col = i;
    else if (h == "kind" || h == "type") kind_col = i;
    else if (h == "country") country_col = i;
    else if (h == "date_of_birth" || h == "dob") dob_col = i;
    else if (h == "identifiers") ids_col = i;
  }
  if (name_col < 0) {
    return absl::InvalidArgumentError(absl::StrCat(file_label, ":", reader.line(), ": header has no '", columns.name,
                                                   "' column (use --name-column to name it)"));
  }
  while (true) {
    auto more = reader.Next(&fields);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (fields == table.header) continue;  // a repeated header line
    if (fields.size() != table.header.size()) {
      return absl::InvalidArgumentError(absl::StrCat(file_label, ":", reader.line(), ": row has ", fields.size(),
                                                     " columns, the header has ", table.header.size()));
    }
    InputRow row;
    row.line = reader.line();
    row.id = id_col >= 0 ? std::string(internal::TrimSpace(fields[id_col])) : "";
    if (row.id.empty()) row.id = absl::StrCat(reader.line());
    row.query.name = fields[name_col];
    if (kind_col >= 0) {
      auto k = ParsePartyKind(fields[kind_col]);
      if (!k.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(file_label, ":", reader.line(), ": kind: not one of person, organization, vessel, aircraft"));
      }
      row.query.kind = *k;
    }
    if (country_col >= 0) row.query.country = std::string(internal::TrimSpace(fields[country_col]));
    if (dob_col >= 0) row.query.date_of_birth = std::string(internal::TrimSpace(fields[dob_col]));
    if (ids_col >= 0) {
      for (const auto& part : internal::SplitTrim(fields[ids_col], ";")) {
        size_t colon = part.find(':');
        QueryIdentifier qi;
        if (colon == std::string::npos) {
          qi.value = part;
        } else {
          qi.type = std::string(internal::TrimSpace(part.substr(0, colon)));
          qi.value = std::string(internal::TrimSpace(part.substr(colon + 1)));
        }
        row.query.identifiers.push_back(qi);
      }
    }
    row.cells = fields;
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

}  // namespace partyscreen::cli
