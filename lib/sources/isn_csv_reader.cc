// Reader of the State Department Nonproliferation Sanctions (ISN) CSV, in
// the three layouts it has had (header read by name, case-insensitive):
//   2014-2015: Programs, Name, Address, Country, Federal Register Notice,
//              Effective Date, Date Lifted/Waived/Expired (one row per name
//              and sanction);
//   2015-2016: the 31-column 2015 CSL layout (Source List, Entity Number, SDN
//              Type, Programs, Name, ..., Alternate Name, ..., Web Link);
//   2016-12:   Source List, Programs, Name, Alternative Names, Country,
//              Federal Register Notice, Effective Date, Remarks/Notes, Web Link.
//
// Entities. ISN publishes no id and one row per sanction: rows with the same
// normalised name (NormalizedNameKey) are one entity, with one Listing per
// row; its id is DerivedEntityId("isn", key). The 2014 layout lists each
// alias on its own row, with nothing linking it to its party, so an alias row
// is its own entity there.
//
// Dates are month-first ("7/8/2008"); a date cell that is not a date ("N/A",
// "Waived on 9/19/03; Extended on ...") is kept as text in PartialDate.text.
// Encoding: two versions are not UTF-8 (stray 0xFF, a cp1252 0x92); such a
// file is decoded as Windows-1252 and the encoding is noted in the issues.
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/sources/csl_common.h"
#include "lib/sources/csv.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/readers.h"
#include "lib/util/countries.h"

