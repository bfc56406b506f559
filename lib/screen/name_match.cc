#include "lib/screen/name_match.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/scoring/levenshtein.h"
#include "lib/screen/candidates.h"
#include "lib/scoring/token_similarity.h"

namespace partyscreen::internal {
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

std::vector<AlignToken> ListTokens(const IndexData& d, uint32_t name) {
  const IndexedName& in = d.names[name];
  std::vector<AlignToken> out;
  out.reserve(in.token_count);
  for (uint32_t k = 0; k < in.token_count; ++k) {
    uint32_t t = d.name_tokens[in.token_begin + k];
    AlignToken a;
    a.text = d.vocab[t];
    a.weight = d.weight[t];
    a.is_number = IsAllDigits(a.text);
    out.push_back(std::move(a));
  }
  return out;
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
// repaired token texts).
bool RepairLegalForms(const IndexData& d, const NormalizedName& n, std::vector<std::string>* words) {
  bool changed = false;
  for (const auto& t : n.tokens) {
    const std::string& w = t.text;
    if (t.role != TokenRole::kWord || w.size() < 5 || d.vocab_ids.contains(w) || IsAllDigits(w)) {
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
      bool a_legal = IsLegalPart(d, a), b_legal = IsLegalPart(d, b);
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

}  // namespace

absl::StatusOr<QueryName> PrepareQueryName(const IndexData& d, absl::string_view name, NameKindHint hint) {
  QueryName q;
  auto norm = d.normalizer->Normalize(name, hint);
  if (!norm.ok()) return norm.status();
  q.normalized = *std::move(norm);
  std::vector<std::string> repaired;
  if (RepairLegalForms(d, q.normalized, &repaired)) {
    auto again = d.normalizer->Normalize(absl::StrJoin(repaired, " "), hint);
    if (again.ok()) q.normalized = *std::move(again);
  }
  bool any_core = false;
  for (const auto& t : q.normalized.tokens) any_core |= IsCore(t.role);
  for (const auto& t : q.normalized.tokens) {
    q.display.push_back(absl::StrCat(t.text, RoleMark(t.role)));
    if (any_core && !IsCore(t.role)) continue;
    AlignToken a;
    a.text = t.text;
    a.is_number = IsAllDigits(t.text);
    q.tokens.push_back(std::move(a));
  }
  if (q.tokens.empty()) {
    return absl::InvalidArgumentError("query name has no letters or digits to screen");
  }
  q.similar.resize(q.tokens.size());
  for (size_t i = 0; i < q.tokens.size(); ++i) {
    AlignToken& a = q.tokens[i];
    if (a.text.size() == 1) {
      auto it = d.vocab_ids.find(a.text);
      if (it != d.vocab_ids.end()) q.similar[i].push_back({it->second, 1.0f});
    } else {
      q.similar[i] = FindSimilarTokens(d, a.text);
    }
    // Weight: the token's own when it is in the lists; else that of the
    // list token it most resembles; else (a word no list uses) the maximum.
    if (!q.similar[i].empty()) {
      a.weight = d.weight[q.similar[i].front().token];
    } else {
      a.weight = 1.0;
    }
    bool particle = false;
    for (const auto& t : q.normalized.tokens) {
      if (t.text == a.text && t.role == TokenRole::kParticle) particle = true;
    }
    if (particle) a.weight = std::min(a.weight, 0.1);
  }
  for (size_t i = 0; i + 1 < q.tokens.size(); ++i) {
    std::string joined = absl::StrCat(q.tokens[i].text, q.tokens[i + 1].text);
    for (const SimilarToken& s : FindSimilarTokens(d, joined)) {
      if (s.similarity >= 0.85f) q.joined_similar.emplace_back(static_cast<int>(i), s.token);
    }
  }
  return q;
}

double ScoreName(const IndexData& d, const QueryName& q, uint32_t name) {
  std::vector<AlignToken> list = ListTokens(d, name);
  Alignment al = AlignTokens(q.tokens, list);
  return NameScore(al, q.tokens, list);
}

void ExplainName(const IndexData& d, const QueryName& q, uint32_t name, Explanation* out) {
  std::vector<AlignToken> list = ListTokens(d, name);
  Alignment al = AlignTokens(q.tokens, list);
  out->query_tokens = q.display;
  out->list_tokens.clear();
  for (const auto& t : list) out->list_tokens.push_back(t.text);
  out->pairings.clear();
  for (const Pairing& p : al.pairings) {
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
  for (int li : al.unmatched_list) {
    TokenMatch m;
    m.list_token = list[li].text;
    m.method = "unmatched";
    m.weight = list[li].weight;
    out->pairings.push_back(std::move(m));
  }
}

}  // namespace partyscreen::internal
