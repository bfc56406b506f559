// The score bounds that prune candidates (NameScoreUpperBound and
// QuerySideBound::MayReach) never fall below the score they bound, on the
// real UN and UK lists and queries made from their names (typos, reorders,
// dropped words, initials, joined words) and from unrelated names.
//
// The bounds hold for alignments whose pairings the query's keys allow
// (key tokens, initials, exact joins, joins and splits through split and
// joined keys, including the split keys of joins by sound). A pairing
// outside the keys (two tokens within Jaro-Winkler reach but more than two
// edits apart, or a key token joined with its neighbour by spelling) may
// score above the bound; the test counts those names apart and requires
// them to be rare (2 of 14,768 at stop 19, 22 of 14,291 before joins by
// sound had keys), and index_recall_test checks that no alert is lost to
// them.

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/query_mix.h"
#include "gtest/gtest.h"
#include "lib/index/index_data.h"
#include "lib/scoring/levenshtein.h"
#include "lib/scoring/token_similarity.h"
#include "lib/screen/candidates.h"
#include "lib/screen/name_match.h"
#include "partyscreen/index.h"
#include "partyscreen/sources.h"

namespace partyscreen::internal {
namespace {

class ScoreBoundTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    IndexBuilder builder;
    for (const char* p : {"/data/lists/un_sc/consolidated.xml", "/data/lists/uk_hmt/ConList.csv"}) {
      auto list = ReadList(absl::StrCat(PARTYSCREEN_SOURCE_DIR, p));
      ASSERT_TRUE(list.ok()) << list.status();
      lists_->push_back(*list);
      ASSERT_TRUE(builder.AddList(*std::move(list)).ok());
    }
    auto index = std::move(builder).Build();
    ASSERT_TRUE(index.ok()) << index.status();
    index_ = new std::shared_ptr<const Index>(*std::move(index));
  }
  static void TearDownTestSuite() {
    delete index_;
    index_ = nullptr;
  }
  static const IndexData& data() { return (*index_)->data(); }

  // Query texts: variants of listed names, seeded.
  static std::vector<std::string> Queries(size_t count) {
    std::mt19937_64 rng(20261127);
    std::vector<std::string> names;
    for (const auto& l : *lists_) {
      for (const auto& e : l.entities()) {
        for (const auto& n : e.names()) names.push_back(n.full());
      }
    }
    std::vector<std::string> out;
    for (size_t i = 0; i < count; ++i) {
      const std::string& name = names[rng() % names.size()];
      out.push_back(i % 4 == 0 ? name : bench::MakeVariant(name, rng));
    }
    // Unrelated names and a long query with one listed word.
    out.push_back("Beijing Sunny Technology Co., Ltd.");
    out.push_back("John Smith");
    out.push_back("Global Parts Supplier North America Regional Office Procurement Team Building Seven Al Qaida");
    return out;
  }

  static std::vector<v1::EntityList>* lists_;
  static std::shared_ptr<const Index>* index_;
};

std::vector<v1::EntityList>* ScoreBoundTest::lists_ = new std::vector<v1::EntityList>;
std::shared_ptr<const Index>* ScoreBoundTest::index_ = nullptr;

// True if every pairing of the alignment of `q` with name `n` is one the
// keys allow: a key token of that query token, an initial, or a join.
// The query tokens whose keys reach name `n` (as CollectCandidates sets its
// bits): key tokens, spans of two query tokens, exact joins; and in
// `exact`, those whose exact key does.
uint32_t KeyedMask(const IndexData& d, const QueryName& q, const QueryKeyTable& keys, uint32_t n,
                   uint32_t* exact) {
  uint32_t mask = 0;
  *exact = 0;
  auto bit = [](uint32_t i) { return i < 32 ? uint32_t{1} << i : 0u; };
  const IndexedName& in = d.names[n];
  for (uint32_t k = 0; k < in.token_count; ++k) {
    auto [b, e] = keys.Find(d.name_tokens[in.token_begin + k]);
    for (const QueryKey* key = b; key != e; ++key) {
      mask |= bit(key->query_index);
      if (key->flags & QueryKey::kExact) *exact |= bit(key->query_index);
      if (key->flags & QueryKey::kSpansNext) mask |= bit(key->query_index + 1);
    }
  }
  for (uint32_t i : keys.joined()) {
    if (i >= q.tokens.size()) continue;
    for (uint32_t k = 0; k + 1 < in.token_count; ++k) {
      const std::string& a = d.vocab[d.name_tokens[in.token_begin + k]];
      const std::string& b = d.vocab[d.name_tokens[in.token_begin + k + 1]];
      if (a + b == q.tokens[i].text) mask |= bit(i);
    }
  }
  return mask;
}

