// Reader of the State Department (DDTC) AECA/ITAR debarred parties CSV, in
// its layouts (header read by name, case-insensitive):
//   2014-05: Corp, Federal Register Notices - Debarred Party (Full Name),
//            ... Surname/Corporate Name, ... Given Names, Alias, Type, DOB,
//            Notice Date, Notice, Eff. Date, Juris, Corrected Notice,
//            Corrected Notice Date, Rescission Notice, Rescission Eff. Date,
//            Notes (16 columns);
//   2014-07: the same without Juris/Rescission/Notes (12 columns);
//   2017+:   Debarred Party Full Name and Alias, Date of Birth, Notice,
//            Notice Date, Corrected Notice, Corrected Notice Date.
//
// Names: "Fleming, Brian Joseph (a.k.a. Brian Joseph McSulla)" is split by
// SplitCslNames; the Alias column (';'-separated) adds aliases.
//
// Entities. The list publishes no id: rows with the same normalised primary
// name (the full name without its a.k.a. part, so the id is the same in
// every layout) are one entity with one Listing per row; the id is
// DerivedEntityId("itar", key). Kind: Corp "x" → organisation; a row with
// given names → individual; otherwise unknown.
// Listing: federal_register_notice = Notice; start_date = Eff. Date, else
// Notice Date; end_date = Rescission Eff. Date; corrections and the
// statutory/administrative type go to remarks.
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/sources/csl_common.h"
#include "lib/sources/csv.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/readers.h"

