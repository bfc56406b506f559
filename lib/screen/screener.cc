// Screener: normalise the query, collect candidate names from the index's
// keys (or every name, in exhaustive mode), score them with the token
// aligner, adjust for kind / date of birth / country / identifiers, and
// return ordered hits with explanations.
#include "partyscreen/screener.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "lib/index/index_data.h"
#include "lib/normalize/data.h"
#include "lib/screen/candidates.h"
#include "lib/screen/name_match.h"
#include "lib/util/countries.h"

namespace partyscreen {
namespace {

using internal::IndexData;

NameKindHint HintForQuery(PartyKind kind) {
  switch (kind) {
    case PartyKind::kPerson: return NameKindHint::kPerson;
    case PartyKind::kOrganization:
    case PartyKind::kVessel:
    case PartyKind::kAircraft: return NameKindHint::kOrganization;
    default: return NameKindHint::kUnknown;
  }
}

bool KindsConflict(PartyKind q, v1::EntityKind e) {
  if (q == PartyKind::kUnknown || e == v1::ENTITY_KIND_UNKNOWN) return false;
  switch (q) {
    case PartyKind::kPerson: return e != v1::ENTITY_KIND_INDIVIDUAL;
    case PartyKind::kOrganization: return e == v1::ENTITY_KIND_INDIVIDUAL;
    case PartyKind::kVessel: return e == v1::ENTITY_KIND_INDIVIDUAL || e == v1::ENTITY_KIND_AIRCRAFT;
    case PartyKind::kAircraft: return e == v1::ENTITY_KIND_INDIVIDUAL || e == v1::ENTITY_KIND_VESSEL;
    default: return false;
  }
}

absl::StatusOr<int> ParseBirthYear(absl::string_view dob) {
  dob = absl::StripAsciiWhitespace(dob);
  if (dob.empty()) return 0;
  int y = 0;
  if (dob.size() < 4) return absl::InvalidArgumentError("date_of_birth must be YYYY, YYYY-MM or YYYY-MM-DD");
  for (int i = 0; i < 4; ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(dob[i]))) {
      return absl::InvalidArgumentError("date_of_birth must be YYYY, YYYY-MM or YYYY-MM-DD");
    }
    y = y * 10 + (dob[i] - '0');
  }
  if (dob.size() != 4 && dob.size() != 7 && dob.size() != 10) {
    return absl::InvalidArgumentError("date_of_birth must be YYYY, YYYY-MM or YYYY-MM-DD");
  }
  if (y < 1800 || y > 2100) return absl::InvalidArgumentError("date_of_birth year is out of range");
  if (dob.size() >= 7) {
    if (dob[4] != '-' || !absl::ascii_isdigit(static_cast<unsigned char>(dob[5])) ||
        !absl::ascii_isdigit(static_cast<unsigned char>(dob[6]))) {
      return absl::InvalidArgumentError("date_of_birth must be YYYY, YYYY-MM or YYYY-MM-DD");
    }
    int m = (dob[5] - '0') * 10 + (dob[6] - '0');
    if (m < 1 || m > 12) return absl::InvalidArgumentError("date_of_birth month is not 01-12");
    if (dob.size() == 10) {
      if (dob[7] != '-' || !absl::ascii_isdigit(static_cast<unsigned char>(dob[8])) ||
          !absl::ascii_isdigit(static_cast<unsigned char>(dob[9]))) {
        return absl::InvalidArgumentError("date_of_birth must be YYYY, YYYY-MM or YYYY-MM-DD");
      }
      static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int day = (dob[8] - '0') * 10 + (dob[9] - '0');
      bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
      int max_day = m == 2 ? (leap ? 29 : 28) : kDays[m - 1];
      if (day < 1 || day > max_day) return absl::InvalidArgumentError("date_of_birth day does not exist");
    }
  }
  return y;
}

std::string NormalizeIdentifier(absl::string_view v) {
  std::string out;
  for (char c : v) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) out.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