bool KeyedAlignment(const IndexData& d, const QueryName& q, const QueryKeyTable& keys, uint32_t n) {
  std::vector<AlignToken> list = ListTokens(d, n);
  Alignment al = AlignName(d, q, n, list);
  auto has_key = [&](int list_index, int query_index, uint8_t flags = 0) {
    auto [b, e] = keys.Find(list[list_index].id);
    for (const QueryKey* k = b; k != e; ++k) {
      if (k->query_index == static_cast<uint32_t>(query_index) && (k->flags & flags) == flags) return true;
    }
    return false;
  };
  for (const Pairing& p : al.pairings) {
    if (p.list_index < 0 || p.method == MatchMethod::kNone || p.method == MatchMethod::kNumberMismatch) continue;
    switch (p.method) {
      case MatchMethod::kInitial:
        continue;  // any list word with that initial
      case MatchMethod::kJoined: {
        const std::string& text = q.tokens[p.query_index].text;
        const bool exact_join = text == list[p.list_index].text + list[p.list_index2].text;
        // A key token joined with its neighbour ("fazal" ~ "fawaz" + "al")
        // is outside the keys: only split keys name both parts.
        if (!exact_join && !has_key(p.list_index, p.query_index, QueryKey::kJoinPart) &&
            !has_key(p.list_index2, p.query_index, QueryKey::kJoinPart)) {
          return false;
        }
        continue;
      }
      case MatchMethod::kSplit:
        if (!has_key(p.list_index, std::min(p.query_index, p.query_index2), QueryKey::kSpansNext)) return false;
        continue;
      default:
        if (!has_key(p.list_index, p.query_index)) return false;
    }
  }
  return true;
}

TEST_F(ScoreBoundTest, BoundsNeverFallBelowTheScore) {
  const IndexData& d = data();
  int64_t names = 0, unkeyed = 0, checked_query_side = 0, high = 0, high_unbounded = 0;
  for (const std::string& text : Queries(1500)) {
    for (NameKindHint hint : {NameKindHint::kUnknown, NameKindHint::kPerson}) {
      auto q = PrepareQueryName(d, text, hint);
      if (!q.ok()) continue;
      QueryKeyTable keys;
      keys.Build(d, *q);
      QuerySideBound query_side(d, *q, keys);
      auto reached = CollectCandidates(d, *q, 1 << 30, /*name_cutoff=*/0);
      ASSERT_TRUE(reached.ok());
      for (uint32_t n : *reached) {
        const double score = ScoreName(d, *q, n);
        const double bound = NameScoreUpperBound(d, *q, keys, n);
        ++names;
        if (score >= 0.5) ++high;
        if (!KeyedAlignment(d, *q, keys, n)) {
          ++unkeyed;
          if (score >= 0.5 && bound < score) ++high_unbounded;
          continue;
        }
        ASSERT_GE(bound, score - 1e-12) << "name " << n << " of a query made from a listed name";
        // The query-side bound with every query token matchable and the
        // name's true weight must admit any cutoff at or below the score.
        if (score >= 0.3 && score < 1.0) {
          const uint32_t all = q->tokens.size() >= 32 ? ~uint32_t{0} : (uint32_t{1} << q->tokens.size()) - 1;
          EXPECT_TRUE(query_side.MayReach(all, all, d.names[n].token_count, d.name_facts[n].weight, score - 1e-9));
          // Also with the name's word lengths, when only the tokens its keys
          // reach count as matchable, and only those its exact keys reach
          // as exactly matchable (as CollectCandidates calls it).
          uint32_t exact = 0;
          const uint32_t keyed = KeyedMask(d, *q, keys, n, &exact);
          EXPECT_TRUE(query_side.MayReach(keyed, exact, d.names[n].token_count, d.name_facts[n].weight, score - 1e-9,
                                          d.name_facts[n].lengths))
              << "name " << n;
          ++checked_query_side;
        }
      }
    }
  }
  EXPECT_GT(names, 100000);
  EXPECT_GT(checked_query_side, 1000);
  // Names that score 0.5 or more through a pairing outside the keys, above
  // their bound, are rare.
  EXPECT_LT(high_unbounded, high / 1000) << high_unbounded << " of " << high;
  std::printf(
      "names bounded: %lld (outside the keys: %lld); scoring >= 0.5: %lld, of which above the bound: %lld; "
      "query-side checks: %lld\n",
      static_cast<long long>(names), static_cast<long long>(unkeyed), static_cast<long long>(high),
      static_cast<long long>(high_unbounded), static_cast<long long>(checked_query_side));
}

