// Reader of HM Treasury OFSI's Consolidated List of Financial Sanctions
// Targets in the "ConList" CSV layout.
//
// Row 1 is a banner "Last Updated,dd/mm/yyyy" (the publication date), row 2
// the header (columns are found by name), then one row per name variant.
// Rows sharing a Group ID are one entity (entity_id = Group ID). The name of
// a row is Name 1..Name 5 then Name 6 (surname or whole entity name).
// Alias Type "Primary name" → PRIMARY, "Primary name variation" →
// PRIMARY_VARIATION, "AKA" → ALIAS (WEAK_ALIAS when Alias Quality says low),
// "FKA" → FORMER. "Name Non-Latin Script" adds an ORIGINAL_SCRIPT name.
// Identical names (same text and kind) and identical details repeated on the
// rows of a group are kept once.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "lib/sources/csv.h"
#include "lib/sources/dates.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/readers.h"
#include "lib/sources/script.h"
#include "lib/util/countries.h"

namespace partyscreen::internal {
namespace {

enum Col {
  kName6, kName1, kName2, kName3, kName4, kName5, kTitle, kNonLatin, kNonLatinType,
  kNonLatinLanguage, kDob, kTownOfBirth, kCountryOfBirth, kNationality, kPassportNumber,
  kPassportDetails, kNationalIdNumber, kNationalIdDetails, kPosition, kAddress1, kAddress2,
  kAddress3, kAddress4, kAddress5, kAddress6, kPostCode, kCountry, kOtherInformation,
  kGroupType, kAliasType, kAliasQuality, kRegime, kListedOn, kDateDesignated, kLastUpdated,
  kGroupId, kNumCols
};

// Column names as published; matched case-insensitively.
constexpr const char* kColNames[kNumCols] = {
    "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title",
    "Name Non-Latin Script", "Non-Latin Script Type", "Non-Latin Script Language", "DOB",
    "Town of Birth", "Country of Birth", "Nationality", "Passport Number", "Passport Details",
    "National Identification Number", "National Identification Details", "Position",
    "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6",
    "Post/Zip Code", "Country", "Other Information", "Group Type", "Alias Type",
    "Alias Quality", "Regime", "Listed On", "UK Sanctions List Date Designated", "Last Updated",
    "Group ID"};

// A UK date: "dd/mm/yyyy" where "00" marks an unknown day or month
// ("00/00/1960" is the year 1960), "mm/yyyy", or "yyyy".
absl::StatusOr<v1::PartialDate> ParseUkDate(absl::string_view s) {
  std::vector<absl::string_view> parts = absl::StrSplit(s, '/');
  int v[3] = {0, 0, 0};
  for (size_t i = 0; i < parts.size() && i < 3; ++i) {
    if (parts[i].empty() || parts[i].size() > 4 || !absl::SimpleAtoi(parts[i], &v[i])) {
      return absl::InvalidArgumentError(absl::StrCat("'", s, "' is not a dd/mm/yyyy date"));
    }
  }
  int y = 0, m = 0, d = 0;
  if (parts.size() == 3 && parts[2].size() == 4) {
    d = v[0], m = v[1], y = v[2];
  } else if (parts.size() == 2 && parts[1].size() == 4) {
    m = v[0], y = v[1];
  } else if (parts.size() == 1 && parts[0].size() == 4) {
    y = v[0];
  } else {
    return absl::InvalidArgumentError(absl::StrCat("'", s, "' is not a dd/mm/yyyy date"));
  }
  if (m == 0) d = 0;  // "05/00/1960": a day without a month says nothing
  std::string iso = absl::StrCat(y);
  if (m) absl::StrAppend(&iso, "-", m < 10 ? "0" : "", m);
  if (m && d) absl::StrAppend(&iso, "-", d < 10 ? "0" : "", d);
  auto out = ParseIsoDate(iso);
  if (!out.ok()) return absl::InvalidArgumentError(absl::StrCat("'", s, "' is not a valid date"));
  out->set_text(std::string(s));
  return out;
}

// Splits OFSI's numbered multi-values "(1) Germany. (2) Morocco" into
// {"Germany", "Morocco"}; text without "(1)" is one value.
std::vector<std::string> SplitNumbered(absl::string_view s) {
  s = TrimSpace(s);
  std::vector<std::string> out;
  if (s.empty()) return out;
  if (!absl::StartsWith(s, "(1)")) {
    out.emplace_back(s);
    return out;
  }
  int n = 1;
  size_t pos = 0;
  while (true) {
    std::string marker = absl::StrCat("(", n, ")");
    std::string next = absl::StrCat("(", n + 1, ")");
    size_t start = pos + marker.size();
    size_t end = s.find(next, start);
    absl::string_view part = s.substr(start, end == absl::string_view::npos ? s.npos : end - start);
    part = TrimSpace(part);
    while (!part.empty() && (part.back() == '.' || part.back() == ',' || part.back() == ';')) {
      part.remove_suffix(1);
      part = TrimSpace(part);
    }
    if (!part.empty()) out.emplace_back(part);
    if (end == absl::string_view::npos) break;
    pos = end;
    ++n;
  }
  return out;
}

// The value after "(label):" in Other Information, up to the next " (" or
// ". " or the end; "" if absent.
std::string TaggedValue(absl::string_view text, absl::string_view label) {
  size_t p = text.find(label);
  if (p == absl::string_view::npos) return "";
  absl::string_view rest = text.substr(p + label.size());
  size_t end = std::min(rest.find(" ("), rest.find(". "));
  rest = TrimSpace(rest.substr(0, end));
  while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
  return std::string(rest);
}

// The UN reference number after "(UN Ref):" ("QDi.001"; the publisher
// sometimes writes "CDi. 038", kept as "CDi.038"), or "" if absent.
std::string UnReference(absl::string_view text) {
  static constexpr absl::string_view kLabel = "(UN Ref):";
  size_t p = text.find(kLabel);
  if (p == absl::string_view::npos) return "";
  absl::string_view rest = TrimSpace(text.substr(p + kLabel.size()));
  size_t i = 0;
  while (i < rest.size() && absl::ascii_isalpha(static_cast<unsigned char>(rest[i]))) ++i;
  size_t letters = i;
  if (letters > 0 && i < rest.size() && rest[i] == '.') {
    size_t j = i + 1;
    while (j < rest.size() && rest[j] == ' ') ++j;
    size_t digits = j;
    while (j < rest.size() && absl::ascii_isdigit(static_cast<unsigned char>(rest[j]))) ++j;
    if (j > digits) {
      return absl::StrCat(rest.substr(0, letters), ".", rest.substr(digits, j - digits));
    }
  }
  return TaggedValue(text, kLabel);
}

template <typename C>
bool Contains(const C& c, absl::string_view v) {
  for (const auto& x : c) {
    if (x == v) return true;
  }
  return false;
}

void AddUnique(google::protobuf::RepeatedPtrField<std::string>* f, absl::string_view v) {
  if (!v.empty() && !Contains(*f, v)) f->Add(std::string(v));
}

void AddRawUnique(v1::Entity* e, absl::string_view name, absl::string_view value) {
  if (value.empty()) return;
  for (const auto& r : e->raw()) {
    if (r.name() == name && r.value() == value) return;
  }
  auto* r = e->add_raw();
  r->set_name(std::string(name));
  r->set_value(std::string(value));
}

void AddName(v1::Entity* e, v1::Name name) {
  for (const auto& n : e->names()) {
    if (n.full() == name.full() && n.kind() == name.kind()) return;
  }
  *e->add_names() = std::move(name);
}

void AddIdentifiers(v1::Entity* e, v1::IdentifierKind kind, absl::string_view type,
                    absl::string_view numbers, absl::string_view details) {
  std::vector<std::string> nums = SplitNumbered(numbers);
  std::vector<std::string> dets = SplitNumbered(details);
  for (size_t i = 0; i < nums.size(); ++i) {
    v1::Identifier id;
    id.set_kind(kind);
    id.set_type(std::string(type));
    id.set_value(nums[i]);
    if (dets.size() == nums.size()) {
      id.set_remarks(dets[i]);
    } else {
      id.set_remarks(std::string(TrimSpace(details)));
    }
    bool dup = false;
    for (const auto& x : e->identifiers()) {
      if (x.type() == id.type() && x.value() == id.value() && x.remarks() == id.remarks()) dup = true;
    }
    if (!dup) *e->add_identifiers() = std::move(id);
  }
}

}  // namespace

absl::StatusOr<v1::EntityList> ReadUkConList(absl::string_view path, const ReadOptions& options) {
  auto file = LoadListFile(path, Legacy8Bit::kWindows1252);
  if (!file.ok()) return file.status();
  CsvReader csv(file->name, file->decoded.text);
  std::vector<std::string> row;
  auto got = csv.Next(&row);
  if (!got.ok()) return got.status();
  if (!*got) return RowError(file->name, 1, "", "file has no header row");
  std::string date_in_file;
  if (absl::AsciiStrToLower(TrimSpace(row[0])) == "last updated") {
    std::string banner_date = row.size() > 1 ? std::string(TrimSpace(row[1])) : "";
    auto d = ParseDayFirstDate(banner_date);
    if (!d.ok()) {
      return RowError(file->name, csv.line(), "Last Updated",
                      absl::StrCat("'", banner_date, "' is not a dd/mm/yyyy date"));
    }
    date_in_file = FormatPartialDate(*d);
    got = csv.Next(&row);
    if (!got.ok()) return got.status();
    if (!*got) return RowError(file->name, csv.current_line(), "", "file ends after the banner row");
  }
  int64_t header_line = csv.line();
  int col[kNumCols];
  for (int& c : col) c = -1;
  for (size_t i = 0; i < row.size(); ++i) {
    absl::string_view h = TrimSpace(row[i]);
    for (int k = 0; k < kNumCols; ++k) {
      if (col[k] < 0 && absl::EqualsIgnoreCase(h, kColNames[k])) col[k] = static_cast<int>(i);
    }
  }
  for (int k : {kName6, kGroupId, kGroupType}) {
    if (col[k] < 0) {
      return RowError(file->name, header_line, kColNames[k],
                      "required column missing from the header (is this a ConList file?)");
    }
  }

  v1::EntityList list;
  v1::ListSource* source = list.mutable_source();
  if (auto s = FillListSource(options, "uk_hmt", "uk_conlist", "HM Treasury OFSI",
                              "Consolidated List of Financial Sanctions Targets in the UK",
                              date_in_file, {&*file}, source);
      !s.ok()) {
    return s;
  }
  RowErrors errors(options.lenient, source);
  absl::flat_hash_map<std::string, int> group_index;
  int64_t records = 0;
  while (true) {
    got = csv.Next(&row);
    if (!got.ok()) return got.status();
    if (!*got) break;
    ++records;
    const int64_t line = csv.line();
    if (row.size() < static_cast<size_t>(col[kGroupId] + 1) ||
        row.size() < static_cast<size_t>(col[kName6] + 1)) {
      if (auto s = errors.Skip(file->name, line, "", absl::StrCat("row has ", row.size(),
                                                                   " fields, fewer than the header"));
          !s.ok()) {
        return s;
      }
      continue;
    }
    auto get = [&](int k) -> absl::string_view {
      int i = col[k];
      if (i < 0 || static_cast<size_t>(i) >= row.size()) return "";
      return TrimSpace(row[i]);
    };
    auto skip = [&](absl::string_view field, absl::string_view msg) {
      return errors.Skip(file->name, line, field, msg);
    };
    std::string group_id(get(kGroupId));
    if (group_id.empty()) {
      if (auto s = skip("Group ID", "missing"); !s.ok()) return s;
      continue;
    }
    // Validate the whole row before touching the entity.
    v1::EntityKind kind;
    std::string group_type = absl::AsciiStrToLower(get(kGroupType));
    if (group_type == "individual") {
      kind = v1::ENTITY_KIND_INDIVIDUAL;
    } else if (group_type == "entity") {
      kind = v1::ENTITY_KIND_ORGANIZATION;
    } else if (group_type == "ship") {
      kind = v1::ENTITY_KIND_VESSEL;
    } else {
      if (auto s = skip("Group Type", absl::StrCat("unknown group type '", get(kGroupType), "'"));
          !s.ok()) {
        return s;
      }
      continue;
    }
    v1::Name name;
    std::vector<absl::string_view> parts;
    for (int k : {kName1, kName2, kName3, kName4, kName5, kName6}) {
      if (!get(k).empty()) parts.push_back(get(k));
    }
    name.set_full(absl::StrJoin(parts, " "));
    if (name.full().empty()) {
      if (auto s = skip("Name 6", "the row has no name"); !s.ok()) return s;
      continue;
    }
    std::string alias_type(get(kAliasType));
    std::string alias_quality(get(kAliasQuality));
    std::string at = absl::AsciiStrToLower(alias_type);
    if (at == "primary name") {
      name.set_kind(v1::NAME_KIND_PRIMARY);
    } else if (at == "primary name variation") {
      name.set_kind(v1::NAME_KIND_PRIMARY_VARIATION);
    } else if (at == "aka" || at.empty()) {
      name.set_kind(absl::StrContains(absl::AsciiStrToLower(alias_quality), "low")
                        ? v1::NAME_KIND_WEAK_ALIAS
                        : v1::NAME_KIND_ALIAS);
    } else if (at == "fka") {
      name.set_kind(v1::NAME_KIND_FORMER);
    } else {
      if (auto s = skip("Alias Type", absl::StrCat("unknown alias type '", alias_type, "'"));
          !s.ok()) {
        return s;
      }
      continue;
    }
    name.set_publisher_type(alias_type);
    name.set_quality(alias_quality);
    name.set_script(DetectScript(name.full()));
    if (kind == v1::ENTITY_KIND_INDIVIDUAL) {
      auto* p = name.mutable_parts();
      p->set_given(std::string(get(kName1)));
      std::vector<absl::string_view> middle;
      for (int k : {kName2, kName3, kName4, kName5}) {
        if (!get(k).empty()) middle.push_back(get(k));
      }
      p->set_middle(absl::StrJoin(middle, " "));
      p->set_family(std::string(get(kName6)));
      p->set_title(std::string(get(kTitle)));
    }
    absl::optional<v1::PartialDate> dob, listed_on, designated, last_updated;
    struct DateField {
      Col c;
      absl::optional<v1::PartialDate>* out;
    };
    bool bad = false;
    for (DateField f : {DateField{kDob, &dob}, DateField{kListedOn, &listed_on},
                        DateField{kDateDesignated, &designated},
                        DateField{kLastUpdated, &last_updated}}) {
      if (get(f.c).empty()) continue;
      auto d = ParseUkDate(get(f.c));
      if (!d.ok()) {
        if (auto s = skip(kColNames[f.c], d.status().message()); !s.ok()) return s;
        bad = true;
        break;
      }
      *f.out = *d;
    }
    if (bad) continue;

    // Find or start the group's entity.
    auto [it, inserted] = group_index.try_emplace(group_id, list.entities_size());
    v1::Entity* e;
    if (inserted) {
      e = list.add_entities();
      e->set_list_id(source->list_id());
      e->set_entity_id(group_id);
      e->set_kind(kind);
      e->set_source_line(static_cast<int32_t>(line));
      e->set_source_file(file->name);
    } else {
      e = list.mutable_entities(it->second);
      if (e->kind() != kind) {
        errors.Note(file->name, line, "Group Type",
                    absl::StrCat("group ", group_id, " has rows of different types; kept the first"));
      }
    }
    AddName(e, name);
    absl::string_view non_latin = get(kNonLatin);
    if (!non_latin.empty()) {
      v1::Name o;
      o.set_full(std::string(non_latin));
      o.set_kind(v1::NAME_KIND_ORIGINAL_SCRIPT);
      o.set_script(DetectScript(non_latin));
      o.set_language(std::string(get(kNonLatinLanguage)));
      o.set_publisher_type(std::string(get(kNonLatinType)));
      AddName(e, std::move(o));
    }
    if (dob) {
      bool dup = false;
      for (const auto& d : e->dates_of_birth()) dup |= d.text() == dob->text();
      if (!dup) *e->add_dates_of_birth() = *dob;
    }
    std::string pob = absl::StrJoin(
        std::vector<absl::string_view>{get(kTownOfBirth), get(kCountryOfBirth)}, ", ");
    if (get(kTownOfBirth).empty() || get(kCountryOfBirth).empty()) {
      pob = std::string(get(kTownOfBirth).empty() ? get(kCountryOfBirth) : get(kTownOfBirth));
    }
    AddUnique(e->mutable_places_of_birth(), pob);
    for (const std::string& nat : SplitNumbered(get(kNationality))) {
      AddUnique(e->mutable_nationalities(), nat);
      AddUnique(e->mutable_countries(), CountryCode(nat));
    }
    AddIdentifiers(e, v1::IDENTIFIER_KIND_PASSPORT, "Passport", get(kPassportNumber),
                   get(kPassportDetails));
    AddIdentifiers(e, v1::IDENTIFIER_KIND_NATIONAL_ID, "National Identification Number",
                   get(kNationalIdNumber), get(kNationalIdDetails));
    if (e->title().empty()) e->set_title(std::string(get(kPosition)));
    {
      v1::Address addr;
      for (int k : {kAddress1, kAddress2, kAddress3, kAddress4, kAddress5, kAddress6}) {
        if (!get(k).empty()) addr.add_lines(std::string(get(k)));
      }
      addr.set_postal_code(std::string(get(kPostCode)));
      addr.set_country(std::string(get(kCountry)));
      std::vector<absl::string_view> all(addr.lines().begin(), addr.lines().end());
      if (!addr.postal_code().empty()) all.push_back(addr.postal_code());
      if (!addr.country().empty()) all.push_back(addr.country());
      addr.set_full(absl::StrJoin(all, ", "));
      if (!addr.full().empty()) {
        addr.set_country_code(CountryCode(addr.country()));
        AddUnique(e->mutable_countries(), addr.country_code());
        bool dup = false;
        for (const auto& a : e->addresses()) dup |= a.full() == addr.full();
        if (!dup) *e->add_addresses() = std::move(addr);
      }
    }
    absl::string_view other = get(kOtherInformation);
    if (!other.empty()) {
      if (e->remarks().empty()) {
        e->set_remarks(std::string(other));
      } else if (!absl::StrContains(e->remarks(), other)) {
        e->set_remarks(absl::StrCat(e->remarks(), "\n", other));
      }
      AddRawUnique(e, "un_reference", UnReference(other));
      AddRawUnique(e, "uk_sanctions_list_ref", TaggedValue(other, "(UK Sanctions List Ref):"));
      if (e->gender().empty()) e->set_gender(TaggedValue(other, "(Gender):"));
    }
    // One listing per regime and listing date.
    std::string regime(get(kRegime));
    v1::Listing* listing = nullptr;
    for (auto& l : *e->mutable_listings()) {
      if (l.regime() == regime && l.start_date().text() == (listed_on ? listed_on->text() : "")) {
        listing = &l;
      }
    }
    if (listing == nullptr) {
      listing = e->add_listings();
      listing->set_regime(regime);
      listing->set_source_list(regime);
      if (!regime.empty()) listing->add_programs(regime);
      if (listed_on) *listing->mutable_start_date() = *listed_on;
    }
    if (last_updated && (listing->last_updated().text().empty() ||
                         FormatPartialDate(*last_updated) > FormatPartialDate(listing->last_updated()))) {
      *listing->mutable_last_updated() = *last_updated;
    }
    if (designated) {
      AddRawUnique(e, "uk_sanctions_list_date_designated", designated->text());
    }
  }
  SetFileRecords(source, file->name, records);
  if (auto s = RequireEntities(list, file->name); !s.ok()) return s;
  return list;
}

}  // namespace partyscreen::internal