bool SourceListMatches(const v1::Entity& e, const std::vector<std::string>& wanted) {
  if (wanted.empty()) return true;
  for (const auto& l : e.listings()) {
    std::string s = absl::AsciiStrToLower(l.source_list());
    for (const auto& w : wanted) {
      if (absl::StrContains(s, absl::AsciiStrToLower(w))) return true;
    }
  }
  return false;
}

uint32_t EntityOf(const internal::IndexedName& n) { return n.entity; }
uint32_t EntityOf(uint32_t e) { return e; }

struct EntityBest {
  double score = -1;
  double name_score = 0;
  uint32_t name = 0;
  uint32_t reading = 0;  // the query reading that scored name_score
};

// The candidates of every reading (CollectCandidates), each name once with
// its highest bound over the readings; the first reading's order first.
absl::StatusOr<std::vector<uint32_t>> CollectReadingCandidates(const internal::IndexData& d,
                                                               const std::vector<internal::QueryName>& readings,
                                                               int64_t max_candidates, double cutoff,
                                                               std::vector<double>* bounds) {
  auto c = internal::CollectCandidates(d, readings[0], max_candidates, cutoff, bounds);
  if (!c.ok() || readings.size() == 1) return c;
  std::vector<uint32_t> candidates = *std::move(c);
  absl::flat_hash_map<uint32_t, size_t> at;
  for (size_t k = 0; k < candidates.size(); ++k) at[candidates[k]] = k;
  std::vector<double> more_bounds;
  for (size_t r = 1; r < readings.size(); ++r) {
    auto more = internal::CollectCandidates(d, readings[r], max_candidates, cutoff, &more_bounds);
    if (!more.ok()) return more.status();
    for (size_t k = 0; k < more->size(); ++k) {  // one bound per candidate
      auto [it, inserted] = at.try_emplace((*more)[k], candidates.size());
      if (inserted) {
        candidates.push_back((*more)[k]);
        bounds->push_back(more_bounds[k]);
      } else {
        (*bounds)[it->second] = std::max((*bounds)[it->second], more_bounds[k]);
      }
    }
  }
  return candidates;
}

}  // namespace

Screener::Screener(std::shared_ptr<const Index> index, const ScreenerOptions& options)
    : index_(std::move(index)), options_(options) {}
Screener::~Screener() = default;

absl::StatusOr<std::unique_ptr<const Screener>> Screener::Create(std::shared_ptr<const Index> index,
                                                                 const ScreenerOptions& options) {
  if (index == nullptr) return absl::InvalidArgumentError("Screener::Create: index is null");
  if (options.max_candidates <= 0) return absl::InvalidArgumentError("max_candidates must be positive");
  if (index->info().normalization_fingerprint != internal::NormalizationDataFingerprint()) {
    return absl::FailedPreconditionError("the index was built with other normalization data than this library's");
  }
  return std::unique_ptr<const Screener>(new Screener(std::move(index), options));
}