TEST_F(ScoreBoundTest, PairsTheLookupMissesStayWithinTheirBound) {
  // Every vocabulary token that FindSimilarTokens (with_prefix) and
  // FindBoundTokens do not return for a
  // query token scores (as the aligner compares them, Latin or loose) no
  // more than UnkeyedSimilarityBound of their lengths, or below the
  // aligner's minimum similarity: the bounds rely on it.
  const IndexData& d = data();
  const double min_sim = AlignOptions().min_similarity;
  std::mt19937_64 rng(7);
  std::vector<std::string> tokens;
  for (const std::string& text : Queries(400)) {
    auto q = PrepareQueryName(d, text, NameKindHint::kUnknown);
    if (!q.ok()) continue;
    for (const auto& t : q->tokens) tokens.push_back(t.text);
  }
  // Long tokens too, where the Jaro-Winkler lift reaches past the edit budget.
  for (int i = 0; i < 300; ++i) {
    std::string t = d.vocab[rng() % d.vocab.size()];
    if (t.size() < 8) continue;
    for (int e = 0; e < 3; ++e) t[rng() % t.size()] = static_cast<char>('a' + rng() % 26);
    tokens.push_back(t);
  }
  int64_t compared = 0, missed_high = 0;
  for (const std::string& token : tokens) {
    // A query in Latin script, in Cyrillic (not Latin, not loose), in Arabic.
    for (int script = 0; script < 3; ++script) {
      QueryName query;
      query.latin = script == 0;
      query.loose = script == 2;
      const bool loose = query.loose;
      std::vector<SimilarToken> found = FindSimilarTokens(d, token, loose, /*with_prefix=*/true);
      std::vector<uint32_t> ids;
      for (const auto& s : found) ids.push_back(s.token);
      for (const auto& s : FindBoundTokens(d, token, loose)) ids.push_back(s.token);
      std::sort(ids.begin(), ids.end());
      const TokenSimilarityOptions o = QueryTokenOptions(query);  // as AlignName
      for (uint32_t t = 0; t < d.vocab.size(); ++t) {
        if (std::binary_search(ids.begin(), ids.end(), t)) continue;
        const TokenSimilarity s = CompareTokens(token, d.vocab[t], o, min_sim);
        ++compared;
        if (s.similarity < min_sim) continue;
        ++missed_high;
        const bool digits = std::any_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
                            d.vocab_info[t].has_digit;
        ASSERT_LE(s.similarity,
                  UnkeyedSimilarityBound(std::min<size_t>(token.size(), 255), std::min<size_t>(d.vocab[t].size(), 255),
                                         digits, o.far_lift_prefix > 0) + 1e-12)
            << "query token of " << token.size() << " letters, list token of " << d.vocab[t].size();
      }
    }
  }
  EXPECT_GT(compared, 1000000);
  std::printf("token pairs compared: %lld; missed by the lookup yet >= %.2f: %lld\n",
              static_cast<long long>(compared), min_sim, static_cast<long long>(missed_high));
}

