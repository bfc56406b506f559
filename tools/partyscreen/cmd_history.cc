// partyscreen history add|show: dated versions of lists.
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "partyscreen/audit.h"
#include "partyscreen/sources.h"
#include "tools/partyscreen/commands.h"
#include "tools/partyscreen/load.h"

namespace partyscreen::cli {
namespace {

int RunHistory(const Args& args) {
  if (args.positionals().size() != 1 || (args.positionals()[0] != "add" && args.positionals()[0] != "show")) {
    return Fail("history needs a subcommand: add or show (see partyscreen history --help)");
  }
  const std::string dir = args.Get("dir", "history");
  if (args.positionals()[0] == "show") {
    auto h = History::Open(dir);
    if (!h.ok()) return Fail(std::string(h.status().message()));
    std::printf("%-16s %-10s %9s  %-10s %-16s %s\n", "list", "date", "entities", "format", "published", "sha256");
    for (const auto& v : h->versions()) {
      std::printf("%-16s %-10s %9lld  %-10s %-16s %s\n", v.list_id.c_str(), v.date.c_str(),
                  static_cast<long long>(v.entities), v.format.c_str(),
                  v.publication_date.empty() ? "-" : v.publication_date.c_str(), v.source_sha256.substr(0, 16).c_str());
    }
    return 0;
  }
  if (!args.Has("list")) return Fail("history add needs --list SPEC");
  if (!args.Has("date")) return Fail("history add needs --date YYYY-MM-DD (the day of this version)");
  if (auto d = ParseDay(args.Get("date")); !d.ok()) return Fail(absl::StrCat("--date: ", d.status().message()));
  auto specs = ResolveListSpecs(args);
  if (!specs.ok()) return Fail(std::string(specs.status().message()));
  auto history = History::OpenOrCreate(dir);
  if (!history.ok()) return Fail(std::string(history.status().message()));
  // Read every list before storing any, so a bad file stores nothing.
  auto lists = ReadLists(*specs);
  if (!lists.ok()) return Fail(std::string(lists.status().message()));
  for (const auto& l : *lists) {
    auto v = history->Add(l, args.Get("date"));
    if (!v.ok()) return Fail(std::string(v.status().message()));
    std::printf("stored %s %s: %lld entities (%s)\n", v->list_id.c_str(), v->date.c_str(),
                static_cast<long long>(v->entities), v->file.c_str());
  }
  return 0;
}

}  // namespace

Command HistoryCommand() {
  CommandSpec spec{
      "history", "history add --list SPEC --date YYYY-MM-DD [--dir DIR] | history show [--dir DIR]",
      "Stores dated versions of lists (add) and lists them (show). A history dates listings by each entity's first and "
      "last appearance (screen --as-of, audit).",
      {{"dir", "DIR", "the history directory (default: history)", false},
       {"list", "SPEC", "the list file to store: PATH, FORMAT=PATH or ID:FORMAT=PATH", true},
       {"date", "YYYY-MM-DD", "the day of this version (also its publication date when the file states none)", false},
       {"lenient", "", "skip malformed rows (each one is reported) instead of stopping", false}},
      "add|show"};
  return {spec, &RunHistory};
}

}  // namespace partyscreen::cli
