// bench/query_mix.h — the fixed, seeded query mix of the screening
// benchmarks and of the index recall test: the bundled lists, the labelled
// dev queries, real unlisted names from ../shared/data, and near-duplicates of
// listed names.
//
//   std::vector<partyscreen::v1::EntityList> lists =
//       *partyscreen::bench::ReadBundledLists(PARTYSCREEN_SOURCE_DIR "/data/lists");
//   partyscreen::bench::NegativeNames negatives =
//       *partyscreen::bench::ReadNegativeNames(PARTYSCREEN_SHARED_DIR);
//   std::vector<partyscreen::bench::MixQuery> mix =
//       partyscreen::bench::GenerateQueries(lists, negatives, 100000, /*seed=*/1);
//
// Generated queries (see `GenerateQueries`):
//   60 % near-duplicates of a listed name (any name kind, any script) with one
//        or two edits, each one of: a typo (substitution, deletion, insertion
//        or transposition of a letter), a token reorder, a dropped legal form
//        (or a dropped token when the name has none), two tokens joined or
//        one split, a case/punctuation change; 10 % of them are unchanged;
//   20 % real company names not on the lists (S&P 500, NASDAQ, NYSE and other
//        listings with share-class suffixes stripped, GLEIF legal names);
//   20 % real-looking person names not on the lists (the yente candidate
//        generation negatives, CC BY-NC: read at run time from ../shared and
//        never copied), half with a date of birth, half with a nationality.
// Everything is drawn from one std::mt19937_64 with explicit modulo reduction
// (no std::*_distribution, whose output differs between standard libraries),
// so a seed gives the same mix on every platform.
//
// Header-only so that the recall test (tests/screen/index_recall_test.cc),
// which is built by the generic one-file test rule, can use it too.
//
// Thread safety: the functions are thread-safe (no shared state).

#ifndef PARTYSCREEN_BENCH_QUERY_MIX_H_
#define PARTYSCREEN_BENCH_QUERY_MIX_H_

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "lib/sources/csv.h"
#include "lib/util/file.h"
#include "partyscreen/query.h"
#include "partyscreen/sources.h"
#include "partyscreen/v1/entity.pb.h"

namespace partyscreen::bench {

// Where a query of the mix comes from.
enum class Origin { kDev, kVariant, kNegativeCompany, kNegativePerson };

// "dev", "variant", "negative_company", "negative_person".
inline absl::string_view OriginName(Origin o) {
  switch (o) {
    case Origin::kDev: return "dev";
    case Origin::kVariant: return "variant";
    case Origin::kNegativeCompany: return "negative_company";
    case Origin::kNegativePerson: return "negative_person";
  }
  return "?";
}

struct MixQuery {
  Query query;
  Origin origin = Origin::kVariant;
};

// Real unlisted names read from ../shared/data.
struct NegativeNames {
  std::vector<std::string> companies;
  std::vector<Query> persons;  // name, kind person, date of birth, nationality
};

// A uniformly drawn index in [0, n); n must be > 0.
inline size_t Draw(std::mt19937_64& rng, size_t n) { return static_cast<size_t>(rng() % n); }

// True with probability percent/100.
inline bool Chance(std::mt19937_64& rng, int percent) { return static_cast<int>(rng() % 100) < percent; }

// The list specs of a lists.tsv manifest (same format and logic as
// tools/partyscreen/load.cc). Errors: kNotFound (no manifest),
// kInvalidArgument (a malformed line, "manifest:line: ...").
inline absl::StatusOr<std::vector<ListSpec>> BundledListSpecs(const std::string& lists_dir) {
  const std::string manifest = internal::JoinPath(lists_dir, "lists.tsv");
  auto text = internal::ReadFileToString(manifest);
  if (!text.ok()) return text.status();
  std::vector<ListSpec> specs;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(*text, '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() != 4) {
      return absl::InvalidArgumentError(absl::StrCat(manifest, ":", line_no, ": expected 4 tab-separated fields"));
    }
    ListSpec spec;
    spec.path = internal::JoinPath(lists_dir, f[2]);
    spec.options.list_id = f[0];
    auto format = ParseListFormat(f[1]);
    if (!format.ok()) return absl::InvalidArgumentError(absl::StrCat(manifest, ":", line_no, ": ", format.status().message()));
    spec.options.format = *format;
    if (f[3] != "-") spec.options.publication_date = f[3];
    specs.push_back(std::move(spec));
  }
  return specs;
}

