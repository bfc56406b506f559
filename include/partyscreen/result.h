// partyscreen/result.h — what screening returns: hits with scores in [0, 1]
// and, for each, the explanation of its score.
//
// Hits are ordered by score (descending), then list id, then entity id —
// never by hash-map order — so the same index, options and query always give
// the same result.
//
// Plain structs; a `Hit` refers to its entity inside the `Index` it came
// from, so keep the index alive (the `Screener` does) while using `entity`.

#ifndef PARTYSCREEN_RESULT_H_
#define PARTYSCREEN_RESULT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "partyscreen/v1/entity.pb.h"

namespace partyscreen {

// One query token paired with one list token (or none).
struct TokenMatch {
  std::string query_token;  // normalised: "sensetime" ("" if a list token was unmatched)
  std::string list_token;   // normalised: "sensetime" ("" if unmatched)
  std::string method;       // "exact", "edit_distance", "phonetic", "initial", "joined",
                            // "split", "number_mismatch", "unmatched"
  double similarity = 0;    // [0, 1]
  double weight = 0;        // the token's informativeness weight in the lists
};

// A change to the name score from another feature.
struct ScoreAdjustment {
  std::string feature;  // "kind", "date_of_birth", "country", "identifier", "weak_alias"
  double effect = 0;    // signed change of the score: -0.15
  std::string detail;   // "query born 1960, listed 1972"
};

struct Explanation {
  std::string matched_name;        // the entity's name as published
  v1::NameKind matched_name_kind = v1::NAME_KIND_UNSPECIFIED;
  std::string matched_name_script;            // "Latn"
  std::vector<std::string> query_tokens;      // normalised query tokens (legal forms etc. marked "[lf]")
  std::vector<std::string> list_tokens;       // normalised tokens of the matched name
  std::vector<TokenMatch> pairings;           // query-side pairings, then unmatched list tokens
  double name_score = 0;                      // [0, 1] before adjustments
  // The rule that capped the name score, if one did: "number_conflict" (a
  // number unmatched on one side: at most 0.6) or "two_sided_mismatch" (a
  // word of weight >= 0.25 unmatched on each side: at most 0.79); "" if none.
  std::string name_score_cap;
  std::vector<ScoreAdjustment> adjustments;   // in the order applied
};

struct Hit {
  std::string list_id;        // "us_csl"
  std::string entity_id;      // publisher's id: "36", "QDi.001"
  std::string name;           // the entity's primary name
  std::string matched_name;   // the name that matched (may be an alias)
  double score = 0;           // [0, 1], after adjustments
  v1::EntityKind kind = v1::ENTITY_KIND_UNKNOWN;
  std::vector<std::string> programs;      // union over the entity's listings
  std::vector<std::string> source_lists;  // "Entity List (EL) - Bureau of Industry and Security"
  const v1::Entity* entity = nullptr;     // the full record, owned by the Index
  bool has_explanation = false;
  Explanation explanation;                // filled when ScreenOptions.explain
};

struct ScreenResult {
  std::vector<Hit> hits;          // ordered: score desc, list id, entity id
  std::string index_fingerprint;  // IndexInfo::fingerprint of the index used
  int64_t candidates = 0;         // names scored for this query
};

// The display name of a name kind: "primary", "alias", "weak_alias",
// "former", "original_script", "primary_variation".
absl::string_view NameKindName(v1::NameKind kind);
// "individual", "organization", "vessel", "aircraft", "unknown".
absl::string_view EntityKindName(v1::EntityKind kind);

// One JSON object (no trailing newline) in the JSONL output form:
// {"id": ..., "hits": [{"list", "entity_id", "name", "matched_name", "score",
// "kind", "programs", "source_lists", "explanation": {...}}]}.
std::string ResultToJson(absl::string_view id, const ScreenResult& result,
                         bool with_explanations);

// A readable multi-line explanation of one hit (the `explain` command).
std::string FormatExplanation(const Hit& hit);

}  // namespace partyscreen

#endif  // PARTYSCREEN_RESULT_H_
