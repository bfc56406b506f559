// partyscreen screen: screen a counterparty CSV; partyscreen explain: one name.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "lib/util/file.h"
#include "partyscreen/screener.h"
#include "tools/partyscreen/commands.h"
#include "tools/partyscreen/input.h"
#include "tools/partyscreen/load.h"
#include "tools/partyscreen/thread_pool.h"

namespace partyscreen::cli {
namespace {

absl::StatusOr<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return data;
  }
  return internal::ReadFileToString(path);
}

absl::StatusOr<ScreenOptions> ScreenOptionsFromArgs(const Args& args) {
  ScreenOptions o;
  auto min = args.GetDouble("min-score", kDefaultAlertThreshold);
  if (!min.ok()) return min.status();
  if (*min < 0 || *min > 1) return absl::InvalidArgumentError("--min-score must be in [0, 1]");
  o.min_score = *min;
  auto limit = args.GetInt("limit", 10);
  if (!limit.ok()) return limit.status();
  if (*limit < 0) return absl::InvalidArgumentError("--limit must be >= 0");
  o.limit = static_cast<int>(*limit);
  o.lists = args.GetAll("only-list");
  o.source_lists = args.GetAll("source-list");
  o.explain = !args.Has("no-explanations");
  return o;
}

int RunScreen(const Args& args) {
  if (!args.Has("input")) return Fail("screen needs --input FILE (or - for standard input)");
  std::string format = args.Get("format", "jsonl");
  if (format != "jsonl" && format != "csv" && format != "text") return Fail("--format must be jsonl, csv or text");
  auto options = ScreenOptionsFromArgs(args);
  if (!options.ok()) return Fail(std::string(options.status().message()));
  auto threads = args.GetInt("threads", std::max(1u, std::thread::hardware_concurrency()));
  if (!threads.ok() || *threads < 1) return Fail("--threads must be a positive integer");
  InputColumns columns;
  columns.name = args.Get("name-column", "name");
  columns.id = args.Get("id-column", "id");

  auto input_bytes = ReadInput(args.Get("input"));
  if (!input_bytes.ok()) return Fail(std::string(input_bytes.status().message()));
  std::string label = args.Get("input") == "-" ? "<stdin>" : args.Get("input");
  auto table = ParseInputCsv(label, *input_bytes, columns);
  if (!table.ok()) return Fail(std::string(table.status().message()));

  auto index = LoadIndexFromArgs(args);
  if (!index.ok()) return Fail(std::string(index.status().message()));
  auto screener = Screener::Create(*index);
  if (!screener.ok()) return Fail(std::string(screener.status().message()));

  std::vector<Query> queries;
  queries.reserve(table->rows.size());
  for (const auto& r : table->rows) queries.push_back(r.query);
  ThreadPool pool(static_cast<int>(*threads));
  BatchOptions batch;
  batch.executor = *threads > 1 ? &pool : nullptr;
  auto start = std::chrono::steady_clock::now();
  auto results = (*screener)->ScreenBatch(queries, *options, batch);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::string out;
  int64_t alert_rows = 0, alerts = 0;
  std::map<std::string, int64_t> by_list, by_source;
  if (format == "csv") {
    std::vector<std::string> head = {"row_id"};
    for (const auto& h : table->header) head.push_back("input_" + h);
    for (const char* c : {"hit_rank", "list", "entity_id", "name", "matched_name", "score", "kind", "programs", "source_lists"}) head.push_back(c);
    std::vector<std::string> cells;
    for (const auto& h : head) cells.push_back(CsvCell(h));
    absl::StrAppend(&out, absl::StrJoin(cells, ","), "\n");
  }
  for (size_t i = 0; i < results.size(); ++i) {
    const InputRow& row = table->rows[i];
    if (!results[i].ok()) {
      return Fail(absl::StrCat(label, ":", row.line, ": ", results[i].status().message()));
    }
    const ScreenResult& r = *results[i];
    if (!r.hits.empty()) alert_rows++;
    for (const auto& h : r.hits) {
      alerts++;
      by_list[h.list_id]++;
      for (const auto& s : h.source_lists) by_source[s]++;
    }
    if (format == "jsonl") {
      absl::StrAppend(&out, ResultToJson(row.id, r, options->explain), "\n");
    } else if (format == "csv") {
      auto emit = [&](const Hit* h, int rank) {
        std::vector<std::string> cells = {CsvCell(row.id)};
        for (const auto& c : row.cells) cells.push_back(CsvCell(c));
        if (h == nullptr) {
          for (int k = 0; k < 9; ++k) cells.push_back("");
        } else {
          cells.push_back(absl::StrCat(rank));
          cells.push_back(CsvCell(h->list_id));
          cells.push_back(CsvCell(h->entity_id));
          cells.push_back(CsvCell(h->name));
          cells.push_back(CsvCell(h->matched_name));
          cells.push_back(absl::StrFormat("%.4f", h->score));
          cells.push_back(std::string(EntityKindName(h->kind)));
          cells.push_back(CsvCell(absl::StrJoin(h->programs, ";")));
          cells.push_back(CsvCell(absl::StrJoin(h->source_lists, ";")));
        }
        absl::StrAppend(&out, absl::StrJoin(cells, ","), "\n");
      };
      if (r.hits.empty()) emit(nullptr, 0);
      for (size_t k = 0; k < r.hits.size(); ++k) emit(&r.hits[k], static_cast<int>(k + 1));
    } else if (!r.hits.empty()) {
      absl::StrAppend(&out, "row ", row.id, " (line ", row.line, "): ", row.query.name, "\n");
      for (const auto& h : r.hits) absl::StrAppend(&out, FormatExplanation(h));
      out += "\n";
    }
  }
  std::string dest = args.Get("output", "-");
  if (dest == "-") {
    if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
      return Fail("writing the output to standard output failed (disk full or closed pipe?)");
    }
  } else if (auto s = internal::AtomicWriteFile(dest, out); !s.ok()) {
    return Fail(std::string(s.message()));
  }
  std::fprintf(stderr, "screened %zu rows in %.2f s (%.0f rows/s); %lld rows with alerts, %lld alerts (min score %.2f)\n",
               results.size(), secs, secs > 0 ? results.size() / secs : 0.0, static_cast<long long>(alert_rows),
               static_cast<long long>(alerts), options->min_score);
  for (const auto& [l, n] : by_list) std::fprintf(stderr, "  alerts in %-14s %lld\n", l.c_str(), static_cast<long long>(n));
  for (const auto& [l, n] : by_source) std::fprintf(stderr, "    source list %s: %lld\n", l.c_str(), static_cast<long long>(n));
  return alerts > 0 ? 1 : 0;
}