// Reads every list of the manifest in `lists_dir` (data/lists). Errors: those
// of BundledListSpecs and ReadLists.
inline absl::StatusOr<std::vector<v1::EntityList>> ReadBundledLists(const std::string& lists_dir) {
  auto specs = BundledListSpecs(lists_dir);
  if (!specs.ok()) return specs.status();
  return ReadLists(*specs);
}

// Reads a CSV file with a header into rows of named columns. `columns` are
// the wanted column names; a missing column is kInvalidArgument, a missing
// file kNotFound. At most `max_rows` rows (0 = all).
inline absl::StatusOr<std::vector<std::vector<std::string>>> ReadCsvColumns(
    const std::string& path, const std::vector<std::string>& columns, size_t max_rows = 0) {
  auto text = internal::ReadFileToString(path);
  if (!text.ok()) return text.status();
  absl::string_view data = *text;
  if (absl::StartsWith(data, "\xEF\xBB\xBF")) data.remove_prefix(3);
  internal::CsvReader reader(path, data);
  std::vector<std::string> fields;
  auto first = reader.Next(&fields);
  if (!first.ok()) return first.status();
  if (!*first) return absl::InvalidArgumentError(absl::StrCat(path, ": empty file"));
  std::vector<int> at;
  for (const auto& c : columns) {
    auto it = std::find(fields.begin(), fields.end(), c);
    if (it == fields.end()) return absl::InvalidArgumentError(absl::StrCat(path, ":1: no column '", c, "'"));
    at.push_back(static_cast<int>(it - fields.begin()));
  }
  std::vector<std::vector<std::string>> rows;
  while (true) {
    auto more = reader.Next(&fields);
    if (!more.ok()) return more.status();
    if (!*more) break;
    std::vector<std::string> row;
    for (int i : at) row.push_back(i < static_cast<int>(fields.size()) ? fields[i] : std::string());
    rows.push_back(std::move(row));
    if (max_rows != 0 && rows.size() >= max_rows) break;
  }
  return rows;
}

// The dev benchmark queries (query_id,name,kind,country,date_of_birth,...).
// An unknown kind is read as kUnknown. Errors: those of ReadCsvColumns.
inline absl::StatusOr<std::vector<Query>> ReadDevQueries(const std::string& path) {
  auto rows = ReadCsvColumns(path, {"name", "kind", "country", "date_of_birth"});
  if (!rows.ok()) return rows.status();
  std::vector<Query> out;
  for (auto& r : *rows) {
    Query q;
    q.name = std::move(r[0]);
    auto kind = ParsePartyKind(r[1]);
    q.kind = kind.ok() ? *kind : PartyKind::kUnknown;
    q.country = std::move(r[2]);
    q.date_of_birth = std::move(r[3]);
    out.push_back(std::move(q));
  }
  return out;
}

