#include "lib/sources/csl_common.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "lib/sources/dates.h"
#include "lib/sources/ofac_remarks.h"
#include "lib/sources/reader_util.h"
#include "lib/util/countries.h"
#include "lib/util/sha256.h"

namespace partyscreen::internal {
namespace {

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// Trims whitespace and the given trailing punctuation.
absl::string_view TrimTrailing(absl::string_view s, absl::string_view chars) {
  s = TrimSpace(s);
  while (!s.empty() && absl::StrContains(chars, s.back())) {
    s.remove_suffix(1);
    s = TrimSpace(s);
  }
  return s;
}

// The words of `s` in lower case: runs of ASCII letters and digits.
std::vector<std::string> LowerWords(absl::string_view s) {
  std::vector<std::string> words;
  std::string w;
  for (char c : s) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      w.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

}  // namespace

std::string RepeatedShortForm(absl::string_view name) {
  name = TrimTrailing(TrimSpace(name), ".,");
  name = TrimSpace(name);
  if (name.size() < 4 || name.back() != ')') return "";
  const size_t open = name.rfind('(');
  if (open == absl::string_view::npos || open == 0) return "";
  const absl::string_view inner = TrimSpace(name.substr(open + 1, name.size() - open - 2));
  if (inner.find_first_of("()") != absl::string_view::npos) return "";
  const std::vector<std::string> short_words = LowerWords(inner);
  const std::vector<std::string> head_words = LowerWords(name.substr(0, open));
  size_t letters = 0;
  for (const std::string& w : short_words) {
    for (char c : w) letters += absl::ascii_isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
  }
  if (letters < 3 || short_words.size() >= head_words.size()) return "";
  for (const std::string& w : short_words) {
    if (std::find(head_words.begin(), head_words.end(), w) == head_words.end()) return "";
  }
  return std::string(inner);
}

namespace {

// Splits on `sep` at parenthesis depth 0.
std::vector<std::string> SplitTopLevel(absl::string_view s, char sep) {
  std::vector<std::string> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '(' || c == '[') {
      ++depth;
    } else if (c == ')' || c == ']') {
      if (depth > 0) --depth;
    } else if (c == sep && depth == 0) {
      out.emplace_back(TrimSpace(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  out.emplace_back(TrimSpace(s.substr(start)));
  return out;
}

std::vector<absl::string_view> Words(absl::string_view s) {
  return absl::StrSplit(s, absl::ByAnyChar(" \t\n"), absl::SkipEmpty());
}

// True if `s` starts with an upper case ASCII letter, a digit, a quote or a
// non-ASCII character (non-Latin names).
bool StartsLikeName(absl::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  return IsUpperAscii(s[0]) || std::isdigit(c) || c == '"' || c == '\'' || c >= 0x80;
}

bool EndsWithLegalForm(absl::string_view s) {
  auto w = Words(TrimTrailing(s, ","));
  return !w.empty() && IsLegalFormWord(w.back());
}

// True if `s` has at least one word that is not a legal form or "and"/"&".
bool MoreThanLegalForm(absl::string_view s) {
  for (absl::string_view w : Words(s)) {
    if (w == "and" || w == "&") continue;
    if (!IsLegalFormWord(w)) return true;
  }
  return false;
}

// Russian/CIS form abbreviations that open a separate alias after "and"
// ("Kant and NPP Kant", "OOO NPP DTS and OOO DTS").
bool StartsWithCisForm(absl::string_view s) {
  auto w = Words(s);
  if (w.empty()) return false;
  for (absl::string_view f : {"OOO", "NPP", "JSC", "AO", "ZAO", "OAO", "PAO", "PJSC", "NPO",
                              "FSUE", "OJSC", "CJSC"}) {
    if (w[0] == f) return true;
  }
  return false;
}

// True if `after` is one all-caps token whose letters are the initials of
// the capitalised words of `before` ("Russian Quantum Center" / "RQC").
bool IsAcronymOf(absl::string_view after, absl::string_view before) {
  after = TrimTrailing(after, ".");
  if (after.size() < 2 || after.size() > 8) return false;
  for (char c : after) {
    if (!IsUpperAscii(c)) return false;
  }
  std::string initials;
  for (absl::string_view w : Words(before)) {
    if (IsUpperAscii(w[0])) initials.push_back(w[0]);
  }
  return initials == after;
}

// Rule 5: splits "A Company, B Pte Ltd, C Ltd" at commas that follow a legal
// form and precede more than a legal form.
std::vector<std::string> CommaSplitAfterLegalForm(absl::string_view s) {
  std::vector<std::string> out;
  std::vector<absl::string_view> parts = absl::StrSplit(s, ", ");
  std::string cur;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i == 0) {
      cur = std::string(parts[0]);
      continue;
    }
    absl::string_view next = TrimSpace(parts[i]);
    if (EndsWithLegalForm(cur) && MoreThanLegalForm(next) && StartsLikeName(next)) {
      out.push_back(cur);
      cur = std::string(next);
    } else {
      absl::StrAppend(&cur, ", ", parts[i]);
    }
  }
  out.push_back(cur);
  return out;
}

struct Marker {
  size_t pos = absl::string_view::npos;  // start of the marker
  size_t len = 0;                         // its length, with a trailing '.' and ','
  v1::NameKind kind = v1::NAME_KIND_ALIAS;
  const char* label = "";
};

// Finds the first a.k.a./f.k.a./n.k.a./d/b/a marker at a word start.
Marker FindMarker(absl::string_view s) {
  std::string lower = absl::AsciiStrToLower(s);
  Marker best;
  struct M {
    const char* text;
    v1::NameKind kind;
    const char* label;
  };
  for (const M& m : {M{"a.k.a", v1::NAME_KIND_ALIAS, "a.k.a."}, M{"f.k.a", v1::NAME_KIND_FORMER, "f.k.a."},
                     M{"n.k.a", v1::NAME_KIND_ALIAS, "n.k.a."}, M{"d/b/a", v1::NAME_KIND_ALIAS, "d/b/a"},
                     M{"also known as", v1::NAME_KIND_ALIAS, "a.k.a."},
                     M{"also know as", v1::NAME_KIND_ALIAS, "a.k.a."},
                     M{"formerly known as", v1::NAME_KIND_FORMER, "f.k.a."},
                     M{"aka", v1::NAME_KIND_ALIAS, "a.k.a."}}) {
    const size_t mlen = strlen(m.text);
    size_t from = 0;
    while (true) {
      size_t p = lower.find(m.text, from);
      if (p == std::string::npos) break;
      from = p + 1;
      if (p > 0 && lower[p - 1] != ' ' && lower[p - 1] != '(' && lower[p - 1] != '[' &&
          lower[p - 1] != ',') {
        continue;
      }
      // A bare "aka" is a marker only right after a bracket: "(aka X)".
      if (mlen == 3 && (p == 0 || (lower[p - 1] != '(' && lower[p - 1] != '['))) continue;
      if (p >= best.pos) break;
      size_t e = p + mlen;
      if (e < lower.size() && lower[e] == '.') ++e;
      if (e < lower.size() && (lower[e] == ',' || lower[e] == ':')) ++e;
      if (e < lower.size() && lower[e] != ' ') continue;  // part of a longer word
      best.pos = p;
      best.len = e - p;
      best.kind = m.kind;
      best.label = m.label;
      break;
    }
  }
  return best;
}

class Splitter {
 public:
  explicit Splitter(std::vector<SplitName>* out) : out_(out) {}

