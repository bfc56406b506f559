// Reader of a company's own list in a simple CSV layout (documented in the
// README, "Custom CSV lists"):
//
//   name,aliases,kind,country,id,date_of_birth,identifiers,program,listed_on,remarks
//   Example Trading LLC,ETL;Example Trade,organization,AE,V-001,,registration:12345,internal,2024-01-31,
//
// Header names are case-insensitive; `name` is required and `id` should be
// (without it the line number is the id, and a note says so). Multi-values
// are ';'-separated; identifiers are "type:value". Unknown columns are kept
// verbatim in Entity.raw. Bad content (missing name, duplicate id, a bad
// kind or date, an identifier without "type:") is a row error
// "file:line: field: message".
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/sources/csv.h"
#include "lib/sources/dates.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/readers.h"
#include "lib/sources/script.h"
#include "lib/util/countries.h"

namespace partyscreen::internal {
namespace {

enum Col { kName, kAliases, kKind, kCountry, kId, kDob, kIdentifiers, kProgram, kListedOn,
           kRemarks, kNumCols };
constexpr const char* kColNames[kNumCols] = {"name", "aliases", "kind", "country", "id",
                                             "date_of_birth", "identifiers", "program",
                                             "listed_on", "remarks"};

absl::optional<v1::EntityKind> ParseKind(absl::string_view s) {
  std::string k = absl::AsciiStrToLower(s);
  if (k.empty()) return v1::ENTITY_KIND_UNKNOWN;
  if (k == "person" || k == "individual") return v1::ENTITY_KIND_INDIVIDUAL;
  if (k == "organization" || k == "organisation" || k == "entity" || k == "company") {
    return v1::ENTITY_KIND_ORGANIZATION;
  }
  if (k == "vessel") return v1::ENTITY_KIND_VESSEL;
  if (k == "aircraft") return v1::ENTITY_KIND_AIRCRAFT;
  return absl::nullopt;
}

v1::IdentifierKind IdentifierKindOf(absl::string_view type) {
  std::string t = absl::AsciiStrToLower(type);
  for (char& c : t) {
    if (c == '-' || c == ' ') c = '_';
  }
  struct K {
    const char* label;
    v1::IdentifierKind kind;
  };
  static constexpr K kKinds[] = {
      {"passport", v1::IDENTIFIER_KIND_PASSPORT},
      {"national_id", v1::IDENTIFIER_KIND_NATIONAL_ID},
      {"tax_id", v1::IDENTIFIER_KIND_TAX_ID},
      {"tin", v1::IDENTIFIER_KIND_TAX_ID},
      {"inn", v1::IDENTIFIER_KIND_TAX_ID},
      {"vat", v1::IDENTIFIER_KIND_TAX_ID},
      {"registration", v1::IDENTIFIER_KIND_REGISTRATION_NUMBER},
      {"registration_number", v1::IDENTIFIER_KIND_REGISTRATION_NUMBER},
      {"ogrn", v1::IDENTIFIER_KIND_REGISTRATION_NUMBER},
      {"imo", v1::IDENTIFIER_KIND_IMO},
      {"call_sign", v1::IDENTIFIER_KIND_CALL_SIGN},
      {"swift", v1::IDENTIFIER_KIND_SWIFT_BIC},
      {"bic", v1::IDENTIFIER_KIND_SWIFT_BIC},
      {"swift_bic", v1::IDENTIFIER_KIND_SWIFT_BIC},
      {"uscc", v1::IDENTIFIER_KIND_UNIFIED_SOCIAL_CREDIT_CODE},
      {"isin", v1::IDENTIFIER_KIND_ISIN},
      {"lei", v1::IDENTIFIER_KIND_LEI},
      {"email", v1::IDENTIFIER_KIND_EMAIL},
      {"website", v1::IDENTIFIER_KIND_WEBSITE},
      {"url", v1::IDENTIFIER_KIND_WEBSITE},
      {"aircraft_serial", v1::IDENTIFIER_KIND_AIRCRAFT_SERIAL},
      {"msn", v1::IDENTIFIER_KIND_AIRCRAFT_SERIAL},
      {"digital_currency_address", v1::IDENTIFIER_KIND_DIGITAL_CURRENCY_ADDRESS},
      {"drivers_license", v1::IDENTIFIER_KIND_DRIVERS_LICENSE},
      {"cedula", v1::IDENTIFIER_KIND_CEDULA},
  };
  for (const K& k : kKinds) {
    if (t == k.label) return k.kind;
  }
  return v1::IDENTIFIER_KIND_OTHER;
}

}  // namespace

absl::StatusOr<v1::EntityList> ReadCustomCsv(absl::string_view path, const ReadOptions& options) {
  auto file = LoadListFile(path, Legacy8Bit::kWindows1252);
  if (!file.ok()) return file.status();
  const std::string& name = file->name;
  CsvReader csv(name, file->decoded.text);
  std::vector<std::string> header;
  auto got = csv.Next(&header);
  if (!got.ok()) return got.status();
  if (!*got) return RowError(name, 1, "", "file has no header row");
  const int64_t header_line = csv.line();
  int col[kNumCols];
  for (int& c : col) c = -1;
  std::vector<std::string> extra_name(header.size());  // unknown columns → raw
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = absl::AsciiStrToLower(TrimSpace(header[i]));
    bool known = false;
    for (int k = 0; k < kNumCols; ++k) {
      if (h == kColNames[k]) {
        if (col[k] >= 0) {
          return RowError(name, header_line, kColNames[k], "column appears twice in the header");
        }
        col[k] = static_cast<int>(i);
        known = true;
      }
    }
    if (!known) extra_name[i] = std::string(TrimSpace(header[i]));
  }
  if (col[kName] < 0) {
    return RowError(name, header_line, "name",
                    "required column missing from the header (columns: name, aliases, kind, "
                    "country, id, date_of_birth, identifiers, program, listed_on, remarks)");
  }

