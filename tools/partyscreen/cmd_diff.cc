// partyscreen diff OLD NEW: entity-level changes between two list versions.
#include <cstdio>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "lib/util/file.h"
#include "partyscreen/audit.h"
#include "partyscreen/sources.h"
#include "tools/partyscreen/commands.h"
#include "tools/partyscreen/load.h"
#include "tools/partyscreen/report_html.h"

namespace partyscreen::cli {

absl::StatusOr<std::vector<v1::EntityList>> ResolveVersionArg(const std::string& arg, const Args& args) {
  size_t at = arg.find('@');
  if (at != std::string::npos && !internal::PathExists(arg)) {
    if (!args.Has("history")) return absl::InvalidArgumentError(absl::StrCat(arg, ": LIST@DATE needs --history DIR"));
    auto h = History::Open(args.Get("history"));
    if (!h.ok()) return h.status();
    std::string list_id = arg.substr(0, at), date = arg.substr(at + 1);
    for (const auto& v : h->versions()) {
      if (v.list_id == list_id && v.date == date) {
        auto l = h->Load(v);
        if (!l.ok()) return l.status();
        return std::vector<v1::EntityList>{*std::move(l)};
      }
    }
    return absl::NotFoundError(absl::StrCat("history ", h->dir(), " holds no version ", arg));
  }
  auto spec = ParseListSpec(arg);
  if (!spec.ok()) return spec.status();
  if (!internal::IsDirectory(spec->path) && spec->path == arg) {
    auto snap = Index::Load(arg);
    if (snap.ok()) return (*snap)->lists();
  }
  spec->options.lenient = args.Has("lenient");
  spec->options.publication_date = args.Get("date");
  auto list = ReadList(spec->path, spec->options);
  if (!list.ok()) return list.status();
  return std::vector<v1::EntityList>{*std::move(list)};
}

namespace {

int RunDiff(const Args& args) {
  if (args.positionals().size() != 2) return Fail("diff needs two arguments: OLD NEW");
  std::string format = args.Get("format", "text");
  if (format != "text" && format != "jsonl") return Fail("--format must be text or jsonl");
  auto old_lists = ResolveVersionArg(args.positionals()[0], args);
  if (!old_lists.ok()) return Fail(std::string(old_lists.status().message()));
  auto new_lists = ResolveVersionArg(args.positionals()[1], args);
  if (!new_lists.ok()) return Fail(std::string(new_lists.status().message()));
  std::map<std::string, const v1::EntityList*> olds;
  for (const auto& l : *old_lists) olds[l.source().list_id()] = &l;
  std::string out;
  int64_t changes = 0;
  for (const auto& n : *new_lists) {
    auto it = olds.find(n.source().list_id());
    if (it == olds.end()) {
      return Fail(absl::StrCat("list ", n.source().list_id(), " of NEW is not in OLD (diff compares versions of the same list)"));
    }
    auto d = DiffLists(*it->second, n);
    if (!d.ok()) return Fail(std::string(d.status().message()));
    changes += d->added + d->removed + d->changed;
    if (format == "text") {
      out += ListDiffToText(*d);
    } else {
      absl::StrAppend(&out, ListDiffSummaryJson(*d), "\n");
      for (const auto& c : d->changes) absl::StrAppend(&out, EntityChangeToJson(d->list_id, c), "\n");
    }
  }
  auto sink = OutputSink::Open(args.Get("output", "-"));
  if (!sink.ok()) return Fail(std::string(sink.status().message()));
  if (auto s = (*sink)->Write(out); !s.ok()) return Fail(std::string(s.message()));
  if (auto s = (*sink)->Commit(); !s.ok()) return Fail(std::string(s.message()));
  return changes > 0 ? 1 : 0;
}

}  // namespace

Command DiffCommand() {
  CommandSpec spec{
      "diff", "diff OLD NEW [--format text|jsonl] [--history DIR] [--output FILE]",
      "Entity-level changes between two versions of a list: added, removed and changed entities with the changed fields. "
      "OLD and NEW are list specs (FORMAT=PATH), snapshots, or LIST@DATE versions of --history. Exit 0: no change, 1: changes, 2: error.",
      {{"format", "FMT", "text (default) or jsonl (a {\"diff\": ...} header line, then one line per change)", false},
       {"history", "DIR", "the history that LIST@DATE arguments refer to", false},
       {"output", "FILE", "where to write (default -: standard output)", false},
       {"date", "YYYY-MM-DD", "publication date of list files that state none", false},
       {"lenient", "", "skip malformed rows (each one is reported) instead of stopping", false}},
      "OLD NEW"};
  return {spec, &RunDiff};
}

}  // namespace partyscreen::cli