namespace partyscreen::internal {

// Reads an ISN CSV file. Errors: kNotFound, kInvalidArgument (empty file, no
// Name column, a truncated quoted field, or in strict mode a malformed row
// "file:line: field: message"). Thread-safe.
absl::StatusOr<v1::EntityList> ReadIsnCsv(absl::string_view path, const ReadOptions& options) {
  auto loaded = LoadListFile(path, Legacy8Bit::kWindows1252);
  if (!loaded.ok()) return loaded.status();
  const LoadedFile& f = *loaded;
  v1::EntityList list;
  v1::ListSource* src = list.mutable_source();
  if (auto s = FillListSource(options, "us_state_isn", "isn_csv", "US Department of State",
                              "Nonproliferation Sanctions", "", {&f}, src);
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
  const int c_name = FindColumn(header, {"name"});
  if (c_name < 0) {
    return RowError(f.name, reader.line(), "Name", "required column 'Name' is missing from the header");
  }
  const int c_source = FindColumn(header, {"source list"});
  const int c_programs = FindColumn(header, {"programs"});
  const int c_type = FindColumn(header, {"sdn type"});
  const int c_title = FindColumn(header, {"title"});
  const int c_address = FindColumn(header, {"address"});
  const int c_city = FindColumn(header, {"city"});
  const int c_state = FindColumn(header, {"state/province"});
  const int c_postal = FindColumn(header, {"postal code"});
  const int c_country = FindColumn(header, {"country"});
  const int c_fr = FindColumn(header, {"federal register notice"});
  const int c_eff = FindColumn(header, {"effective date"});
  const int c_lifted = FindColumn(header, {"date lifted/waived/expired"});
  const int c_remarks = FindColumn(header, {"remarks/notes"});
  const int c_alt = FindColumn(header, {"alternate name", "alternative names"});
  const int c_url = FindColumn(header, {"web link"});
  // "Alternative Names" (2016-12) separates aliases with commas.
  const bool alt_commas = c_alt >= 0 && absl::AsciiStrToLower(TrimSpace(header[c_alt])) == "alternative names";
  std::vector<bool> used(header.size(), false);
  for (int c : {c_name, c_source, c_programs, c_type, c_title, c_address, c_city, c_state, c_postal,
                c_country, c_fr, c_eff, c_lifted, c_remarks, c_alt, c_url}) {
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
      if (auto s = errors.Skip(f.name, line, "Name", "name is empty"); !s.ok()) return s;
      continue;
    }
    std::vector<SplitName> names = SplitCslNames(name, v1::NAME_KIND_PRIMARY);
    std::string key = NormalizedNameKey(names.empty() ? name : names[0].text);
    auto it = by_key.find(key);
    v1::Entity* e;
    if (it == by_key.end()) {
      by_key.emplace(key, list.entities_size());
      e = list.add_entities();
      e->set_list_id(list_id);
      e->set_entity_id(DerivedEntityId("isn", key));
      e->set_source_file(f.name);
      e->set_source_line(static_cast<int32_t>(line));
    } else {
      e = list.mutable_entities(it->second);
    }
    if (names.size() > 1) AddRawUnique(e, "Name", name);
    for (const auto& n : names) AddNameUnique(e, n.text, n.kind, n.marker);
    std::string alt = get(c_alt);
    if (!alt.empty()) {
      AddRawUnique(e, header[c_alt], alt);
      for (const auto& n : SplitCslNames(alt, v1::NAME_KIND_ALIAS, alt_commas)) {
        AddNameUnique(e, n.text, n.kind, n.marker);
      }
    }
    v1::EntityKind kind;
    if (c_type >= 0 && CslEntityKind(get(c_type), &kind) && e->kind() == v1::ENTITY_KIND_UNKNOWN) {
      e->set_kind(kind);
    }
    if (e->title().empty()) e->set_title(get(c_title));

    auto* l = e->add_listings();
    std::string source = get(c_source);
    l->set_source_list(source.empty() || source == "ISN" ? "Nonproliferation Sanctions (ISN) - State Department"
                                                         : source);
    std::string programs = get(c_programs);
    if (!programs.empty()) l->add_programs(programs);
    l->set_federal_register_notice(get(c_fr));
    std::string eff = get(c_eff);
    if (!eff.empty() && !ParseUsDateOrText(eff, l->mutable_start_date())) {
      errors.Note(f.name, line, header[c_eff], absl::StrCat("'", eff, "' is not a date; kept as text"));
    }
    std::string lifted = get(c_lifted);
    if (!lifted.empty()) ParseUsDateOrText(lifted, l->mutable_end_date());
    l->set_remarks(get(c_remarks));
    l->set_source_url(get(c_url));
    if (!l->remarks().empty() && !absl::StrContains(e->remarks(), l->remarks())) {
      e->set_remarks(e->remarks().empty() ? l->remarks() : absl::StrCat(e->remarks(), "; ", l->remarks()));
    }

    v1::Address a;
    std::string street = get(c_address);
    if (!street.empty()) a.add_lines(street);
    a.set_city(get(c_city));
    a.set_state(get(c_state));
    a.set_postal_code(get(c_postal));
    a.set_country(get(c_country));
    std::string code = CountryCode(a.country());
    if (code.empty() && a.country().size() == 2 && absl::ascii_isupper(a.country()[0]) &&
        absl::ascii_isupper(a.country()[1])) {
      code = a.country();
    }
    a.set_country_code(code);
    std::string full;
    for (const std::string* p : std::initializer_list<const std::string*>{&street, &a.city(), &a.state(), &a.postal_code(), &a.country()}) {
      if (p->empty()) continue;
      if (!full.empty()) full += ", ";
      full += *p;
    }
    if (!full.empty()) {
      a.set_full(full);
      bool dup = false;
      for (const auto& x : e->addresses()) dup = dup || x.full() == full;
      if (!dup) *e->add_addresses() = a;
      AddUnique(e->mutable_countries(), code);
    }
    for (size_t c = 0; c < header.size(); ++c) {
      if (!used[c] && !TrimSpace(row[c]).empty()) AddRawUnique(e, TrimSpace(header[c]), TrimSpace(row[c]));
    }
  }
  SetFileRecords(src, f.name, records);
  if (auto s = RequireEntities(list, f.name); !s.ok()) return s;
  return list;
}

}  // namespace partyscreen::internal
