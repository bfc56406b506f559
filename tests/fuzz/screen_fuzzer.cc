// Fuzz target for the query path: Screener::Screen on a small fixture index
// built from a tiny fictional list (FixtureList in fuzz_util.h).
//
// Input: byte 0 picks the kind, byte 1 the minimum score (0..1 in 1/255
// steps), byte 2 the limit (0..15), byte 3 which fixture name to screen as a
// known listed name; the rest, split on '\n', is name, country, date of
// birth and identifier value.
//
// Checks: scores in [0, 1]; at least min_score; at most `limit` hits; hits
// ordered by score desc, then list id, then entity id; the same result twice
// and from ScreenBatch; the result carries the index fingerprint; an error is
// kInvalidArgument or kResourceExhausted and never contains the name; and an
// exact listed name is found (score >= 0.95) with its entity.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "partyscreen/screener.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

struct Fixture {
  std::shared_ptr<const partyscreen::Index> index;
  std::unique_ptr<const partyscreen::Screener> screener;
  partyscreen::v1::EntityList list;
};

const Fixture& GetFixture() {
  static const Fixture* f = [] {
    auto* fx = new Fixture;
    fx->list = partyscreen::fuzz::FixtureList();
    partyscreen::IndexBuilder builder;
    auto s = builder.AddList(fx->list);
    FUZZ_CHECK(s.ok(), s.ToString());
    auto index = std::move(builder).Build();
    FUZZ_CHECK(index.ok(), index.status().ToString());
    fx->index = *index;
    auto screener = partyscreen::Screener::Create(fx->index);
    FUZZ_CHECK(screener.ok(), screener.status().ToString());
    fx->screener = *std::move(screener);
    return fx;
  }();
  return *f;
}

bool SameResult(const partyscreen::ScreenResult& a, const partyscreen::ScreenResult& b) {
  if (a.hits.size() != b.hits.size() || a.index_fingerprint != b.index_fingerprint) return false;
  for (size_t i = 0; i < a.hits.size(); ++i) {
    if (a.hits[i].list_id != b.hits[i].list_id || a.hits[i].entity_id != b.hits[i].entity_id ||
        a.hits[i].score != b.hits[i].score || a.hits[i].matched_name != b.hits[i].matched_name) {
      return false;
    }
  }
  return true;
}

void CheckResult(const absl::StatusOr<partyscreen::ScreenResult>& r, const partyscreen::Query& q,
                 const partyscreen::ScreenOptions& options, const Fixture& fx) {
  if (!r.ok()) {
    FUZZ_CHECK(r.status().code() == absl::StatusCode::kInvalidArgument ||
                   r.status().code() == absl::StatusCode::kResourceExhausted,
               r.status().ToString());
    if (q.name.size() >= 6 && absl::StrContains(r.status().message(), q.name)) {
      // The name may be a piece of the message's own text ("birth must be
      // YYYY" for a bad date of birth): then the same query under another
      // name of the same length still gives a message containing it.
      partyscreen::Query other = q;
      other.name = std::string(q.name.size(), q.name[0] == 'q' ? 'z' : 'q');
      auto r2 = fx.screener->Screen(other, options);
      FUZZ_CHECK(!r2.ok() && absl::StrContains(r2.status().message(), q.name), "error message contains the name");
    }
    return;
  }
  FUZZ_CHECK(r->index_fingerprint == fx.index->info().fingerprint, "fingerprint");
  if (options.limit > 0) FUZZ_CHECK(static_cast<int>(r->hits.size()) <= options.limit, "limit");
  for (size_t i = 0; i < r->hits.size(); ++i) {
    const partyscreen::Hit& h = r->hits[i];
    FUZZ_CHECK(h.score >= 0.0 && h.score <= 1.0, absl::StrCat("score ", h.score));
    FUZZ_CHECK(h.score >= options.min_score, absl::StrCat("score ", h.score, " < min ", options.min_score));
    FUZZ_CHECK(h.entity != nullptr, "hit without entity");
    FUZZ_CHECK(h.entity->entity_id() == h.entity_id, "entity pointer mismatch");
    if (i > 0) {
      const partyscreen::Hit& p = r->hits[i - 1];
      bool ordered = p.score > h.score ||
                     (p.score == h.score && (p.list_id < h.list_id ||
                                             (p.list_id == h.list_id && p.entity_id < h.entity_id)));
      FUZZ_CHECK(ordered, absl::StrCat("hit order at ", i, ": ", p.score, " ", p.entity_id, " / ",
                                       h.score, " ", h.entity_id));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  const Fixture& fx = GetFixture();
  static const partyscreen::PartyKind kKinds[] = {
      partyscreen::PartyKind::kUnknown, partyscreen::PartyKind::kPerson,
      partyscreen::PartyKind::kOrganization, partyscreen::PartyKind::kVessel,
      partyscreen::PartyKind::kAircraft};
  partyscreen::Query q;
  q.kind = kKinds[data[0] % 5];
  partyscreen::ScreenOptions options;
  options.min_score = data[1] / 255.0;
  options.limit = data[2] % 16;
  const int known = data[3] % fx.list.entities_size();
  std::vector<std::string> parts =
      absl::StrSplit(absl::string_view(reinterpret_cast<const char*>(data + 4), size - 4), '\n');
  q.name = parts[0];
  if (parts.size() > 1) q.country = parts[1];
  if (parts.size() > 2) q.date_of_birth = parts[2];
  if (parts.size() > 3) q.identifiers.push_back({"", parts[3]});

  auto r = fx.screener->Screen(q, options);
  CheckResult(r, q, options, fx);
  auto again = fx.screener->Screen(q, options);
  FUZZ_CHECK(again.ok() == r.ok(), "not deterministic (status)");
  if (r.ok()) FUZZ_CHECK(SameResult(*r, *again), "not deterministic (hits)");
  auto batch = fx.screener->ScreenBatch(absl::MakeConstSpan(&q, 1), options);
  FUZZ_CHECK(batch.size() == 1, "batch size");
  FUZZ_CHECK(batch[0].ok() == r.ok(), "batch differs from Screen (status)");
  if (r.ok()) FUZZ_CHECK(SameResult(*r, *batch[0]), "batch differs from Screen (hits)");

  // An exact listed name is found, whatever the fuzzed options.
  const partyscreen::v1::Entity& e = fx.list.entities(known);
  partyscreen::Query exact;
  exact.name = e.names(0).full();
  partyscreen::ScreenOptions exact_options;
  exact_options.min_score = 0.5;
  exact_options.limit = 0;
  auto found = fx.screener->Screen(exact, exact_options);
  FUZZ_CHECK(found.ok(), found.status().ToString());
  bool hit = false;
  for (const auto& h : found->hits) hit = hit || (h.entity_id == e.entity_id() && h.score >= 0.95);
  FUZZ_CHECK(hit, absl::StrCat("exact listed name not found: ", e.entity_id()));
  return 0;
}
