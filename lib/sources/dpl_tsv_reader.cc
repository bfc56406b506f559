// Reader of the BIS Denied Persons List in its native tab-separated form
// (dpl.txt): header `Name, Street_Address, City, State, Country, Postal_Code,
// Effective_Date, Expiration_Date, Standard_Order, Last_Update, Action,
// FR_Citation` (read by name; fields usually quoted), one row per denied
// party and address, dates MM/DD/YYYY (Last_Update YYYY-MM-DD or M/D/YYYY).
//
// Entity ids. The DPL publishes no id. A denial order is identified by the
// party's name and the order's effective date, so the id is
// DerivedEntityId("dpl", NormalizedNameKey(Name) + "|" + effective date as
// YYYY-MM-DD): "dpl-" + 16 hex digits, stable across list versions as long
// as the name and the order date are unchanged.
//
// Duplicates. BIS repeats a party on one row per known address (e.g. "ABDULAH
// AL NASSER", order of 03/04/2002, at several addresses). Rows with the same
// normalised name AND the same effective date are merged into one entity:
// every address is kept, and a row whose listing data (dates, standard
// order, action, citation) differs from the entity's listings adds a
// Listing. Rows with the same name but another effective date are another
// order and stay separate entities.
//
// Encoding: UTF-8 is expected; a file that is not valid UTF-8 is decoded as
// Windows-1252 and the encoding is recorded in a ListSource issue.
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/sources/csl_common.h"
#include "lib/sources/csv.h"
#include "lib/sources/dates.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/readers.h"
#include "lib/util/countries.h"