  // Processes one part (already split on ';').
  void Part(absl::string_view text, v1::NameKind kind, absl::string_view marker, int depth = 0) {
    text = TrimSpace(text);
    if (text.empty() || depth > 8) {
      if (!text.empty()) Emit(text, kind, marker);
      return;
    }
    // Rule 2: the list-joining "and ".
    if (absl::ConsumePrefix(&text, "and ")) {
      text = TrimSpace(text);
      if (marker.empty()) marker = "and";
    }
    // Rule 6: a parenthesised note.
    if (text.size() > 2 && text.front() == '(' && text.back() == ')' &&
        absl::ascii_islower(static_cast<unsigned char>(text[1]))) {
      return;
    }
    // Rule 3: a.k.a. and friends.
    if (absl::StartsWith(text, "DBA ")) {
      Part(text.substr(4), kind, "d/b/a", depth + 1);
      return;
    }
    Marker m = FindMarker(text);
    if (m.pos != absl::string_view::npos) {
      // In parentheses?
      size_t open = m.pos;
      while (open > 0 && text[open - 1] == ' ') --open;
      if (open > 0 && (text[open - 1] == '(' || text[open - 1] == '[')) {
        --open;
        const char open_c = text[open];
        const char close_c = open_c == '(' ? ')' : ']';
        int d = 0;
        size_t close = absl::string_view::npos;
        for (size_t i = open; i < text.size(); ++i) {
          if (text[i] == open_c) ++d;
          if (text[i] == close_c && --d == 0) {
            close = i;
            break;
          }
        }
        absl::string_view inner = text.substr(m.pos + m.len, close == absl::string_view::npos
                                                                 ? absl::string_view::npos
                                                                 : close - m.pos - m.len);
        std::string head(TrimTrailing(text.substr(0, open), ","));
        if (close != absl::string_view::npos) {
          absl::string_view rest = TrimSpace(text.substr(close + 1));
          if (!rest.empty() && rest != "." && rest != ",") absl::StrAppend(&head, " ", rest);
        }
        Part(head, kind, marker, depth + 1);
        for (const std::string& p : SplitTopLevel(inner, ';')) {
          Part(p, m.kind, m.label, depth + 1);
        }
        return;
      }
      absl::string_view head = TrimTrailing(text.substr(0, m.pos), ",");
      absl::string_view tail = text.substr(m.pos + m.len);
      if (!head.empty()) Part(head, kind, marker, depth + 1);
      Part(tail, m.kind, m.label, depth + 1);
      return;
    }
    // Rule 4: "and" between two aliases.
    size_t from = 0;
    while (true) {
      size_t p = text.find(" and ", from);
      if (p == absl::string_view::npos) break;
      from = p + 1;
      absl::string_view before = TrimTrailing(text.substr(0, p), ",");
      absl::string_view after = TrimSpace(text.substr(p + 5));
      if (!StartsLikeName(after) || !MoreThanLegalForm(after)) continue;
      if (!(EndsWithLegalForm(before) || StartsWithCisForm(after) || IsAcronymOf(after, before))) {
        continue;
      }
      std::vector<std::string> pieces = CommaSplitAfterLegalForm(before);  // rule 5
      for (size_t i = 0; i < pieces.size(); ++i) {
        Emit(pieces[i], i == 0 ? kind : v1::NAME_KIND_ALIAS, i == 0 ? marker : "");
      }
      Part(after, kind == v1::NAME_KIND_PRIMARY ? v1::NAME_KIND_ALIAS : kind, "and", depth + 1);
      return;
    }
    Emit(text, kind, marker);
  }

