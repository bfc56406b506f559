#include "lib/screen/name_match.h"

#include "absl/strings/str_cat.h"
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

}  // namespace

absl::StatusOr<QueryName> PrepareQueryName(const IndexData& d, absl::string_view name, NameKindHint hint) {
  QueryName q;
  auto norm = d.normalizer->Normalize(name, hint);
  if (!norm.ok()) return norm.status();
  q.normalized = *std::move(norm);
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
