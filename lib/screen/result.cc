// Result helpers: names of kinds, the JSON form and readable explanations.
#include "partyscreen/result.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "lib/util/json.h"

namespace partyscreen {

absl::string_view NameKindName(v1::NameKind kind) {
  switch (kind) {
    case v1::NAME_KIND_PRIMARY: return "primary";
    case v1::NAME_KIND_ALIAS: return "alias";
    case v1::NAME_KIND_WEAK_ALIAS: return "weak_alias";
    case v1::NAME_KIND_FORMER: return "former";
    case v1::NAME_KIND_ORIGINAL_SCRIPT: return "original_script";
    case v1::NAME_KIND_PRIMARY_VARIATION: return "primary_variation";
    default: return "unspecified";
  }
}

absl::string_view EntityKindName(v1::EntityKind kind) {
  switch (kind) {
    case v1::ENTITY_KIND_INDIVIDUAL: return "individual";
    case v1::ENTITY_KIND_ORGANIZATION: return "organization";
    case v1::ENTITY_KIND_VESSEL: return "vessel";
    case v1::ENTITY_KIND_AIRCRAFT: return "aircraft";
    default: return "unknown";
  }
}

namespace {

using internal::AppendJsonString;
using internal::JsonScore;

void AppendStringArray(const std::vector<std::string>& v, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out->append(", ");
    AppendJsonString(v[i], out);
  }
  out->push_back(']');
}

void AppendExplanation(const Explanation& e, std::string* out) {
  out->append("{\"matched_name\": ");
  AppendJsonString(e.matched_name, out);
  absl::StrAppend(out, ", \"matched_name_kind\": \"", NameKindName(e.matched_name_kind), "\", \"query_tokens\": ");
  AppendStringArray(e.query_tokens, out);
  out->append(", \"list_tokens\": ");
  AppendStringArray(e.list_tokens, out);
  out->append(", \"pairings\": [");
  for (size_t i = 0; i < e.pairings.size(); ++i) {
    const TokenMatch& m = e.pairings[i];
    if (i) out->append(", ");
    out->append("{\"query\": ");
    AppendJsonString(m.query_token, out);
    out->append(", \"list\": ");
    AppendJsonString(m.list_token, out);
    absl::StrAppend(out, ", \"method\": \"", m.method, "\", \"similarity\": ", JsonScore(m.similarity),
                    ", \"weight\": ", JsonScore(m.weight), "}");
  }
  absl::StrAppend(out, "], \"name_score\": ", JsonScore(e.name_score));
  if (!e.name_score_cap.empty()) absl::StrAppend(out, ", \"name_score_cap\": \"", e.name_score_cap, "\"");
  out->append(", \"adjustments\": [");
  for (size_t i = 0; i < e.adjustments.size(); ++i) {
    const ScoreAdjustment& a = e.adjustments[i];
    if (i) out->append(", ");
    absl::StrAppend(out, "{\"feature\": \"", a.feature, "\", \"effect\": ", JsonScore(a.effect), ", \"detail\": ");
    AppendJsonString(a.detail, out);
    out->push_back('}');
  }
  out->append("]}");
}

}  // namespace

std::string ResultToJson(absl::string_view id, const ScreenResult& result, bool with_explanations) {
  std::string out = "{\"id\": ";
  AppendJsonString(id, &out);
  out.append(", \"hits\": [");
  for (size_t i = 0; i < result.hits.size(); ++i) {
    const Hit& h = result.hits[i];
    if (i) out.append(", ");
    out.append("{\"list\": ");
    AppendJsonString(h.list_id, &out);
    out.append(", \"entity_id\": ");
    AppendJsonString(h.entity_id, &out);
    out.append(", \"name\": ");
    AppendJsonString(h.name, &out);
    out.append(", \"matched_name\": ");
    AppendJsonString(h.matched_name, &out);
    absl::StrAppend(&out, ", \"score\": ", JsonScore(h.score), ", \"kind\": \"", EntityKindName(h.kind),
                    "\", \"programs\": ");
    AppendStringArray(h.programs, &out);
    out.append(", \"source_lists\": ");
    AppendStringArray(h.source_lists, &out);
    if (with_explanations && h.has_explanation) {
      out.append(", \"explanation\": ");
      AppendExplanation(h.explanation, &out);
    }
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

std::string FormatExplanation(const Hit& hit) {
  std::string out = absl::StrFormat("%.3f  %s:%s  %s\n", hit.score, hit.list_id, hit.entity_id, hit.name);
  if (!hit.source_lists.empty()) absl::StrAppend(&out, "       listed on: ", absl::StrJoin(hit.source_lists, "; "), "\n");
  if (!hit.programs.empty()) absl::StrAppend(&out, "       programs:  ", absl::StrJoin(hit.programs, ", "), "\n");
  if (!hit.has_explanation) return out;
  const Explanation& e = hit.explanation;
  absl::StrAppend(&out, "       matched ", NameKindName(e.matched_name_kind), " name: ", e.matched_name, "\n");
  absl::StrAppend(&out, "       query tokens: ", absl::StrJoin(e.query_tokens, " "), "\n");
  absl::StrAppend(&out, "       list tokens:  ", absl::StrJoin(e.list_tokens, " "), "\n");
  absl::StrAppend(&out, absl::StrFormat("       %-20s %-20s %-16s %6s %6s\n", "query token", "list token", "method", "sim", "weight"));
  for (const TokenMatch& m : e.pairings) {
    absl::StrAppend(&out, absl::StrFormat("       %-20s %-20s %-16s %6.3f %6.3f\n", m.query_token.empty() ? "-" : m.query_token,
                                          m.list_token.empty() ? "-" : m.list_token, m.method, m.similarity, m.weight));
  }
  absl::StrAppend(&out, absl::StrFormat("       name score %.3f%s\n", e.name_score,
                                        e.name_score_cap.empty() ? "" : absl::StrCat(" (capped: ", e.name_score_cap, ")")));
  for (const ScoreAdjustment& a : e.adjustments) {
    absl::StrAppend(&out, absl::StrFormat("       %+.3f %s: %s\n", a.effect, a.feature, a.detail));
  }
  return out;
}

}  // namespace partyscreen