 private:
  void Emit(absl::string_view text, v1::NameKind kind, absl::string_view marker) {
    text = TrimSpace(text);
    if (text.empty()) return;
    // Rule 6: a wholly quoted name is a weak alias.
    if (text.size() > 2 && text.front() == '"' && text.back() == '"' &&
        text.substr(1, text.size() - 2).find('"') == absl::string_view::npos &&
        kind != v1::NAME_KIND_PRIMARY) {
      text = TrimSpace(text.substr(1, text.size() - 2));
      kind = v1::NAME_KIND_WEAK_ALIAS;
      marker = "quoted";
    }
    if (!out_->empty() && kind == v1::NAME_KIND_PRIMARY) kind = v1::NAME_KIND_ALIAS;
    if (out_->empty() && kind != v1::NAME_KIND_PRIMARY && first_primary_) {
      kind = v1::NAME_KIND_PRIMARY;
    }
    out_->push_back(SplitName{std::string(text), kind, std::string(marker)});
    // Rule 7: a closing parenthesis that repeats words of the name is the
    // publisher's short form of it ("Huawei Technologies Co., Ltd.
    // (Huawei)"): also a name of its own.
    std::string short_form = RepeatedShortForm(text);
    if (!short_form.empty()) {
      out_->push_back(SplitName{std::move(short_form), v1::NAME_KIND_ALIAS, "short form"});
    }
  }

 public:
  bool first_primary_ = false;