// A stock-exchange security name without its share-class suffix:
// "Alcoa Corporation Common Stock" → "Alcoa Corporation",
// "Artius II Acquisition Inc. - Class A Ordinary Shares" → "Artius II Acquisition Inc.".
inline std::string StripShareClass(absl::string_view name) {
  name = absl::StripAsciiWhitespace(name);
  if (size_t dash = name.find(" - "); dash != absl::string_view::npos) name = name.substr(0, dash);
  static const char* const kSuffixes[] = {
      "American Depositary Shares", "American Depositary Share", "Ordinary Shares", "Ordinary Share",
      "Common Stock", "Common Shares", "Class A", "Class B", "Class C", "Units", "Warrants", "Warrant",
      "Depositary Shares", "Subordinate Voting Shares", "Shares of Beneficial Interest", "ETF"};
  bool changed = true;
  while (changed) {
    changed = false;
    name = absl::StripAsciiWhitespace(name);
    for (const char* s : kSuffixes) {
      if (name.size() > strlen(s) + 2 && absl::EndsWithIgnoreCase(name, s) &&
          name[name.size() - strlen(s) - 1] == ' ') {
        name.remove_suffix(strlen(s));
        changed = true;
      }
    }
  }
  return std::string(absl::StripTrailingAsciiWhitespace(name));
}

// Reads the real unlisted names of ../shared/data: companies from
// negatives_companies/{sp500_constituents,nasdaq_listed,nyse_listed,
// other_listed,gleif_intraday_20240505_names}.csv (deduplicated, in file
// order) and persons from
// matching_benchmarks/yente_candidate_generation/negatives_{global,us}.csv.
// Errors: kNotFound when a file is missing, kInvalidArgument for bad CSV.
inline absl::StatusOr<NegativeNames> ReadNegativeNames(const std::string& shared_dir) {
  NegativeNames out;
  const std::string dir = internal::JoinPath(shared_dir, "data/negatives_companies");
  const std::pair<const char*, const char*> kCompanyFiles[] = {
      {"sp500_constituents.csv", "Security"},
      {"nasdaq_listed.csv", "Security Name"},
      {"nyse_listed.csv", "Company Name"},
      {"other_listed.csv", "Company Name"},
      {"gleif_intraday_20240505_names.csv", "legal_name"},
  };
  absl::flat_hash_set<std::string> seen;
  for (const auto& [file, column] : kCompanyFiles) {
    auto rows = ReadCsvColumns(internal::JoinPath(dir, file), {column});
    if (!rows.ok()) return rows.status();
    for (auto& r : *rows) {
      std::string n = StripShareClass(r[0]);
      if (n.empty() || !seen.insert(absl::AsciiStrToLower(n)).second) continue;
      out.companies.push_back(std::move(n));
    }
  }
  const std::string ydir = internal::JoinPath(shared_dir, "data/matching_benchmarks/yente_candidate_generation");
  for (const char* file : {"negatives_global.csv", "negatives_us.csv"}) {
    auto rows = ReadCsvColumns(internal::JoinPath(ydir, file), {"full_name", "date_of_birth", "nationality"});
    if (!rows.ok()) return rows.status();
    for (auto& r : *rows) {
      if (absl::StripAsciiWhitespace(r[0]).empty()) continue;
      Query q;
      q.name = std::move(r[0]);
      q.kind = PartyKind::kPerson;
      q.date_of_birth = std::move(r[1]);
      q.country = std::move(r[2]);
      out.persons.push_back(std::move(q));
    }
  }
  return out;
}

// The UTF-8 code points of `s`, each as its byte string (invalid bytes are
// kept one by one).
inline std::vector<std::string> CodePoints(absl::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > s.size()) len = 1;
    out.emplace_back(s.substr(i, len));
    i += len;
  }
  return out;
}

