#include "bench/synthetic_list.h"

#include <cctype>
#include <iterator>
#include <random>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace partyscreen::bench {
namespace {

// True if `word` holds at least one letter (ASCII or not).
bool HasLetter(absl::string_view word) {
  for (char c : word) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalpha(u)) return true;
  }
  return false;
}

// Appends the space-separated words of `text` with a letter to `out`,
// skipping legal-form words when `skip_legal_forms`.
void AddWords(absl::string_view text, bool skip_legal_forms, std::vector<std::string>* out) {
  for (absl::string_view w : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    if (!HasLetter(w) || (skip_legal_forms && IsLegalFormWord(w))) continue;
    out->emplace_back(w);
  }
}

const std::string& Pick(const std::vector<std::string>& pool, std::mt19937_64& rng) {
  return pool[Draw(rng, pool.size())];
}

constexpr const char* kLegalForms[] = {"LLC",  "Ltd.", "Co., Ltd.", "GmbH", "OOO",  "JSC", "Inc.", "S.A.",
                                       "Corp.", "Limited", "PLC", "FZE", "LLP", "S.R.L.", "AG", "Trading Co."};
constexpr const char* kCountries[] = {"CN", "RU", "IR", "KP", "SY", "AE", "TR", "US", "GB", "DE", "FR", "IN",
                                      "PK", "VE", "CU", "BY", "UA", "LB", "IQ", "AF", "HK", "SG", "MY", "KZ"};

std::string PersonName(const NameParts& p, std::mt19937_64& rng) {
  std::string name = Pick(p.given, rng);
  if (Chance(rng, 30)) absl::StrAppend(&name, " ", Pick(p.given, rng));
  absl::StrAppend(&name, " ", Pick(p.family, rng));
  if (Chance(rng, 20)) absl::StrAppend(&name, " ", Pick(p.family, rng));
  return name;
}

std::string OrgName(const NameParts& p, std::mt19937_64& rng, std::string* legal_form) {
  size_t r = Draw(rng, 100);
  int words = r < 15 ? 1 : r < 60 ? 2 : r < 90 ? 3 : 4;
  std::string name;
  for (int i = 0; i < words; ++i) absl::StrAppend(&name, i ? " " : "", Pick(p.org_words, rng));
  legal_form->clear();
  if (Chance(rng, 60)) *legal_form = kLegalForms[Draw(rng, std::size(kLegalForms))];
  return name;
}

// An alias of a person name: "Family, Given ..." or one part replaced.
std::string PersonAlias(const std::string& primary, const NameParts& p, std::mt19937_64& rng) {
  std::vector<std::string> t = absl::StrSplit(primary, ' ', absl::SkipEmpty());
  if (Chance(rng, 50) && t.size() >= 2) {
    std::string out = absl::StrCat(t.back(), ",");
    for (size_t i = 0; i + 1 < t.size(); ++i) absl::StrAppend(&out, " ", t[i]);
    return out;
  }
  size_t i = Draw(rng, t.size());
  t[i] = i + 1 == t.size() ? Pick(p.family, rng) : Pick(p.given, rng);
  return absl::StrJoin(t, " ");
}

// An alias of an organisation name: without its legal form, or with one
// word added or replaced.
std::string OrgAlias(const std::string& core, const std::string& legal_form, const NameParts& p,
                     std::mt19937_64& rng) {
  if (!legal_form.empty() && Chance(rng, 40)) return core;
  std::vector<std::string> t = absl::StrSplit(core, ' ', absl::SkipEmpty());
  if (Chance(rng, 50)) {
    t.insert(t.begin() + static_cast<long>(Draw(rng, t.size() + 1)), Pick(p.org_words, rng));
  } else {
    t[Draw(rng, t.size())] = Pick(p.org_words, rng);
  }
  std::string out = absl::StrJoin(t, " ");
  if (!legal_form.empty()) absl::StrAppend(&out, " ", legal_form);
  return out;
}

}  // namespace