namespace partyscreen::internal {
namespace {

// The first column whose lower-cased header contains `needle`.
int FindContaining(const std::vector<std::string>& header, absl::string_view needle) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (absl::StrContains(absl::AsciiStrToLower(header[i]), needle)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

// Reads an ITAR debarred CSV file. Errors: kNotFound, kInvalidArgument (empty
// file, no full-name column, a truncated quoted field, or in strict mode a
// malformed row "file:line: field: message"). Thread-safe.
absl::StatusOr<v1::EntityList> ReadItarCsv(absl::string_view path, const ReadOptions& options) {
  auto loaded = LoadListFile(path, Legacy8Bit::kWindows1252);
  if (!loaded.ok()) return loaded.status();
  const LoadedFile& f = *loaded;
  v1::EntityList list;
  v1::ListSource* src = list.mutable_source();
  if (auto s = FillListSource(options, "us_state_itar", "itar_csv", "US Department of State (DDTC)",
                              "AECA/ITAR Debarred Parties", "", {&f}, src);
      !s.ok()) {
    return s;
  }
  RowErrors errors(options.lenient, src);
  if (f.decoded.encoding != "UTF-8") {
    errors.Note(f.name, 0, "", absl::StrCat("file decoded as ", f.decoded.encoding));
  }
  CsvReader reader(f.name, f.decoded.text);
  std::vector<std::string> header;
  auto first = reader.Next(&header);
  if (!first.ok()) return first.status();
  if (!*first) return absl::InvalidArgumentError(absl::StrCat(f.name, ": file has no header line"));
  const int c_name = FindContaining(header, "full name");
  if (c_name < 0) {
    return RowError(f.name, reader.line(), "Debarred Party Full Name",
                    "required column 'Debarred Party Full Name' is missing from the header");
  }
  const int c_corp = FindColumn(header, {"corp"});
  const int c_surname = FindContaining(header, "surname");
  const int c_given = FindContaining(header, "given names");
  const int c_alias = FindColumn(header, {"alias"});
  const int c_type = FindColumn(header, {"type"});
  int c_dob = FindColumn(header, {"dob"});
  if (c_dob < 0) c_dob = FindContaining(header, "date of birth");
  const int c_notice_date = FindColumn(header, {"notice date"});
  const int c_notice = FindColumn(header, {"notice"});
  const int c_eff = FindColumn(header, {"eff. date"});
  const int c_corrected = FindColumn(header, {"corrected notice"});
  const int c_corrected_date = FindColumn(header, {"corrected notice date"});
  const int c_resc = FindColumn(header, {"rescission notice"});
  const int c_resc_date = FindColumn(header, {"rescission eff. date"});
  std::vector<bool> used(header.size(), false);
  for (int c : {c_name, c_corp, c_surname, c_given, c_alias, c_type, c_dob, c_notice_date, c_notice,
                c_eff, c_corrected, c_corrected_date, c_resc, c_resc_date}) {
    if (c >= 0) used[c] = true;
  }
  const size_t named = NamedColumnCount(header);

  const std::string list_id = src->list_id();
  absl::flat_hash_map<std::string, int> by_key;
  std::vector<std::string> row;
  int64_t records = 0;
  while (true) {
    auto more = NextDataRow(reader, f.name, header.size(), named, errors, &row, &records);
    if (!more.ok()) return more.status();
    if (!*more) break;
    const int64_t line = reader.line();
    row.resize(header.size());
    auto get = [&](int c) -> std::string { return c < 0 ? std::string() : std::string(TrimSpace(row[c])); };
    std::string name = get(c_name);
    if (name.empty()) {
      if (auto s = errors.Skip(f.name, line, header[c_name], "name is empty"); !s.ok()) return s;
      continue;
    }
    v1::PartialDate notice_date, eff_date, resc_date, corrected_date;
    std::string nd = get(c_notice_date), ed = get(c_eff), rd = get(c_resc_date), cd = get(c_corrected_date);
    for (auto [text, out, col] : {std::make_tuple(&nd, &notice_date, c_notice_date),
                                  std::make_tuple(&ed, &eff_date, c_eff),
                                  std::make_tuple(&rd, &resc_date, c_resc_date),
                                  std::make_tuple(&cd, &corrected_date, c_corrected_date)}) {
      if (!text->empty() && !ParseUsDateOrText(*text, out)) {
        errors.Note(f.name, line, header[col], absl::StrCat("'", *text, "' is not a date; kept as text"));
      }
    }

    std::vector<SplitName> names = SplitCslNames(name, v1::NAME_KIND_PRIMARY);
    std::string key = NormalizedNameKey(names.empty() ? name : names[0].text);
    auto it = by_key.find(key);
    v1::Entity* e;
    if (it == by_key.end()) {
      by_key.emplace(key, list.entities_size());
      e = list.add_entities();
      e->set_list_id(list_id);
      e->set_entity_id(DerivedEntityId("itar", key));
      e->set_source_file(f.name);
      e->set_source_line(static_cast<int32_t>(line));
    } else {
      e = list.mutable_entities(it->second);
    }
    if (names.size() > 1) AddRawUnique(e, "Debarred Party Full Name", name);
    for (const auto& n : names) AddNameUnique(e, n.text, n.kind, n.marker);
    std::string alias = get(c_alias);
    if (!alias.empty()) {
      for (const auto& n : SplitCslNames(alias, v1::NAME_KIND_ALIAS)) AddNameUnique(e, n.text, n.kind, n.marker);
    }
    std::string corp = get(c_corp), given = get(c_given), surname = get(c_surname);
    if (e->kind() == v1::ENTITY_KIND_UNKNOWN) {
      if (!corp.empty()) {
        e->set_kind(v1::ENTITY_KIND_ORGANIZATION);
      } else if (!given.empty()) {
        e->set_kind(v1::ENTITY_KIND_INDIVIDUAL);
      }
    }
    if (!given.empty() && corp.empty() && e->names_size() > 0 && !e->names(0).has_parts()) {
      e->mutable_names(0)->mutable_parts()->set_given(given);
      e->mutable_names(0)->mutable_parts()->set_family(surname);
    }
    std::string dob = get(c_dob);
    if (!dob.empty()) {
      v1::PartialDate d;
      ParseUsDateOrText(dob, &d);
      bool dup = false;
      for (const auto& x : e->dates_of_birth()) dup = dup || x.text() == d.text();
      if (!dup) *e->add_dates_of_birth() = d;
    }

    auto* l = e->add_listings();
    l->set_source_list("ITAR Debarred (DTC) - State Department");
    l->set_federal_register_notice(get(c_notice));
    if (!ed.empty()) {
      *l->mutable_start_date() = eff_date;
    } else if (!nd.empty()) {
      *l->mutable_start_date() = notice_date;
    }
    if (!rd.empty()) *l->mutable_end_date() = resc_date;
    std::vector<std::string> remarks;
    if (!get(c_type).empty()) remarks.push_back(absl::StrCat(get(c_type), " debarment"));
    if (!nd.empty() && !ed.empty()) remarks.push_back(absl::StrCat("notice date ", nd));
    if (!get(c_corrected).empty() || !cd.empty()) {
      remarks.push_back(absl::StrCat("corrected notice ", get(c_corrected), cd.empty() ? "" : " of ", cd));
    }
    if (!get(c_resc).empty()) remarks.push_back(absl::StrCat("rescission notice ", get(c_resc)));
    l->set_remarks(absl::StrJoin(remarks, "; "));
    for (size_t c = 0; c < header.size(); ++c) {
      if (!used[c] && !TrimSpace(row[c]).empty()) AddRawUnique(e, TrimSpace(header[c]), TrimSpace(row[c]));
    }
  }
  SetFileRecords(src, f.name, records);
  if (auto s = RequireEntities(list, f.name); !s.ok()) return s;
  return list;
}

}  // namespace partyscreen::internal
