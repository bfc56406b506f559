// partyscreen rescreen: screen a vendor file only against what changed
// between two versions of the lists.
#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "lib/audit/rescreen.h"
#include "lib/util/json.h"
#include "partyscreen/audit.h"
#include "partyscreen/screener.h"
#include "tools/partyscreen/commands.h"
#include "tools/partyscreen/input.h"
#include "tools/partyscreen/report_html.h"
#include "tools/partyscreen/thread_pool.h"

namespace partyscreen::cli {
namespace {

using internal::RescreenHit;

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

absl::StatusOr<std::shared_ptr<const Index>> BuildIndex(std::vector<v1::EntityList> lists) {
  IndexBuilder b;
  for (auto& l : lists) {
    if (auto s = b.AddList(std::move(l)); !s.ok()) return s;
  }
  return std::move(b).Build();
}

std::string HitJson(const InputRow& row, const RescreenHit& h) {
  std::string j = "{\"id\": ";
  internal::AppendJsonString(row.id, &j);
  absl::StrAppend(&j, ", \"line\": ", row.line, ", \"result\": \"", internal::RescreenKindName(h.kind),
                  "\", \"entity_change\": \"", ChangeTypeName(h.change), "\", \"list\": ");
  internal::AppendJsonString(h.list_id, &j);
  j += ", \"entity_id\": ";
  internal::AppendJsonString(h.entity_id, &j);
  j += ", \"name\": ";
  internal::AppendJsonString(h.name, &j);
  if (h.old_score >= 0) absl::StrAppend(&j, ", \"old_score\": ", internal::JsonScore(h.old_score));
  if (h.new_score >= 0) absl::StrAppend(&j, ", \"new_score\": ", internal::JsonScore(h.new_score));
  j += ", \"changed_fields\": [";
  if (h.entity_change != nullptr) {
    for (size_t i = 0; i < h.entity_change->fields.size(); ++i) {
      if (i) j += ", ";
      internal::AppendJsonString(h.entity_change->fields[i].field, &j);
    }
  }
  j += "]}\n";
  return j;
}

int RunRescreen(const Args& args);

std::vector<FlagSpec> RescreenFlags() {
  return {{"input", "FILE", "counterparty CSV (as for screen)", false},
          {"from", "OLD", "the old lists: list spec, snapshot, or LIST@DATE of --history", true},
          {"to", "NEW", "the new lists (same forms; one per --from, same list ids)", true},
          {"history", "DIR", "the history that LIST@DATE arguments refer to", false},
          {"format", "FMT", "text (default) or jsonl (first line {\"run\": ...})", false},
          {"output", "FILE", "where to write (default -)", false},
          {"min-score", "X", "alert threshold (default: the calibrated threshold)", false},
          {"name-column", "COL", "the column holding names (default name)", false},
          {"id-column", "COL", "the column holding row ids (default id)", false},
          {"threads", "N", "worker threads (default: all cores)", false},
          {"compare-full", "", "also screen fully against both versions, compare, and print both timings", false},
          {"lenient", "", "skip malformed list rows (each one is reported)", false},
          {"date", "YYYY-MM-DD", "publication date of list files that state none", false}};
}

int RunRescreen(const Args& args) {
  if (!args.Has("input") || !args.Has("from") || !args.Has("to")) return Fail("rescreen needs --input, --from and --to");
  std::string format = args.Get("format", "text");
  if (format != "text" && format != "jsonl") return Fail("--format must be text or jsonl");
  auto min = args.GetDouble("min-score", kDefaultAlertThreshold);
  if (!min.ok() || *min < 0 || *min > 1) return Fail("--min-score must be in [0, 1]");
  auto threads = args.GetInt("threads", std::max(1u, std::thread::hardware_concurrency()));
  if (!threads.ok() || *threads < 1) return Fail("--threads must be a positive integer");
  auto t0 = std::chrono::steady_clock::now();
  std::vector<v1::EntityList> old_lists, new_lists;
  for (const auto& a : args.GetAll("from")) {
    auto l = ResolveVersionArg(a, args);
    if (!l.ok()) return Fail(std::string(l.status().message()));
    for (auto& x : *l) old_lists.push_back(std::move(x));
  }
  for (const auto& a : args.GetAll("to")) {
    auto l = ResolveVersionArg(a, args);
    if (!l.ok()) return Fail(std::string(l.status().message()));
    for (auto& x : *l) new_lists.push_back(std::move(x));
  }
  auto old_index = BuildIndex(old_lists);
  if (!old_index.ok()) return Fail(std::string(old_index.status().message()));
  auto new_index = BuildIndex(new_lists);
  if (!new_index.ok()) return Fail(std::string(new_index.status().message()));
  double load_secs = Since(t0);
  std::vector<ListDiff> diffs;
  for (const auto& n : (*new_index)->lists()) {
    const v1::EntityList* o = nullptr;
    for (const auto& l : (*old_index)->lists()) if (l.source().list_id() == n.source().list_id()) o = &l;
    if (o == nullptr) return Fail(absl::StrCat("list ", n.source().list_id(), " of --to is not in --from"));
    auto d = DiffLists(*o, n);
    if (!d.ok()) return Fail(std::string(d.status().message()));
    diffs.push_back(*std::move(d));
  }
  auto old_screener = Screener::Create(*old_index);
  auto new_screener = Screener::Create(*new_index);
  if (!old_screener.ok() || !new_screener.ok()) return Fail("cannot create screeners");
  InputColumns columns;
  columns.name = args.Get("name-column", "name");
  columns.id = args.Get("id-column", "id");
  auto input = InputStream::Open(args.Get("input"), columns);
  if (!input.ok()) return Fail(std::string(input.status().message()));
  auto sink = OutputSink::Open(args.Get("output", "-"));
  if (!sink.ok()) return Fail(std::string(sink.status().message()));

  RunRecord record;
  record.command = "rescreen";
  record.library_version = std::string(LibraryVersion());
  record.options = RecordedOptions(args, RescreenFlags());
  record.index_fingerprint = (*new_index)->info().fingerprint;
  record.lists = (*new_index)->info().lists;
  record.input_path = args.Get("input");
  if (record.input_path != "-") record.input_sha256 = FileSha256(record.input_path);
  record.extra.push_back({"from_index_fingerprint", (*old_index)->info().fingerprint});
  for (const auto& d : diffs) {
    record.extra.push_back({absl::StrCat("diff.", d.list_id),
                            absl::StrFormat("added %d, removed %d, changed %d", d.added, d.removed, d.changed)});
  }
  record.time = UtcNow();
  if (format == "jsonl") {
    if (auto s = (*sink)->Write(absl::StrCat("{\"run\": ", RunRecordToJson(record), "}\n")); !s.ok()) {
      return Fail(std::string(s.message()));
    }
  }
  ThreadPool pool(static_cast<int>(*threads));
  BatchOptions batch;
  batch.executor = *threads > 1 ? &pool : nullptr;
  internal::RescreenOptions ro;
  ro.screen.min_score = *min;
  ro.screen.explain = false;
  std::map<std::string, int64_t> counts;
  double rescreen_secs = 0, full_secs = 0;
  int64_t rows = 0, prefiltered = 0, mismatched_rows = 0;
  std::vector<InputRow> chunk;
  while (true) {
    if (auto s = (*input)->ReadChunk(4096, &chunk); !s.ok()) return Fail(std::string(s.message()));
    if (chunk.empty()) break;
    std::vector<Query> queries;
    for (const auto& r : chunk) queries.push_back(r.query);
    auto t = std::chrono::steady_clock::now();
    internal::RescreenStats stats;
    auto res = internal::Rescreen(queries, **old_screener, **new_screener, diffs, ro, batch, &stats);
    rescreen_secs += Since(t);
    if (!res.ok()) return Fail(std::string(res.status().message()));
    rows += stats.rows;
    prefiltered += stats.prefiltered_rows;
    if (args.Has("compare-full")) {
      t = std::chrono::steady_clock::now();
      auto full = internal::CompareFullScreenings(queries, **old_screener, **new_screener, diffs, ro, batch);
      full_secs += Since(t);
      if (!full.ok()) return Fail(std::string(full.status().message()));
      for (size_t i = 0; i < queries.size(); ++i) {
        const auto& a = (*res)[i];
        const auto& b = (*full)[i];
        bool same = a.size() == b.size();
        for (size_t k = 0; same && k < a.size(); ++k) {
          same = a[k].kind == b[k].kind && a[k].entity_id == b[k].entity_id && a[k].list_id == b[k].list_id;
        }
        if (!same) ++mismatched_rows;
      }
    }
    std::string out;
    for (size_t i = 0; i < chunk.size(); ++i) {
      for (const auto& h : (*res)[i]) {
        counts[std::string(internal::RescreenKindName(h.kind))]++;
        if (format == "jsonl") {
          out += HitJson(chunk[i], h);
        } else {
          absl::StrAppendFormat(&out, "%-15s row %s (line %d): %s -> %s/%s %s (entity %s; old %s, new %s)\n",
                                internal::RescreenKindName(h.kind), chunk[i].id, chunk[i].line, chunk[i].query.name,
                                h.list_id, h.entity_id, h.name, ChangeTypeName(h.change),
                                h.old_score >= 0 ? absl::StrFormat("%.3f", h.old_score) : "-",
                                h.new_score >= 0 ? absl::StrFormat("%.3f", h.new_score) : "-");
        }
      }
    }
    if (auto s = (*sink)->Write(out); !s.ok()) return Fail(std::string(s.message()));
  }
  if (auto s = (*sink)->Commit(); !s.ok()) return Fail(std::string(s.message()));
  std::fprintf(stderr, "rescreened %lld rows against the changes (", static_cast<long long>(rows));
  for (size_t i = 0; i < diffs.size(); ++i) {
    std::fprintf(stderr, "%s%s: +%lld -%lld ~%lld", i ? "; " : "", diffs[i].list_id.c_str(),
                 static_cast<long long>(diffs[i].added), static_cast<long long>(diffs[i].removed),
                 static_cast<long long>(diffs[i].changed));
  }
  std::fprintf(stderr, ") in %.2f s (lists loaded in %.2f s); %lld rows confirmed on the full lists; new alerts %lld, gone %lld, listing changed %lld\n",
               rescreen_secs, load_secs, static_cast<long long>(prefiltered), static_cast<long long>(counts["new_alert"]),
               static_cast<long long>(counts["alert_gone"]), static_cast<long long>(counts["listing_changed"]));
  if (args.Has("compare-full")) {
    std::fprintf(stderr, "full screening of both versions: %.2f s (rescreen %.1fx faster); rows differing from the full comparison: %lld\n",
                 full_secs, rescreen_secs > 0 ? full_secs / rescreen_secs : 0.0, static_cast<long long>(mismatched_rows));
    if (mismatched_rows > 0) return Fail("rescreen differs from the full comparison");
  }
  return counts["new_alert"] + counts["listing_changed"] > 0 ? 1 : 0;
}

}  // namespace

Command RescreenCommand() {
  CommandSpec spec{"rescreen",
                   "rescreen --input FILE --from OLD --to NEW [--history DIR] [--format text|jsonl] [--compare-full]",
                   "Screens a counterparty file only against what changed between two list versions and reports new "
                   "alerts, alerts gone (delisting) and alerts whose listing changed. Exit 0: nothing new, 1: new or "
                   "changed alerts, 2: error.",
                   RescreenFlags(), ""};
  return {spec, &RunRescreen};
}

}  // namespace partyscreen::cli