NameParts CollectNameParts(const std::vector<v1::EntityList>& lists, const NegativeNames& negatives) {
  NameParts p;
  for (const auto& l : lists) {
    for (const auto& e : l.entities()) {
      for (const auto& n : e.names()) {
        if (e.kind() == v1::ENTITY_KIND_INDIVIDUAL) {
          AddWords(n.parts().given(), false, &p.given);
          AddWords(n.parts().family(), false, &p.family);
        } else if (e.kind() == v1::ENTITY_KIND_ORGANIZATION) {
          AddWords(n.full(), true, &p.org_words);
        }
      }
    }
  }
  for (const auto& q : negatives.persons) {
    std::vector<absl::string_view> t = absl::StrSplit(q.name, ' ', absl::SkipEmpty());
    if (t.size() < 2) continue;
    for (size_t i = 0; i + 1 < t.size(); ++i) {
      if (HasLetter(t[i])) p.given.emplace_back(t[i]);
    }
    if (HasLetter(t.back())) p.family.emplace_back(t.back());
  }
  for (const auto& c : negatives.companies) AddWords(c, true, &p.org_words);
  if (p.given.empty()) p.given = {"Ivan", "Maria", "Ahmad", "Li", "John"};
  if (p.family.empty()) p.family = {"Petrov", "Garcia", "Hosseini", "Wang", "Smith"};
  if (p.org_words.empty()) p.org_words = {"Global", "Trading", "Energy", "Star", "Ocean"};
  return p;
}

v1::EntityList MakeSyntheticList(const NameParts& parts, int64_t names, uint64_t seed) {
  v1::EntityList list;
  v1::ListSource* src = list.mutable_source();
  src->set_list_id("synthetic");
  src->set_publisher("partyscreen bench");
  src->set_name(absl::StrCat("Synthetic list of ", names, " names, seed ", seed));
  src->set_publication_date("2000-01-01");
  src->set_format("synthetic");
  std::mt19937_64 rng(seed);
  int64_t made = 0;
  int64_t id = 0;
  while (made < names) {
    v1::Entity* e = list.add_entities();
    e->set_list_id("synthetic");
    e->set_entity_id(absl::StrCat("S", ++id));
    const bool person = Chance(rng, 45);
    e->set_kind(person ? v1::ENTITY_KIND_INDIVIDUAL : v1::ENTITY_KIND_ORGANIZATION);
    std::string primary, core, legal_form;
    if (person) {
      primary = PersonName(parts, rng);
    } else {
      core = OrgName(parts, rng, &legal_form);
      primary = legal_form.empty() ? core : absl::StrCat(core, " ", legal_form);
    }
    v1::Name* n = e->add_names();
    n->set_full(primary);
    n->set_kind(v1::NAME_KIND_PRIMARY);
    ++made;
    int aliases = Chance(rng, 25) ? (Chance(rng, 32) ? 2 : 1) : 0;
    for (int a = 0; a < aliases && made < names; ++a, ++made) {
      v1::Name* alias = e->add_names();
      alias->set_full(person ? PersonAlias(primary, parts, rng) : OrgAlias(core, legal_form, parts, rng));
      alias->set_kind(v1::NAME_KIND_ALIAS);
    }
    if (person && Chance(rng, 50)) {
      v1::PartialDate* dob = e->add_dates_of_birth();
      dob->set_year(1940 + static_cast<int>(Draw(rng, 65)));
      dob->set_month(1 + static_cast<int>(Draw(rng, 12)));
      dob->set_day(1 + static_cast<int>(Draw(rng, 28)));
    }
    if (Chance(rng, 70)) e->add_countries(kCountries[Draw(rng, std::size(kCountries))]);
    v1::Listing* listing = e->add_listings();
    listing->set_source_list("Synthetic");
    listing->add_programs("SYNTH");
  }
  return list;
}

}  // namespace partyscreen::bench
