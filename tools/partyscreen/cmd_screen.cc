// partyscreen screen: the batch workhorse (streaming, run record, report,
// --as-of, --decisions); partyscreen explain: one name.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "lib/util/file.h"
#include "lib/util/json.h"
#include "lib/util/sha256.h"
#include "partyscreen/audit.h"
#include "partyscreen/screener.h"
#include "tools/partyscreen/commands.h"
#include "tools/partyscreen/input.h"
#include "tools/partyscreen/load.h"
#include "tools/partyscreen/report_html.h"
#include "tools/partyscreen/thread_pool.h"

namespace partyscreen::cli {

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

absl::StatusOr<ScreeningSetup> LoadScreening(const Args& args, bool need_spans) {
  ScreeningSetup setup;
  if (!args.Has("history")) {
    auto index = LoadIndexFromArgs(args);
    if (!index.ok()) return index.status();
    setup.index = *std::move(index);
    return setup;
  }
  auto history = History::Open(args.Get("history"));
  if (!history.ok()) return history.status();
  auto lists = history->UnionLists();
  if (!lists.ok()) return lists.status();
  std::set<std::string> ids;
  for (const auto& l : *lists) ids.insert(l.source().list_id());
  std::vector<v1::EntityList> others;
  if (args.Has("snapshot")) {
    auto snap = Index::Load(args.Get("snapshot"));
    if (!snap.ok()) return snap.status();
    others = (*snap)->lists();
  } else if (args.Has("list")) {
    auto read = ReadListsFromArgs(args);
    if (!read.ok()) return read.status();
    others = *std::move(read);
  }
  IndexBuilder builder;
  for (auto& l : *lists) {
    if (auto s = builder.AddList(std::move(l)); !s.ok()) return s;
  }
  for (auto& l : others) {
    if (ids.count(l.source().list_id())) continue;  // the history stands for that list
    if (auto s = builder.AddList(std::move(l)); !s.ok()) return s;
  }
  auto index = std::move(builder).Build();
  if (!index.ok()) return index.status();
  setup.index = *std::move(index);
  if (need_spans) {
    auto spans = history->Spans();
    if (!spans.ok()) return spans.status();
    setup.spans = std::make_unique<ListingSpans>(*std::move(spans));
  }
  std::vector<std::string> desc;
  for (const auto& v : history->versions()) desc.push_back(absl::StrCat(v.list_id, "@", v.date));
  setup.history_dir = history->dir();
  setup.history_versions = absl::StrJoin(desc, " ");
  return setup;
}

std::vector<std::pair<std::string, std::string>> RecordedOptions(const Args& args, const std::vector<FlagSpec>& flags) {
  static const std::set<std::string> kSkip = {"output", "report", "threads", "run-record", "input", "transactions"};
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : flags) {
    if (kSkip.count(f.name) || !args.Has(f.name)) continue;
    out.emplace_back(f.name, absl::StrJoin(args.GetAll(f.name), " | "));
  }
  return out;
}

