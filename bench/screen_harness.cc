// The macro benchmark of screening: loads the lists, builds, saves and loads
// the index snapshot, screens a fixed, seeded query mix (bench/query_mix.h)
// on one thread and on all cores, and compares the index with the exhaustive
// scan. With --synthetic, measures how cost grows with the size of the list
// instead (bench/synthetic_list.h).
//
// Run (or use scripts/bench, which builds it first):
//   build/bench/screen_harness                       # bundled lists, 100k generated queries
//   build/bench/screen_harness --queries 20000 --exhaustive-sample 500
//   build/bench/screen_harness --synthetic 10000,100000,1000000
//
// Flags:
//   --queries N            generated queries besides the dev queries (default 100000)
//   --threads N            threads of the "all cores" runs (default: hardware threads)
//   --exhaustive-sample N  generated queries compared with the exhaustive scan,
//                          besides the dev queries (default 2000)
//   --exhaustive-dev N     dev queries compared with the exhaustive scan (default: all)
//   --exhaustive-skip N    the generated queries compared start at the N-th (default 0):
//                          a long comparison can be run in parts (0 + 50000, 50000 + 50000)
//   --recall-only          skip the throughput runs; only the comparison with the exhaustive scan
//                          (which prints cumulative counts after every 2,000 queries, so that
//                          an interrupted run still reports what it compared)
//   --list SPEC            a list to load instead of the bundled ones (repeatable;
//                          PATH, FORMAT=PATH or ID:FORMAT=PATH as in the CLI)
//   --snapshot FILE        load this snapshot instead of reading and building
//   --shared DIR           the shared data directory (default: ../shared beside the source tree)
//   --seed N               seed of the generated queries (default 1)
//   --synthetic N[,N...]   scale mode: synthetic lists of N names (e.g. 10000,100000,1000000)
//   --synthetic-queries N  queries per synthetic size (default 20000)
//
// Timing: steady_clock around each Screen call (1 thread) or around each
// ScreenBatch (all cores). Queries run with ScreenOptions{explain = false,
// min_score = kDefaultAlertThreshold, limit = 10}; the recall comparison uses
// limit = 0 so that no hit is cut. Memory: VmHWM/VmRSS of /proc/self/status;
// the resident memory "with the lists loaded" is measured in a fresh process
// (this binary re-run with --rss-probe SNAPSHOT) that only loads the
// snapshot and screens a few queries, so that list reading and index
// building do not count.

#include <malloc.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "bench/query_mix.h"
#include "bench/synthetic_list.h"
#include "partyscreen/index.h"
#include "partyscreen/options.h"
#include "partyscreen/screener.h"
#include "partyscreen/sources.h"
#include "tools/partyscreen/thread_pool.h"

namespace partyscreen::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// A value of /proc/self/status in kB ("VmRSS", "VmHWM"), or -1.
int64_t ProcStatusKb(absl::string_view key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (absl::StartsWith(line, key) && line.size() > key.size() && line[key.size()] == ':') {
      int64_t v = -1;
      std::string num;
      for (char c : line.substr(key.size() + 1)) {
        if (c >= '0' && c <= '9') num.push_back(c);
      }
      if (absl::SimpleAtoi(num, &v)) return v;
    }
  }
  return -1;
}

double Mb(int64_t kb) { return static_cast<double>(kb) / 1024.0; }

struct Flags {
  size_t queries = 100000;
  int threads = 0;
  size_t exhaustive_sample = 2000;
  size_t exhaustive_dev = static_cast<size_t>(-1);
  size_t exhaustive_skip = 0;
  bool recall_only = false;
  std::vector<std::string> lists;
  std::string snapshot;
  std::string shared = PARTYSCREEN_SHARED_DIR;
  uint64_t seed = 1;
  std::vector<int64_t> synthetic;
  size_t synthetic_queries = 20000;
  std::string rss_probe;
};

