// bench/synthetic_list.h — a seeded synthetic sanctions list of any size,
// assembled from real name parts, to show how screening cost grows with the
// size of the lists (10k, 100k, 1M names).
//
//   partyscreen::bench::NameParts parts =
//       partyscreen::bench::CollectNameParts(lists, negatives);
//   partyscreen::v1::EntityList list =
//       partyscreen::bench::MakeSyntheticList(parts, 1000000, /*seed=*/7);
//
// The generator (MakeSyntheticList):
//   * Entities are drawn until the list holds `names` names. 45 % are
//     individuals, 55 % organisations. Each entity has a primary name; with
//     probability 25 % one alias and 8 % a second alias (so ~1.33 names per
//     entity). Entity ids are "S1", "S2", ... in order.
//   * A person name is "Given [Middle] Family [Family2]": a given name (middle
//     with probability 30 %, second family name 20 %), each drawn uniformly
//     from the pools below — so common parts are common, as in real lists.
//     Aliases of a person reorder it ("Family, Given") or swap one part.
//   * An organisation name is 1–4 core words (1: 15 %, 2: 45 %, 3: 30 %,
//     4: 10 %) drawn from the organisation word pool, followed with
//     probability 60 % by a legal form from a fixed set of 16 ("LLC", "Co.,
//     Ltd.", "GmbH", "OOO", ...). Aliases drop the legal form, or add/replace
//     one word.
//   * Persons get a date of birth (1940–2004) with probability 50 % and
//     organisations and persons one country from a fixed set of 24 ISO codes
//     with probability 70 %.
// Name part pools (CollectNameParts), in input order, duplicates kept (so a
// draw follows the parts' real frequencies):
//   * given: NameParts.given of the listed persons and the first/middle
//     names of the yente person negatives (read at run time from
//     ../shared/data/matching_benchmarks/yente_candidate_generation; CC BY-NC,
//     never copied into the repository);
//   * family: NameParts.family of the listed persons and the yente last
//     names;
//   * organisation words: the words of the listed organisations' names and
//     of the real unlisted company names (bench/query_mix.h), excluding
//     legal-form words and tokens with no letter.
// Randomness: std::mt19937_64 with modulo reduction only, so a seed gives the
// same list on every platform.
//
// Thread safety: the functions are thread-safe (no shared state).

#ifndef PARTYSCREEN_BENCH_SYNTHETIC_LIST_H_
#define PARTYSCREEN_BENCH_SYNTHETIC_LIST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "bench/query_mix.h"
#include "partyscreen/v1/entity.pb.h"

namespace partyscreen::bench {

// The pools of real name parts the generator draws from.
struct NameParts {
  std::vector<std::string> given;
  std::vector<std::string> family;
  std::vector<std::string> org_words;
};

// Collects the name part pools from `lists` and `negatives` (see the file
// comment). Either may be empty; a pool that ends up empty is filled with a
// few fixed placeholder parts so the generator always works.
NameParts CollectNameParts(const std::vector<v1::EntityList>& lists, const NegativeNames& negatives);

// A list with list id "synthetic" (publisher "partyscreen bench", format
// "synthetic") holding exactly `names` names, seeded.
v1::EntityList MakeSyntheticList(const NameParts& parts, int64_t names, uint64_t seed);

}  // namespace partyscreen::bench

#endif  // PARTYSCREEN_BENCH_SYNTHETIC_LIST_H_