namespace partyscreen::internal {
namespace {

enum Col {
  kName, kStreet, kCity, kState, kCountry, kPostal, kEffective, kExpiration, kStandardOrder,
  kLastUpdate, kAction, kFrCitation, kNumCols
};
constexpr const char* kColNames[kNumCols] = {
    "name", "street_address", "city", "state", "country", "postal_code", "effective_date",
    "expiration_date", "standard_order", "last_update", "action", "fr_citation"};

bool SameListing(const v1::Listing& a, const v1::Listing& b) {
  return a.start_date().SerializeAsString() == b.start_date().SerializeAsString() &&
         a.end_date().SerializeAsString() == b.end_date().SerializeAsString() &&
         a.standard_order() == b.standard_order() && a.remarks() == b.remarks() &&
         a.federal_register_notice() == b.federal_register_notice() &&
         a.last_updated().SerializeAsString() == b.last_updated().SerializeAsString();
}

}  // namespace

// Reads a DPL TSV file. Errors: kNotFound, kInvalidArgument (empty file, a
// missing Name or Effective_Date column, a truncated quoted field, or in
// strict mode a malformed row "file:line: field: message"). Thread-safe.
absl::StatusOr<v1::EntityList> ReadDplTsv(absl::string_view path, const ReadOptions& options) {
  auto loaded = LoadListFile(path, Legacy8Bit::kWindows1252);
  if (!loaded.ok()) return loaded.status();
  const LoadedFile& f = *loaded;
  v1::EntityList list;
  v1::ListSource* src = list.mutable_source();
  if (auto s = FillListSource(options, "us_bis_dpl", "dpl_tsv", "US Bureau of Industry and Security",
                              "Denied Persons List", "", {&f}, src);
      !s.ok()) {
    return s;
  }
  RowErrors errors(options.lenient, src);
  if (f.decoded.encoding != "UTF-8") {
    errors.Note(f.name, 0, "", absl::StrCat("file decoded as ", f.decoded.encoding));
  }
  CsvOptions csv;
  csv.delimiter = '\t';
  CsvReader reader(f.name, f.decoded.text, csv);
  std::vector<std::string> header;
  auto first = reader.Next(&header);
  if (!first.ok()) return first.status();
  if (!*first) return absl::InvalidArgumentError(absl::StrCat(f.name, ": file has no header line"));
  int col[kNumCols];
  std::fill(col, col + kNumCols, -1);
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = absl::AsciiStrToLower(TrimSpace(header[i]));
    for (int c = 0; c < kNumCols; ++c) {
      if (h == kColNames[c]) col[c] = static_cast<int>(i);
    }
  }
  for (Col c : {kName, kEffective}) {
    if (col[c] < 0) {
      return RowError(f.name, reader.line(), kColNames[c],
                      absl::StrCat("required column '", kColNames[c], "' is missing from the header"));
    }
  }
  const std::string list_id = src->list_id();
  absl::flat_hash_map<std::string, int> by_key;
  std::vector<std::string> row;
  int64_t records = 0;
  // The govwizely sample ends some rows early; the missing trailing fields
  // are empty, which is only acceptable if the required ones are there.
  const size_t min_fields = static_cast<size_t>(std::max(col[kName], col[kEffective])) + 1;
  while (true) {
    auto more = NextDataRow(reader, f.name, header.size(), min_fields, errors, &row, &records);
    if (!more.ok()) return more.status();
    if (!*more) break;
    const int64_t line = reader.line();
    auto skip = [&](absl::string_view field, absl::string_view msg) {
      return errors.Skip(f.name, line, field, msg);
    };
    if (row.size() < header.size()) {
      errors.Note(f.name, line, "",
                  absl::StrCat("row has ", row.size(), " of ", header.size(),
                               " fields; the missing trailing fields are taken as empty"));
      row.resize(header.size());
    }
    auto get = [&](Col c) -> std::string {
      return col[c] < 0 ? std::string() : std::string(TrimSpace(row[col[c]]));
    };
    std::string name = get(kName);
    if (name.empty()) {
      if (auto s = skip("Name", "name is empty"); !s.ok()) return s;
      continue;
    }
    v1::Listing listing;
    listing.set_source_list("Denied Persons List (DPL) - Bureau of Industry and Security");
    std::string eff = get(kEffective);
    auto eff_date = ParseMonthFirstDate(eff);
    if (!eff_date.ok() || eff_date->day() == 0) {
      if (auto s = skip("Effective_Date", absl::StrCat("'", eff, "' is not a MM/DD/YYYY date"));
          !s.ok()) {
        return s;
      }
      continue;
    }
    *listing.mutable_start_date() = *eff_date;
    // Expiration and Last_Update are not part of the id: a bad one (the 2019
    // file has Last_Update "3017-08-22") is kept as text and noted.
    std::string exp = get(kExpiration);
    if (!exp.empty()) {
      auto d = ParseMonthFirstDate(exp);
      if (d.ok()) {
        *listing.mutable_end_date() = *d;
      } else {
        listing.mutable_end_date()->set_text(exp);
        errors.Note(f.name, line, "Expiration_Date", absl::StrCat("'", exp, "' is not a date; kept as text"));
      }
    }
    std::string upd = get(kLastUpdate);
    if (!upd.empty()) {
      auto d = ParseIsoDate(upd);
      if (!d.ok()) d = ParseMonthFirstDate(upd);
      if (d.ok()) {
        *listing.mutable_last_updated() = *d;
      } else {
        listing.mutable_last_updated()->set_text(upd);
        errors.Note(f.name, line, "Last_Update", absl::StrCat("'", upd, "' is not a date; kept as text"));
      }
    }
    listing.set_standard_order(get(kStandardOrder));
    listing.set_remarks(get(kAction));
    listing.set_federal_register_notice(get(kFrCitation));

    v1::Address addr;
    std::string street = get(kStreet);
    if (!street.empty()) addr.add_lines(street);
    addr.set_city(get(kCity));
    addr.set_state(get(kState));
    addr.set_postal_code(get(kPostal));
    addr.set_country(get(kCountry));
    std::string code = CountryCode(addr.country());
    if (code.empty() && addr.country().size() == 2 && absl::ascii_isupper(addr.country()[0]) &&
        absl::ascii_isupper(addr.country()[1])) {
      code = addr.country();
    }
    addr.set_country_code(code);
    std::string full;
    for (const std::string* p : {&street, addr.mutable_city(), addr.mutable_state(),
                                 addr.mutable_postal_code(), addr.mutable_country()}) {
      if (p->empty()) continue;
      if (!full.empty()) full += ", ";
      full += *p;
    }
    addr.set_full(full);

    std::string key = absl::StrCat(NormalizedNameKey(name), "|", FormatPartialDate(*eff_date));
    auto it = by_key.find(key);
    v1::Entity* e;
    if (it == by_key.end()) {
      by_key.emplace(key, list.entities_size());
      e = list.add_entities();
      e->set_list_id(list_id);
      e->set_entity_id(DerivedEntityId("dpl", key));
      e->set_source_file(f.name);
      e->set_source_line(static_cast<int32_t>(line));
      std::vector<SplitName> names = SplitCslNames(name, v1::NAME_KIND_PRIMARY);
      if (names.size() > 1) AddRawUnique(e, "Name", name);
      for (const auto& n : names) AddNameUnique(e, n.text, n.kind, n.marker);
    } else {
      e = list.mutable_entities(it->second);
    }
    bool have = false;
    for (const auto& l : e->listings()) have = have || SameListing(l, listing);
    if (!have) *e->add_listings() = std::move(listing);
    if (!full.empty()) {
      bool dup = false;
      for (const auto& a : e->addresses()) dup = dup || a.full() == full;
      if (!dup) *e->add_addresses() = std::move(addr);
      AddUnique(e->mutable_countries(), code);
    }
  }
  SetFileRecords(src, f.name, records);
  if (auto s = RequireEntities(list, f.name); !s.ok()) return s;
  return list;
}

}  // namespace partyscreen::internal