absl::StatusOr<ScreenResult> Screener::Screen(const Query& query, const ScreenOptions& options) const {
  const IndexData& d = index_->data();
  if (options.min_score < 0 || options.min_score > 1) {
    return absl::InvalidArgumentError("min_score must be in [0, 1]");
  }
  if (options.limit < 0) return absl::InvalidArgumentError("limit must be >= 0");
  if (query.name.size() > 65536) {
    return absl::InvalidArgumentError(absl::StrCat("query name is ", query.name.size(), " bytes; the limit is 65536"));
  }
  auto birth_year = ParseBirthYear(query.date_of_birth);
  if (!birth_year.ok()) return birth_year.status();
  std::string country;
  if (!query.country.empty()) {
    country = internal::CountryCode(query.country);
    if (country.empty()) return absl::InvalidArgumentError("country is not a recognised ISO 3166 code or country name");
  }
  // Usually one reading; Chinese and Cyrillic names may have more
  // (Normalizer::NormalizeReadings), each screened, each entity keeping its
  // best.
  auto readings = internal::PrepareQueryReadings(d, query.name, HintForQuery(query.kind));
  if (!readings.ok()) return readings.status();
  const std::vector<internal::QueryName>& qns = *readings;

  // Candidates.
  std::vector<uint32_t> candidates;
  std::vector<double> bounds;  // per candidate: its name score bound
  // The largest bonus this query's date of birth and country can add.
  const double max_bonus = (*birth_year > 0 ? internal::kDobBonus : 0.0) +
                           (country.empty() ? 0.0 : internal::kCountryBonus);
  if (options_.exhaustive) {
    candidates.resize(d.names.size());
    for (uint32_t i = 0; i < candidates.size(); ++i) candidates[i] = i;
    // Every name is scored: nearly every vocabulary token meets each query
    // token, so the comparison memo is kept in flat arrays.
    for (const internal::QueryName& qn : qns) qn.cache.UseDense(qn.tokens.size(), d.vocab.size());
  } else {
    // A name can only make a hit if its name score plus max_bonus reaches
    // min_score.
    double cutoff = 0;
    if (options.min_score >= internal::kPruneMinScore) cutoff = options.min_score - max_bonus - 1e-9;
    auto c = CollectReadingCandidates(d, qns, options_.max_candidates, cutoff, &bounds);
    if (!c.ok()) return c.status();
    candidates = *std::move(c);
  }
  // Identifier matches add their entities' names as candidates too.
  std::vector<std::pair<uint32_t, std::string>> id_matches;  // entity, identifier type
  for (const auto& qi : query.identifiers) {
    std::string v = NormalizeIdentifier(qi.value);
    if (v.size() < 4) continue;
    auto it = d.identifier_entities.find(v);
    if (it == d.identifier_entities.end()) continue;
    for (uint32_t e : it->second) id_matches.emplace_back(e, qi.type.empty() ? "identifier" : qi.type);
  }

  // The score of entity e whose best name scores `name_score`, after the
  // kind, date-of-birth and country adjustments (described into `adj` when
  // given; the identifier adjustment is applied by the caller).
  auto adjust = [&](uint32_t e, double name_score, std::vector<ScoreAdjustment>* adj) {
    const internal::EntityRef& ref = d.entities[e];
    double score = name_score;
    if (KindsConflict(query.kind, ref.kind)) {
      score -= internal::kKindPenalty;
      if (adj) {
        adj->push_back({"kind", -internal::kKindPenalty,
                        absl::StrCat("query is a ", PartyKindName(query.kind), ", listed party is ",
                                     EntityKindName(ref.kind))});
      }
    }
    if (*birth_year > 0 && ref.birth_year_min > 0) {
      int lo = ref.birth_year_min, hi = ref.birth_year_max;
      int diff = *birth_year < lo ? lo - *birth_year : (*birth_year > hi ? *birth_year - hi : 0);
      std::string listed = lo == hi ? absl::StrCat(lo) : absl::StrCat(lo, "-", hi);
      if (diff == 0) {
        double eff = std::min(internal::kDobBonus, 1.0 - score);
        score += eff;
        if (adj) adj->push_back({"date_of_birth", eff, absl::StrCat("query born ", *birth_year, ", listed ", listed)});
      } else if (diff > 1) {
        score -= internal::kDobPenalty;
        if (adj) {
          adj->push_back({"date_of_birth", -internal::kDobPenalty,
                          absl::StrCat("query born ", *birth_year, ", listed ", listed)});
        }
      }
    }
    if (!country.empty() && !ref.countries.empty()) {
      bool match = std::binary_search(ref.countries.begin(), ref.countries.end(), country);
      if (match) {
        double eff = std::min(internal::kCountryBonus, 1.0 - score);
        score += eff;
        if (adj) adj->push_back({"country", eff, absl::StrCat("query country ", country, " is among the listed countries")});
      } else {
        score -= internal::kCountryPenalty;
        if (adj) {
          adj->push_back({"country", -internal::kCountryPenalty,
                          absl::StrCat("query country ", country, " is not among the listed countries")});
        }
      }
    }
    return score;
  };

  absl::flat_hash_map<uint32_t, EntityBest> best;
  const bool filter_lists = !options.lists.empty();
  auto list_allowed = [&](uint32_t e) {
    if (!filter_lists) return true;
    const std::string& id = d.lists[d.entities[e].list].source().list_id();
    return std::find(options.lists.begin(), options.lists.end(), id) != options.lists.end();
  };
  auto score_name = [&](uint32_t n) {
    const uint32_t e = d.names[n].entity;
    double s = internal::ScoreName(d, qns[0], n);
    uint32_t reading = 0;
    for (uint32_t r = 1; r < qns.size(); ++r) {
      const double sr = internal::ScoreName(d, qns[r], n);
      if (sr > s) {
        s = sr;
        reading = r;
      }
    }
    if (d.names[n].kind == v1::NAME_KIND_WEAK_ALIAS) s *= internal::kWeakAliasFactor;
    auto& b = best[e];
    if (s > b.name_score || (s == b.name_score && b.score < 0) || (s == b.name_score && n < b.name)) {
      b.name_score = s;
      b.name = n;
      b.score = s;
      b.reading = reading;
    }
  };
  // With a hit limit, score the names in order of their bounds and stop once
  // no name left can reach the limit-th best entity score so far: the hits
  // are those of scoring every candidate. (Not with a source-list filter,
  // which is applied after scoring.)
  const bool early_stop = options.limit > 0 && !bounds.empty() && options.source_lists.empty();
  int64_t scored_names = 0;
  if (early_stop) {
    std::vector<uint32_t> order(candidates.size());
    for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return bounds[a] > bounds[b]; });
    const size_t limit = static_cast<size_t>(options.limit);
    double kth = -1;  // a lower bound of the limit-th best adjusted entity score
    std::vector<double> finals;
    // kth is recomputed over all entities scored so far, at intervals that
    // grow with their number (a quarter of it, at least 8 names): the work
    // stays linear in the names scored. Recomputing it less often can only
    // stop the loop later; the hits are the same.
    int64_t next_check = 8;
    for (size_t k = 0; k < order.size(); ++k) {
      const uint32_t n = candidates[order[k]];
      if (bounds[order[k]] + max_bonus < kth) break;
      if (!list_allowed(d.names[n].entity)) continue;
      score_name(n);
      ++scored_names;
      if (best.size() >= limit && scored_names >= next_check) {
        next_check = scored_names + std::max<int64_t>(8, static_cast<int64_t>(best.size() / 4));
        finals.clear();
        for (const auto& [e, b] : best) {
          const double f = adjust(e, b.name_score, nullptr);
          if (f >= options.min_score) finals.push_back(f);
        }
        if (finals.size() >= limit) {
          std::nth_element(finals.begin(), finals.begin() + static_cast<long>(limit - 1), finals.end(),
                           std::greater<double>());
          kth = finals[limit - 1];
        }
      }
    }
  } else {
    for (uint32_t n : candidates) {
      if (!list_allowed(d.names[n].entity)) continue;
      score_name(n);
      ++scored_names;
    }
  }
  for (const auto& [e, type] : id_matches) {
    if (!list_allowed(e)) continue;
    // Score every name of the entity, so the hit says which name is closest
    // whatever was pruned. Names are stored in entity order: one range.
    auto range = std::equal_range(d.names.begin(), d.names.end(), e,
                                  [](const auto& x, const auto& y) { return EntityOf(x) < EntityOf(y); });
    for (auto it = range.first; it != range.second; ++it) score_name(static_cast<uint32_t>(it - d.names.begin()));
  }

  ScreenResult result;
  result.index_fingerprint = d.info.fingerprint;
  result.candidates = scored_names;
  struct Scored {
    double score;
    uint32_t entity;
    uint32_t name;
    uint32_t reading;
    double name_score;
    std::vector<ScoreAdjustment> adjustments;
  };
  std::vector<Scored> scored;
  for (const auto& [e, b] : best) {
    // Most scored entities fall below min_score: decide before describing.
    {
      double quick = adjust(e, b.name_score, nullptr);
      for (const auto& [ie, type] : id_matches) {
        if (ie == e) quick = std::max(quick, internal::kIdentifierScore);
      }
      if (std::clamp(quick, 0.0, 1.0) < options.min_score) continue;
    }
    std::vector<ScoreAdjustment> adj;
    if (d.names[b.name].kind == v1::NAME_KIND_WEAK_ALIAS) {
      adj.push_back({"weak_alias", 0.0, absl::StrFormat("matched a low-quality alias (name score x%.2f, included above)", internal::kWeakAliasFactor)});
    }
    double score = adjust(e, b.name_score, &adj);
    for (const auto& [ie, type] : id_matches) {
      if (ie != e) continue;
      double target = std::max(score, internal::kIdentifierScore);
      adj.push_back({"identifier", target - score, absl::StrCat("identical ", type, " number")});
      score = target;
      break;
    }
    score = std::clamp(score, 0.0, 1.0);
    if (score < options.min_score) continue;
    const v1::Entity& ent = d.entity_proto(e);
    if (!SourceListMatches(ent, options.source_lists)) continue;
    scored.push_back({score, e, b.name, b.reading, b.name_score, std::move(adj)});
  }
  std::sort(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    const std::string& la = d.lists[d.entities[a.entity].list].source().list_id();
    const std::string& lb = d.lists[d.entities[b.entity].list].source().list_id();
    if (la != lb) return la < lb;
    const std::string& ea = d.entity_proto(a.entity).entity_id();
    const std::string& eb = d.entity_proto(b.entity).entity_id();
    if (ea != eb) return ea < eb;
    return a.name < b.name;
  });
  if (options.limit > 0 && scored.size() > static_cast<size_t>(options.limit)) scored.resize(options.limit);
  for (auto& s : scored) {
    const v1::Entity& ent = d.entity_proto(s.entity);
    Hit h;
    h.list_id = d.lists[d.entities[s.entity].list].source().list_id();
    h.entity_id = ent.entity_id();
    h.name = ent.names_size() > 0 ? ent.names(0).full() : "";
    for (const auto& n : ent.names()) {
      if (n.kind() == v1::NAME_KIND_PRIMARY) { h.name = n.full(); break; }
    }
    const v1::Name& matched = d.name_proto(s.name);
    h.matched_name = matched.full();
    h.score = s.score;
    h.kind = ent.kind();
    for (const auto& l : ent.listings()) {
      for (const auto& p : l.programs()) {
        if (std::find(h.programs.begin(), h.programs.end(), p) == h.programs.end()) h.programs.push_back(p);
      }
      if (!l.source_list().empty() &&
          std::find(h.source_lists.begin(), h.source_lists.end(), l.source_list()) == h.source_lists.end()) {
        h.source_lists.push_back(l.source_list());
      }
    }
    h.entity = &ent;
    if (options.explain) {
      h.has_explanation = true;
      internal::ExplainName(d, qns[s.reading], s.name, &h.explanation);
      h.explanation.matched_name = matched.full();
      h.explanation.matched_name_kind = matched.kind();
      h.explanation.matched_name_script = matched.script();
      h.explanation.name_score = s.name_score;
      h.explanation.adjustments = std::move(s.adjustments);
    }
    result.hits.push_back(std::move(h));
  }
  return result;
}

std::vector<absl::StatusOr<ScreenResult>> Screener::ScreenBatch(absl::Span<const Query> queries,
                                                                const ScreenOptions& options,
                                                                const BatchOptions& batch) const {
  std::vector<absl::StatusOr<ScreenResult>> out(queries.size(), absl::UnknownError("not screened"));
  if (batch.executor == nullptr || queries.size() <= 1) {
    for (size_t i = 0; i < queries.size(); ++i) out[i] = Screen(queries[i], options);
    return out;
  }
  const size_t chunk = static_cast<size_t>(std::max(1, batch.chunk_size));
  const size_t tasks = (queries.size() + chunk - 1) / chunk;
  std::mutex mu;
  std::condition_variable cv;
  size_t done = 0;
  for (size_t t = 0; t < tasks; ++t) {
    batch.executor->Schedule([&, t] {
      size_t begin = t * chunk, end = std::min(queries.size(), begin + chunk);
      for (size_t i = begin; i < end; ++i) out[i] = Screen(queries[i], options);
      std::lock_guard<std::mutex> lock(mu);
      if (++done == tasks) cv.notify_all();
    });
  }
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock, [&] { return done == tasks; });
  return out;
}

}  // namespace partyscreen
