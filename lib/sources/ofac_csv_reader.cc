// Reader of OFAC's legacy CSV sets: sdn.csv + add.csv + alt.csv +
// sdn_comments.csv (the SDN list) or cons_prim.csv + cons_add.csv +
// cons_alt.csv + cons_comments.csv (the consolidated non-SDN lists).
//
// Format (no header; "-0-" with or without a trailing space is empty; CRLF;
// a trailing DOS EOF byte that DecodeText removes):
//   sdn.csv       ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
//                 Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks
//   add.csv       ent_num, add_num, Address, City/State/Province/Postal Code,
//                 Country, Add_remarks
//   alt.csv       ent_num, alt_num, alt_type (aka/fka/nka), alt_name, alt_remarks
//   sdn_comments  ent_num, overflow of Remarks (continues it mid-word)
#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/types/optional.h"
#include "lib/sources/csv.h"
#include "lib/sources/ofac_remarks.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/readers.h"
#include "lib/sources/script.h"
#include "lib/util/countries.h"
#include "lib/util/file.h"

namespace partyscreen::internal {
namespace {

// The files of one set. Empty paths are absent files.
struct OfacSet {
  bool cons = false;        // the non-SDN cons_* set
  bool siblings = true;     // siblings were looked for
  std::string primary;      // sdn.csv / cons_prim.csv (or the file given)
  std::string add, alt, comments;
};

// Finds a file named `name` (case-insensitively) in `dir`; "" if none.
std::string FindInDir(const std::string& dir, absl::string_view name) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir.empty() ? "." : dir, ec);
  if (ec) return "";
  for (const auto& entry : it) {
    std::string base = entry.path().filename().string();
    if (absl::EqualsIgnoreCase(base, name) && entry.is_regular_file(ec)) {
      return entry.path().string();
    }
  }
  return "";
}