void PrintProgress(int64_t rows, double secs, int64_t alerts, int64_t bytes, int64_t total, bool final) {
  double rate = secs > 0 ? rows / secs : 0;
  std::string eta;
  if (total > 0 && bytes > 0 && bytes < total && secs > 0) {
    double left = secs * (static_cast<double>(total - bytes) / static_cast<double>(bytes));
    eta = absl::StrFormat(", about %d:%02d left", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
  }
  std::fprintf(stderr, "\r%lld rows, %.0f rows/s, %lld alerts%s\033[K%s", static_cast<long long>(rows), rate,
               static_cast<long long>(alerts), eta.c_str(), final ? "\n" : "");
  std::fflush(stderr);
}

std::string FileSha256(const std::string& path) {
  // Streamed in blocks: a vendor file of ten million rows is never held in
  // memory (reading it whole doubled the peak resident memory of a screen).
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return "";
  internal::Sha256 sha;
  std::vector<char> block(1 << 20);
  size_t n;
  while ((n = std::fread(block.data(), 1, block.size(), f)) > 0) sha.Update(absl::string_view(block.data(), n));
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  return failed ? "" : sha.FinishHex();
}

namespace {

// One hit with what the run decided about it.
struct AnnotatedHit {
  const Hit* hit = nullptr;
  std::string status;   // "alert", "suppressed", "stale", "escalated"
  std::string listing;  // with --as-of: DescribeListing
  DecisionCheck check;
};

std::string ChangedFieldNames(const std::vector<FieldChange>& changes) {
  std::vector<std::string> names;
  for (const auto& c : changes) names.push_back(c.field);
  return absl::StrJoin(names, ", ");
}

std::string DecisionNote(const AnnotatedHit& a) {
  if (a.check.decision == nullptr) return "";
  const Decision& d = *a.check.decision;
  switch (a.check.state) {
    case DecisionCheck::State::kSuppressed:
      return absl::StrCat("cleared by ", d.reviewer, " on ", d.date, ": ", d.reason);
    case DecisionCheck::State::kStale:
      return absl::StrCat("earlier decision is stale (cleared by ", d.reviewer, " on ", d.date,
                          "); changed since: ", a.check.changes.empty() ? "record changed" : ChangedFieldNames(a.check.changes));
    case DecisionCheck::State::kEscalated:
      return absl::StrCat("escalated by ", d.reviewer, " on ", d.date, ": ", d.reason);
    default:
      return "";
  }
}

int RunScreen(const Args& args);
std::vector<FlagSpec> ScreenFlags();
std::vector<FlagSpec> ScreenCommandFlags();

int RunScreen(const Args& args) {
  if (!args.Has("input")) return Fail("screen needs --input FILE (or - for standard input)");
  std::string format = args.Get("format", "jsonl");
  if (format != "jsonl" && format != "csv" && format != "text") return Fail("--format must be jsonl, csv or text");
  auto options = ScreenOptionsFromArgs(args);
  if (!options.ok()) return Fail(std::string(options.status().message()));
  auto threads = args.GetInt("threads", std::max(1u, std::thread::hardware_concurrency()));
  if (!threads.ok() || *threads < 1) return Fail("--threads must be a positive integer");
  absl::optional<absl::CivilDay> as_of;
  if (args.Has("as-of")) {
    auto d = ParseDay(args.Get("as-of"));
    if (!d.ok()) return Fail(absl::StrCat("--as-of: ", d.status().message()));
    as_of = *d;
  }
  std::unique_ptr<DecisionBook> book;
  std::string decisions_sha;
  if (args.Has("decisions")) {
    auto decisions = ReadDecisions(args.Get("decisions"));
    if (!decisions.ok()) return Fail(std::string(decisions.status().message()));
    book = std::make_unique<DecisionBook>(*std::move(decisions));
    decisions_sha = FileSha256(args.Get("decisions"));
  }
  InputColumns columns;
  columns.name = args.Get("name-column", "name");
  columns.id = args.Get("id-column", "id");
  const std::string input_path = args.Get("input");
  auto input = InputStream::Open(input_path, columns);
  if (!input.ok()) return Fail(std::string(input.status().message()));
  const std::string label = (*input)->csv().label();

  auto setup = LoadScreening(args, as_of.has_value());
  if (!setup.ok()) return Fail(std::string(setup.status().message()));
  auto screener = Screener::Create(setup->index);
  if (!screener.ok()) return Fail(std::string(screener.status().message()));

  // The run record (counts are filled at the end: the sidecar and the
  // report carry them; the JSONL stream ends with a summary line).
  RunRecord record;
  record.command = "screen";
  record.library_version = std::string(LibraryVersion());
  record.options = RecordedOptions(args, ScreenCommandFlags());
  record.index_fingerprint = setup->index->info().fingerprint;
  record.lists = setup->index->info().lists;
  record.input_path = input_path;
  if (input_path != "-") record.input_sha256 = FileSha256(input_path);
  record.as_of = as_of ? FormatDay(*as_of) : "";
  record.decisions_sha256 = decisions_sha;
  if (!setup->history_dir.empty()) record.extra.push_back({"history", setup->history_versions});
  record.time = UtcNow();

  const std::string dest = args.Get("output", "-");
  auto sink = OutputSink::Open(dest);
  if (!sink.ok()) return Fail(std::string(sink.status().message()));
  auto write = [&](absl::string_view s) { return (*sink)->Write(s); };
  absl::Status ws;
  if (format == "jsonl") {
    ws = write(absl::StrCat("{\"run\": ", RunRecordToJson(record), "}\n"));
  } else if (format == "csv") {
    std::vector<std::string> head = {"row_id"};
    for (const auto& h : (*input)->header()) head.push_back("input_" + h);
    for (const char* c : {"hit_rank", "list", "entity_id", "name", "matched_name", "score", "kind", "programs",
                          "source_lists", "status", "listing", "decision"}) {
      head.push_back(c);
    }
    std::vector<std::string> cells;
    for (const auto& h : head) cells.push_back(CsvCell(h));
    ws = write(absl::StrCat(absl::StrJoin(cells, ","), "\n"));
  } else {
    ws = write(absl::StrCat("# partyscreen screen ", record.time, ", index ", record.index_fingerprint.substr(0, 16),
                            as_of ? absl::StrCat(", as of ", record.as_of) : "", "\n"));
  }
  if (!ws.ok()) return Fail(std::string(ws.message()));

  ScreenOptions run_options = *options;
  if (as_of) run_options.limit = 0;  // filter first, then apply the limit
  ThreadPool pool(static_cast<int>(*threads));
  BatchOptions batch;
  batch.executor = *threads > 1 ? &pool : nullptr;
  const bool progress = ::isatty(STDERR_FILENO) && !args.Has("quiet");
  const bool want_report = args.Has("report");

  int64_t rows = 0, alert_rows = 0, alerts = 0, suppressed = 0, stale = 0, not_in_force = 0;
  std::map<std::string, int64_t> by_list, by_source;
  std::vector<ReportHit> report_hits;
  std::vector<InputRow> chunk;
  std::vector<Query> queries;
  auto start = std::chrono::steady_clock::now();
  auto last_progress = start;
  constexpr size_t kChunk = 4096;
  while (true) {
    if (auto s = (*input)->ReadChunk(kChunk, &chunk); !s.ok()) return Fail(std::string(s.message()));
    if (chunk.empty()) break;
    queries.clear();
    for (const auto& r : chunk) queries.push_back(r.query);
    auto results = (*screener)->ScreenBatch(queries, run_options, batch);
    std::string out;
    for (size_t i = 0; i < results.size(); ++i) {
      const InputRow& row = chunk[i];
      if (!results[i].ok()) return Fail(absl::StrCat(label, ":", row.line, ": ", results[i].status().message()));
      ScreenResult& r = *results[i];
      ++rows;
      std::vector<AnnotatedHit> annotated;
      std::vector<Hit> kept;
      for (Hit& h : r.hits) {
        AnnotatedHit a;
        if (as_of) {
          InForceResult f = InForce(*h.entity, *as_of, setup->spans.get());
          if (!f.in_force) {
            ++not_in_force;
            continue;
          }
          a.listing = DescribeListing(f);
        }
        if (options->limit > 0 && static_cast<int>(kept.size()) >= options->limit) break;
        kept.push_back(std::move(h));
        annotated.push_back(std::move(a));
      }
      r.hits = std::move(kept);
      const std::string key = (*input)->has_id_column() ? row.id : row.query.name;
      int row_alerts = 0;
      for (size_t k = 0; k < r.hits.size(); ++k) {
        AnnotatedHit& a = annotated[k];
        a.hit = &r.hits[k];
        a.status = "alert";
        if (book) {
          a.check = book->Check(key, *a.hit->entity);
          if (a.check.state == DecisionCheck::State::kSuppressed) a.status = "suppressed";
          if (a.check.state == DecisionCheck::State::kStale) a.status = "stale";
          if (a.check.state == DecisionCheck::State::kEscalated) a.status = "escalated";
        }
        if (a.status == "suppressed") {
          ++suppressed;
          continue;
        }
        if (a.status == "stale") ++stale;
        ++row_alerts;
        ++alerts;
        by_list[a.hit->list_id]++;
        for (const auto& s : a.hit->source_lists) by_source[s]++;
      }
      if (row_alerts > 0) ++alert_rows;
      if (want_report) {
        for (const auto& a : annotated) {
          ReportHit rh{row.id, row.query.name, a.hit->list_id, a.hit->entity_id, a.hit->name, a.hit->matched_name,
                       a.hit->score, absl::StrJoin(a.hit->source_lists, "; "), absl::StrJoin(a.hit->programs, "; "),
                       a.status, absl::StrJoin(std::vector<std::string>{a.listing, DecisionNote(a)}, " "),
                       FormatExplanation(*a.hit)};
          report_hits.push_back(std::move(rh));
        }
      }
      if (format == "jsonl") {
        std::string j = ResultToJson(row.id, r, options->explain);
        j.pop_back();  // the closing brace
        absl::StrAppend(&j, ", \"line\": ", row.line, ", \"alerts\": ", row_alerts, ", \"hit_status\": [");
        for (size_t k = 0; k < annotated.size(); ++k) {
          const AnnotatedHit& a = annotated[k];
          if (k) j += ", ";
          j += "{\"list\": ";
          internal::AppendJsonString(a.hit->list_id, &j);
          j += ", \"entity_id\": ";
          internal::AppendJsonString(a.hit->entity_id, &j);
          j += ", \"status\": ";
          internal::AppendJsonString(a.status, &j);
          if (!a.listing.empty()) {
            j += ", \"listing\": ";
            internal::AppendJsonString(a.listing, &j);
          }
          if (a.check.decision != nullptr) {
            j += ", \"decision\": ";
            j += DecisionToJson(*a.check.decision);
            j += ", \"note\": ";
            internal::AppendJsonString(DecisionNote(a), &j);
            if (a.check.state == DecisionCheck::State::kStale) {
              j += ", \"changed_fields\": [";
              for (size_t c = 0; c < a.check.changes.size(); ++c) {
                if (c) j += ", ";
                j += "{\"field\": ";
                internal::AppendJsonString(a.check.changes[c].field, &j);
                j += ", \"removed\": [";
                for (size_t v = 0; v < a.check.changes[c].removed.size(); ++v) {
                  if (v) j += ", ";
                  internal::AppendJsonString(a.check.changes[c].removed[v], &j);
                }
                j += "], \"added\": [";
                for (size_t v = 0; v < a.check.changes[c].added.size(); ++v) {
                  if (v) j += ", ";
                  internal::AppendJsonString(a.check.changes[c].added[v], &j);
                }
                j += "]}";
              }
              j += "]";
            }
          }
          j += "}";
        }
        j += "]}\n";
        out += j;
      } else if (format == "csv") {
        auto emit = [&](const AnnotatedHit* a, int rank) {
          std::vector<std::string> cells = {CsvCell(row.id)};
          for (const auto& c : row.cells) cells.push_back(CsvCell(c));
          if (a == nullptr) {
            for (int k = 0; k < 12; ++k) cells.push_back("");
          } else {
            const Hit* h = a->hit;
            cells.push_back(absl::StrCat(rank));
            cells.push_back(CsvCell(h->list_id));
            cells.push_back(CsvCell(h->entity_id));
            cells.push_back(CsvCell(h->name));
            cells.push_back(CsvCell(h->matched_name));
            cells.push_back(absl::StrFormat("%.4f", h->score));
            cells.push_back(std::string(EntityKindName(h->kind)));
            cells.push_back(CsvCell(absl::StrJoin(h->programs, ";")));
            cells.push_back(CsvCell(absl::StrJoin(h->source_lists, ";")));
            cells.push_back(CsvCell(a->status));
            cells.push_back(CsvCell(a->listing));
            cells.push_back(CsvCell(DecisionNote(*a)));
          }
          absl::StrAppend(&out, absl::StrJoin(cells, ","), "\n");
        };
        if (annotated.empty()) emit(nullptr, 0);
        for (size_t k = 0; k < annotated.size(); ++k) emit(&annotated[k], static_cast<int>(k + 1));
      } else if (!annotated.empty()) {
        absl::StrAppend(&out, "row ", row.id, " (line ", row.line, "): ", row.query.name, "\n");
        for (const auto& a : annotated) {
          absl::StrAppend(&out, "  [", a.status, "]", a.listing.empty() ? "" : absl::StrCat(" ", a.listing),
                          a.check.decision ? absl::StrCat(" ", DecisionNote(a)) : "", "\n");
          absl::StrAppend(&out, FormatExplanation(*a.hit));
        }
        out += "\n";
      }
    }
    if (auto s = write(out); !s.ok()) return Fail(std::string(s.message()));
    auto now = std::chrono::steady_clock::now();
    if (progress && now - last_progress > std::chrono::milliseconds(300)) {
      PrintProgress(rows, std::chrono::duration<double>(now - start).count(), alerts, (*input)->csv().bytes_read(),
                    (*input)->csv().total_bytes(), false);
      last_progress = now;
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (progress) PrintProgress(rows, secs, alerts, 1, 1, true);
  if (record.input_sha256.empty()) record.input_sha256 = (*input)->csv().Sha256Hex();
  record.counts = {{"rows", rows},         {"rows_with_alerts", alert_rows}, {"alerts", alerts},
                   {"suppressed", suppressed}, {"stale_decisions", stale},     {"hits_not_in_force", not_in_force}};
  for (const auto& [l, n] : by_list) record.counts.push_back({absl::StrCat("alerts.", l), n});
  if (format == "jsonl") {
    std::string summary = "{\"summary\": {";
    for (size_t i = 0; i < record.counts.size(); ++i) {
      if (i) summary += ", ";
      internal::AppendJsonString(record.counts[i].first, &summary);
      absl::StrAppend(&summary, ": ", record.counts[i].second);
    }
    summary += ", \"input_sha256\": ";
    internal::AppendJsonString(record.input_sha256, &summary);
    summary += "}}\n";
    if (auto s = write(summary); !s.ok()) return Fail(std::string(s.message()));
  }
  if (auto s = (*sink)->Commit(); !s.ok()) return Fail(std::string(s.message()));
  // The sidecar run record: --run-record FILE, or FILE.run.json beside a
  // CSV/text output file.
  std::string sidecar = args.Get("run-record");
  if (sidecar.empty() && dest != "-" && format != "jsonl") sidecar = dest + ".run.json";
  if (!sidecar.empty()) {
    if (auto s = internal::AtomicWriteFile(sidecar, absl::StrCat("{\"run\": ", RunRecordToJson(record), "}\n")); !s.ok()) {
      return Fail(std::string(s.message()));
    }
  }
  if (want_report) {
    std::vector<std::pair<std::string, int64_t>> summary = {
        {"rows screened", rows}, {"rows with alerts", alert_rows}, {"alerts", alerts},
        {"suppressed (cleared, unchanged)", suppressed}, {"stale decisions (alert again)", stale}};
    if (as_of) summary.push_back({"hits not in force on the as-of date (dropped)", not_in_force});
    std::vector<std::pair<std::string, int64_t>> chart;
    for (const auto& [l, n] : by_source) chart.push_back({l, n});
    if (chart.empty()) for (const auto& [l, n] : by_list) chart.push_back({l, n});
    std::string html = RenderHtmlReport("partyscreen screening report", record, summary, chart, report_hits);
    if (auto s = internal::AtomicWriteFile(args.Get("report"), html); !s.ok()) return Fail(std::string(s.message()));
  }
  std::fprintf(stderr, "screened %lld rows in %.2f s (%.0f rows/s); %lld rows with alerts, %lld alerts (min score %.2f)",
               static_cast<long long>(rows), secs, secs > 0 ? rows / secs : 0.0, static_cast<long long>(alert_rows),
               static_cast<long long>(alerts), options->min_score);
  if (book) std::fprintf(stderr, "; %lld suppressed, %lld stale decisions", static_cast<long long>(suppressed), static_cast<long long>(stale));
  if (as_of) std::fprintf(stderr, "; %lld hits not in force on %s", static_cast<long long>(not_in_force), record.as_of.c_str());
  std::fprintf(stderr, "\n");
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

std::vector<FlagSpec> ScreenCommandFlags() {
  auto flags = ScreenFlags();
  for (FlagSpec f : std::vector<FlagSpec>{
           {"input", "FILE", "counterparty CSV with a header (columns name, id, kind, country, date_of_birth, identifiers); - = stdin; read in chunks (memory does not grow with its length)", false},
           {"output", "FILE", "where to write results (default -: standard output); a file is written to a temporary name and renamed when complete", false},
           {"format", "FMT", "jsonl (default; first line {\"run\": ...}, last line {\"summary\": ...}), csv (cells neutralised against formula injection; run record in FILE.run.json) or text", false},
           {"name-column", "COL", "the column holding names (default name)", false},
           {"id-column", "COL", "the column holding row ids (default id; else the line number); also the counterparty key of --decisions", false},
           {"threads", "N", "worker threads (default: all cores)", false},
           {"report", "FILE.html", "also write a self-contained HTML report (run record, counts, chart, every hit with its explanation)", false},
           {"run-record", "FILE", "also write the run record (JSON) to FILE (default for csv/text output to a file: OUTPUT.run.json)", false},
           {"as-of", "YYYY-MM-DD", "screen against the listings in force on that day (listing dates of the lists; list history with --history)", false},
           {"history", "DIR", "a list history (partyscreen history add): screen its versions and date listings by first/last appearance", false},
           {"decisions", "FILE", "analyst decisions (JSONL, partyscreen decide): cleared hits on unchanged records are marked suppressed", false},
           {"quiet", "", "no progress line", false}}) {
    flags.push_back(f);
  }
  return flags;
}

}  // namespace

Command ScreenCommand() {
  CommandSpec spec{"screen",
                   "screen [--list SPEC]... [--snapshot FILE] --input FILE|- [--output FILE|-] [--format jsonl|csv|text] "
                   "[--report FILE.html] [--as-of DATE [--history DIR]] [--decisions FILE] [--min-score X] [--limit N]",
                   "Screens every row of a counterparty CSV against the lists, streaming. Exit code 0: no alerts, 1: alerts, "
                   "2: error (bad input, write failure).",
                   ScreenCommandFlags(), ""};
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