TEST_F(ScoreBoundTest, BoundTokensAreTheFurtherNeighboursOfShortTokens) {
  // FindBoundTokens returns, for a token of 3 or 4 characters, exactly the
  // vocabulary tokens of 3+ characters 1 or 2 OSA edits away that reach the
  // key similarity and that FindSimilarTokens does not return (checked
  // against every vocabulary token); nothing for longer or shorter tokens.
  // (Tokens of 1 or 2 characters have no deletion keys: the bounds allow
  // for them by length, UnkeyedSimilarityBound.)
  const IndexData& d = data();
  const TokenSimilarityOptions options;
  std::vector<std::string> tokens;
  for (const std::string& text : Queries(300)) {
    auto q = PrepareQueryName(d, text, NameKindHint::kUnknown);
    if (!q.ok()) continue;
    for (const auto& t : q->tokens) {
      if (!t.is_number) tokens.push_back(t.text);
    }
  }
  tokens.insert(tokens.end(), {"vivi", "ivan", "alo", "xqz", "abu"});
  int64_t short_tokens = 0, found = 0;
  for (const std::string& token : tokens) {
    const std::vector<SimilarToken> bound = FindBoundTokens(d, token);
    if (token.size() < 3 || token.size() > 4) {
      EXPECT_TRUE(bound.empty()) << token.size() << " characters";
      continue;
    }
    ++short_tokens;
    std::vector<uint32_t> keys, got;
    for (const auto& s : FindSimilarTokens(d, token, false, /*with_prefix=*/true)) keys.push_back(s.token);
    for (const auto& s : bound) got.push_back(s.token);
    std::sort(keys.begin(), keys.end());
    std::sort(got.begin(), got.end());
    std::vector<uint32_t> want;
    for (uint32_t t = 0; t < d.vocab.size(); ++t) {
      if (d.vocab[t].size() < 3 || std::binary_search(keys.begin(), keys.end(), t) ||
          OsaDistance(token, d.vocab[t]) > 2) {
        continue;
      }
      if (CompareTokens(token, d.vocab[t], options).similarity >= AlignOptions().min_similarity) want.push_back(t);
    }
    EXPECT_EQ(got, want) << "a token of " << token.size() << " characters";
    found += static_cast<int64_t>(got.size());
  }
  EXPECT_GT(short_tokens, 50);
  EXPECT_GT(found, 0);
}

TEST_F(ScoreBoundTest, PruningKeepsEveryNameAtTheCutoff) {
  // Every reached name whose score (x kWeakAliasFactor for weak aliases)
  // reaches the cutoff, through pairings the keys allow, survives pruning.
  const IndexData& d = data();
  int64_t kept = 0;
  for (const std::string& text : Queries(600)) {
    auto q = PrepareQueryName(d, text, NameKindHint::kUnknown);
    if (!q.ok()) continue;
    QueryKeyTable keys;
    keys.Build(d, *q);
    auto all = CollectCandidates(d, *q, 1 << 30, 0);
    ASSERT_TRUE(all.ok());
    for (double cutoff : {0.5, 0.8, 0.99}) {
      auto pruned = CollectCandidates(d, *q, 1 << 30, cutoff);
      ASSERT_TRUE(pruned.ok());
      for (uint32_t n : *all) {
        double s = ScoreName(d, *q, n);
        if (d.names[n].kind == v1::NAME_KIND_WEAK_ALIAS) s *= kWeakAliasFactor;
        if (s < cutoff || !KeyedAlignment(d, *q, keys, n)) continue;
        EXPECT_TRUE(std::binary_search(pruned->begin(), pruned->end(), n))
            << "name " << n << " scores " << s << " >= " << cutoff;
        ++kept;
      }
    }
  }
  EXPECT_GT(kept, 500);
}

}  // namespace
}  // namespace partyscreen::internal
