// partyscreen audit: past transactions screened against the lists as they
// stood on each transaction's date.
#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "lib/util/file.h"
#include "lib/util/json.h"
#include "partyscreen/audit.h"
#include "partyscreen/screener.h"
#include "tools/partyscreen/commands.h"
#include "tools/partyscreen/input.h"
#include "tools/partyscreen/load.h"
#include "tools/partyscreen/report_html.h"
#include "tools/partyscreen/thread_pool.h"

namespace partyscreen::cli {
namespace {

// The finding for one hit on one transaction.
const char* Finding(ListingStatus s) {
  switch (s) {
    case ListingStatus::kInForce: return "potential_violation";
    case ListingStatus::kNotYetListed: return "listed_later";
    case ListingStatus::kNoLongerListed: return "delisted_before";
    case ListingStatus::kUndated: return "listing_date_unknown";
  }
  return "";
}

const char* FindingText(ListingStatus s) {
  switch (s) {
    case ListingStatus::kInForce: return "listed on the transaction date: potential violation";
    case ListingStatus::kNotYetListed: return "listed only after the transaction: relationship to review";
    case ListingStatus::kNoLongerListed: return "listed before but removed by the transaction date";
    case ListingStatus::kUndated: return "listed; the list gives no listing date (add a --history): review";
  }
  return "";
}

std::vector<FlagSpec> AuditFlags() {
  auto flags = ListFlags();
  for (FlagSpec f : std::vector<FlagSpec>{
           {"transactions", "FILE", "transactions CSV with a header: id, date (YYYY-MM-DD), counterparty (or name), optional country, amount, currency", false},
           {"history", "DIR", "a list history (partyscreen history add): its versions date the listings of lists that state no date", false},
           {"id-column", "COL", "transaction id column (default id)", false},
           {"date-column", "COL", "transaction date column (default date)", false},
           {"name-column", "COL", "counterparty name column (default counterparty, else name)", false},
           {"country-column", "COL", "counterparty country column (default country)", false},
           {"amount-column", "COL", "amount column (default amount)", false},
           {"currency-column", "COL", "currency column (default currency)", false},
           {"min-score", "X", "alert threshold (default: the calibrated threshold)", false},
           {"format", "FMT", "text (default) or jsonl (first line {\"run\": ...})", false},
           {"output", "FILE", "where to write (default -)", false},
           {"report", "FILE.html", "also write a self-contained HTML report", false},
           {"threads", "N", "worker threads (default: all cores)", false}}) {
    flags.push_back(f);
  }
  return flags;
}

int RunAudit(const Args& args) {
  if (!args.Has("transactions")) return Fail("audit needs --transactions FILE");
  std::string format = args.Get("format", "text");
  if (format != "text" && format != "jsonl") return Fail("--format must be text or jsonl");
  auto min = args.GetDouble("min-score", kDefaultAlertThreshold);
  if (!min.ok() || *min < 0 || *min > 1) return Fail("--min-score must be in [0, 1]");
  auto threads = args.GetInt("threads", std::max(1u, std::thread::hardware_concurrency()));
  if (!threads.ok() || *threads < 1) return Fail("--threads must be a positive integer");
  TransactionColumns columns;
  columns.id = args.Get("id-column", columns.id);
  columns.date = args.Get("date-column", columns.date);
  columns.name = args.Get("name-column", columns.name);
  columns.country = args.Get("country-column", columns.country);
  columns.amount = args.Get("amount-column", columns.amount);
  columns.currency = args.Get("currency-column", columns.currency);
  const std::string path = args.Get("transactions");
  auto input = TransactionStream::Open(path, columns);
  if (!input.ok()) return Fail(std::string(input.status().message()));
  auto setup = LoadScreening(args, true);
  if (!setup.ok()) return Fail(std::string(setup.status().message()));
  auto screener = Screener::Create(setup->index);
  if (!screener.ok()) return Fail(std::string(screener.status().message()));

  RunRecord record;
  record.command = "audit";
  record.library_version = std::string(LibraryVersion());
  record.options = RecordedOptions(args, AuditFlags());
  record.index_fingerprint = setup->index->info().fingerprint;
  record.lists = setup->index->info().lists;
  record.input_path = path;
  if (path != "-") record.input_sha256 = FileSha256(path);
  if (!setup->history_dir.empty()) record.extra.push_back({"history", setup->history_versions});
  record.time = UtcNow();
  auto sink = OutputSink::Open(args.Get("output", "-"));
  if (!sink.ok()) return Fail(std::string(sink.status().message()));
  if (format == "jsonl") {
    if (auto s = (*sink)->Write(absl::StrCat("{\"run\": ", RunRecordToJson(record), "}\n")); !s.ok()) {
      return Fail(std::string(s.message()));
    }
  }
  ScreenOptions so;
  so.min_score = *min;
  so.limit = 0;
  so.explain = args.Has("report");
  ThreadPool pool(static_cast<int>(*threads));
  BatchOptions batch;
  batch.executor = *threads > 1 ? &pool : nullptr;
  std::map<std::string, int64_t> counts;
  std::vector<ReportHit> report_hits;
  int64_t rows = 0;
  std::vector<Transaction> chunk;
  auto start = std::chrono::steady_clock::now();
  while (true) {
    if (auto s = (*input)->ReadChunk(4096, &chunk); !s.ok()) return Fail(std::string(s.message()));
    if (chunk.empty()) break;
    std::vector<Query> queries;
    for (const auto& t : chunk) queries.push_back(t.query);
    auto results = (*screener)->ScreenBatch(queries, so, batch);
    std::string out;
    for (size_t i = 0; i < chunk.size(); ++i) {
      const Transaction& t = chunk[i];
      ++rows;
      if (!results[i].ok()) return Fail(absl::StrCat(path, ":", t.line, ": ", results[i].status().message()));
      for (const Hit& h : results[i]->hits) {
        InForceResult f = InForce(*h.entity, t.date, setup->spans.get());
        const char* finding = Finding(f.status);
        counts[finding]++;
        std::string listing = DescribeListing(f);
        if (format == "jsonl") {
          std::string j = "{\"transaction\": ";
          internal::AppendJsonString(t.id, &j);
          absl::StrAppend(&j, ", \"line\": ", t.line, ", \"date\": \"", t.date_text, "\", \"counterparty\": ");
          internal::AppendJsonString(t.query.name, &j);
          j += ", \"amount\": ";
          internal::AppendJsonString(t.amount, &j);
          j += ", \"currency\": ";
          internal::AppendJsonString(t.currency, &j);
          absl::StrAppend(&j, ", \"finding\": \"", finding, "\", \"list\": ");
          internal::AppendJsonString(h.list_id, &j);
          j += ", \"entity_id\": ";
          internal::AppendJsonString(h.entity_id, &j);
          j += ", \"name\": ";
          internal::AppendJsonString(h.name, &j);
          j += ", \"matched_name\": ";
          internal::AppendJsonString(h.matched_name, &j);
          absl::StrAppend(&j, ", \"score\": ", internal::JsonScore(h.score), ", \"listed_from\": \"",
                          f.from ? FormatDay(*f.from) : "", "\", \"listing_basis\": ");
          internal::AppendJsonString(f.basis, &j);
          j += ", \"citation\": ";
          internal::AppendJsonString(f.citation, &j);
          j += ", \"listing\": ";
          internal::AppendJsonString(listing, &j);
          j += "}\n";
          out += j;
        } else {
          absl::StrAppendFormat(&out, "%s %s (line %d) %s %s%s%s: %s\n  hit %s/%s %s (score %.3f)\n  %s\n",
                                t.date_text, t.id, t.line, t.query.name, t.amount, t.currency.empty() ? "" : " ",
                                t.currency, FindingText(f.status), h.list_id, h.entity_id, h.name, h.score, listing);
        }
        if (args.Has("report")) {
          report_hits.push_back(ReportHit{t.id, absl::StrCat(t.date_text, " ", t.query.name), h.list_id, h.entity_id,
                                          h.name, h.matched_name, h.score, absl::StrJoin(h.source_lists, "; "),
                                          absl::StrJoin(h.programs, "; "), finding, listing, FormatExplanation(h)});
        }
      }
    }
    if (auto s = (*sink)->Write(out); !s.ok()) return Fail(std::string(s.message()));
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (auto s = (*sink)->Commit(); !s.ok()) return Fail(std::string(s.message()));
  record.counts = {{"transactions", rows}};
  for (const char* k : {"potential_violation", "listed_later", "delisted_before", "listing_date_unknown"}) {
    record.counts.push_back({k, counts[k]});
  }
  if (args.Has("report")) {
    std::vector<std::pair<std::string, int64_t>> chart(record.counts.begin() + 1, record.counts.end());
    std::string html = RenderHtmlReport("partyscreen transaction audit", record, record.counts, chart, report_hits);
    if (auto s = internal::AtomicWriteFile(args.Get("report"), html); !s.ok()) return Fail(std::string(s.message()));
  }
  std::fprintf(stderr,
               "audited %lld transactions in %.2f s: %lld potential violations (listed on the date), %lld listed later "
               "(review), %lld delisted before, %lld with unknown listing date\n",
               static_cast<long long>(rows), secs, static_cast<long long>(counts["potential_violation"]),
               static_cast<long long>(counts["listed_later"]), static_cast<long long>(counts["delisted_before"]),
               static_cast<long long>(counts["listing_date_unknown"]));
  return counts["potential_violation"] + counts["listed_later"] + counts["listing_date_unknown"] > 0 ? 1 : 0;
}

}  // namespace

Command AuditCommand() {
  CommandSpec spec{"audit",
                   "audit --transactions FILE.csv [--history DIR] [--list SPEC]... [--date-column COL] [--name-column COL] "
                   "[--format text|jsonl]",
                   "Screens each transaction against the lists as they stood on its date: a hit listed on that day is a "
                   "potential violation, one listed only later a relationship to review. Exit 0: nothing found, 1: "
                   "findings, 2: error.",
                   AuditFlags(), ""};
  return {spec, &RunAudit};
}

}  // namespace partyscreen::cli