[[noreturn]] void Usage(const std::string& error) {
  std::fprintf(stderr,
               "screen_harness: %s\nusage: screen_harness [--queries N] [--threads N] [--exhaustive-sample N]\n"
               "  [--exhaustive-dev N] [--exhaustive-skip N] [--recall-only] [--list SPEC]... [--snapshot FILE]\n"
               "  [--shared DIR] [--seed N]\n"
               "  [--synthetic N[,N...]] [--synthetic-queries N]\n",
               error.c_str());
  std::exit(2);
}

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    std::string v;
    if (a == "--recall-only") {
      f.recall_only = true;
      continue;
    }
    if (size_t eq = a.find('='); eq != std::string::npos && absl::StartsWith(a, "--")) {
      v = a.substr(eq + 1);
      a = a.substr(0, eq);
    } else if (i + 1 < argc) {
      v = argv[++i];
    } else {
      Usage(absl::StrCat(a, " needs a value"));
    }
    auto number = [&](auto* out) {
      if (!absl::SimpleAtoi(v, out)) Usage(absl::StrCat(a, ": not a number: ", v));
    };
    if (a == "--queries") {
      number(&f.queries);
    } else if (a == "--threads") {
      number(&f.threads);
    } else if (a == "--exhaustive-sample") {
      number(&f.exhaustive_sample);
    } else if (a == "--exhaustive-dev") {
      number(&f.exhaustive_dev);
    } else if (a == "--exhaustive-skip") {
      number(&f.exhaustive_skip);
    } else if (a == "--list") {
      f.lists.push_back(v);
    } else if (a == "--snapshot") {
      f.snapshot = v;
    } else if (a == "--shared") {
      f.shared = v;
    } else if (a == "--seed") {
      number(&f.seed);
    } else if (a == "--synthetic") {
      for (absl::string_view s : absl::StrSplit(v, ',', absl::SkipEmpty())) {
        int64_t n = 0;
        if (!absl::SimpleAtoi(s, &n) || n <= 0) Usage(absl::StrCat("--synthetic: not a size: ", s));
        f.synthetic.push_back(n);
      }
    } else if (a == "--synthetic-queries") {
      number(&f.synthetic_queries);
    } else if (a == "--rss-probe") {
      f.rss_probe = v;
    } else {
      Usage(absl::StrCat("unknown flag ", a));
    }
  }
  if (f.threads <= 0) f.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return f;
}

// The p-quantile (0..1) of sorted values (nearest rank).
template <typename T>
T Quantile(const std::vector<T>& sorted, double p) {
  if (sorted.empty()) return T();
  size_t i = static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  i = i == 0 ? 0 : i - 1;
  return sorted[std::min(i, sorted.size() - 1)];
}

