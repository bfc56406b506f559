// partyscreen_calibrate — fits the logistic name-score model of
// lib/screen/name_match.cc on a labelled query file (the dev benchmark of
// ../shared/eval) and writes lib/screen/score_model.inc.
//
//   partyscreen_calibrate SHARED_DIR QUERIES.csv OUT.inc
//
// For every query it collects every name the index's keys reach (names
// covering under a quarter of the query are left out), keeps for each
// entity its best-scoring name under the current model, and labels it 1
// when the entity is expected, 0 otherwise (the 25 best non-expected
// entities per query). It then fits weights by Newton's method with a small
// L2 penalty under sign constraints (RequiredSign), re-selects the best
// names with the new model, and fits again. The model is general (19
// features of an alignment, no query text): see README, "Calibration".
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "lib/index/index_data.h"
#include "lib/screen/candidates.h"
#include "lib/screen/name_match.h"
#include "lib/sources/csv.h"
#include "lib/util/file.h"
#include "partyscreen/index.h"
#include "partyscreen/options.h"
#include "partyscreen/query.h"
#include "partyscreen/sources.h"

using namespace partyscreen;
using namespace partyscreen::internal;

namespace {

// Candidates whose query coverage is below this are not training rows.
constexpr double kMinTrainingCoverage = 0.25;

struct Row {
  double x[kNumFeatures];
  int y;
};

struct Model {
  double bias = 0;
  double w[kNumFeatures] = {};
  double Score(const NameFeatures& f) const {
    if (f.all_exact) return 1.0;
    double z = bias;
    for (int i = 0; i < kNumFeatures; ++i) z += w[i] * f.x[i];
    return 1.0 / (1.0 + std::exp(-z));
  }
};

// Solves A x = b (Gaussian elimination with partial pivoting), in place.
std::vector<double> Solve(std::vector<std::vector<double>> a, std::vector<double> b) {
  const int n = static_cast<int>(b.size());
  for (int c = 0; c < n; ++c) {
    int p = c;
    for (int r = c + 1; r < n; ++r) if (std::fabs(a[r][c]) > std::fabs(a[p][c])) p = r;
    std::swap(a[c], a[p]);
    std::swap(b[c], b[p]);
    for (int r = c + 1; r < n; ++r) {
      double f = a[r][c] / a[c][c];
      for (int k = c; k < n; ++k) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  std::vector<double> x(n);
  for (int r = n - 1; r >= 0; --r) {
    double s = b[r];
    for (int k = r + 1; k < n; ++k) s -= a[r][k] * x[k];
    x[r] = s / a[r][r];
  }
  return x;
}

// The sign each weight must have (+1, -1, or 0 for either), so that the
// score never rises when a query or list token is left unmatched or a match
// gets worse: without these, a long query matching one word of a short
// listed name scored 0.99 when the model had a positive weight on the
// query's unmatched weight (now replaced by its matched weight).
int RequiredSign(int feature) {
  const std::string name = kFeatureNames[feature];
  if (name == "query_coverage" || name == "list_coverage" || name == "min_similarity" ||
      name == "best_exact_weight") {
    return 1;
  }
  if (name == "list_unmatched_weight") return -1;
  return 0;
}

// Logistic regression by Newton's method with an L2 penalty, over the
// features not in `fixed` (their weights stay 0).
Model FitFree(const std::vector<Row>& rows, double l2, const std::vector<bool>& fixed) {
  const int n = kNumFeatures + 1;
  std::vector<double> beta(n, 0.0);
  for (int iter = 0; iter < 25; ++iter) {
    std::vector<std::vector<double>> h(n, std::vector<double>(n, 0.0));
    std::vector<double> g(n, 0.0);
    for (const Row& r : rows) {
      double xv[kNumFeatures + 1];
      xv[0] = 1;
      for (int i = 0; i < kNumFeatures; ++i) xv[i + 1] = fixed[i] ? 0.0 : r.x[i];
      double z = 0;
      for (int i = 0; i < n; ++i) z += beta[i] * xv[i];
      double p = 1 / (1 + std::exp(-z));
      double wgt = p * (1 - p);
      for (int i = 0; i < n; ++i) {
        g[i] += (r.y - p) * xv[i];
        for (int k = 0; k < n; ++k) h[i][k] += wgt * xv[i] * xv[k];
      }
    }
    for (int i = 1; i < n; ++i) {
      g[i] -= l2 * beta[i];
      h[i][i] += l2;
    }
    std::vector<double> step = Solve(h, g);
    double norm = 0;
    for (int i = 0; i < n; ++i) {
      beta[i] += step[i];
      norm += step[i] * step[i];
    }
    if (norm < 1e-12) break;
  }
  Model m;
  m.bias = beta[0];
  for (int i = 0; i < kNumFeatures; ++i) m.w[i] = fixed[i] ? 0.0 : beta[i + 1];
  return m;
}

// FitFree under the signs of RequiredSign: a weight fitted with the wrong
// sign is fixed at 0 and the rest refitted (an active-set method), until
// every sign holds.
Model Fit(const std::vector<Row>& rows, double l2) {
  std::vector<bool> fixed(kNumFeatures, false);
  for (;;) {
    Model m = FitFree(rows, l2, fixed);
    int worst = -1;
    double worst_value = 0;
    for (int i = 0; i < kNumFeatures; ++i) {
      const double v = RequiredSign(i) * m.w[i];
      if (!fixed[i] && v < worst_value) {
        worst = i;
        worst_value = v;
      }
    }
    if (worst < 0) return m;
    std::fprintf(stderr, "  %s fitted with the wrong sign (%+.4f): fixed at 0\n", kFeatureNames[worst], m.w[worst]);
    fixed[worst] = true;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: partyscreen_calibrate SHARED_DIR QUERIES.csv OUT.inc\n");
    return 2;
  }
  std::string shared = argv[1];
  std::vector<std::pair<std::string, std::pair<ListFormat, std::string>>> lists = {
      {"us_ofac_sdn", {ListFormat::kOfacCsv, shared + "/data/ofac_sdn_csv/complete_set_2023-12-28"}},
      {"us_ofac_cons", {ListFormat::kOfacCsv, shared + "/data/ofac_non_sdn_consolidated"}},
      {"us_csl", {ListFormat::kCslCsv, shared + "/data/us_csl/consolidated_2022-05.csv"}},
      {"un_sc", {ListFormat::kUnXml, shared + "/data/un_sc/un_consolidated_2026-02-27.xml"}},
      {"uk_hmt", {ListFormat::kUkConList, shared + "/eval/reference/uk_hmt_2025-04_latin_only.csv"}},
  };
  IndexBuilder builder;
  for (const auto& [id, spec] : lists) {
    ReadOptions o;
    o.list_id = id;
    o.format = spec.first;
    auto l = ReadList(spec.second, o);
    if (!l.ok()) { std::fprintf(stderr, "%s\n", std::string(l.status().message()).c_str()); return 2; }
    if (auto s = builder.AddList(*std::move(l)); !s.ok()) return 2;
  }
  auto index = std::move(builder).Build();
  if (!index.ok()) { std::fprintf(stderr, "%s\n", std::string(index.status().message()).c_str()); return 2; }
  const IndexData& d = (*index)->data();

  auto text = ReadFileToString(argv[2]);
  if (!text.ok()) return 2;
  CsvReader reader("queries", *text);
  std::vector<std::string> f, header;
  if (!*reader.Next(&header)) return 2;
  std::map<std::string, int> col;
  for (size_t i = 0; i < header.size(); ++i) col[header[i]] = static_cast<int>(i);
  struct Q { QueryName q; std::set<std::string> expected; };
  std::vector<Q> queries;
  while (*reader.Next(&f)) {
    NameKindHint hint = NameKindHint::kUnknown;
    auto kind = ParsePartyKind(f[col["kind"]]);
    if (kind.ok() && *kind == PartyKind::kPerson) hint = NameKindHint::kPerson;
    if (kind.ok() && (*kind == PartyKind::kOrganization || *kind == PartyKind::kVessel || *kind == PartyKind::kAircraft)) hint = NameKindHint::kOrganization;
    auto qn = PrepareQueryName(d, f[col["name"]], hint);
    if (!qn.ok()) continue;
    Q q{*std::move(qn), {}};
    for (absl::string_view e : absl::StrSplit(f[col["expected"]], '|', absl::SkipEmpty())) q.expected.insert(std::string(e));
    queries.push_back(std::move(q));
  }
  std::fprintf(stderr, "%zu queries\n", queries.size());

  // Current model from the compiled-in coefficients.
  Model model;
  {
    NameFeatures zero;
    // Recover bias and weights by probing ScoreFromFeatures is not possible
    // (it caps); start from a neutral prior instead.
    model.bias = -6;
    model.w[0] = 6; model.w[1] = 3; model.w[2] = 1; model.w[3] = -1; model.w[4] = -0.5;
    (void)zero;
  }
  for (int round = 0; round < 3; ++round) {
    std::vector<Row> rows;
    int pos_found = 0, pos_queries = 0;
    for (const Q& q : queries) {
      auto cands = CollectCandidates(d, q.q, 1 << 30, /*name_cutoff=*/0);
      if (!cands.ok()) continue;
      std::map<uint32_t, std::pair<double, NameFeatures>> best;
      for (uint32_t n : *cands) {
        auto list = ListTokens(d, n);
        auto al = AlignName(d, q.q, n, list);
        NameFeatures nf = ComputeFeatures(d, q.q, n, list, al);
        // Names matching under a quarter of the query's weight are no
        // plausible hit: they would only teach the model the obvious.
        if (nf.x[0] < kMinTrainingCoverage) continue;
        double s = model.Score(nf);
        auto it = best.find(d.names[n].entity);
        if (it == best.end() || s > it->second.first) best[d.names[n].entity] = {s, nf};
      }
      std::vector<std::pair<double, Row>> negs;
      bool found = false;
      for (const auto& [e, sf] : best) {
        const std::string key = absl::StrCat(d.lists[d.entities[e].list].source().list_id(), ":", d.entity_proto(e).entity_id());
        Row r;
        for (int i = 0; i < kNumFeatures; ++i) r.x[i] = sf.second.x[i];
        r.y = q.expected.count(key) ? 1 : 0;
        if (sf.second.all_exact) continue;  // scored 1.0 by rule, not by the model
        if (r.y) { rows.push_back(r); found = true; }
        else negs.emplace_back(sf.first, r);
      }
      if (!q.expected.empty()) { ++pos_queries; pos_found += found; }
      std::sort(negs.begin(), negs.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      for (size_t k = 0; k < negs.size() && k < 25; ++k) rows.push_back(negs[k].second);
    }
    int npos = 0;
    for (const Row& r : rows) npos += r.y;
    std::fprintf(stderr, "round %d: %zu rows (%d positive); positive queries with a candidate: %d/%d\n", round,
                 rows.size(), npos, pos_found, pos_queries);
    model = Fit(rows, 1e-2);
    std::fprintf(stderr, "  bias %.4f\n", model.bias);
    for (int i = 0; i < kNumFeatures; ++i) std::fprintf(stderr, "  %-24s %+.4f\n", kFeatureNames[i], model.w[i]);
  }
  // Shift: the smallest logit above which at most 1 % of the negative
  // queries alert (their best candidate), mapped onto the default threshold.
  std::vector<double> neg_max;
  for (const Q& q : queries) {
    if (!q.expected.empty()) continue;
    auto cands = CollectCandidates(d, q.q, 1 << 30, /*name_cutoff=*/0);
    double best = -1e9;
    if (cands.ok()) {
      for (uint32_t n : *cands) {
        auto list = ListTokens(d, n);
        auto al = AlignName(d, q.q, n, list);
        NameFeatures nf = ComputeFeatures(d, q.q, n, list, al);
        if (nf.all_exact) { best = 1e9; break; }
        double z = model.bias;
        for (int i = 0; i < kNumFeatures; ++i) z += model.w[i] * nf.x[i];
        best = std::max(best, z);
      }
    }
    neg_max.push_back(best);
  }
  std::sort(neg_max.rbegin(), neg_max.rend());
  const double target_far = 0.008;
  size_t k = static_cast<size_t>(target_far * neg_max.size());
  double z_thr = neg_max.empty() ? 0 : neg_max[std::min(k, neg_max.size() - 1)];
  const double threshold = kDefaultAlertThreshold;
  double shift = std::log(threshold / (1 - threshold)) - z_thr;
  std::fprintf(stderr, "negatives %zu; logit at FAR %.3f: %.4f; shift %.4f\n", neg_max.size(), target_far, z_thr, shift);
  std::string out = "// Generated by scripts/calibrate (partyscreen_calibrate) from the dev benchmark.\n";
  absl::StrAppend(&out, absl::StrFormat("constexpr double kFeatureBias = %.6f;\n", model.bias));
  absl::StrAppend(&out, absl::StrFormat("constexpr double kScoreShift = %.6f;\n", shift));
  absl::StrAppend(&out, "constexpr double kFeatureWeights[", kNumFeatures, "] = {\n");
  for (int i = 0; i < kNumFeatures; ++i) {
    absl::StrAppend(&out, absl::StrFormat("    %.6f,  // %s\n", model.w[i], kFeatureNames[i]));
  }
  out += "};\n";
  if (auto s = AtomicWriteFile(argv[3], out); !s.ok()) return 2;
  std::fprintf(stderr, "wrote %s\n", argv[3]);
  return 0;
}