  v1::EntityList list;
  v1::ListSource* source = list.mutable_source();
  if (auto s = FillListSource(options, "custom", "custom_csv", "", "Custom list", "", {&*file},
                              source);
      !s.ok()) {
    return s;
  }
  RowErrors errors(options.lenient, source);
  if (col[kId] < 0) {
    errors.Note(name, header_line, "id",
                "no id column: each entity's id is the line number of its row, which changes "
                "when rows are added or removed");
  }
  absl::flat_hash_map<std::string, int64_t> seen_ids;
  std::vector<std::string> row;
  int64_t records = 0;
  while (true) {
    got = csv.Next(&row);
    if (!got.ok()) return got.status();
    if (!*got) break;
    ++records;
    const int64_t line = csv.line();
    auto skip = [&](absl::string_view field, absl::string_view msg) {
      return errors.Skip(name, line, field, msg);
    };
    if (row.size() != header.size()) {
      if (auto s = skip("", absl::StrCat("row has ", row.size(), " fields, the header has ",
                                         header.size()));
          !s.ok()) {
        return s;
      }
      continue;
    }
    auto get = [&](int k) -> absl::string_view {
      return col[k] < 0 ? absl::string_view() : TrimSpace(row[col[k]]);
    };
    v1::Entity e;
    e.set_list_id(source->list_id());
    e.set_source_line(static_cast<int32_t>(line));
    e.set_source_file(name);
    std::string id = col[kId] < 0 ? absl::StrCat(line) : std::string(get(kId));
    if (id.empty()) {
      if (auto s = skip("id", "missing"); !s.ok()) return s;
      continue;
    }
    if (auto it = seen_ids.find(id); it != seen_ids.end()) {
      if (auto s = skip("id", absl::StrCat("duplicate id '", id, "' (first on line ", it->second,
                                           ")"));
          !s.ok()) {
        return s;
      }
      continue;
    }
    e.set_entity_id(id);
    if (get(kName).empty()) {
      if (auto s = skip("name", "missing"); !s.ok()) return s;
      continue;
    }
    auto kind = ParseKind(get(kKind));
    if (!kind) {
      if (auto s = skip("kind", absl::StrCat("unknown kind '", get(kKind),
                                             "' (person, individual, organization, entity, "
                                             "company, vessel, aircraft, or empty)"));
          !s.ok()) {
        return s;
      }
      continue;
    }
    e.set_kind(*kind);
    v1::Name* primary = e.add_names();
    primary->set_full(std::string(get(kName)));
    primary->set_kind(v1::NAME_KIND_PRIMARY);
    primary->set_script(DetectScript(primary->full()));
    for (const std::string& a : SplitTrim(get(kAliases), ";")) {
      bool dup = false;
      for (const auto& n : e.names()) dup |= n.full() == a;
      if (dup) continue;
      v1::Name* alias = e.add_names();
      alias->set_full(a);
      alias->set_kind(v1::NAME_KIND_ALIAS);
      alias->set_script(DetectScript(a));
    }
    for (const std::string& c : SplitTrim(get(kCountry), ";")) {
      std::string code = CountryCode(c);
      if (code.empty()) {
        errors.Note(name, line, "country",
                    absl::StrCat("country '", c, "' is not recognised; kept in raw only"));
      } else {
        bool dup = false;
        for (const auto& x : e.countries()) dup |= x == code;
        if (!dup) e.add_countries(code);
      }
    }
    bool bad = false;
    for (const std::string& d : SplitTrim(get(kDob), ";")) {
      auto parsed = ParseIsoDate(d);
      if (!parsed.ok()) {
        if (auto s = skip("date_of_birth", absl::StrCat("'", d, "' is not YYYY, YYYY-MM or YYYY-MM-DD"));
            !s.ok()) {
          return s;
        }
        bad = true;
        break;
      }
      parsed->set_text(d);
      *e.add_dates_of_birth() = *parsed;
    }
    if (bad) continue;
    for (const std::string& item : SplitTrim(get(kIdentifiers), ";")) {
      size_t colon = item.find(':');
      absl::string_view type = colon == std::string::npos ? "" : TrimSpace(absl::string_view(item).substr(0, colon));
      absl::string_view value = colon == std::string::npos ? "" : TrimSpace(absl::string_view(item).substr(colon + 1));
      if (type.empty() || value.empty()) {
        if (auto s = skip("identifiers", absl::StrCat("'", item, "' is not type:value")); !s.ok()) {
          return s;
        }
        bad = true;
        break;
      }
      v1::Identifier* idf = e.add_identifiers();
      idf->set_kind(IdentifierKindOf(type));
      idf->set_type(std::string(type));
      idf->set_value(std::string(value));
    }
    if (bad) continue;
    auto programs = SplitTrim(get(kProgram), ";");
    absl::string_view listed_on = get(kListedOn);
    if (!programs.empty() || !listed_on.empty()) {
      v1::Listing* l = e.add_listings();
      l->set_source_list(source->list_id());
      for (auto& p : programs) l->add_programs(p);
      if (!listed_on.empty()) {
        auto d = ParseIsoDate(listed_on);
        if (!d.ok() || !IsFullDate(*d)) {
          if (auto s = skip("listed_on", absl::StrCat("'", listed_on, "' is not a YYYY-MM-DD date"));
              !s.ok()) {
            return s;
          }
          continue;
        }
        d->set_text(std::string(listed_on));
        *l->mutable_start_date() = *d;
      }
    }
    e.set_remarks(std::string(get(kRemarks)));
    for (int k : {kCountry, kIdentifiers}) {
      if (get(k).empty()) continue;
      auto* raw = e.add_raw();
      raw->set_name(kColNames[k]);
      raw->set_value(std::string(get(k)));
    }
    for (size_t i = 0; i < row.size(); ++i) {
      if (extra_name[i].empty() || TrimSpace(row[i]).empty()) continue;
      auto* raw = e.add_raw();
      raw->set_name(extra_name[i]);
      raw->set_value(std::string(TrimSpace(row[i])));
    }
    seen_ids.emplace(id, line);
    *list.add_entities() = std::move(e);
  }
  SetFileRecords(source, name, records);
  if (auto s = RequireEntities(list, name); !s.ok()) return s;
  return list;
}

}  // namespace partyscreen::internal