// Lower-case words that are dropped as legal forms by the "dropped legal
// form" edit (compared without punctuation).
inline bool IsLegalFormWord(absl::string_view token) {
  std::string t;
  for (char c : token) {
    if (std::isalnum(static_cast<unsigned char>(c))) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  static const char* const kForms[] = {
      "llc", "ltd", "limited", "co", "company", "inc", "incorporated", "corp", "corporation", "gmbh",
      "sa", "sas", "sarl", "srl", "spa", "ag", "nv", "bv", "plc", "ooo", "oao", "zao", "pao", "jsc",
      "ojsc", "cjsc", "pjsc", "llp", "lp", "fze", "fzco", "fzc", "sdn", "bhd", "pte", "pvt", "kg",
      "ab", "as", "oy", "sro", "spzoo", "cv", "sl", "ltda", "tov", "dooel", "doo", "ad", "ead"};
  for (const char* f : kForms) {
    if (t == f) return true;
  }
  return false;
}

// Applies one random edit (see the file comment) to `name`. Returns the
// edited name; it may equal `name` when no edit of the drawn type applies.
inline std::string EditName(const std::string& name, std::mt19937_64& rng) {
  std::vector<std::string> tokens = absl::StrSplit(name, ' ', absl::SkipEmpty());
  if (tokens.empty()) return name;
  switch (Draw(rng, 6)) {
    case 0:
    case 1: {  // typo: one code point substituted, deleted, inserted or transposed
      std::vector<std::string> cps = CodePoints(name);
      std::vector<size_t> letters;
      for (size_t i = 0; i < cps.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(cps[i][0]);
        if (c >= 0x80 || std::isalpha(c)) letters.push_back(i);
      }
      if (letters.empty()) return name;
      size_t at = letters[Draw(rng, letters.size())];
      bool ascii = static_cast<unsigned char>(cps[at][0]) < 0x80;
      std::string letter(1, static_cast<char>('a' + Draw(rng, 26)));
      if (ascii && std::isupper(static_cast<unsigned char>(cps[at][0]))) letter[0] = static_cast<char>(std::toupper(letter[0]));
      switch (Draw(rng, 4)) {
        case 0:  // substitution (non-ASCII: by another letter of the name)
          cps[at] = ascii ? letter : cps[letters[Draw(rng, letters.size())]];
          break;
        case 1:
          cps.erase(cps.begin() + static_cast<long>(at));
          break;
        case 2:
          cps.insert(cps.begin() + static_cast<long>(at), ascii ? letter : cps[at]);
          break;
        default:
          if (at + 1 < cps.size()) std::swap(cps[at], cps[at + 1]);
          break;
      }
      return absl::StrJoin(cps, "");
    }
    case 2: {  // reorder: rotate by one, or swap two tokens
      if (tokens.size() < 2) return name;
      if (Chance(rng, 50)) {
        std::rotate(tokens.begin(), tokens.begin() + 1, tokens.end());
      } else {
        size_t a = Draw(rng, tokens.size()), b = Draw(rng, tokens.size());
        std::swap(tokens[a], tokens[b == a ? (a + 1) % tokens.size() : b]);
      }
      return absl::StrJoin(tokens, " ");
    }
    case 3: {  // dropped legal form (or one token of a 3+ token name)
      std::vector<std::string> kept;
      for (const auto& t : tokens) {
        if (!IsLegalFormWord(t)) kept.push_back(t);
      }
      if (!kept.empty() && kept.size() < tokens.size()) return absl::StrJoin(kept, " ");
      if (tokens.size() < 3) return name;
      tokens.erase(tokens.begin() + static_cast<long>(Draw(rng, tokens.size())));
      return absl::StrJoin(tokens, " ");
    }
    case 4: {  // join two adjacent tokens, or split a long token in two
      if (tokens.size() >= 2 && Chance(rng, 50)) {
        size_t a = Draw(rng, tokens.size() - 1);
        tokens[a] += tokens[a + 1];
        tokens.erase(tokens.begin() + static_cast<long>(a) + 1);
        return absl::StrJoin(tokens, " ");
      }
      size_t t = Draw(rng, tokens.size());
      std::vector<std::string> cps = CodePoints(tokens[t]);
      if (cps.size() < 6) return name;
      size_t cut = 3 + Draw(rng, cps.size() - 5);
      tokens[t] = absl::StrCat(absl::StrJoin(cps.begin(), cps.begin() + static_cast<long>(cut), ""), " ",
                               absl::StrJoin(cps.begin() + static_cast<long>(cut), cps.end(), ""));
      return absl::StrJoin(tokens, " ");
    }
    default: {  // case and punctuation
      std::string out = name;
      switch (Draw(rng, 4)) {
        case 0: absl::AsciiStrToLower(&out); break;
        case 1: absl::AsciiStrToUpper(&out); break;
        case 2:
          out.erase(std::remove_if(out.begin(), out.end(),
                                   [](char c) { return c == ',' || c == '.' || c == '-' || c == '\'' || c == '"'; }),
                    out.end());
          break;
        default:
          if (tokens.size() >= 2) {
            size_t a = Draw(rng, tokens.size() - 1);
            tokens[a] += Chance(rng, 50) ? "," : ".";
            out = absl::StrJoin(tokens, " ");
          } else {
            out = absl::StrCat(name, ".");
          }
      }
      return out;
    }
  }
}

// A near-duplicate of `name`: unchanged (10 %), one edit (60 %) or two (30 %).
inline std::string MakeVariant(const std::string& name, std::mt19937_64& rng) {
  size_t r = Draw(rng, 10);
  if (r == 0) return name;
  std::string out = EditName(name, rng);
  if (r >= 7) out = EditName(out, rng);
  // An edit must never leave a query with no letters or digits.
  for (char c : out) {
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) return out;
  }
  return name;
}