 private:
  std::vector<SplitName>* out_;
};

}  // namespace

bool IsLegalFormWord(absl::string_view word) {
  std::string w;
  for (char c : word) {
    if (c == '.' || c == ',' || c == '(' || c == ')') continue;
    w.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  static constexpr const char* kForms[] = {
      "ltd",  "limited", "co",   "company", "corp", "corporation", "inc", "incorporated",
      "llc",  "jsc",     "ojsc", "cjsc",    "pjsc", "oao",         "zao", "ooo",
      "pao",  "ao",      "gmbh", "kg",      "ag",   "sa",          "sarl", "bv",
      "nv",   "plc",     "pte",  "pvt",     "srl",  "spa",         "lp",  "llp",
      "fze",  "fzco",    "fzc",  "fzllc",   "sdn",  "bhd",         "kft", "as",
      "ab",   "oy",      "sas",  "sac",     "cv",   "de",          "ltda", "jv"};
  for (const char* f : kForms) {
    if (w == f) return true;
  }
  return false;
}

std::vector<SplitName> SplitCslNames(absl::string_view field, v1::NameKind first_kind,
                                     bool comma_separated) {
  std::vector<SplitName> out;
  Splitter splitter(&out);
  splitter.first_primary_ = first_kind == v1::NAME_KIND_PRIMARY;
  field = TrimSpace(field);
  if (field.empty()) return out;
  std::vector<std::string> parts = SplitTopLevel(field, ';');
  if (comma_separated) {
    std::vector<std::string> split;
    for (const std::string& p : parts) {
      // ", " separates names unless what follows is only a legal form
      // ("Eyvaz Technic Industrial Company Ltd." stays whole; "Co., Ltd.").
      std::vector<std::string> commas = SplitTopLevel(p, ',');
      std::string cur;
      for (size_t i = 0; i < commas.size(); ++i) {
        if (i > 0 && (!MoreThanLegalForm(commas[i]) || !StartsLikeName(commas[i]))) {
          absl::StrAppend(&cur, ", ", commas[i]);
          continue;
        }
        if (i > 0) split.push_back(cur);
        cur = commas[i];
      }
      split.push_back(cur);
    }
    parts = std::move(split);
  }
  for (const std::string& p : parts) {
    splitter.Part(p, out.empty() ? first_kind : v1::NAME_KIND_ALIAS, "");
  }
  return out;
}

v1::Address ParseCslAddress(absl::string_view text) {
  v1::Address a;
  std::string full;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    line = TrimSpace(line);
    if (line.empty()) continue;
    if (!full.empty()) full.push_back(' ');
    full.append(line.data(), line.size());
  }
  a.set_full(full);
  std::vector<std::string> parts = SplitTrim(full, ",");
  if (parts.empty()) return a;
  const std::string& last = parts.back();
  std::string code = CountryCode(last);
  bool iso2 = last.size() == 2 && IsUpperAscii(last[0]) && IsUpperAscii(last[1]);
  if (code.empty() && iso2) code = last;
  if (!code.empty()) {
    a.set_country(last);
    a.set_country_code(code);
  }
  return a;
}

v1::IdentifierKind IdentifierKindFromLabel(absl::string_view label) {
  std::string l = absl::AsciiStrToLower(label);
  auto has = [&](absl::string_view s) { return absl::StrContains(l, s); };
  if (has("passport")) return v1::IDENTIFIER_KIND_PASSPORT;
  if (has("cedula")) return v1::IDENTIFIER_KIND_CEDULA;
  if (has("driver")) return v1::IDENTIFIER_KIND_DRIVERS_LICENSE;
  if (has("unified social credit")) return v1::IDENTIFIER_KIND_UNIFIED_SOCIAL_CREDIT_CODE;
  if (has("swift") || has("bic")) return v1::IDENTIFIER_KIND_SWIFT_BIC;
  if (has("isin")) return v1::IDENTIFIER_KIND_ISIN;
  if (has("legal entity number") || l == "lei") return v1::IDENTIFIER_KIND_LEI;
  if (has("email")) return v1::IDENTIFIER_KIND_EMAIL;
  if (has("website")) return v1::IDENTIFIER_KIND_WEBSITE;
  if (has("digital currency address")) return v1::IDENTIFIER_KIND_DIGITAL_CURRENCY_ADDRESS;
  if (has("serial number") || has("msn")) return v1::IDENTIFIER_KIND_AIRCRAFT_SERIAL;
  if (has("imo") || has("vessel registration")) return v1::IDENTIFIER_KIND_IMO;
  if (has("call sign")) return v1::IDENTIFIER_KIND_CALL_SIGN;
  if (has("tax id") || has("r.f.c") || l == "rfc" || has("nit #") || has("ruc #") ||
      has("rif #") || has("v.a.t") || has("inn") || has("tin") || has("fein") ||
      has("fiscal code")) {
    return v1::IDENTIFIER_KIND_TAX_ID;
  }
  if (has("registration") || has("company number") || has("c.r. no") || has("ogrn") ||
      has("registry number") || has("folio mercantil") || has("matricula mercantil") ||
      has("trade license") || has("chamber of commerce")) {
    return v1::IDENTIFIER_KIND_REGISTRATION_NUMBER;
  }
  if (has("national id") || has("identification number") || has("d.n.i") || has("c.u.r.p") ||
      has("personal id") || has("national foreign id") || has("id card") ||
      has("c.u.i")) {
    return v1::IDENTIFIER_KIND_NATIONAL_ID;
  }
  return v1::IDENTIFIER_KIND_OTHER;
}

namespace {

bool IsIso2(absl::string_view s) { return s.size() == 2 && IsUpperAscii(s[0]) && IsUpperAscii(s[1]); }

bool IsIsoDay(absl::string_view s) { return s.size() == 10 && ParseIsoDate(s).ok(); }

// True if a part of a packed identifier looks like its type label.
bool LooksLikeIdLabel(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  if (s == "Gender" || s.back() == ':' || absl::EndsWith(s, " -") || absl::StrContains(s, "Date") ||
      absl::StrContains(s, "Number") || absl::StrContains(s, "No.") || absl::EndsWith(s, "#")) {
    return true;
  }
  return IdentifierKindFromLabel(s) != v1::IDENTIFIER_KIND_OTHER && !absl::StrContains(s, "://") &&
         !absl::StrContains(s, "@");
}

}  // namespace

CslIdOrder DetectCslIdOrder(absl::string_view text) {
  std::vector<absl::string_view> parts = absl::StrSplit(TrimSpace(text), ", ");
  if (parts.size() < 2) return CslIdOrder::kUnknown;
  bool first = LooksLikeIdLabel(TrimSpace(parts.front()));
  bool last = LooksLikeIdLabel(TrimSpace(parts.back()));
  if (first == last) return CslIdOrder::kUnknown;
  return first ? CslIdOrder::kTypeFirst : CslIdOrder::kTypeLast;
}

absl::optional<v1::Identifier> ParseCslIdentifier(absl::string_view text, std::string* gender,
                                                  CslIdOrder order) {
  std::vector<std::string> parts = absl::StrSplit(TrimSpace(text), ", ");
  for (auto& p : parts) p = std::string(TrimSpace(p));
  if (parts.empty() || (parts.size() == 1 && parts[0].empty())) return absl::nullopt;
  v1::Identifier id;
  if (parts.size() == 1) {
    id.set_value(parts[0]);
    return id;
  }
  std::string type;
  std::vector<std::string> dates;
  std::string country;
  if (order == CslIdOrder::kTypeFirst) {
    type = parts.front();
    parts.erase(parts.begin());
    while (parts.size() > 1 && IsIsoDay(parts.back())) {
      dates.insert(dates.begin(), parts.back());
      parts.pop_back();
    }
    if (parts.size() > 1 && IsIso2(parts.back())) {
      country = parts.back();
      parts.pop_back();
    }
  } else {
    type = parts.back();
    parts.pop_back();
    size_t i = 0;
    if (parts.size() >= 2 && IsIso2(parts[0])) {
      country = parts[0];
      i = 1;
    }
    while (i + 1 < parts.size() && IsIsoDay(parts[i])) dates.push_back(parts[i++]);
    parts.erase(parts.begin(), parts.begin() + i);
  }
  if (type == "Gender" && parts.size() == 1) {
    if (gender != nullptr) *gender = parts[0];
    return absl::nullopt;
  }
  id.set_type(type);
  id.set_kind(IdentifierKindFromLabel(type));
  if (!country.empty()) {
    id.set_country(country);
    std::string code = CountryCode(country);
    id.set_country_code(code.empty() ? country : code);
  }
  id.set_value(absl::StrJoin(parts, ", "));
  if (dates.size() == 2) {
    id.set_remarks(order == CslIdOrder::kTypeFirst
                       ? absl::StrCat("dates ", dates[0], ", ", dates[1])
                       : absl::StrCat("expires ", dates[0], "; issued ", dates[1]));
  } else if (dates.size() == 1) {
    id.set_remarks(absl::StrCat("date ", dates[0]));
  }
  return id;
}

bool CslEntityKind(absl::string_view type, v1::EntityKind* kind) {
  std::string t = absl::AsciiStrToLower(TrimSpace(type));
  if (t.empty()) {
    *kind = v1::ENTITY_KIND_UNKNOWN;
  } else if (t == "individual") {
    *kind = v1::ENTITY_KIND_INDIVIDUAL;
  } else if (t == "entity") {
    *kind = v1::ENTITY_KIND_ORGANIZATION;
  } else if (t == "vessel") {
    *kind = v1::ENTITY_KIND_VESSEL;
  } else if (t == "aircraft") {
    *kind = v1::ENTITY_KIND_AIRCRAFT;
  } else {
    return false;
  }
  return true;
}

void AddNameUnique(v1::Entity* entity, const std::string& text, v1::NameKind kind,
                   absl::string_view publisher_type) {
  for (const auto& n : entity->names()) {
    if (n.full() == text && (n.kind() == kind || n.kind() == v1::NAME_KIND_PRIMARY)) return;
  }
  if (kind == v1::NAME_KIND_PRIMARY) {
    for (const auto& n : entity->names()) {
      if (n.kind() == v1::NAME_KIND_PRIMARY) {
        kind = v1::NAME_KIND_ALIAS;  // a second row's primary name is an alias
        break;
      }
    }
  }
  auto* n = entity->add_names();
  n->set_full(text);
  n->set_kind(kind);
  n->set_publisher_type(std::string(publisher_type));
}

void AddUnique(google::protobuf::RepeatedPtrField<std::string>* values, absl::string_view value) {
  if (value.empty()) return;
  for (const auto& v : *values) {
    if (v == value) return;
  }
  values->Add(std::string(value));
}

void AddRawUnique(v1::Entity* entity, absl::string_view name, absl::string_view value) {
  for (const auto& r : entity->raw()) {
    if (r.name() == name && r.value() == value) return;
  }
  auto* r = entity->add_raw();
  r->set_name(std::string(name));
  r->set_value(std::string(value));
}

std::string NormalizedNameKey(absl::string_view name) {
  std::string out;
  bool space = false;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u) || u >= 0x80) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(absl::ascii_tolower(u));
    } else {
      space = true;
    }
  }
  return out;
}