int RunExplain(const Args& args) {
  if (args.positionals().size() != 1) return Fail("explain needs exactly one NAME argument (quote it)");
  auto options = ScreenOptionsFromArgs(args);
  if (!options.ok()) return Fail(std::string(options.status().message()));
  if (!args.Has("min-score")) options->min_score = 0.5;
  if (!args.Has("limit")) options->limit = 5;
  options->explain = true;
  Query q;
  q.name = args.positionals()[0];
  auto kind = ParsePartyKind(args.Get("kind"));
  if (!kind.ok()) return Fail(std::string(kind.status().message()));
  q.kind = *kind;
  q.country = args.Get("country");
  q.date_of_birth = args.Get("dob");
  auto index = LoadIndexFromArgs(args);
  if (!index.ok()) return Fail(std::string(index.status().message()));
  auto screener = Screener::Create(*index);
  if (!screener.ok()) return Fail(std::string(screener.status().message()));
  auto r = (*screener)->Screen(q, *options);
  if (!r.ok()) return Fail(std::string(r.status().message()));
  if (r->hits.empty()) std::printf("no hits at or above %.2f\n", options->min_score);
  bool alert = false;
  for (const auto& h : r->hits) {
    std::fputs(FormatExplanation(h).c_str(), stdout);
    std::fputs("\n", stdout);
    alert |= h.score >= kDefaultAlertThreshold;
  }
  return alert ? 1 : 0;
}

std::vector<FlagSpec> ScreenFlags() {
  auto flags = ListFlags();
  for (FlagSpec f : std::vector<FlagSpec>{
           {"min-score", "X", absl::StrFormat("report hits scoring at least X (default: the alert threshold %.2f)", kDefaultAlertThreshold), false},
           {"limit", "N", "at most N hits per row (default 10; 0 = no limit)", false},
           {"only-list", "ID", "only hits from this list id", true},
           {"source-list", "TEXT", "only hits listed on a source list containing TEXT, e.g. \"Entity List\"", true},
           {"no-explanations", "", "leave explanations out of the output", false}}) {
    flags.push_back(f);
  }
  return flags;
}

}  // namespace

Command ScreenCommand() {
  auto flags = ScreenFlags();
  for (FlagSpec f : std::vector<FlagSpec>{
           {"input", "FILE", "counterparty CSV with a header (columns name, id, kind, country, date_of_birth, identifiers); - = stdin", false},
           {"output", "FILE", "where to write results (default -: standard output); written atomically", false},
           {"format", "FMT", "jsonl (default), csv or text", false},
           {"name-column", "COL", "the column holding names (default name)", false},
           {"id-column", "COL", "the column holding row ids (default id; else the line number)", false},
           {"threads", "N", "worker threads (default: all cores)", false}}) {
    flags.push_back(f);
  }
  CommandSpec spec{"screen", "screen [--list SPEC]... [--snapshot FILE] --input FILE|- [--output FILE|-] [--format jsonl|csv|text] [--min-score X] [--limit N]",
                   "Screens every row of a counterparty CSV against the lists. Exit code 0: no alerts, 1: alerts, 2: error.",
                   flags, ""};
  return {spec, &RunScreen};
}

Command ExplainCommand() {
  auto flags = ScreenFlags();
  flags.push_back({"kind", "KIND", "person, organization, vessel or aircraft", false});
  flags.push_back({"country", "CC", "ISO country code or name", false});
  flags.push_back({"dob", "DATE", "date of birth: YYYY, YYYY-MM or YYYY-MM-DD", false});
  CommandSpec spec{"explain", "explain \"NAME\" [--kind KIND] [--country CC] [--dob DATE] [--list SPEC]...",
                   "Prints the top hits for one name with the explanation of each score (min score 0.5, 5 hits by default).",
                   flags, "NAME"};
  return {spec, &RunExplain};
}

}  // namespace partyscreen::cli
