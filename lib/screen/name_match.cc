#include "lib/screen/name_match.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/scoring/levenshtein.h"
#include "lib/scoring/phonetic.h"
#include "lib/screen/candidates.h"
#include "lib/scoring/token_similarity.h"

namespace partyscreen::internal {

// The logistic model of ScoreFromFeatures, fitted by partyscreen_calibrate
// on the dev benchmark (scripts/calibrate); see README "Calibration".
#include "lib/screen/score_model.inc"

namespace {

bool IsCore(TokenRole r) { return r == TokenRole::kWord || r == TokenRole::kNumber || r == TokenRole::kParticle; }

const char* RoleMark(TokenRole r) {
  switch (r) {
    case TokenRole::kLegalForm: return "[legal form]";
    case TokenRole::kHonorific: return "[honorific]";
    case TokenRole::kStopword: return "[stopword]";
    default: return "";
  }
}



// True for "A.I.", "A. I.", "V.V." — letters each followed by a dot.
bool IsDottedInitials(absl::string_view s) {
  int letters = 0;
  bool expect_dot = false;
  for (char c : s) {
    if (c == ' ') continue;
    if (expect_dot) {
      if (c != '.') return false;
      expect_dot = false;
    } else {
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
      ++letters;
      expect_dot = true;
    }
  }
  return letters >= 2 && !expect_dot;
}

// A legal-form word within one edit (two for long words) of `token`, or "".
absl::string_view MisspeltLegalWord(const IndexData& d, absl::string_view token) {
  const int budget = token.size() >= 9 ? 2 : 1;
  for (const std::string& w : d.legal_words) {
    if (w[0] != token[0]) continue;
    if (w.size() + budget < token.size() || token.size() + budget < w.size()) continue;
    if (OsaDistance(token, w) <= budget) return w;
  }
  return {};
}

bool IsLegalPart(const IndexData& d, absl::string_view part) {
  return d.normalizer->IsLegalForm(part) ||
         std::binary_search(d.legal_words.begin(), d.legal_words.end(), part);
}

// Repairs legal forms the normalizer could not see because a clerk misspelt
// them ("COMPNAY", "LIMITEDD") or glued them to a word ("STOCKCOMPANY",
// "JSCVAD"): a word that no list uses is corrected to a legal-form word
// within one edit, or split where one part is a legal form and the other a
// list word. Returns true if anything changed (then `words` holds the
// repaired token texts). The vocabulary lookups made here are kept in
// `seen` so that PrepareQueryName does not repeat them.
bool RepairLegalForms(const IndexData& d, const NormalizedName& n, std::vector<std::string>* words,
                      absl::flat_hash_map<std::string, std::vector<SimilarToken>>* seen) {
  bool changed = false;
  for (const auto& t : n.tokens) {
    const std::string& w = t.text;
    // Only words that resemble no list word at all are repaired: a typo of a
    // listed name ("PRATHIA" for "PARTHIA") must stay that name.
    if (t.role != TokenRole::kWord || w.size() < 5 || d.vocab_ids.contains(w) || IsAllDigits(w)) {
      words->push_back(w);
      continue;
    }
    auto [similar, inserted] = seen->try_emplace(w);
    if (inserted) similar->second = FindSimilarTokens(d, w);
    if (!similar->second.empty()) {
      words->push_back(w);
      continue;
    }
    absl::string_view legal = MisspeltLegalWord(d, w);
    if (!legal.empty()) {
      words->emplace_back(legal);
      changed = true;
      continue;
    }
    bool split = false;
    for (size_t i = 2; i + 2 <= w.size() && !split; ++i) {
      absl::string_view a = absl::string_view(w).substr(0, i), b = absl::string_view(w).substr(i);
      bool a_legal = a.size() >= 3 && IsLegalPart(d, a), b_legal = b.size() >= 3 && IsLegalPart(d, b);
      bool a_word = a.size() >= 3 && d.vocab_ids.contains(a), b_word = b.size() >= 3 && d.vocab_ids.contains(b);
      if ((a_legal && (b_word || b_legal)) || (b_legal && a_word)) {
        words->emplace_back(a);
        words->emplace_back(b);
        split = changed = true;
      }
    }
    if (!split) words->push_back(w);
  }
  return changed;
}

// log(max(1, k)), from a table for the token counts names have.
const std::array<double, 64> kLogCounts = [] {
  std::array<double, 64> t{};
  for (size_t i = 0; i < t.size(); ++i) t[i] = std::log(std::max<double>(1, static_cast<double>(i)));
  return t;
}();
inline double LogCount(uint32_t k) { return k < kLogCounts.size() ? kLogCounts[k] : std::log(static_cast<double>(k)); }

// log1p(x), from a table when x is a small whole number (a count of
// characters): the same value std::log1p gives.
const std::array<double, 256> kLog1pCounts = [] {
  std::array<double, 256> t{};
  for (size_t i = 0; i < t.size(); ++i) t[i] = std::log1p(static_cast<double>(i));
  return t;
}();
inline double Log1pCount(double x) {
  const auto k = static_cast<uint32_t>(x);
  return x >= 0 && static_cast<double>(k) == x && k < kLog1pCounts.size() ? kLog1pCounts[k] : std::log1p(x);
}

// The logit of `p` in (0, 1), memoised for the one cutoff a screen uses.
double Logit(double p) {
  thread_local double last_p = -1, last_logit = 0;
  if (p != last_p) {
    last_p = p;
    last_logit = std::log(p / (1 - p));
  }
  return last_logit;
}

}  // namespace

namespace {

// Adds to `similar` the vocabulary tokens that pinyin token `pinyin` may
// transcribe (TranscriptionKeysMatch), at the aligner's
// transcription_similarity, or raises their similarity to it; with
// `short_ok`, also those of a two-syllable token
// (ShortTranscriptionKeysMatch, AlignOptions::short_transcriptions).
void AddTranscriptionKeys(const IndexData& d, absl::string_view pinyin, std::vector<SimilarToken>* similar,
                          bool short_ok = false) {
  const int syllables = PinyinSyllableCount(pinyin);
  absl::Span<const uint32_t> tokens;
  float sim = 0;
  if (short_ok && syllables == 2) {
    const std::string key = ShortPinyinTranscriptionKey(pinyin);
    if (key.size() < kShortTranscriptionMinKey) return;
    tokens = d.ShortTranscriptionTokens(key);
    sim = static_cast<float>(AlignOptions().short_transcription_similarity);
  } else {
    if (syllables < kTranscriptionMinSyllables) return;
    const std::string key = PinyinTranscriptionKey(pinyin);
    if (key.size() < kTranscriptionMinKey) return;
    tokens = d.TranscriptionTokens(key);
    sim = static_cast<float>(AlignOptions().transcription_similarity);
  }
  for (uint32_t t : tokens) {
    if (syllables == 2 && short_ok && !ShortTranscriptionKeysMatch(pinyin, d.vocab[t])) continue;
    auto it = std::find_if(similar->begin(), similar->end(), [t](const SimilarToken& s) { return s.token == t; });
    if (it == similar->end()) {
      similar->push_back({t, sim});
    } else {
      it->similarity = std::max(it->similarity, sim);
    }
  }
}

}  // namespace

absl::StatusOr<QueryName> PrepareQueryName(const IndexData& d, absl::string_view name, NameKindHint hint) {
  auto norm = d.normalizer->Normalize(name, hint);
  if (!norm.ok()) return norm.status();
  return PrepareNormalizedQuery(d, *std::move(norm), hint);
}

absl::StatusOr<std::vector<QueryName>> PrepareQueryReadings(const IndexData& d, absl::string_view name,
                                                            NameKindHint hint) {
  auto readings = d.normalizer->NormalizeReadings(name, hint);
  if (!readings.ok()) return readings.status();
  std::vector<QueryName> out;
  out.reserve(readings->size());
  for (NormalizedName& r : *readings) {
    auto q = PrepareNormalizedQuery(d, std::move(r), hint);
    if (!q.ok()) return q.status();
    out.push_back(*std::move(q));
  }
  return out;
}

namespace {

// `word` without a stop word written onto it ("ironand" -> "iron", as in
// "ZIMBABWE IRONAND STEEL", listed as ZIMBABWE IRON AND STEEL: the lists'
// stop words are no tokens, so no join finds it), when `word` is no list
// word and what remains is one of 4+ letters; else `word`.
std::string WithoutGluedStopword(const IndexData& d, const std::string& word) {
  constexpr size_t kMinRest = 4;
  if (word.size() < kMinRest + 2 || d.vocab_ids.contains(word)) return word;
  for (absl::string_view suffix : {"and", "of"}) {
    if (word.size() >= suffix.size() + kMinRest && absl::EndsWith(word, suffix)) {
      std::string rest = word.substr(0, word.size() - suffix.size());
      if (d.vocab_ids.contains(rest)) return rest;
    }
  }
  if (word.size() >= 3 + kMinRest && absl::StartsWith(word, "the")) {
    std::string rest = word.substr(3);
    if (d.vocab_ids.contains(rest)) return rest;
  }
  return word;
}

}  // namespace

absl::StatusOr<QueryName> PrepareNormalizedQuery(const IndexData& d, NormalizedName normalized, NameKindHint hint) {
  QueryName q;
  q.normalized = std::move(normalized);
  q.hint = hint;
  q.latin = q.normalized.script == "Latn" || q.normalized.script == "Zyyy";
  q.loose = q.normalized.script == "Arab" || q.normalized.script == "Hebr" || q.normalized.script == "Syrc" ||
            q.normalized.script == "Thaa";
  q.syllabic = q.normalized.script == "Hani" || q.normalized.script == "Hang" || q.normalized.script == "Hira" ||
               q.normalized.script == "Kana";
  std::vector<std::string> repaired;
  absl::flat_hash_map<std::string, std::vector<SimilarToken>> seen;  // non-loose lookups
  if (RepairLegalForms(d, q.normalized, &repaired, &seen)) {
    auto again = d.normalizer->Normalize(absl::StrJoin(repaired, " "), hint);
    if (again.ok()) q.normalized = *std::move(again);
  }
  bool any_core = false;
  for (const auto& t : q.normalized.tokens) any_core |= IsCore(t.role);
  std::vector<char> particle;  // per query token: a name particle (al, bin, van)
  for (const auto& t : q.normalized.tokens) {
    q.display.push_back(absl::StrCat(t.text, RoleMark(t.role)));
    if (any_core && !IsCore(t.role)) continue;
    // Dotted initials of a person ("A.I. ADWAN") are initials, not an
    // acronym: split them into one-letter tokens. Not in a name with a
    // legal form, which is an organisation's ("JOINT STOCK COMPANY ...
    // N.A. M.M. GROMOV", listed with the tokens "na", "mm").
    if (hint != NameKindHint::kOrganization && q.normalized.legal_forms.empty() && IsDottedInitials(t.source) &&
        t.text.size() >= 2 &&
        t.text.size() <= 4) {
      for (char c : t.text) {
        AlignToken a;
        a.text = std::string(1, c);
        q.tokens.push_back(std::move(a));
        particle.push_back(0);
      }
      continue;
    }
    AlignToken a;
    a.text = t.text;
    a.is_number = IsAllDigits(t.text);
    if (hint != NameKindHint::kPerson && !a.is_number) a.text = WithoutGluedStopword(d, a.text);
    a.pinyin = t.pinyin;
    a.hangul = t.hangul;
    a.translated = t.translated;
    q.tokens.push_back(std::move(a));
    particle.push_back(t.role == TokenRole::kParticle);
  }
  if (q.tokens.empty()) {
    return absl::InvalidArgumentError("query name has no letters or digits to screen");
  }
  q.han_organisation = q.normalized.script == "Hani" &&
                       std::any_of(q.tokens.begin(), q.tokens.end(), [](const AlignToken& t) { return t.translated; });
  q.similar.resize(q.tokens.size());
  q.bound_similar.resize(q.tokens.size());
  for (size_t i = 0; i < q.tokens.size(); ++i) {
    AlignToken& a = q.tokens[i];
    if (a.text.size() == 1) {
      auto it = d.vocab_ids.find(a.text);
      if (it != d.vocab_ids.end()) q.similar[i].push_back({it->second, 1.0f});
    } else {
      auto cached = q.loose ? seen.end() : seen.find(a.text);
      q.similar[i] = cached != seen.end() ? cached->second : FindSimilarTokens(d, a.text, q.loose);
    }
    // Weight: the token's own when it is in the lists; else that of the
    // list token it most resembles; else (a word no list uses) the maximum.
    if (!q.similar[i].empty()) {
      a.weight = d.weight[q.similar[i].front().token];
    } else {
      a.weight = 1.0;
    }
    // Its keys: also the far-apart tokens sharing its first letters, and
    // the look-alikes of a 2-character word.
    if (a.text.size() >= IndexData::kPrefixKeyMinLength || a.text.size() == 2) {
      q.similar[i] = FindSimilarTokens(d, a.text, q.loose, true);
    }
    // Pinyin: also the Latin words it may transcribe (the aligner pairs
    // them at transcription_similarity).
    if (a.pinyin) {
      AddTranscriptionKeys(d, a.text, &q.similar[i],
                           /*short_ok=*/q.han_organisation && hint != NameKindHint::kPerson);
    }
    if (!a.is_number) q.bound_similar[i] = FindBoundTokens(d, a.text, q.loose);
    if (particle[i]) {
      a.weight = std::min(a.weight, 0.1);
    } else if (hint == NameKindHint::kPerson) {
      // A person's common given name is still part of who they are: it may
      // weigh little, never nothing ("David Ward" is not "Abu AL-WARD").
      a.weight = std::max(a.weight, kPersonTokenWeightFloor);
    }
  }
  // A word may be two list words glued, one of them misspelt: where one
  // part is a list word, look the other part up too. (Also for words that
  // are list words themselves: "nkoumtamadji" is one listed name and a
  // glued misspelling of "koumta madji", another.)
  for (size_t i = 0; i < q.tokens.size(); ++i) {
    const std::string& w = q.tokens[i].text;
    if (w.size() < 6 || q.tokens[i].is_number) continue;
    for (size_t cut = 2; cut + 2 <= w.size(); ++cut) {
      absl::string_view a = absl::string_view(w).substr(0, cut), b = absl::string_view(w).substr(cut);
      auto ia = d.vocab_ids.find(a), ib = d.vocab_ids.find(b);
      if (ia != d.vocab_ids.end() && b.size() >= 3) {
        q.split_similar.emplace_back(static_cast<int>(i), ia->second);
        for (const SimilarToken& s : FindSimilarTokens(d, b, q.loose)) q.split_similar.emplace_back(static_cast<int>(i), s.token);
      }
      if (ib != d.vocab_ids.end() && a.size() >= 3) {
        q.split_similar.emplace_back(static_cast<int>(i), ib->second);
        for (const SimilarToken& s : FindSimilarTokens(d, a, q.loose)) q.split_similar.emplace_back(static_cast<int>(i), s.token);
      }
    }
  }
  // A word may also sound like two list words written together (the
  // phonetic keys of the aligner's comparison: "khsrupnah" ~ "khosrow" +
  // "panah", "lkhl" ~ "al" + "khal"). Each joined key of the same key that
  // the aligner would pair with the word (JoinedListSimilarity, which the
  // per-name join bound computes too) gives split keys for every way of
  // cutting it into two list words, so that the bound allows for the join.
  q.split_reached = q.split_similar.size();
  AlignOptions join_options;
  join_options.token = QueryTokenOptions(q);
  for (size_t i = 0; i < q.tokens.size(); ++i) {
    const AlignToken& a = q.tokens[i];
    if (a.text.size() < 3 || a.is_number) continue;
    auto add_joins = [&](absl::Span<const uint32_t> joined_ids) {
      for (uint32_t j : joined_ids) {
        const std::string& text = d.joined_keys[j];
        if (!LengthsCompatible(a.text.size(), text.size()) ||
            JoinedListSimilarity(a, text, join_options).similarity <= 0) {
          continue;
        }
        q.joined_sound.emplace_back(static_cast<int>(i), j);
        for (size_t cut = 2; cut + 2 <= text.size(); ++cut) {
          auto x = d.vocab_ids.find(absl::string_view(text).substr(0, cut));
          if (x == d.vocab_ids.end()) continue;
          auto y = d.vocab_ids.find(absl::string_view(text).substr(cut));
          if (y == d.vocab_ids.end()) continue;
          q.split_similar.emplace_back(static_cast<int>(i), x->second);
          q.split_similar.emplace_back(static_cast<int>(i), y->second);
        }
      }
    };
    add_joins(d.JoinedSoundKeys(ConsonantSkeleton(a.text), false));
    if (q.loose) {
      std::string skeleton, consonants;
      LooseKeys(a.text, &skeleton, &consonants);
      add_joins(d.JoinedSoundKeys(skeleton, true));
      if (consonants != skeleton) add_joins(d.JoinedSoundKeys(consonants, true));
    }
  }
  for (size_t i = 0; i + 1 < q.tokens.size(); ++i) {
    std::string joined = absl::StrCat(q.tokens[i].text, q.tokens[i + 1].text);
    for (const SimilarToken& s : FindSimilarTokens(d, joined, q.loose)) {
      if (s.similarity >= 0.73f) q.joined_similar.emplace_back(static_cast<int>(i), s.token);
    }
    // "hong kong" may be listed as "HK" (the aligner's acronyms).
    const std::string& x = q.tokens[i].text;
    const std::string& y = q.tokens[i + 1].text;
    if (hint != NameKindHint::kPerson && AbbreviableWords(x, y)) {
      const char acronym[2] = {x[0], y[0]};
      auto it = d.vocab_ids.find(absl::string_view(acronym, 2));
      if (it != d.vocab_ids.end() && d.weight[it->second] <= AlignOptions().acronym_max_weight) {
        q.joined_similar.emplace_back(static_cast<int>(i), it->second);
      }
    }
    if (q.tokens[i].pinyin && q.tokens[i + 1].pinyin) {
      std::vector<SimilarToken> sounds;
      AddTranscriptionKeys(d, joined, &sounds);
      for (const SimilarToken& s : sounds) q.joined_similar.emplace_back(static_cast<int>(i), s.token);
    }
  }
  return q;
}

void FillListTokens(const IndexData& d, uint32_t name, std::vector<AlignToken>* out) {
  const IndexedName& in = d.names[name];
  out->resize(in.token_count);  // keeps the strings' capacity between calls
  for (uint32_t k = 0; k < in.token_count; ++k) {
    const uint32_t t = d.name_tokens[in.token_begin + k];
    AlignToken& a = (*out)[k];
    a.text.assign(d.vocab[t]);
    a.id = t;
    a.weight = d.weight[t];
    a.is_number = d.vocab_info[t].is_number != 0;
  }
}

std::vector<AlignToken> ListTokens(const IndexData& d, uint32_t name) {
  std::vector<AlignToken> out;
  FillListTokens(d, name, &out);
  return out;
}

const char* const kFeatureNames[kNumFeatures] = {
    "query_coverage",         // weighted share of the query matched, times similarity
    "list_coverage",          // weighted share of the list name matched, times similarity
    "query_exact_share",      // weighted share of the query matched exactly
    "query_unmatched_weight", // sum of the weights of unmatched query tokens, at most 1
    "list_unmatched_weight",  // sum of the weights of unmatched list tokens
    "min_similarity",         // lowest similarity among matched pairs
    "exact_chars",            // log(1 + letters matched exactly)
    "single_token_query",     // the query has one token
    "initials_share",         // share of query tokens matched as initials
    "phonetic_share",         // share of query tokens matched only phonetically
    "number_conflict",        // a number on one side is unmatched
    "best_exact_weight",      // highest weight among exactly matched tokens
    "log_query_tokens",       // log(number of query tokens)
    "log_list_tokens",        // log(number of list tokens)
    "person_entity",          // the listed party is an individual
    "person_list_coverage",   // person_entity x list_coverage
    "non_latin_query",        // the query was written in another script
    "non_latin_query_coverage",  // non_latin_query x query_coverage
    "non_latin_list_coverage",   // non_latin_query x list_coverage
};

TokenSimilarityOptions QueryTokenOptions(const QueryName& q) {
  TokenSimilarityOptions o;
  if (q.latin) {
    o.phonetic_similarity = 0.78;
    o.far_lift_prefix = kLatinFarLiftPrefix;
  }
  o.loose_phonetic = q.loose;
  o.phonetic_same_vowel_groups = q.syllabic;
  // A romanised Chinese or Korean word is not misspelt: three letters
  // apart, with another start, it is another syllable ("minghong" is not
  // "jingfeng").
  if (q.syllabic) o.far_lift_prefix = kLatinFarLiftPrefix;
  return o;
}

Alignment AlignName(const IndexData& d, const QueryName& q, uint32_t name,
                    const std::vector<AlignToken>& list) {
  Alignment al;
  AlignNameInto(d, q, name, list, &al);
  return al;
}

void AlignNameInto(const IndexData& d, const QueryName& q, uint32_t name,
                   const std::vector<AlignToken>& list, Alignment* out) {
  AlignOptions o;
  const auto kind = static_cast<v1::EntityKind>(d.name_facts[name].entity_kind);
  o.allow_initials = q.hint != NameKindHint::kOrganization &&
                     (kind == v1::ENTITY_KIND_INDIVIDUAL || kind == v1::ENTITY_KIND_UNKNOWN);
  o.token = QueryTokenOptions(q);
  o.allow_list_initials = false;
  o.allow_acronyms = q.hint != NameKindHint::kPerson;
  // A Chinese organisation name's own words are exact pinyin too: another
  // syllable is another character ("hongyuan" is not "hongyan").
  o.strict_romanisation =
      q.hint == NameKindHint::kPerson || kind == v1::ENTITY_KIND_INDIVIDUAL || q.han_organisation;
  o.romanisation_edit_keeps_consonants = q.han_organisation;
  o.short_transcriptions =
      q.han_organisation && q.hint != NameKindHint::kPerson && kind != v1::ENTITY_KIND_INDIVIDUAL;
  o.cache = &q.cache;
  AlignTokensInto(q.tokens, list, o, out);
}

NameFeatures ComputeFeatures(const IndexData& d, const QueryName& q, uint32_t name,
                             const std::vector<AlignToken>& list, const Alignment& al) {
  NameFeatures f;
  const int n = static_cast<int>(q.tokens.size()), m = static_cast<int>(list.size());
  auto W = [](const AlignToken& t) { return t.weight > 1e-6 ? t.weight : 1e-6; };
  double qw = 0, qm = 0, qe = 0, qun = 0, lw = 0, lm = 0, lun = 0, min_sim = 1.0, exact_chars = 0, best_exact = 0;
  int initials = 0, phonetic = 0;
  bool all_exact = n > 0 && m > 0;
  bool number_conflict = false;
  bool lossy = !q.latin;  // the non-Latin terms apply (see QueryName::han_organisation)
  absl::InlinedVector<double, 16> list_sim(m, 0.0);
  const bool person = d.name_facts[name].entity_kind == v1::ENTITY_KIND_INDIVIDUAL;
  for (int i = 0; i < n; ++i) {
    const Pairing& p = al.pairings[i];
    const double w = W(q.tokens[i]);
    qw += w;
    if (p.list_index < 0 || p.method == MatchMethod::kNone || p.method == MatchMethod::kNumberMismatch) {
      qun += w;
      f.query_unmatched_max = std::max(f.query_unmatched_max, w);
      all_exact = false;
      if (q.tokens[i].is_number) number_conflict = true;
      if (q.han_organisation && q.tokens[i].pinyin) lossy = false;
      continue;
    }
    qm += w * p.similarity;
    min_sim = std::min(min_sim, p.similarity);
    list_sim[p.list_index] = std::max(list_sim[p.list_index], p.similarity);
    if (p.list_index2 >= 0) list_sim[p.list_index2] = std::max(list_sim[p.list_index2], p.similarity);
    if (p.method == MatchMethod::kExact) {
      qe += w;
      exact_chars += static_cast<double>(q.tokens[i].text.size());
      best_exact = std::max(best_exact, w);
    } else {
      all_exact = false;
    }
    if (p.method == MatchMethod::kInitial) ++initials;
    if (p.method == MatchMethod::kPhonetic) ++phonetic;
  }
  for (int j = 0; j < m; ++j) {
    const double w = W(list[j]);
    lw += w;
    lm += w * list_sim[j];
    if (list_sim[j] <= 0) {
      lun += w;
      // A listed person's word weighs at least kPersonTokenWeightFloor here,
      // as a person query's words do: a common given name is still part of
      // who they are ("XU, Bin" is not "Xu Ju"). Not a particle inside the
      // name ("bin" in "Osama bin Laden"); a particle that ends it is a name,
      // one that begins it a kunya ("ABU ZAR" is not "Kowsar Zare").
      double wu = w;
      if ((person || q.hint == NameKindHint::kPerson) && list[j].text.size() >= 2 &&
          (j + 1 == m || j == 0 || list[j].id >= d.is_particle.size() || d.is_particle[list[j].id] == 0)) {
        wu = std::max(wu, kPersonTokenWeightFloor);
      }
      f.list_unmatched_max = std::max(f.list_unmatched_max, wu);
      all_exact = false;
      if (list[j].is_number) number_conflict = true;
    }
  }
  const double L = lw > 0 ? lm / lw : 0;
  f.x[0] = qw > 0 ? qm / qw : 0;
  f.x[1] = L;
  f.x[2] = qw > 0 ? qe / qw : 0;
  f.x[3] = std::min(qun, kMaxUnmatchedFeature);
  f.x[4] = lun;
  f.x[5] = qm > 0 ? min_sim : 0;
  f.x[6] = std::log1p(exact_chars);
  f.x[7] = n == 1 ? 1 : 0;
  f.x[8] = n > 0 ? static_cast<double>(initials) / n : 0;
  f.x[9] = n > 0 ? static_cast<double>(phonetic) / n : 0;
  f.x[10] = number_conflict ? 1 : 0;
  f.x[11] = best_exact;
  f.x[12] = std::log(std::max(1, n));
  f.x[13] = std::log(std::max(1, m));
  f.x[14] = person ? 1 : 0;
  f.x[15] = person ? L : 0;
  f.x[16] = lossy ? 1 : 0;
  f.x[17] = lossy ? f.x[0] : 0;
  f.x[18] = lossy ? L : 0;
  f.all_exact = all_exact;
  return f;
}

double ScoreFromFeatures(const NameFeatures& f, absl::string_view* cap) {
  if (cap != nullptr) *cap = absl::string_view();
  if (f.all_exact) return 1.0;
  double z = kFeatureBias;
  for (int i = 0; i < kNumFeatures; ++i) z += kFeatureWeights[i] * f.x[i];
  // kScoreShift moves the logistic curve so that the dev benchmark's 1 %
  // false-alert point falls on kDefaultAlertThreshold.
  double p = 1.0 / (1.0 + std::exp(-(z + kScoreShift)));
  auto apply = [&](double limit, absl::string_view why) {
    if (p > limit) {
      p = limit;
      if (cap != nullptr) *cap = why;
    }
  };
  // A number on one side that the other lacks or contradicts ("VICTORY 3"
  // vs "VICTORY 5" or "VICTORY") is a different party: never an alert.
  if (f.x[10] > 0) apply(kNumberConflictCap, "number_conflict");
  if (f.query_unmatched_max >= kTwoSidedMismatchWeight && f.list_unmatched_max >= kTwoSidedMismatchWeight) {
    apply(kTwoSidedMismatchCap, "two_sided_mismatch");
  }
  return std::min(p, 0.99);
}

namespace {

// CompareTokens of query token i and vocabulary token t as the aligner
// calls it, through the query's memo (filled on a miss).
double MemoisedSimilarity(const IndexData& d, const QueryName& q, const QueryKeyTable& keys, int i, uint32_t t) {
  static const AlignOptions align_defaults;
  const uint64_t key = TokenPairCache::Key(0, i, t);
  if (const TokenSimilarity* hit = key != 0 ? q.cache.Find(key) : nullptr) return hit->similarity;
  TokenSimilarity ts = CompareTokens(q.tokens[i].text, d.vocab[t], keys.token_options(), align_defaults.min_similarity);
  if (key != 0) q.cache.Insert(key, ts);
  return ts.similarity;
}

// The facts of vocabulary token `t` for the query (TokenBound), from the
// memo of `keys` or computed now: its keys, the initials it answers, and
// the pairs with query tokens that the keys did not find yet may be similar
// (more edits apart than the lookup's budget, with a Jaro-Winkler lift):
// where their lengths allow it (UnkeyedSimilarityBound), at that bound, as
// pending pairs (compared by ResolvePending once a name needs them; a pair
// the query's memo holds already is read from it).
const TokenBound& BoundFacts(const IndexData& d, const QueryName& q, const QueryKeyTable& keys, uint32_t t) {
  if (const TokenBound* found = keys.FindBound(t)) return *found;
  const int n = static_cast<int>(q.tokens.size());
  static const AlignOptions align_defaults;
  const double min_sim = align_defaults.min_similarity;
  std::vector<double>& sims = keys.bound_sims();
  const size_t at = sims.size();
  sims.resize(at + static_cast<size_t>(n), 0.0);
  double* s = sims.data() + at;
  TokenBound& b = keys.AddBound(t);
  b.sims = static_cast<uint32_t>(at);
  const IndexData::VocabInfo& info = d.vocab_info[t];
  b.weight = std::max<double>(d.weight[t], 1e-6);
  b.is_number = info.is_number != 0;
  auto raise = [](double* x, double v) { *x = std::max(*x, v); };
  uint64_t keyed = 0;  // query tokens with a plain key to it
  auto [begin, end] = keys.Find(t);
  for (const QueryKey* k = begin; k != end; ++k) {
    const uint32_t i = k->query_index;
    if (i >= static_cast<uint32_t>(n)) continue;
    if ((k->flags & (QueryKey::kSpansNext | QueryKey::kJoinPart)) == 0) keyed |= uint64_t{1} << i;
    if (k->flags & QueryKey::kExact) {
      b.exact |= uint64_t{1} << i;
      b.best = 1.0;
      continue;
    }
    // A split key pairs only together with a neighbour in the name: that
    // join is bounded per name (NameScoreUpperBound).
    if (k->flags & QueryKey::kJoinPart) {
      b.join_parts |= uint64_t{1} << i;
      continue;
    }
    raise(&s[i], k->similarity);
    b.similar |= uint64_t{1} << i;
    raise(&b.best, k->similarity);
    if ((k->flags & QueryKey::kSpansNext) && i + 1 < static_cast<uint32_t>(n)) {
      raise(&s[i + 1], k->similarity);
      b.similar |= uint64_t{1} << (i + 1);
    }
  }
  if (info.length >= 2) {
    for (const auto& [i, c] : keys.initials()) {
      if (info.initial == c && i < static_cast<uint32_t>(n)) b.initials |= uint64_t{1} << i;
    }
  }
  if (info.is_number || info.length < 2) return b;
  const TokenSimilarityOptions& token_options = keys.token_options();
  // The edit route reaches min_sim only within this share of the longer
  // token's length in OSA edits (Jaro-Winkler lifts by at most the cap).
  static const double edit_share = 1.0 + TokenSimilarityOptions().jaro_winkler_bonus_cap - min_sim;
  for (int i = 0; i < n; ++i) {
    const AlignToken& qt = q.tokens[i];
    if (qt.is_number || qt.text.size() < 2 || ((keyed >> i) & 1)) continue;
    const bool digits = keys.query_digit(i) || info.has_digit;
    if (keys.unkeyed_bound(i, info.length, digits) <= 0) continue;
    if (!digits) {
      // Letters only one side has bound the edits from below; other
      // routes (phonetic skeletons) are keyed.
      const int osa_min = (__builtin_popcount(keys.query_letters(i) ^ info.letters) + 1) / 2;
      const size_t longer = std::max<size_t>(qt.text.size(), info.length);
      double share = edit_share;
      // 3+ edits apart, a query with a far-lift prefix gets no lift unless
      // the words share that prefix (CompareTokens).
      const auto need = static_cast<size_t>(token_options.far_lift_prefix);
      if (osa_min >= 3 && need > 0) {
        const std::string& v = d.vocab[t];
        if (qt.text.size() < need || v.size() < need || qt.text.compare(0, need, v, 0, need) != 0) {
          share = 1.0 - min_sim;
        }
      }
      if (osa_min > share * static_cast<double>(longer) + 1e-9) continue;
    }
    const uint64_t key = TokenPairCache::Key(0, i, t);
    // Compared now if the memo has it, or if another pairing (a split's
    // join) set a similarity for this query token already, which a
    // pending bound would hide.
    if ((key != 0 && q.cache.Find(key) != nullptr) || ((b.similar >> i) & 1)) {
      const double v = MemoisedSimilarity(d, q, keys, i, t);
      if (v >= min_sim) {
        raise(&s[i], v);
        b.similar |= uint64_t{1} << i;
        raise(&b.best, v);
      }
      continue;
    }
    // Not compared yet: at the bound of its lengths until a name needs it.
    raise(&s[i], keys.unkeyed_bound(i, info.length, digits));
    b.similar |= uint64_t{1} << i;
    b.pending |= uint64_t{1} << i;
  }
  b.keyed_best = b.best;
  for (uint64_t x = b.pending; x != 0; x &= x - 1) raise(&b.best, s[__builtin_ctzll(x)]);
  return b;
}

// Compares the pending pairs (TokenBound::pending) of the name's tokens, as
// the aligner does, through the query's memo: afterwards their facts hold
// the similarities themselves. True if there were any.
bool ResolvePending(const IndexData& d, const QueryName& q, const QueryKeyTable& keys, const uint32_t* tok, int m) {
  static const AlignOptions align_defaults;
  const double min_sim = align_defaults.min_similarity;
  std::vector<double>& sims = keys.bound_sims();
  bool any = false;
  for (int j = 0; j < m; ++j) {
    TokenBound* b = keys.FindBound(tok[j]);
    if (b == nullptr || b->pending == 0) continue;
    any = true;
    double* s = sims.data() + b->sims;
    for (uint64_t x = b->pending; x != 0; x &= x - 1) {
      const int i = __builtin_ctzll(x);
      const double v = MemoisedSimilarity(d, q, keys, i, tok[j]);
      if (v >= min_sim) {
        s[i] = v;
        b->keyed_best = std::max(b->keyed_best, v);
      } else {
        s[i] = 0;
        b->similar &= ~(uint64_t{1} << i);
      }
    }
    b->pending = 0;
    b->best = b->keyed_best;
  }
  return any;
}

// The largest similarity with which the aligner can pair query token i
// with list tokens a and b joined (a kJoined candidate, after the
// joined/split factor), or 0 if it cannot reach the minimum similarity:
// the aligner's own conditions and comparison (JoinedListSimilarity),
// memoised in q.cache under the aligner's key.
double JoinBound(const IndexData& d, const QueryName& q, const QueryKeyTable& keys, int i, uint32_t a,
                 uint32_t b) {
  static const AlignOptions defaults;
  const AlignToken& qt = q.tokens[i];
  if (qt.is_number || qt.text.size() < 3 || IsAllDigits(qt.text)) return 0;
  const std::string& ta = d.vocab[a];
  const std::string& tb = d.vocab[b];
  if (ta.size() < 2 || tb.size() < 2 || d.vocab_info[a].is_number || d.vocab_info[b].is_number || IsAllDigits(ta) ||
      IsAllDigits(tb)) {
    return 0;
  }
  const size_t len = ta.size() + tb.size();
  if (!LengthsCompatible(qt.text.size(), len)) return 0;
  const uint64_t key = TokenPairCache::Key(1, i, a, b);
  TokenSimilarity s;
  if (const TokenSimilarity* hit = key != 0 ? q.cache.Find(key) : nullptr) {
    s = *hit;
  } else {
    AlignOptions o;
    o.token = keys.token_options();
    s = JoinedListSimilarity(qt, absl::StrCat(ta, tb), o);
    if (key != 0) q.cache.Insert(key, s);
  }
  const double sim = s.similarity * defaults.joined_split_factor;
  return sim >= defaults.min_similarity && sim > 0 ? sim : 0;
}

}  // namespace

namespace {

// NameScoreUpperBound with the pending pairs of the name's tokens at the
// bounds of their lengths; `pending` says whether there were any.
double NameScoreUpperBoundWithPending(const IndexData& d, const QueryName& q, const QueryKeyTable& keys,
                                      uint32_t name, double cutoff, bool* pending) {
  const IndexData::NameFacts& facts = d.name_facts[name];
  const int n = static_cast<int>(q.tokens.size());
  const int m = static_cast<int>(facts.token_count < 65535 ? facts.token_count : d.names[name].token_count);
  // Names without tokens are never reached by a key; very long queries are
  // not bounded (every query token needs a slot below).
  constexpr int kMaxQueryTokens = 64;
  if (n == 0 || m == 0 || n > kMaxQueryTokens) return 1.0;
  auto W = [](double w) { return w > 1e-6 ? w : 1e-6; };  // as ComputeFeatures
  static const AlignOptions align_defaults;
  const double initial_sim = align_defaults.initial_similarity;
  const double min_sim = align_defaults.min_similarity;
  const double join_sim = align_defaults.joined_split_factor;

  // Best similarity each query / list token can reach, and whether it can
  // match exactly; per list token its weight and whether it is a number.
  double qsim[kMaxQueryTokens];
  std::fill(qsim, qsim + n, 0.0);
  uint64_t qexact = 0;
  // Per-thread scratch, grown to the longest name seen; only the first m
  // entries are used (and lsim zeroed) per call.
  thread_local std::vector<double> lsim_store, lweight_store;
  thread_local std::vector<uint8_t> lexact_store, lnumber_store;
  if (lsim_store.size() < static_cast<size_t>(m)) {
    lsim_store.resize(m);
    lweight_store.resize(m);
    lexact_store.resize(m);
    lnumber_store.resize(m);
  }
  double* const lsim = lsim_store.data();
  double* const lweight = lweight_store.data();
  uint8_t* const lexact = lexact_store.data();
  uint8_t* const lnumber = lnumber_store.data();
  std::fill_n(lsim, m, 0.0);
  const uint32_t* tok = d.name_tokens.data() + facts.token_begin;
  const auto kind = static_cast<v1::EntityKind>(facts.entity_kind);
  const bool initials = q.hint != NameKindHint::kOrganization &&
                        (kind == v1::ENTITY_KIND_INDIVIDUAL || kind == v1::ENTITY_KIND_UNKNOWN);
  auto raise = [](double* x, double s) { *x = std::max(*x, s); };
  const std::vector<double>& sims = keys.bound_sims();
  bool any_join_part = false;
  *pending = false;
  for (int j = 0; j < m; ++j) {
    const TokenBound& b = BoundFacts(d, q, keys, tok[j]);
    const double* s = sims.data() + b.sims;
    *pending |= b.pending != 0;
    qexact |= b.exact;
    lexact[j] = b.exact != 0;
    lweight[j] = b.weight;
    lnumber[j] = b.is_number;
    raise(&lsim[j], b.best);
    for (uint64_t x = b.similar; x != 0; x &= x - 1) {
      const int i = __builtin_ctzll(x);
      raise(&qsim[i], s[i]);
    }
    any_join_part |= b.join_parts != 0;
    if (initials && b.initials != 0) {
      for (uint64_t x = b.initials; x != 0; x &= x - 1) raise(&qsim[__builtin_ctzll(x)], initial_sim);
      raise(&lsim[j], initial_sim);
    }
  }
  // A query word that is two adjacent list words joined ("sensetime").
  for (uint32_t i : keys.joined()) {
    if (i >= static_cast<uint32_t>(n)) continue;
    const std::string& text = q.tokens[i].text;
    for (int j = 0; j + 1 < m; ++j) {
      const std::string& a = d.vocab[tok[j]];
      const std::string& b = d.vocab[tok[j + 1]];
      if (a.size() + b.size() == text.size() && absl::StartsWith(text, a) && absl::EndsWith(text, b)) {
        raise(&qsim[i], join_sim);
        raise(&lsim[j], join_sim);
        raise(&lsim[j + 1], join_sim);
      }
    }
  }

  // The bound from the similarities in qsim and lsim: each term of the
  // model at its largest over what these pairings allow. (Raising any of
  // them never lowers it.)
  auto evaluate = [&]() -> double {
    const double* w = kFeatureWeights;
    const double non_latin = q.latin ? 0 : 1;
    const bool person = kind == v1::ENTITY_KIND_INDIVIDUAL;
    double z = kFeatureBias + kScoreShift + w[7] * (n == 1 ? 1 : 0) + w[12] * LogCount(n) +
               w[13] * LogCount(m) + w[14] * (person ? 1 : 0) + w[16] * non_latin;
    // Query side: per token, unmatched (x3) or matched exactly (x0, x2) or
    // inexactly with similarity in [min_sim, qsim] (x0).
    double qw = 0;
    for (int i = 0; i < n; ++i) qw += W(q.tokens[i].weight);
    const double a = w[0] + w[17] * non_latin;  // coefficient of query_coverage
    double best_sim = 0, exact_chars = 0, best_exact = 0;
    int inexact = 0, initial = 0;
    bool all_exact = true, conflict = false, any_number = false;
    for (int i = 0; i < n; ++i) {
      const AlignToken& qt = q.tokens[i];
      const double wi = W(qt.weight);
      if (qt.is_number) {
        any_number = true;
        qsim[i] = 0;  // numbers match only exactly
        if (((qexact >> i) & 1) == 0) conflict = true;
      }
      double term = 0;  // unmatched
      if ((qexact >> i) & 1) {
        term = std::max(term, (a + w[2]) * wi / qw);
        best_sim = 1;
        exact_chars += static_cast<double>(qt.text.size());
        best_exact = std::max(best_exact, wi);
      } else {
        all_exact = false;
      }
      if (qsim[i] > 0) {
        const double c = a / qw * wi;  // per unit of similarity
        term = std::max(term, std::max(c * qsim[i], c * min_sim));
        best_sim = std::max(best_sim, qsim[i]);
        ++inexact;
        if (qt.text.size() == 1) ++initial;
      }
      z += term;
    }
    auto upto = [](double coefficient, double hi) { return std::max(0.0, coefficient * hi); };  // x in [0, hi]
    // Any token may stay unmatched: x3 is at most min(1, qw).
    z += upto(w[3], std::min(kMaxUnmatchedFeature, qw));
    z += upto(w[5], best_sim) + upto(w[6], Log1pCount(exact_chars)) + upto(w[8], static_cast<double>(initial) / n) +
         upto(w[9], static_cast<double>(inexact) / n) + upto(w[11], best_exact);
    // List side: per token, unmatched (x4) or matched with similarity in
    // [min_sim, lsim] (x1, x15, x18).
    double lw = 0;
    for (int j = 0; j < m; ++j) lw += lweight[j];
    const double b = w[1] + w[15] * (person ? 1 : 0) + w[18] * non_latin;
    for (int j = 0; j < m; ++j) {
      const double wj = lweight[j];
      if (lnumber[j]) {
        any_number = true;
        if (!lexact[j]) {
          lsim[j] = 0;
          conflict = true;
        }
      }
      if (!lexact[j]) all_exact = false;
      double term = w[4] * wj;
      if (lsim[j] > 0) term = std::max(term, std::max(b * lsim[j], b * min_sim) * wj / lw);
      z += term;
    }
    if (all_exact) return 1.0;
    // A number on one side that the other cannot match is certain to cap the
    // score; one that merely may stay unmatched may add its term.
    if (conflict) {
      z += w[10];
    } else if (any_number) {
      z += std::max(0.0, w[10]);
    }
    // Below the cutoff: p < cutoff exactly when z < logit(cutoff) (with a
    // margin for rounding).
    if (cutoff > 0 && cutoff < 1 && z < Logit(cutoff) - 1e-9) return 0.0;
    double p = 1.0 / (1.0 + std::exp(-z));
    if (conflict) p = std::min(p, kNumberConflictCap);
    return std::min(p, 0.99);
  };
  if (!any_join_part) return evaluate();
  // A split key of a query word in the name: the word may pair with it and
  // a neighbour written together. The loose allowance: the word, the key
  // and its neighbours pairing at the joined/split factor (at least any
  // join's similarity). That is the bound for a transliterated query,
  // whose words also join list words by sound where no split key names
  // them ("mhmdaliy" ~ "mohammad" + "ali"). For a Latin-script query, a
  // name that reaches the cutoff even so is bounded by the joins the
  // aligner would make (a comparison per pair, through the query's memo,
  // which the aligner then reads).
  const bool compare_joins = q.latin;
  if (!compare_joins || (cutoff > 0 && cutoff < 1)) {
    thread_local std::vector<double> saved_q, saved_l;
    if (compare_joins) {
      saved_q.assign(qsim, qsim + n);
      saved_l.assign(lsim, lsim + m);
    }
    for (int j = 0; j < m; ++j) {
      const uint64_t parts = BoundFacts(d, q, keys, tok[j]).join_parts;
      if (parts == 0) continue;
      for (uint64_t x = parts; x != 0; x &= x - 1) {
        const int i = __builtin_ctzll(x);
        if (i < n) raise(&qsim[i], join_sim);
      }
      for (int k = std::max(0, j - 1); k <= std::min(m - 1, j + 1); ++k) raise(&lsim[k], join_sim);
    }
    const double loose = evaluate();
    if (!compare_joins || loose == 0.0) return loose;
    std::copy(saved_q.begin(), saved_q.end(), qsim);
    std::copy(saved_l.begin(), saved_l.end(), lsim);
  }
  for (int j = 0; j < m; ++j) {
    const uint64_t parts = BoundFacts(d, q, keys, tok[j]).join_parts;
    for (uint64_t x = parts; x != 0; x &= x - 1) {
      const int i = __builtin_ctzll(x);
      if (i >= n) break;
      for (int left : {j - 1, j}) {
        if (left < 0 || left + 1 >= m) continue;
        const double u = JoinBound(d, q, keys, i, tok[left], tok[left + 1]);
        if (u <= 0) continue;
        raise(&qsim[i], u);
        raise(&lsim[left], u);
        raise(&lsim[left + 1], u);
      }
    }
  }
  return evaluate();
}

}  // namespace

uint32_t InexactPairings(const IndexData& d, const QueryName& q, const QueryKeyTable& keys, uint32_t name) {
  const IndexData::NameFacts& facts = d.name_facts[name];
  const int m = static_cast<int>(facts.token_count < 65535 ? facts.token_count : d.names[name].token_count);
  const uint32_t* tok = d.name_tokens.data() + facts.token_begin;
  uint64_t similar = 0;
  for (int j = 0; j < m; ++j) similar |= BoundFacts(d, q, keys, tok[j]).similar;
  return static_cast<uint32_t>(similar);
}

double NameScoreUpperBound(const IndexData& d, const QueryName& q, const QueryKeyTable& keys, uint32_t name,
                           double cutoff) {
  bool pending = false;
  const double optimistic = NameScoreUpperBoundWithPending(d, q, keys, name, cutoff, &pending);
  // Below the cutoff with every pending pair at its bound: below it with
  // their true similarities too (the bound only grows with them).
  if (!pending || (cutoff > 0 && cutoff < 1 && optimistic == 0.0)) return optimistic;
  const IndexData::NameFacts& facts = d.name_facts[name];
  const int m = static_cast<int>(facts.token_count < 65535 ? facts.token_count : d.names[name].token_count);
  ResolvePending(d, q, keys, d.name_tokens.data() + facts.token_begin, m);
  return NameScoreUpperBoundWithPending(d, q, keys, name, cutoff, &pending);
}

namespace {

// For a query token of one length: the list word lengths (bit min(length,
// 31)) at which UnkeyedSimilarityBound allows a pairing, without and with
// a digit on either side, and its best value over all lengths.
struct UnkeyedLengths {
  uint32_t lengths[2] = {0, 0};
  double best = 0;
};

const UnkeyedLengths& UnkeyedLengthsOf(size_t query_length, bool far_prefix) {
  static const std::vector<UnkeyedLengths> table = [] {
    std::vector<UnkeyedLengths> t(2 * 256);
    for (int far = 0; far < 2; ++far) {
      for (size_t q = 0; q < 256; ++q) {
        UnkeyedLengths& u = t[far * 256 + q];
        for (size_t len = 2; len <= 255; ++len) {
          const uint32_t bit = uint32_t{1} << std::min<size_t>(len, 31);
          for (int digits = 0; digits < 2; ++digits) {
            const double b = UnkeyedSimilarityBound(q, len, digits != 0, far != 0);
            if (b > 0) u.lengths[digits] |= bit;
            u.best = std::max(u.best, b);
          }
        }
      }
    }
    return t;
  }();
  return table[(far_prefix ? 256 : 0) + std::min<size_t>(query_length, 255)];
}

}  // namespace

QuerySideBound::QuerySideBound(const IndexData& d, const QueryName& q, const QueryKeyTable& keys) {
  const double* w = kFeatureWeights;
  n_ = static_cast<int>(q.tokens.size());
  // Bounded only while each token has its own bit and the list-side terms
  // that grow with the list (x4, x13 > 0) are not rewarded.
  usable_ = n_ > 0 && n_ <= 31 && w[4] <= 0;
  if (!usable_) return;
  auto W = [](double x) { return x > 1e-6 ? x : 1e-6; };
  const AlignOptions align_defaults;
  const double min_sim = align_defaults.min_similarity;
  const double non_latin = q.latin ? 0 : 1;
  double qw = 0;
  for (const auto& t : q.tokens) qw += W(t.weight);
  const double a = w[0] + w[17] * non_latin;
  matched_.assign(n_, 0);
  unmatched_.assign(n_, 0);
  sim_.assign(n_, 0);
  chars_.assign(n_, 0);
  exact_weight_.assign(n_, 0);
  exact_.assign(n_, 0);
  initial_.assign(n_, 0);
  cover_.assign(n_, 0);
  inexact_matched_.assign(n_, 0);
  inexact_sim_.assign(n_, 0);
  inexact_cover_.assign(n_, 0);
  unkeyed_lengths_.assign(n_, 0);
  unkeyed_digit_lengths_.assign(n_, 0);
  // Query tokens that may match two list words joined.
  may_join_.assign(n_, 0);
  std::vector<uint8_t>& may_join = may_join_;
  for (uint32_t i : keys.joined()) {
    if (i < static_cast<uint32_t>(n_)) may_join[i] = 1;
  }
  for (const auto& [i, token] : q.split_similar) {
    if (i >= 0 && i < n_) may_join[i] = 1;
  }
  const bool far_prefix = QueryTokenOptions(q).far_lift_prefix > 0;
  for (int i = 0; i < n_; ++i) {
    const AlignToken& t = q.tokens[i];
    const double wi = W(t.weight);
    unmatched_[i] = 0;
    const double c = a / qw * wi;  // an inexact match, per unit of similarity
    double best = -1e300;
    double inexact_best = -1e300;  // as `best`, without exact pairings
    // The list weight token i can cover: one key token, or two list words
    // (a join) or any word (an initial) of weight at most 1.
    cover_[i] = may_join[i] ? 2.0 : 0.0;
    inexact_cover_[i] = cover_[i];
    auto bound_keys = [&](auto&& fn) {
      for (const SimilarToken& s : q.similar[i]) fn(s);
      if (i < static_cast<int>(q.bound_similar.size())) {
        for (const SimilarToken& s : q.bound_similar[i]) fn(s);
      }
    };
    bound_keys([&](const SimilarToken& s) {
      cover_[i] = std::max(cover_[i], W(d.weight[s.token]));
      if (d.vocab[s.token] == t.text) {
        exact_[i] = 1;
        best = std::max(best, (a + w[2]) * wi / qw);
        chars_[i] = static_cast<double>(t.text.size());
        exact_weight_[i] = wi;
        sim_[i] = 1;
      } else if (!t.is_number) {
        const double sim = std::nextafter(s.similarity, 2.0f);  // bounds the aligner's double
        best = std::max(best, std::max(c * sim, c * min_sim));
        sim_[i] = std::max(sim_[i], sim);
        inexact_best = std::max(inexact_best, std::max(c * sim, c * min_sim));
        inexact_sim_[i] = std::max(inexact_sim_[i], sim);
        inexact_cover_[i] = std::max(inexact_cover_[i], W(d.weight[s.token]));
      }
      if (d.is_particle[s.token]) always_ |= uint32_t{1} << i;
    });
    // Joined, split and initial pairings: similarity at most 0.95 / 0.9.
    if (!t.is_number) {
      const double other = t.text.size() == 1 ? align_defaults.initial_similarity : align_defaults.joined_split_factor;
      best = std::max(best, std::max(c * other, c * min_sim));
      sim_[i] = std::max(sim_[i], other);
      inexact_best = std::max(inexact_best, std::max(c * other, c * min_sim));
      inexact_sim_[i] = std::max(inexact_sim_[i], other);
    }
    if (t.text.size() == 1 && q.hint != NameKindHint::kOrganization) {
      initial_[i] = 1;
      always_ |= uint32_t{1} << i;
      cover_[i] = std::max(cover_[i], 1.0);
      inexact_cover_[i] = std::max(inexact_cover_[i], 1.0);
    }
    // A list word the keys did not find may still pair with it
    // (UnkeyedSimilarityBound), up to its best over list word lengths.
    // Without a digit on either side no homoglyph pairing is possible: the
    // lengths where one is apart (a name with a letters-and-digits word is
    // bounded with the lengths that allow it).
    if (!t.is_number) {
      const bool digit = std::any_of(t.text.begin(), t.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      const UnkeyedLengths& u = UnkeyedLengthsOf(t.text.size(), far_prefix);
      unkeyed_digit_lengths_[i] = u.lengths[1];
      unkeyed_lengths_[i] = u.lengths[digit ? 1 : 0];
      const double unkeyed = u.best;
      if (unkeyed > 0) {
        unkeyed_ |= uint32_t{1} << i;
        cover_[i] = std::max(cover_[i], 1.0);
        best = std::max(best, std::max(c * unkeyed, c * min_sim));
        sim_[i] = std::max(sim_[i], unkeyed);
        inexact_cover_[i] = std::max(inexact_cover_[i], 1.0);
        inexact_best = std::max(inexact_best, std::max(c * unkeyed, c * min_sim));
        inexact_sim_[i] = std::max(inexact_sim_[i], unkeyed);
      }
    }
    matched_[i] = best;
    inexact_matched_[i] = inexact_best;
  }
  // kSplit: tokens i and i+1 joined match one list word together.
  for (const auto& [i, token] : q.joined_similar) {
    if (i >= 0 && i < n_) {
      cover_[i] = std::max(cover_[i], W(d.weight[token]));
      inexact_cover_[i] = std::max(inexact_cover_[i], W(d.weight[token]));
    }
  }
  base_ = kFeatureBias + kScoreShift + w[7] * (n_ == 1 ? 1 : 0) + w[12] * std::log(n_) + w[16] * non_latin +
          std::max(0.0, w[10]) + std::max(0.0, w[3] * std::min(kMaxUnmatchedFeature, qw));
  for (int p = 0; p < 2; ++p) list_coef_[p] = w[1] + w[15] * p + w[18] * non_latin;
}


void QuerySideBound::SetKeyedCover(uint32_t unread) {
  if (!usable_) return;
  // Everything for a token whose keys were not read; for the others, a
  // word without a key, an initial's word, and the neighbours a join may
  // take (2).
  allowance_.assign(n_, 0.0);
  for (int i = 0; i < n_; ++i) {
    double& a = allowance_[i];
    if (((unread | always_) >> i) & 1) a += cover_[i] + 1.0;
    if ((unkeyed_ >> i) & 1) a += 1.0;
    if (initial_[i]) a += 1.0;
    if (may_join_[i]) a += 2.0;
  }
  for (MaskMemo& m : memo_) m.used = false;
}

bool QuerySideBound::MayReach(uint32_t mask, uint32_t exact_mask, uint32_t list_tokens, double list_weight,
                              double cutoff, uint32_t list_lengths, double keyed_cover) const {
  if (!usable_ || cutoff <= 0) return true;
  if (cutoff >= 1) cutoff = 1 - 1e-12;
  const double* w = kFeatureWeights;
  mask |= always_;
  // Initials and particles may match any name exactly; a token that pairs
  // without a key (below) does not match exactly.
  exact_mask = (exact_mask | always_) & mask;
  const std::vector<uint32_t>& open_lengths =
      (list_lengths & IndexData::NameFacts::kDigitWord) != 0 ? unkeyed_digit_lengths_ : unkeyed_lengths_;
  for (uint32_t open = unkeyed_ & ~mask; open != 0; open &= open - 1) {
    const int i = __builtin_ctz(open);
    if (open_lengths[i] & list_lengths) mask |= uint32_t{1} << i;
  }
  // Names reached through the same query tokens share everything but their
  // token count: the rest is memoised per mask.
  // The list side: the list weight the matchable tokens can cover bounds
  // the list coverage and the unmatched list weight; person or not.
  auto reach = [&](const MaskMemo& m) {
    if (m.always) return true;
    const double cover = std::min(m.cover, keyed_cover + m.allowance);
    const double coverage = list_weight > 0 ? std::min(1.0, cover / list_weight) : 1.0;
    double list_part = -1e300;
    for (int p = 0; p < 2; ++p) {
      list_part = std::max(list_part, std::max(0.0, list_coef_[p] * coverage) + w[14] * p);
    }
    return m.z + list_part + w[13] * LogCount(list_tokens) + w[4] * std::max(0.0, list_weight - cover) >= m.cut;
  };
  const uint64_t masks = uint64_t{exact_mask} << 32 | mask;
  MaskMemo& slot = memo_[(masks * 0x9E3779B97F4A7C15ull) >> (64 - kMemoBits)];
  if (slot.used && slot.masks == masks) return reach(slot);
  double z = base_;
  double cover = 0;
  double allowance = 0;
  for (uint32_t x = mask; x != 0; x &= x - 1) {
    const int i = __builtin_ctz(x);
    allowance += i < static_cast<int>(allowance_.size()) ? allowance_[i] : std::numeric_limits<double>::infinity();
  }
  double best_sim = 0, chars = 0, best_exact = 0;
  int matchable = 0, initials = 0;
  bool all_exact = true;
  for (int i = 0; i < n_; ++i) {
    if (exact_mask & (uint32_t{1} << i)) {
      z += std::max(matched_[i], unmatched_[i]);
      cover += cover_[i];
      best_sim = std::max(best_sim, sim_[i]);
      chars += chars_[i];
      best_exact = std::max(best_exact, exact_weight_[i]);
      ++matchable;
      initials += initial_[i];
      all_exact &= exact_[i] != 0;
    } else if (mask & (uint32_t{1} << i)) {
      z += std::max(inexact_matched_[i], unmatched_[i]);
      cover += inexact_cover_[i];
      best_sim = std::max(best_sim, inexact_sim_[i]);
      ++matchable;
      initials += initial_[i];
      all_exact = false;
    } else {
      z += unmatched_[i];
      all_exact = false;
    }
  }
  auto upto = [](double coefficient, double hi) { return std::max(0.0, coefficient * hi); };
  z += upto(w[5], best_sim) + upto(w[6], Log1pCount(chars)) + upto(w[8], static_cast<double>(initials) / n_) +
       upto(w[9], static_cast<double>(matchable) / n_) + upto(w[11], best_exact);
  slot.used = true;
  slot.masks = masks;
  slot.always = all_exact;  // may score 1.0
  slot.z = z;
  slot.cover = cover;
  slot.allowance = allowance;
  slot.cut = Logit(cutoff);
  return reach(slot);
}

double ScoreName(const IndexData& d, const QueryName& q, uint32_t name) {
  thread_local std::vector<AlignToken> list;  // reused: no allocation per candidate
  thread_local Alignment al;
  FillListTokens(d, name, &list);
  AlignNameInto(d, q, name, list, &al);
  return ScoreFromFeatures(ComputeFeatures(d, q, name, list, al));
}

void ExplainName(const IndexData& d, const QueryName& q, uint32_t name, Explanation* out) {
  std::vector<AlignToken> list = ListTokens(d, name);
  Alignment al = AlignName(d, q, name, list);
  out->query_tokens = q.display;
  absl::string_view cap;
  ScoreFromFeatures(ComputeFeatures(d, q, name, list, al), &cap);
  out->name_score_cap = std::string(cap);
  out->list_tokens.clear();
  for (const auto& t : list) out->list_tokens.push_back(t.text);
  out->pairings.clear();
  for (const Pairing& p : al.pairings) {
    // Two query tokens matched together ("sense" + "time" -> "sensetime")
    // are one pairing, shown on the first of them.
    if (p.query_index >= 0 && p.query_index2 >= 0 && p.query_index2 < p.query_index) continue;
    TokenMatch m;
    if (p.query_index >= 0) {
      m.query_token = q.tokens[p.query_index].text;
      if (p.query_index2 >= 0) m.query_token += "+" + q.tokens[p.query_index2].text;
    }
    if (p.list_index >= 0) {
      m.list_token = list[p.list_index].text;
      if (p.list_index2 >= 0) m.list_token += "+" + list[p.list_index2].text;
    }
    m.method = p.list_index < 0 ? "unmatched" : std::string(MatchMethodName(p.method));
    m.similarity = p.similarity;
    m.weight = p.list_index >= 0 ? list[p.list_index].weight : q.tokens[p.query_index].weight;
    out->pairings.push_back(std::move(m));
  }
  // An unmatched query number facing an unmatched list number is shown as
  // one "number_mismatch" pairing ("victory 3" vs "victory 5").
  std::vector<int> unmatched_list = al.unmatched_list;
  for (TokenMatch& m : out->pairings) {
    if (m.method != "unmatched" || m.query_token.empty() || !IsAllDigits(m.query_token)) continue;
    for (size_t k = 0; k < unmatched_list.size(); ++k) {
      if (!list[unmatched_list[k]].is_number) continue;
      m.list_token = list[unmatched_list[k]].text;
      m.method = std::string(MatchMethodName(MatchMethod::kNumberMismatch));
      m.similarity = 0;
      unmatched_list.erase(unmatched_list.begin() + static_cast<long>(k));
      break;
    }
  }
  for (int li : unmatched_list) {
    TokenMatch m;
    m.list_token = list[li].text;
    m.method = "unmatched";
    m.weight = list[li].weight;
    out->pairings.push_back(std::move(m));
  }
}

}  // namespace partyscreen::internal