std::string DerivedEntityId(absl::string_view prefix, absl::string_view key) {
  return absl::StrCat(prefix, "-", Sha256Hex(key).substr(0, 16));
}


namespace {

// A date of the CSL (ISO) or, failing that, any loose spelling; a date that
// does not parse at all is kept as text only.
v1::PartialDate LooseDateOrText(absl::string_view s) {
  if (auto d = ParseIsoDate(s); d.ok()) return *d;
  if (auto d = ParseLooseDate(s); d.ok()) return *d;
  v1::PartialDate d;
  d.set_text(std::string(s));
  return d;
}

void AddCountry(v1::Entity* entity, absl::string_view value) {
  std::string code = CountryCode(value);
  if (code.empty() && value.size() == 2 && IsUpperAscii(value[0]) && IsUpperAscii(value[1])) {
    code = std::string(value);
  }
  AddUnique(entity->mutable_countries(), code);
}

}  // namespace

absl::Status MergeCslRecord(const CslRecord& r, absl::string_view file, int64_t line,
                            RowErrors* notes, v1::Entity* e) {
  v1::EntityKind kind;
  if (!CslEntityKind(r.type, &kind)) {
    return RowError(file, line, "type",
                    absl::StrCat("unknown type '", r.type,
                                 "' (expected Individual, Entity, Vessel, Aircraft or empty)"));
  }
  if (TrimSpace(r.name).empty()) return RowError(file, line, "name", "name is empty");
  auto* listing = e->add_listings();
  listing->set_source_list(r.source);
  for (const auto& p : r.programs) listing->add_programs(p);
  if (!r.start_date.empty()) {
    auto d = ParseIsoDate(r.start_date);
    if (d.ok()) {
      *listing->mutable_start_date() = *d;
    } else {
      listing->mutable_start_date()->set_text(r.start_date);
      notes->Note(file, line, "start_date",
                  absl::StrCat("'", r.start_date, "' is not a valid date; kept as text only"));
    }
  }
  if (!r.end_date.empty()) {
    auto d = ParseIsoDate(r.end_date);
    if (d.ok()) {
      *listing->mutable_end_date() = *d;
    } else {
      listing->mutable_end_date()->set_text(r.end_date);
      notes->Note(file, line, "end_date",
                  absl::StrCat("'", r.end_date, "' is not a valid date; kept as text only"));
    }
  }
  listing->set_federal_register_notice(r.federal_register_notice);
  listing->set_license_requirement(r.license_requirement);
  listing->set_license_policy(r.license_policy);
  listing->set_standard_order(r.standard_order);
  listing->set_remarks(r.remarks);
  listing->set_source_url(r.source_list_url);

  if (e->kind() == v1::ENTITY_KIND_UNKNOWN) e->set_kind(kind);
  if (e->source_line() == 0) e->set_source_line(static_cast<int32_t>(line));

  // Names.
  std::vector<SplitName> primary = SplitCslNames(r.name, v1::NAME_KIND_PRIMARY);
  if (primary.size() > 1) AddRawUnique(e, "name", r.name);
  for (const auto& n : primary) AddNameUnique(e, n.text, n.kind, n.marker);
  if (!r.alt_names_raw.empty()) {
    AddRawUnique(e, "alt_names", r.alt_names_raw);
    for (const auto& n : SplitCslNames(r.alt_names_raw, v1::NAME_KIND_ALIAS)) {
      AddNameUnique(e, n.text, n.kind, n.marker);
    }
  }
  for (const auto& a : r.alt_names) {
    auto split = SplitCslNames(a, v1::NAME_KIND_ALIAS);
    if (split.size() != 1 || split[0].text != a) AddRawUnique(e, "alt_names", a);
    for (const auto& n : split) AddNameUnique(e, n.text, n.kind, n.marker);
  }

  for (const auto& a : r.addresses) {
    bool dup = false;
    for (const auto& x : e->addresses()) dup = dup || x.full() == a.full();
    if (!dup) *e->add_addresses() = a;
    if (!a.country_code().empty()) AddUnique(e->mutable_countries(), a.country_code());
  }
  for (const auto& n : r.nationalities) {
    AddUnique(e->mutable_nationalities(), n);
    AddCountry(e, n);
  }
  for (const auto& n : r.citizenships) {
    AddUnique(e->mutable_citizenships(), n);
    AddCountry(e, n);
  }
  for (const auto& d : r.dates_of_birth) {
    v1::PartialDate pd = LooseDateOrText(d);
    bool dup = false;
    for (const auto& x : e->dates_of_birth()) dup = dup || x.text() == pd.text();
    if (!dup) *e->add_dates_of_birth() = pd;
  }
  for (const auto& p : r.places_of_birth) AddUnique(e->mutable_places_of_birth(), p);

  auto add_id = [&](const v1::Identifier& id) {
    for (const auto& x : e->identifiers()) {
      if (x.type() == id.type() && x.value() == id.value() && x.country() == id.country()) return;
    }
    *e->add_identifiers() = id;
  };
  CslIdOrder order = CslIdOrder::kUnknown;
  for (const auto& text : r.ids) {
    CslIdOrder o = DetectCslIdOrder(text);
    if (o != CslIdOrder::kUnknown) order = o;
  }
  for (const auto& text : r.ids) {
    std::string gender;
    auto id = ParseCslIdentifier(text, &gender, order);
    if (id.has_value()) {
      // OFAC's non-SDN entries in the CSL carry "Listing Date (CMIC)" as an
      // id: it dates the listing (kept as an identifier too).
      ApplyOfacListingDate(id->type(), id->value(), listing);
      add_id(*id);
    }
    if (!gender.empty() && e->gender().empty()) e->set_gender(gender);
  }
  for (const auto& id : r.identifiers) {
    if (id.type() == "Gender") {
      if (e->gender().empty()) e->set_gender(id.value());
      continue;
    }
    ApplyOfacListingDate(id.type(), id.value(), listing);
    add_id(id);
  }
  if (!r.title.empty() && e->title().empty()) e->set_title(r.title);
  if (!r.remarks.empty() && !absl::StrContains(e->remarks(), r.remarks)) {
    e->set_remarks(e->remarks().empty() ? r.remarks : absl::StrCat(e->remarks(), "; ", r.remarks));
  }
  auto* v = e->mutable_vessel();
  auto set_if = [](const std::string& val, std::string* dst) {
    if (!val.empty() && dst->empty()) *dst = val;
  };
  set_if(r.call_sign, v->mutable_call_sign());
  set_if(r.vessel_type, v->mutable_vessel_type());
  set_if(r.gross_tonnage, v->mutable_tonnage());
  set_if(r.gross_registered_tonnage, v->mutable_gross_registered_tonnage());
  set_if(r.vessel_flag, v->mutable_flag());
  set_if(r.vessel_owner, v->mutable_owner());
  if (v->ByteSizeLong() == 0) e->clear_vessel();
  if (!r.entity_number.empty()) AddRawUnique(e, "entity_number", r.entity_number);
  if (!r.source_information_url.empty()) {
    AddRawUnique(e, "source_information_url", r.source_information_url);
  }
  for (const auto& [k, val] : r.extra) {
    if (!val.empty()) AddRawUnique(e, k, val);
  }
  return absl::OkStatus();
}