std::string Thousands(int64_t v) {
  std::string s = absl::StrCat(v < 0 ? -v : v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return v < 0 ? "-" + s : s;
}

ScreenOptions TimingOptions() {
  ScreenOptions o;
  o.explain = false;
  o.min_score = kDefaultAlertThreshold;
  return o;
}

// What one single-thread pass over a query set measured.
struct SingleThreadRun {
  double seconds = 0;
  std::vector<double> latency_us;  // sorted
  std::vector<double> latency_in_order_us;  // per query, in query order
  std::vector<int64_t> candidates;  // sorted
  std::map<std::string, int64_t> errors;  // status code name → count
  std::vector<absl::StatusOr<ScreenResult>> results;  // when kept
};

SingleThreadRun RunSingleThread(const Screener& s, const std::vector<Query>& queries, const ScreenOptions& o,
                                bool keep_results) {
  SingleThreadRun run;
  run.latency_us.reserve(queries.size());
  run.candidates.reserve(queries.size());
  auto start = Clock::now();
  for (const Query& q : queries) {
    auto t0 = Clock::now();
    absl::StatusOr<ScreenResult> r = s.Screen(q, o);
    auto t1 = Clock::now();
    run.latency_us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    run.latency_in_order_us.push_back(run.latency_us.back());
    if (r.ok()) {
      run.candidates.push_back(r->candidates);
    } else {
      ++run.errors[absl::StatusCodeToString(r.status().code())];
    }
    if (keep_results) run.results.push_back(std::move(r));
  }
  run.seconds = Seconds(start, Clock::now());
  std::sort(run.latency_us.begin(), run.latency_us.end());
  std::sort(run.candidates.begin(), run.candidates.end());
  return run;
}

std::string ErrorSummary(const std::map<std::string, int64_t>& errors) {
  if (errors.empty()) return "none";
  std::string out;
  for (const auto& [code, n] : errors) absl::StrAppend(&out, out.empty() ? "" : ", ", code, " ", n);
  return out;
}

// Hits as (list id, entity id, score) in result order.
bool SameHits(const absl::StatusOr<ScreenResult>& a, const absl::StatusOr<ScreenResult>& b) {
  if (a.ok() != b.ok()) return false;
  if (!a.ok()) return a.status().code() == b.status().code();
  if (a->hits.size() != b->hits.size()) return false;
  for (size_t i = 0; i < a->hits.size(); ++i) {
    const Hit& x = a->hits[i];
    const Hit& y = b->hits[i];
    if (x.list_id != y.list_id || x.entity_id != y.entity_id || x.score != y.score) return false;
  }
  return true;
}

// The comparison of indexed and exhaustive results on one sample.
struct RecallCounts {
  int64_t queries = 0;
  int64_t alerting_hits = 0;     // exhaustive hits with score >= threshold
  int64_t missed = 0;            // of those, absent from the indexed result
  int64_t score_differs = 0;     // present with a different score (|d| > 1e-9)
  double max_score_diff = 0;
  int64_t extra = 0;             // indexed alerting hits the exhaustive scan lacks
  int64_t errors_indexed = 0;    // indexed result not OK where exhaustive is
  int64_t errors_exhaustive = 0;
};

void Compare(const absl::StatusOr<ScreenResult>& idx, const absl::StatusOr<ScreenResult>& exh, RecallCounts* c) {
  ++c->queries;
  if (!exh.ok()) {
    ++c->errors_exhaustive;
    return;
  }
  if (!idx.ok()) {
    ++c->errors_indexed;
    for (const Hit& h : exh->hits) c->alerting_hits += h.score >= kDefaultAlertThreshold;
    c->missed += 0;  // an error is fail-closed, counted separately
    return;
  }
  std::map<std::pair<std::string, std::string>, double> got;
  for (const Hit& h : idx->hits) got[{h.list_id, h.entity_id}] = h.score;
  std::map<std::pair<std::string, std::string>, double> want;
  for (const Hit& h : exh->hits) {
    if (h.score < kDefaultAlertThreshold) continue;
    want[{h.list_id, h.entity_id}] = h.score;
    ++c->alerting_hits;
    auto it = got.find({h.list_id, h.entity_id});
    if (it == got.end()) {
      ++c->missed;
    } else if (std::abs(it->second - h.score) > 1e-9) {
      ++c->score_differs;
      c->max_score_diff = std::max(c->max_score_diff, std::abs(it->second - h.score));
    }
  }
  for (const auto& [key, score] : got) {
    if (score >= kDefaultAlertThreshold && want.count(key) == 0) ++c->extra;
  }
}

// Runs a fresh process that only loads `snapshot` and screens a few queries;
// returns (load seconds, VmHWM kB, VmRSS kB) or an error.
absl::StatusOr<std::tuple<double, int64_t, int64_t>> ProbeRss(const std::string& snapshot) {
  char exe[4096];
  ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (len <= 0) return absl::UnavailableError("cannot find /proc/self/exe");
  exe[len] = '\0';
  std::string cmd = absl::StrCat("'", exe, "' --rss-probe '", snapshot, "'");
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return absl::UnavailableError("popen failed");
  char buf[256] = {0};
  std::string out;
  while (fgets(buf, sizeof(buf), p) != nullptr) out += buf;
  int rc = pclose(p);
  double load = 0;
  int64_t hwm = 0, rss = 0;
  if (rc != 0 || std::sscanf(out.c_str(), "probe %lf %ld %ld", &load, &hwm, &rss) != 3) {
    return absl::InternalError(absl::StrCat("rss probe failed: ", out));
  }
  return std::make_tuple(load, hwm, rss);
}

int RssProbe(const std::string& snapshot) {
  auto t0 = Clock::now();
  auto index = Index::Load(snapshot);
  double load = Seconds(t0, Clock::now());
  if (!index.ok()) {
    std::printf("error %s\n", index.status().ToString().c_str());
    return 1;
  }
  auto screener = Screener::Create(*index);
  if (!screener.ok()) return 1;
  for (const char* name : {"Hikvision", "Rosneft", "Vladimir Putin", "Acme Trading LLC", "Mohamed Ali"}) {
    Query q;
    q.name = name;
    (void)(*screener)->Screen(q, TimingOptions());
  }
  std::printf("probe %.6f %ld %ld\n", load, static_cast<long>(ProcStatusKb("VmHWM")),
              static_cast<long>(ProcStatusKb("VmRSS")));
  return 0;
}

// Prints one "name  value" line of the report.
void Line(absl::string_view name, absl::string_view value) { std::printf("  %-44s %s\n", std::string(name).c_str(), std::string(value).c_str()); }

int RunBundled(const Flags& flags) {
  std::printf("partyscreen macro benchmark: %d hardware threads, --threads %d, seed %lu%s\n",
              static_cast<int>(std::thread::hardware_concurrency()), flags.threads,
              static_cast<unsigned long>(flags.seed),
#ifdef NDEBUG
              ""
#else
              " (assertions on: not an optimised build)"
#endif
  );
  std::vector<v1::EntityList> lists;
  std::shared_ptr<const Index> index;
  double read_s = -1, build_s = -1, save_s = -1;
  std::string snapshot = flags.snapshot;
  bool temp_snapshot = false;
  if (snapshot.empty()) {
    std::vector<ListSpec> specs;
    if (flags.lists.empty()) {
      auto s = BundledListSpecs(absl::StrCat(PARTYSCREEN_SOURCE_DIR, "/data/lists"));
      if (!s.ok()) {
        std::fprintf(stderr, "screen_harness: %s\n", s.status().ToString().c_str());
        return 1;
      }
      specs = *std::move(s);
    } else {
      for (const auto& l : flags.lists) {
        auto s = ParseListSpec(l);
        if (!s.ok()) Usage(std::string(s.status().message()));
        specs.push_back(*std::move(s));
      }
    }
    auto t0 = Clock::now();
    auto read = ReadLists(specs);
    read_s = Seconds(t0, Clock::now());
    if (!read.ok()) {
      std::fprintf(stderr, "screen_harness: %s\n", read.status().ToString().c_str());
      return 1;
    }
    lists = *read;  // a copy: the query generator needs the lists after the build
    t0 = Clock::now();
    IndexBuilder builder;
    for (auto& l : *read) {
      if (auto s = builder.AddList(std::move(l)); !s.ok()) {
        std::fprintf(stderr, "screen_harness: %s\n", s.ToString().c_str());
        return 1;
      }
    }
    auto built = std::move(builder).Build();
    build_s = Seconds(t0, Clock::now());
    if (!built.ok()) {
      std::fprintf(stderr, "screen_harness: %s\n", built.status().ToString().c_str());
      return 1;
    }
    snapshot = absl::StrCat(P_tmpdir, "/partyscreen_bench_", getpid(), ".snapshot");
    temp_snapshot = true;
    t0 = Clock::now();
    if (auto s = (*built)->Save(snapshot); !s.ok()) {
      std::fprintf(stderr, "screen_harness: %s\n", s.ToString().c_str());
      return 1;
    }
    save_s = Seconds(t0, Clock::now());
  }
  auto t0 = Clock::now();
  auto loaded = Index::Load(snapshot);
  double load_s = Seconds(t0, Clock::now());
  if (!loaded.ok()) {
    std::fprintf(stderr, "screen_harness: %s\n", loaded.status().ToString().c_str());
    return 1;
  }
  index = *loaded;
  if (lists.empty()) lists = index->lists();
  struct stat st {};
  int64_t snapshot_bytes = stat(snapshot.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_size) : -1;
  auto probe = ProbeRss(snapshot);
  if (temp_snapshot) std::remove(snapshot.c_str());
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  const int64_t peak_kb = ru.ru_maxrss;

  const IndexInfo& info = index->info();
  std::printf("\nIndex\n");
  for (const ListInfo& l : info.lists) {
    Line(absl::StrCat("list ", l.list_id, " (", l.publication_date, ")"),
         absl::StrCat(Thousands(l.entities), " entities, ", Thousands(l.names), " names"));
  }
  Line("total", absl::StrCat(Thousands(info.entities), " entities, ", Thousands(info.names), " names, ",
                             Thousands(info.tokens), " distinct tokens"));
  if (read_s >= 0) {
    Line("read lists from publisher files", absl::StrFormat("%.3f s", read_s));
    Line("index build", absl::StrFormat("%.3f s", build_s));
    Line("read + build", absl::StrFormat("%.3f s", read_s + build_s));
    Line("Index::Save", absl::StrFormat("%.3f s", save_s));
  }
  Line("Index::Load (snapshot)", absl::StrFormat("%.1f ms", load_s * 1e3));
  Line("snapshot size", absl::StrFormat("%.1f MB", static_cast<double>(snapshot_bytes) / 1e6));
  if (probe.ok()) {
    Line("fresh process: load", absl::StrFormat("%.1f ms", std::get<0>(*probe) * 1e3));
    Line("fresh process: peak RSS after load", absl::StrFormat("%.1f MB (VmHWM; VmRSS %.1f MB)", Mb(std::get<1>(*probe)),
                                                            Mb(std::get<2>(*probe))));
  } else {
    Line("fresh process probe", std::string(probe.status().message()));
  }
  Line("this process: peak RSS (getrusage)", absl::StrFormat("%.1f MB (includes reading and building)", Mb(peak_kb)));

  // ---- the query mix ------------------------------------------------------
  std::vector<Query> dev;
  const std::string dev_path = absl::StrCat(flags.shared, "/eval/queries_dev.csv");
  if (auto d = ReadDevQueries(dev_path); d.ok()) {
    dev = *std::move(d);
  } else {
    std::printf("  (no dev queries: %s)\n", d.status().ToString().c_str());
  }
  NegativeNames negatives;
  if (auto n = ReadNegativeNames(flags.shared); n.ok()) {
    negatives = *std::move(n);
  } else {
    std::printf("  (no negative names: %s; generated queries are all variants)\n", n.status().ToString().c_str());
  }
  std::vector<MixQuery> generated = GenerateQueries(lists, negatives, flags.queries, flags.seed);
  std::vector<Query> all = dev;
  std::vector<Origin> origin_of(dev.size(), Origin::kDev);  // per query of `all`
  std::map<Origin, int64_t> by_origin;
  for (const auto& m : generated) {
    all.push_back(m.query);
    origin_of.push_back(m.origin);
    ++by_origin[m.origin];
  }
  std::printf("\nQuery mix: %s queries = %s dev + %s generated (%s variants of listed names, %s unlisted companies, %s unlisted persons)\n",
              Thousands(static_cast<int64_t>(all.size())).c_str(), Thousands(static_cast<int64_t>(dev.size())).c_str(),
              Thousands(static_cast<int64_t>(generated.size())).c_str(), Thousands(by_origin[Origin::kVariant]).c_str(),
              Thousands(by_origin[Origin::kNegativeCompany]).c_str(), Thousands(by_origin[Origin::kNegativePerson]).c_str());

  auto screener_or = Screener::Create(index);
  ScreenerOptions exhaustive_options;
  exhaustive_options.exhaustive = true;
  auto exhaustive_or = Screener::Create(index, exhaustive_options);
  if (!screener_or.ok() || !exhaustive_or.ok()) {
    std::fprintf(stderr, "screen_harness: cannot create the screeners\n");
    return 1;
  }
  const Screener& screener = **screener_or;
  const Screener& exhaustive = **exhaustive_or;
  const ScreenOptions opts = TimingOptions();

  SingleThreadRun one;
  double qps1 = 0, qpsn = 0;
  double cand_mean = 0;
  int64_t differ = 0;
  cli::ThreadPool pool(flags.threads);
  BatchOptions batch;
  batch.executor = &pool;
  if (!flags.recall_only) {
    // Warm-up: the first 2,000 queries.
    {
      std::vector<Query> warm(all.begin(), all.begin() + static_cast<long>(std::min<size_t>(2000, all.size())));
      (void)RunSingleThread(screener, warm, opts, false);
    }
    std::printf("\nScreening (explain=false, min_score=%.2f, limit=%d)\n", opts.min_score, opts.limit);
    one = RunSingleThread(screener, all, opts, true);
    qps1 = static_cast<double>(all.size()) / one.seconds;
    Line("1 thread: queries/s", absl::StrFormat("%.0f  (%.2f s)", qps1, one.seconds));
    Line("1 thread: latency p50 / p99 / max", absl::StrFormat("%.1f / %.1f / %.1f us", Quantile(one.latency_us, 0.5),
                                                              Quantile(one.latency_us, 0.99), one.latency_us.back()));
    for (int64_t c : one.candidates) cand_mean += static_cast<double>(c);
    cand_mean /= std::max<size_t>(1, one.candidates.size());
    Line("candidates/query mean / p50 / p99 / max",
         absl::StrFormat("%.0f / %ld / %ld / %ld", cand_mean, static_cast<long>(Quantile(one.candidates, 0.5)),
                         static_cast<long>(Quantile(one.candidates, 0.99)),
                         static_cast<long>(one.candidates.empty() ? 0 : one.candidates.back())));
    // Where the time goes, by the queries' origin.
    {
      std::map<Origin, std::vector<double>> latency_by_origin;
      for (size_t i = 0; i < all.size(); ++i) latency_by_origin[origin_of[i]].push_back(one.latency_in_order_us[i]);
      for (auto& [origin, lat] : latency_by_origin) {
        std::sort(lat.begin(), lat.end());
        double total = 0;
        for (double x : lat) total += x;
        Line(absl::StrCat("  ", OriginName(origin), ": mean / p50 / p99"),
             absl::StrFormat("%.0f / %.0f / %.0f us (%zu queries)", total / static_cast<double>(lat.size()),
                             Quantile(lat, 0.5), Quantile(lat, 0.99), lat.size()));
      }
    }
    Line("errors", ErrorSummary(one.errors));
    int64_t alerted = 0;
    for (const auto& r : one.results) alerted += r.ok() && !r->hits.empty();
    Line("queries with an alert", absl::StrCat(Thousands(alerted)));

    t0 = Clock::now();
    std::vector<absl::StatusOr<ScreenResult>> many = screener.ScreenBatch(all, opts, batch);
    double many_s = Seconds(t0, Clock::now());
    qpsn = static_cast<double>(all.size()) / many_s;
    Line(absl::StrCat(flags.threads, " threads (ScreenBatch): queries/s"),
         absl::StrFormat("%.0f  (%.2f s, %.2fx one thread)", qpsn, many_s, qpsn / qps1));
    for (size_t i = 0; i < all.size(); ++i) differ += !SameHits(one.results[i], many[i]);
    Line("results 1 thread vs batch identical", differ == 0 ? "yes" : absl::StrCat("NO: ", differ, " differ"));
    one.results.clear();
    many.clear();
  }

  // ---- recall against the exhaustive scan ----------------------------------
  std::vector<Query> sample(dev.begin(), dev.begin() + static_cast<long>(std::min(dev.size(), flags.exhaustive_dev)));
  const size_t dev_sample = sample.size();
  const size_t gen_first = std::min(flags.exhaustive_skip, generated.size());
  const size_t gen_sample = std::min(flags.exhaustive_sample, generated.size() - gen_first);
  for (size_t i = gen_first; i < gen_first + gen_sample; ++i) sample.push_back(generated[i].query);
  ScreenOptions all_hits = opts;
  all_hits.limit = 0;
  // In parts of 2,000 queries, with cumulative counts after each, so that an
  // interrupted long run still says what it compared.
  RecallCounts dev_c, gen_c;
  double idx_s = 0, exh_s = 0;
  constexpr size_t kPart = 2000;
  const bool progress = sample.size() > kPart;
  if (progress) {
    std::printf("\nComparing %s queries (%zu dev + %s generated from #%zu) with the exhaustive scan, in parts of %zu\n",
                Thousands(static_cast<int64_t>(sample.size())).c_str(), dev_sample,
                Thousands(static_cast<int64_t>(sample.size() - dev_sample)).c_str(), flags.exhaustive_skip, kPart);
  }
  for (size_t part = 0; part < sample.size(); part += kPart) {
    const size_t part_end = std::min(sample.size(), part + kPart);
    std::vector<Query> chunk(sample.begin() + static_cast<long>(part), sample.begin() + static_cast<long>(part_end));
    t0 = Clock::now();
    auto idx_results = screener.ScreenBatch(chunk, all_hits, batch);
    idx_s += Seconds(t0, Clock::now());
    t0 = Clock::now();
    auto exh_results = exhaustive.ScreenBatch(chunk, all_hits, batch);
    exh_s += Seconds(t0, Clock::now());
    for (size_t k = 0; k < chunk.size(); ++k) {
      const size_t i = part + k;
      RecallCounts& c = i < dev_sample ? dev_c : gen_c;
      const int64_t before = c.missed;
      Compare(idx_results[k], exh_results[k], &c);
      // PARTYSCREEN_HARNESS_SHOW_MISSES=1: which sample queries lost hits (the
      // benchmark's own generated text, for debugging the index).
      if (c.missed > before && std::getenv("PARTYSCREEN_HARNESS_SHOW_MISSES") != nullptr) {
        std::fprintf(stderr, "missed %ld: sample %zu: %s\n", static_cast<long>(c.missed - before), i,
                     sample[i].name.c_str());
      }
    }
    if (progress) {
      std::printf("  %7zu compared: dev %ld/%ld alerting hits found, generated %ld/%ld; errors %ld/%ld; %.0f s exhaustive\n",
                  part_end, static_cast<long>(dev_c.alerting_hits - dev_c.missed), static_cast<long>(dev_c.alerting_hits),
                  static_cast<long>(gen_c.alerting_hits - gen_c.missed), static_cast<long>(gen_c.alerting_hits),
                  static_cast<long>(dev_c.errors_indexed + gen_c.errors_indexed),
                  static_cast<long>(dev_c.errors_exhaustive + gen_c.errors_exhaustive), exh_s);
      std::fflush(stdout);
    }
  }
  std::printf("\nRecall against the exhaustive scan (limit=0; both on %d threads)\n", flags.threads);
  auto report = [](const char* what, const RecallCounts& c) {
    double found = c.alerting_hits == 0 ? 100.0 : 100.0 * static_cast<double>(c.alerting_hits - c.missed) /
                                                      static_cast<double>(c.alerting_hits);
    Line(absl::StrCat(what, ": queries / alerting hits"), absl::StrCat(Thousands(c.queries), " / ", Thousands(c.alerting_hits)));
    Line(absl::StrCat(what, ": missed by the index"), absl::StrFormat("%ld (%.3f %% found)", static_cast<long>(c.missed), found));
    Line(absl::StrCat(what, ": score differs / extra hits"),
         absl::StrFormat("%ld (max diff %.2g) / %ld", static_cast<long>(c.score_differs), c.max_score_diff,
                         static_cast<long>(c.extra)));
    Line(absl::StrCat(what, ": errors indexed / exhaustive"),
         absl::StrFormat("%ld / %ld", static_cast<long>(c.errors_indexed), static_cast<long>(c.errors_exhaustive)));
  };
  report("dev", dev_c);
  report("generated", gen_c);
  Line("indexed: queries/s on the sample", absl::StrFormat("%.0f", static_cast<double>(sample.size()) / idx_s));
  Line("exhaustive: queries/s on the sample", absl::StrFormat("%.0f", static_cast<double>(sample.size()) / exh_s));
  Line("speed ratio indexed/exhaustive", absl::StrFormat("%.1fx faster", exh_s / idx_s));

  // ---- the table the README quotes ------------------------------------------
  std::printf("\n| measure (bundled lists, %s names) | measured | target |\n|---|---|---|\n", Thousands(info.names).c_str());
  if (read_s >= 0) std::printf("| read + build index from publisher files | %.2f s | <= 2 s |\n", read_s + build_s);
  std::printf("| snapshot load | %.0f ms | <= 100 ms |\n", load_s * 1e3);
  if (probe.ok()) std::printf("| resident memory, snapshot loaded | %.0f MB | <= 150 MB |\n", Mb(std::get<1>(*probe)));
  if (!flags.recall_only) {
    std::printf("| queries/s, 1 thread | %.0f | >= 20,000 |\n", qps1);
    std::printf("| queries/s, %d threads | %.0f (%.2fx) | >= 1.8x |\n", flags.threads, qpsn, qpsn / qps1);
    std::printf("| latency p50 / p99 | %.0f / %.0f us | <= 50 / 500 us |\n", Quantile(one.latency_us, 0.5),
                Quantile(one.latency_us, 0.99));
    std::printf("| candidates per query, mean / p99 | %.0f / %ld | |\n", cand_mean, static_cast<long>(Quantile(one.candidates, 0.99)));
  }
  std::printf("| alerting hits found, dev (%ld queries) | %ld / %ld | 100 %% |\n", static_cast<long>(dev_c.queries),
              static_cast<long>(dev_c.alerting_hits - dev_c.missed), static_cast<long>(dev_c.alerting_hits));
  std::printf("| alerting hits found, generated (%ld queries) | %ld / %ld | >= 99.9 %% |\n", static_cast<long>(gen_c.queries),
              static_cast<long>(gen_c.alerting_hits - gen_c.missed), static_cast<long>(gen_c.alerting_hits));
  std::printf("| speed ratio indexed / exhaustive | %.0fx | |\n", exh_s / idx_s);
  const bool failed = dev_c.missed > 0 || differ > 0;
  return failed ? 3 : 0;
}

int RunSynthetic(const Flags& flags) {
  std::printf("partyscreen scale benchmark: synthetic lists (bench/synthetic_list.h), %s queries per size, 1 thread%s\n",
              Thousands(static_cast<int64_t>(flags.synthetic_queries)).c_str(),
#ifdef NDEBUG
              ""
#else
              " (assertions on: not an optimised build)"
#endif
  );
  auto lists = ReadBundledLists(absl::StrCat(PARTYSCREEN_SOURCE_DIR, "/data/lists"));
  if (!lists.ok()) {
    std::fprintf(stderr, "screen_harness: %s\n", lists.status().ToString().c_str());
    return 1;
  }
  NegativeNames negatives;
  if (auto n = ReadNegativeNames(flags.shared); n.ok()) negatives = *std::move(n);
  NameParts parts = CollectNameParts(*lists, negatives);
  std::printf("name parts: %s given, %s family, %s organisation words\n",
              Thousands(static_cast<int64_t>(parts.given.size())).c_str(),
              Thousands(static_cast<int64_t>(parts.family.size())).c_str(),
              Thousands(static_cast<int64_t>(parts.org_words.size())).c_str());
  lists->clear();
  lists = std::vector<v1::EntityList>();
  malloc_trim(0);  // so that the RSS deltas below start from what is in use
  std::printf("\n| names | entities | generate | build | memory (RSS delta) | snapshot: size, load, RSS loaded | queries/s | p50 | p99 | candidates mean / p99 | errors |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (int64_t n : flags.synthetic) {
    malloc_trim(0);
    const int64_t rss0 = ProcStatusKb("VmRSS");
    auto t0 = Clock::now();
    v1::EntityList list = MakeSyntheticList(parts, n, flags.seed + 6);
    double gen_s = Seconds(t0, Clock::now());
    // Queries: variants of the synthetic names plus unlisted names.
    std::vector<v1::EntityList> one_list;
    one_list.push_back(list);
    std::vector<MixQuery> mix = GenerateQueries(one_list, negatives, flags.synthetic_queries, flags.seed);
    one_list.clear();
    const int64_t entities = list.entities_size();
    const int64_t rss1 = ProcStatusKb("VmRSS");
    t0 = Clock::now();
    IndexBuilder builder;
    if (auto s = builder.AddList(std::move(list)); !s.ok()) {
      std::fprintf(stderr, "screen_harness: %s\n", s.ToString().c_str());
      return 1;
    }
    list = v1::EntityList();
    auto index = std::move(builder).Build();
    double build_s = Seconds(t0, Clock::now());
    if (!index.ok()) {
      std::fprintf(stderr, "screen_harness: %s\n", index.status().ToString().c_str());
      return 1;
    }
    const int64_t rss2 = ProcStatusKb("VmRSS");
    // What a deployment holds: the snapshot loaded in a fresh process.
    std::string snapshot_cell = "-";
    {
      const std::string path = absl::StrCat(P_tmpdir, "/partyscreen_scale_", getpid(), ".snapshot");
      if (auto s = (*index)->Save(path); !s.ok()) {
        std::fprintf(stderr, "screen_harness: %s\n", s.ToString().c_str());
        return 1;
      }
      struct stat st;
      const double size_mb = stat(path.c_str(), &st) == 0 ? static_cast<double>(st.st_size) / 1e6 : 0;
      auto probe = ProbeRss(path);
      std::remove(path.c_str());
      if (!probe.ok()) {
        std::fprintf(stderr, "screen_harness: %s\n", probe.status().ToString().c_str());
        return 1;
      }
      snapshot_cell = absl::StrFormat("%.0f MB, %.0f ms, %.0f MB", size_mb, std::get<0>(*probe) * 1e3,
                                      static_cast<double>(std::get<2>(*probe)) / 1024.0);
    }
    auto screener = Screener::Create(*index);
    if (!screener.ok()) return 1;
    std::vector<Query> queries;
    for (auto& m : mix) queries.push_back(std::move(m.query));
    std::vector<Query> warm(queries.begin(), queries.begin() + static_cast<long>(std::min<size_t>(1000, queries.size())));
    (void)RunSingleThread(**screener, warm, TimingOptions(), false);
    SingleThreadRun run = RunSingleThread(**screener, queries, TimingOptions(), false);
    double cand_mean = 0;
    for (int64_t c : run.candidates) cand_mean += static_cast<double>(c);
    cand_mean /= std::max<size_t>(1, run.candidates.size());
    std::printf("| %s | %s | %.2f s | %.2f s | %.0f MB (lists %.0f + index %.0f) | %s | %.0f | %.0f us | %.0f us | %.0f / %ld | %s |\n",
                Thousands(n).c_str(), Thousands(entities).c_str(), gen_s, build_s, Mb(rss2 - rss0), Mb(rss1 - rss0),
                Mb(rss2 - rss1), snapshot_cell.c_str(), static_cast<double>(queries.size()) / run.seconds, Quantile(run.latency_us, 0.5),
                Quantile(run.latency_us, 0.99), cand_mean, static_cast<long>(Quantile(run.candidates, 0.99)),
                ErrorSummary(run.errors).c_str());
    std::fflush(stdout);
  }
  std::printf("\nmemory: VmRSS before generating the list vs after building its index (\"lists\": the generated\n"
              "EntityList protos and queries, which the index keeps; \"index\": what building added).\n"
              "snapshot: the index saved, then loaded in a fresh process (--rss-probe) that screens 5 queries:\n"
              "file size, Index::Load time, VmRSS after (what a deployment that loads the snapshot holds).\n");
  return 0;
}

}  // namespace
}  // namespace partyscreen::bench

int main(int argc, char** argv) {
  using namespace partyscreen::bench;  // NOLINT
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress is visible through a pipe
  Flags flags = ParseFlags(argc, argv);
  if (!flags.rss_probe.empty()) return RssProbe(flags.rss_probe);
  if (!flags.synthetic.empty()) return RunSynthetic(flags);
  return RunBundled(flags);
}