// The query kind of a listed entity kind.
inline PartyKind KindOf(v1::EntityKind k) {
  switch (k) {
    case v1::ENTITY_KIND_INDIVIDUAL: return PartyKind::kPerson;
    case v1::ENTITY_KIND_ORGANIZATION: return PartyKind::kOrganization;
    case v1::ENTITY_KIND_VESSEL: return PartyKind::kVessel;
    case v1::ENTITY_KIND_AIRCRAFT: return PartyKind::kAircraft;
    default: return PartyKind::kUnknown;
  }
}

// `n` generated queries (composition in the file comment), seeded. Listed
// names are drawn uniformly over all (entity, name) pairs of `lists`; half of
// the variants carry the entity's kind, the rest kUnknown. With no
// negatives, their share goes to variants.
inline std::vector<MixQuery> GenerateQueries(const std::vector<v1::EntityList>& lists, const NegativeNames& negatives,
                                             size_t n, uint64_t seed) {
  std::vector<std::pair<const v1::Entity*, int>> names;
  for (const auto& l : lists) {
    for (const auto& e : l.entities()) {
      for (int i = 0; i < e.names_size(); ++i) {
        if (!e.names(i).full().empty()) names.emplace_back(&e, i);
      }
    }
  }
  std::mt19937_64 rng(seed);
  std::vector<MixQuery> out;
  if (names.empty() && negatives.companies.empty() && negatives.persons.empty()) return out;
  out.reserve(n);
  while (out.size() < n) {
    size_t r = Draw(rng, 10);
    MixQuery m;
    if (r < 2 && !negatives.companies.empty()) {
      m.origin = Origin::kNegativeCompany;
      m.query.name = negatives.companies[Draw(rng, negatives.companies.size())];
      if (Chance(rng, 50)) m.query.kind = PartyKind::kOrganization;
    } else if (r < 4 && !negatives.persons.empty()) {
      m.origin = Origin::kNegativePerson;
      m.query = negatives.persons[Draw(rng, negatives.persons.size())];
      bool dob = Chance(rng, 50);
      if (!dob) m.query.date_of_birth.clear();
      if (dob) m.query.country.clear();
    } else if (!names.empty()) {
      m.origin = Origin::kVariant;
      const auto& [entity, i] = names[Draw(rng, names.size())];
      m.query.name = MakeVariant(entity->names(i).full(), rng);
      if (Chance(rng, 50)) m.query.kind = KindOf(entity->kind());
    } else {
      continue;
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace partyscreen::bench

#endif  // PARTYSCREEN_BENCH_QUERY_MIX_H_