constexpr absl::string_view kSdnNames[] = {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"};
constexpr absl::string_view kConsNames[] = {"cons_prim.csv", "cons_add.csv", "cons_alt.csv",
                                            "cons_comments.csv"};

// Resolves `path` (a directory, or any file of a set) to the set's files.
absl::StatusOr<OfacSet> ResolveSet(absl::string_view path) {
  OfacSet set;
  std::string dir;
  std::string p(path);
  if (IsDirectory(p)) {
    dir = p;
    if (std::string f = FindInDir(dir, "sdn.csv"); !f.empty()) {
      set.primary = f;
    } else if (std::string g = FindInDir(dir, "cons_prim.csv"); !g.empty()) {
      set.primary = g;
      set.cons = true;
    } else {
      return absl::NotFoundError(
          absl::StrCat(path, ": directory holds neither sdn.csv nor cons_prim.csv"));
    }
  } else {
    if (!PathExists(p)) return absl::NotFoundError(absl::StrCat(path, ": no such file"));
    dir = Dirname(p);
    std::string base = absl::AsciiStrToLower(Basename(p));
    int role = -1;
    for (int i = 0; i < 4; ++i) {
      if (base == kSdnNames[i]) role = i;
      if (base == kConsNames[i]) {
        role = i;
        set.cons = true;
      }
    }
    if (role == 0) {
      set.primary = p;
    } else if (role > 0) {
      set.primary = FindInDir(dir, set.cons ? kConsNames[0] : kSdnNames[0]);
      if (set.primary.empty()) {
        return absl::NotFoundError(absl::StrCat(path, ": ", set.cons ? kConsNames[0] : kSdnNames[0],
                                                " not found beside it; give the set's main file"));
      }
    } else {
      // A renamed main file ("sdn_2023-12-28.csv"): read it alone, since
      // siblings beside it may belong to another day.
      set.primary = p;
      set.cons = absl::StartsWith(base, "cons");
      set.siblings = false;
      return set;
    }
  }
  const auto& names = set.cons ? kConsNames : kSdnNames;
  set.add = FindInDir(dir, names[1]);
  set.alt = FindInDir(dir, names[2]);
  set.comments = FindInDir(dir, names[3]);
  return set;
}

// A field with OFAC's "-0-" null mapped to "" and outer spaces trimmed.
absl::string_view Val(absl::string_view s) {
  s = TrimSpace(s);
  if (s == "-0-") return absl::string_view();
  return s;
}

// Parses a positive ent_num.
bool ParseEntNum(absl::string_view s, int64_t* out) {
  s = TrimSpace(s);
  if (s.empty() || s.size() > 18) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return absl::SimpleAtoi(s, out) && *out > 0;
}

// Splits "SDGT] [IFSR" (OFAC's multi-program form) into program codes.
std::vector<std::string> SplitPrograms(absl::string_view s) {
  std::vector<std::string> out;
  for (absl::string_view part : absl::StrSplit(s, "] [")) {
    absl::ConsumePrefix(&part, "[");
    absl::ConsumeSuffix(&part, "]");
    part = TrimSpace(part);
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

v1::Name* AddName(absl::string_view full, v1::NameKind kind, v1::Entity* e) {
  v1::Name* n = e->add_names();
  n->set_full(std::string(full));
  n->set_kind(kind);
  n->set_script(DetectScript(full));
  return n;
}

// "MADURO MOROS, Nicolas" → family "MADURO MOROS", given "Nicolas".
void SplitPersonName(absl::string_view full, v1::Name* n) {
  size_t comma = full.find(", ");
  if (comma == absl::string_view::npos) return;
  absl::string_view family = TrimSpace(full.substr(0, comma));
  absl::string_view given = TrimSpace(full.substr(comma + 2));
  if (family.empty() || given.empty()) return;
  n->mutable_parts()->set_family(std::string(family));
  n->mutable_parts()->set_given(std::string(given));
}

class OfacCsvReader {
 public:
  OfacCsvReader(const ReadOptions& options, v1::EntityList* list)
      : list_(list), errors_(options.lenient, list->mutable_source()) {}

  absl::Status ReadPrimary(const LoadedFile& f, bool cons);
  absl::Status ReadAlt(const LoadedFile& f);
  absl::Status ReadAdd(const LoadedFile& f);
  absl::Status ReadComments(const LoadedFile& f);
  void ParseAllRemarks();
  RowErrors& errors() { return errors_; }
  const std::string& primary_name() const { return primary_name_; }

 private:
  // Reads every record of `f`, checking the column count and ent_num, and
  // calls `row(fields, line, ent_num, entity)` with the entity of the
  // ent_num (nullptr for the primary file). Returns the number of records
  // read (skipped ones included).
  enum class RowKind { kPrimary, kAlt, kAdd, kComment };
  template <typename RowFn>
  absl::StatusOr<int64_t> ForEachRow(const LoadedFile& f, size_t columns, RowKind row_kind,
                                     RowFn row);
  // Checks one record (column count, ent_num, known entity) and passes it
  // to `row`; returns the error of a bad record (strict mode) or OK.
  template <typename RowFn>
  absl::Status CheckRow(const LoadedFile& f, const std::vector<std::string>& fields, int64_t line,
                        size_t columns, bool last, RowKind row_kind, RowFn& row);

  v1::EntityList* list_;
  RowErrors errors_;
  std::string primary_name_;
  absl::flat_hash_map<int64_t, int> index_;   // ent_num → entity index
  absl::flat_hash_map<int64_t, int64_t> line_of_;  // ent_num → line in primary
};

template <typename RowFn>
absl::StatusOr<int64_t> OfacCsvReader::ForEachRow(const LoadedFile& f, size_t columns,
                                                  RowKind row_kind, RowFn row) {
  CsvReader csv(f.name, f.decoded.text);
  // One record of look-ahead, so that a bad last record can be reported as
  // a probable truncation.
  std::vector<std::string> cur, next;
  int64_t records = 0;
  auto read = [&](std::vector<std::string>* fields, bool* have, int64_t* line) -> absl::Status {
    auto more = csv.Next(fields);
    *line = csv.line();
    if (more.ok()) {
      *have = *more;
      return absl::OkStatus();
    }
    // An unclosed quote runs to the end of the file: the file is truncated.
    // Lenient mode records the lost record and reads what came before it.
    *have = false;
    ++records;
    if (!errors_.lenient()) return more.status();
    return errors_.Skip(f.name, *line, "", more.status().message());
  };
  bool have = false, have_next = false;
  int64_t line = 0, next_line = 0;
  if (auto s = read(&cur, &have, &line); !s.ok()) return s;
  while (have) {
    if (auto s = read(&next, &have_next, &next_line); !s.ok()) return s;
    ++records;
    if (absl::Status s = CheckRow(f, cur, line, columns, !have_next, row_kind, row); !s.ok()) {
      return s;
    }
    std::swap(cur, next);
    line = next_line;
    have = have_next;
  }
  return records;
}

template <typename RowFn>
absl::Status OfacCsvReader::CheckRow(const LoadedFile& f, const std::vector<std::string>& fields,
                                     int64_t line, size_t columns, bool last, RowKind row_kind,
                                     RowFn& row) {
  if (fields.size() != columns) {
    std::string msg = absl::StrCat("expected ", columns, " columns, found ", fields.size());
    if (last) absl::StrAppend(&msg, " (the last record: the file may be truncated)");
    return errors_.Skip(f.name, line, "", msg);
  }
  int64_t ent_num = 0;
  if (!ParseEntNum(fields[0], &ent_num)) {
    return errors_.Skip(f.name, line, "ent_num",
                        absl::StrCat("not a positive number: '", fields[0], "'"));
  }
  v1::Entity* entity = nullptr;
  if (row_kind != RowKind::kPrimary) {
    auto it = index_.find(ent_num);
    if (it == index_.end()) {
      std::string msg = absl::StrCat("ent_num ", ent_num, " is not in ", primary_name_);
      if (row_kind == RowKind::kComment) {
        // OFAC's comments file is known to trail the main file by a day (3
        // of the 13 comments of 2023-12-28 name no entry): a note, not an
        // error, since no entity is lost.
        errors_.Note(f.name, line, "ent_num", absl::StrCat(msg, "; comment ignored"));
        return absl::OkStatus();
      }
      return errors_.Skip(f.name, line, "ent_num", msg);
    }
    entity = list_->mutable_entities(it->second);
  }
  return row(fields, line, ent_num, entity);
}

absl::Status OfacCsvReader::ReadPrimary(const LoadedFile& f, bool cons) {
  primary_name_ = f.name;
  auto records = ForEachRow(
      f, 12, RowKind::kPrimary,
      [&](const std::vector<std::string>& c, int64_t line, int64_t ent_num,
          v1::Entity*) -> absl::Status {
        if (auto it = line_of_.find(ent_num); it != line_of_.end()) {
          return errors_.Skip(f.name, line, "ent_num",
                              absl::StrCat("duplicate ent_num ", ent_num, " (first on line ",
                                           it->second, ")"));
        }
        absl::string_view name = Val(c[1]);
        if (name.empty()) return errors_.Skip(f.name, line, "SDN_Name", "empty name");
        absl::string_view type = Val(c[2]);
        v1::EntityKind kind;
        if (type.empty()) {
          kind = v1::ENTITY_KIND_ORGANIZATION;
        } else if (absl::EqualsIgnoreCase(type, "individual")) {
          kind = v1::ENTITY_KIND_INDIVIDUAL;
        } else if (absl::EqualsIgnoreCase(type, "vessel")) {
          kind = v1::ENTITY_KIND_VESSEL;
        } else if (absl::EqualsIgnoreCase(type, "aircraft")) {
          kind = v1::ENTITY_KIND_AIRCRAFT;
        } else {
          return errors_.Skip(f.name, line, "SDN_Type", absl::StrCat("unknown type '", type, "'"));
        }
        line_of_[ent_num] = line;
        index_[ent_num] = list_->entities_size();
        v1::Entity* e = list_->add_entities();
        e->set_list_id(list_->source().list_id());
        e->set_entity_id(absl::StrCat(ent_num));
        e->set_kind(kind);
        e->set_source_line(static_cast<int32_t>(line));
        e->set_source_file(f.name);
        v1::Name* primary = AddName(name, v1::NAME_KIND_PRIMARY, e);
        if (kind == v1::ENTITY_KIND_INDIVIDUAL) SplitPersonName(name, primary);
        v1::Listing* listing = e->add_listings();
        for (auto& p : SplitPrograms(Val(c[3]))) listing->add_programs(std::move(p));
        std::vector<std::string> programs(listing->programs().begin(), listing->programs().end());
        listing->set_source_list(cons ? OfacConsSubList(programs) : "SDN");
        if (absl::string_view title = Val(c[4]); !title.empty()) e->set_title(std::string(title));
        absl::string_view call_sign = Val(c[5]), vess_type = Val(c[6]), tonnage = Val(c[7]),
                          grt = Val(c[8]), flag = Val(c[9]), owner = Val(c[10]);
        if (!call_sign.empty() || !vess_type.empty() || !tonnage.empty() || !grt.empty() ||
            !flag.empty() || !owner.empty()) {
          v1::Vessel* v = e->mutable_vessel();
          v->set_call_sign(std::string(call_sign));
          v->set_vessel_type(std::string(vess_type));
          v->set_tonnage(std::string(tonnage));
          v->set_gross_registered_tonnage(std::string(grt));
          v->set_flag(std::string(flag));
          v->set_owner(std::string(owner));
          if (!call_sign.empty()) {
            v1::Identifier* id = e->add_identifiers();
            id->set_kind(v1::IDENTIFIER_KIND_CALL_SIGN);
            id->set_type("Call Sign");
            id->set_value(std::string(call_sign));
          }
        }
        if (absl::string_view remarks = Val(c[11]); !remarks.empty()) {
          e->set_remarks(std::string(remarks));
        }
        return absl::OkStatus();
      });
  if (!records.ok()) return records.status();
  SetFileRecords(list_->mutable_source(), f.name, *records);
  return absl::OkStatus();
}

absl::Status OfacCsvReader::ReadAlt(const LoadedFile& f) {
  auto records = ForEachRow(
      f, 5, RowKind::kAlt,
      [&](const std::vector<std::string>& c, int64_t line, int64_t,
          v1::Entity* e) -> absl::Status {
        absl::string_view type = Val(c[2]);
        absl::string_view name = Val(c[3]);
        v1::NameKind kind;
        if (absl::EqualsIgnoreCase(type, "aka")) {
          kind = v1::NAME_KIND_ALIAS;
        } else if (absl::EqualsIgnoreCase(type, "fka") || absl::EqualsIgnoreCase(type, "nka")) {
          kind = v1::NAME_KIND_FORMER;
        } else {
          return errors_.Skip(f.name, line, "alt_type", absl::StrCat("unknown alias type '", type, "'"));
        }
        if (name.empty()) return errors_.Skip(f.name, line, "alt_name", "empty name");
        v1::Name* n = AddName(name, kind, e);
        n->set_publisher_type(std::string(type));
        if (e->kind() == v1::ENTITY_KIND_INDIVIDUAL) SplitPersonName(name, n);
        if (absl::string_view remarks = Val(c[4]); !remarks.empty()) {
          n->set_quality(std::string(remarks));
        }
        return absl::OkStatus();
      });
  if (!records.ok()) return records.status();
  SetFileRecords(list_->mutable_source(), f.name, *records);
  return absl::OkStatus();
}

absl::Status OfacCsvReader::ReadAdd(const LoadedFile& f) {
  auto records = ForEachRow(
      f, 6, RowKind::kAdd,
      [&](const std::vector<std::string>& c, int64_t, int64_t, v1::Entity* e) -> absl::Status {
        absl::string_view street = Val(c[2]), city = Val(c[3]), country = Val(c[4]),
                          remarks = Val(c[5]);
        if (street.empty() && city.empty() && country.empty() && remarks.empty()) {
          return absl::OkStatus();  // an all-null address row says nothing
        }
        v1::Address* a = e->add_addresses();
        if (!street.empty()) a->add_lines(std::string(street));
        a->set_city(std::string(city));
        a->set_country(std::string(country));
        std::string code = CountryCode(country);
        a->set_country_code(code);
        AddEntityCountry(code, e);
        a->set_remarks(std::string(remarks));
        std::vector<absl::string_view> parts;
        for (absl::string_view p : {street, city, country}) {
          if (!p.empty()) parts.push_back(p);
        }
        a->set_full(absl::StrJoin(parts, ", "));
        return absl::OkStatus();
      });
  if (!records.ok()) return records.status();
  SetFileRecords(list_->mutable_source(), f.name, *records);
  return absl::OkStatus();
}

absl::Status OfacCsvReader::ReadComments(const LoadedFile& f) {
  auto records = ForEachRow(
      f, 2, RowKind::kComment,
      [&](const std::vector<std::string>& c, int64_t, int64_t, v1::Entity* e) -> absl::Status {
        // The overflow continues the remarks mid-word: append verbatim.
        if (!Val(c[1]).empty()) e->set_remarks(absl::StrCat(e->remarks(), c[1]));
        return absl::OkStatus();
      });
  if (!records.ok()) return records.status();
  SetFileRecords(list_->mutable_source(), f.name, *records);
  return absl::OkStatus();
}

void OfacCsvReader::ParseAllRemarks() {
  for (v1::Entity& e : *list_->mutable_entities()) {
    if (!e.remarks().empty()) ParseOfacRemarks(e.remarks(), OfacRemarksMode::kAllFacts, &e);
  }
  // The final period of the remarks is ambiguous for a last "Linked To:"
  // name ("... CO LTD." links "CO LTD", "... S.A." links "S.A."). Where the
  // parser's choice names no party of the list but the other spelling
  // does, take the other spelling. In the 2023-12-28 file this fixes 142
  // links; 5,958 of all 5,966 links then name a listed party.
  absl::flat_hash_set<absl::string_view> known;
  for (const v1::Entity& e : list_->entities()) {
    for (const v1::Name& n : e.names()) known.insert(n.full());
  }
  for (v1::Entity& e : *list_->mutable_entities()) {
    if (e.linked_to_size() == 0) continue;
    std::string* last = e.mutable_linked_to(e.linked_to_size() - 1);
    if (known.contains(*last)) continue;
    std::string other = *last;
    if (!other.empty() && other.back() == '.') {
      other.pop_back();
    } else {
      other.push_back('.');
    }
    if (known.contains(other)) *last = std::move(other);
  }
}

}  // namespace

absl::StatusOr<v1::EntityList> ReadOfacCsv(absl::string_view path, const ReadOptions& options) {
  auto set = ResolveSet(path);
  if (!set.ok()) return set.status();

  // Load every file first: a missing or undecodable file fails before any
  // parsing.
  auto primary = LoadListFile(set->primary, Legacy8Bit::kWindows1252);
  if (!primary.ok()) return primary.status();
  struct Sibling {
    const char* role;
    std::string path;
    absl::optional<LoadedFile> file;
  };
  const auto& names = set->cons ? kConsNames : kSdnNames;
  Sibling siblings[3] = {{"add", set->add, {}}, {"alt", set->alt, {}}, {"comments", set->comments, {}}};
  std::vector<const LoadedFile*> files = {&*primary};
  for (Sibling& s : siblings) {
    if (s.path.empty()) continue;
    auto f = LoadListFile(s.path, Legacy8Bit::kWindows1252);
    if (!f.ok()) return f.status();
    s.file = *std::move(f);
  }
  for (Sibling& s : siblings) {
    if (s.file) files.push_back(&*s.file);
  }

  v1::EntityList list;
  v1::ListSource* source = list.mutable_source();
  if (auto s = FillListSource(options, set->cons ? "us_ofac_cons" : "us_ofac_sdn", "ofac_csv",
                              "US Treasury OFAC",
                              set->cons ? "Consolidated Sanctions List (Non-SDN Lists)"
                                        : "Specially Designated Nationals and Blocked Persons List",
                              "", files, source);
      !s.ok()) {
    return s;
  }
  OfacCsvReader reader(options, &list);
  for (int i = 0; i < 3; ++i) {
    if (siblings[i].file) continue;
    reader.errors().Note(names[i + 1], 0, "",
                         set->siblings
                             ? absl::StrCat("not found beside ", primary->name,
                                            "; the list is read without it")
                             : absl::StrCat("not looked for: ", primary->name,
                                            " is not named ", names[0],
                                            ", so it is read alone"));
  }
  if (auto s = reader.ReadPrimary(*primary, set->cons); !s.ok()) return s;
  if (siblings[1].file) {
    if (auto s = reader.ReadAlt(*siblings[1].file); !s.ok()) return s;
  }
  if (siblings[0].file) {
    if (auto s = reader.ReadAdd(*siblings[0].file); !s.ok()) return s;
  }
  if (siblings[2].file) {
    if (auto s = reader.ReadComments(*siblings[2].file); !s.ok()) return s;
  }
  reader.ParseAllRemarks();
  if (auto s = RequireEntities(list, primary->name); !s.ok()) return s;
  return list;
}

}  // namespace partyscreen::internal