int FindColumn(const std::vector<std::string>& header, std::initializer_list<absl::string_view> names) {
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = absl::AsciiStrToLower(TrimSpace(header[i]));
    for (absl::string_view n : names) {
      if (h == n) return static_cast<int>(i);
    }
  }
  return -1;
}

bool ParseUsDateOrText(absl::string_view s, v1::PartialDate* out) {
  s = TrimSpace(s);
  if (auto d = ParseMonthFirstDate(s); d.ok()) {
    *out = *d;
    return true;
  }
  if (auto d = ParseLooseDate(s); d.ok()) {
    *out = *d;
    return true;
  }
  out->Clear();
  out->set_text(std::string(s));
  return false;
}

size_t NamedColumnCount(const std::vector<std::string>& header) {
  size_t n = header.size();
  while (n > 0 && TrimSpace(header[n - 1]).empty()) --n;
  return n;
}

absl::StatusOr<bool> NextDataRow(CsvReader& reader, absl::string_view file, size_t header_size,
                                 size_t min_fields, RowErrors& errors, std::vector<std::string>* row,
                                 int64_t* records) {
  while (true) {
    auto more = reader.Next(row);
    if (!more.ok()) return more.status();
    if (!*more) return false;
    bool blank = true;
    for (const auto& v : *row) blank = blank && TrimSpace(v).empty();
    if (blank) {
      errors.Note(file, reader.line(), "", "row with only empty fields skipped");
      continue;
    }
    ++*records;
    if (row->size() > header_size || row->size() < min_fields) {
      if (auto s = errors.Skip(file, reader.line(), "",
                               absl::StrCat("expected ", header_size, " fields, found ", row->size()));
          !s.ok()) {
        return s;
      }
      continue;
    }
    return true;
  }
}

absl::Status AddCslRecord(const CslRecord& r, absl::string_view file, int64_t line, bool lenient,
                          RowErrors* errors, absl::flat_hash_map<std::string, int>* by_id,
                          v1::EntityList* list) {
  std::string id = r.id;
  if (id.empty()) id = r.entity_number;
  if (id.empty()) id = DerivedEntityId("csl", absl::StrCat(r.source, "|", NormalizedNameKey(r.name)));
  auto it = by_id->find(id);
  v1::Entity candidate;
  if (it != by_id->end()) candidate = list->entities(it->second);
  candidate.set_list_id(list->source().list_id());
  candidate.set_entity_id(id);
  candidate.set_source_file(std::string(file));
  if (auto s = MergeCslRecord(r, file, line, errors, &candidate); !s.ok()) {
    if (!lenient) return s;
    // Record the row as skipped (the message already names file and line).
    return errors->Skip(file, line, "", s.message());
  }
  if (it != by_id->end()) {
    *list->mutable_entities(it->second) = std::move(candidate);
  } else {
    by_id->emplace(id, list->entities_size());
    *list->add_entities() = std::move(candidate);
  }
  return absl::OkStatus();
}

}  // namespace partyscreen::internal
