// partyscreen lists: each list with its id, publisher, date, hash and counts.
#include <chrono>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "partyscreen/index.h"
#include "partyscreen/result.h"
#include "tools/partyscreen/commands.h"
#include "tools/partyscreen/load.h"

namespace partyscreen::cli {
namespace {

int RunLists(const Args& args) {
  std::vector<v1::EntityList> lists;
  if (args.Has("snapshot")) {
    auto index = LoadIndexFromArgs(args);
    if (!index.ok()) return Fail(std::string(index.status().message()));
    lists = (*index)->lists();
  } else {
    auto start = std::chrono::steady_clock::now();
    auto read = ReadListsFromArgs(args);
    if (!read.ok()) return Fail(std::string(read.status().message()));
    lists = *std::move(read);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "read %zu list(s) in %.2f s\n", lists.size(), secs);
  }
  int64_t total_entities = 0, total_names = 0, total_skipped = 0;
  for (const auto& l : lists) {
    const auto& s = l.source();
    std::map<std::string, int64_t> by_kind;
    int64_t names = 0;
    for (const auto& e : l.entities()) {
      by_kind[std::string(EntityKindName(e.kind()))]++;
      names += e.names_size();
    }
    std::string kinds;
    for (const auto& [k, n] : by_kind) absl::StrAppend(&kinds, kinds.empty() ? "" : ", ", n, " ", k);
    std::printf("%s  (%s, %s)\n", s.list_id().c_str(), s.format().c_str(), s.publisher().c_str());
    std::printf("  published   %s%s\n", s.publication_date().empty() ? "unknown" : s.publication_date().c_str(),
                s.publication_date_origin() == "user" ? " (given by the user)" : s.publication_date_origin() == "file" ? " (stated in the file)" : "");
    std::printf("  sha256      %s\n", s.sha256().c_str());
    for (const auto& f : s.files()) {
      std::printf("  file        %s  %lld bytes  %lld records  sha256 %.16s…\n", f.name().c_str(),
                  static_cast<long long>(f.size()), static_cast<long long>(f.records()), f.sha256().c_str());
    }
    std::printf("  entities    %d (%s)\n", l.entities_size(), kinds.c_str());
    std::printf("  names       %lld\n", static_cast<long long>(names));
    std::printf("  skipped     %lld rows\n", static_cast<long long>(s.skipped_rows()));
    int shown = 0;
    for (const auto& issue : s.issues()) {
      if (++shown > 20) {
        std::printf("  ... %d more notes\n", s.issues_size() - 20);
        break;
      }
      std::printf("  note        %s:%lld: %s%s%s\n", issue.file().c_str(), static_cast<long long>(issue.line()),
                  issue.field().c_str(), issue.field().empty() ? "" : ": ", issue.message().c_str());
    }
    total_entities += l.entities_size();
    total_names += names;
    total_skipped += s.skipped_rows();
  }
  std::printf("total: %zu lists, %lld entities, %lld names, %lld skipped rows\n", lists.size(),
              static_cast<long long>(total_entities), static_cast<long long>(total_names),
              static_cast<long long>(total_skipped));
  return 0;
}

}  // namespace

Command ListsCommand() {
  CommandSpec spec{"lists", "lists [--list SPEC]... [--snapshot FILE] [--lenient]",
                   "Prints each list: id, publisher, publication date, file hash, entities by kind, names, skipped rows.",
                   ListFlags(), ""};
  return {spec, &RunLists};
}

}  // namespace partyscreen::cli
