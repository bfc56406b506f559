#include "tools/partyscreen/load.h"

#include <cstdlib>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "lib/util/file.h"

namespace partyscreen::cli {

std::vector<FlagSpec> ListFlags() {
  return {
      {"list", "SPEC", "a list to load: PATH, FORMAT=PATH or ID:FORMAT=PATH (default: the bundled lists)", true},
      {"snapshot", "FILE", "load a compiled snapshot instead of list files", false},
      {"date", "YYYY-MM-DD", "publication date of the --list file(s) when the file states none", false},
      {"lenient", "", "skip malformed rows (each one is reported) instead of stopping", false},
  };
}

std::string DefaultListsDir() {
  if (const char* env = std::getenv("PARTYSCREEN_LISTS_DIR"); env != nullptr && *env) return env;
#ifdef PARTYSCREEN_DEFAULT_LISTS_DIR
  if (internal::PathExists(internal::JoinPath(PARTYSCREEN_DEFAULT_LISTS_DIR, "lists.tsv"))) {
    return PARTYSCREEN_DEFAULT_LISTS_DIR;
  }
#endif
#ifdef PARTYSCREEN_INSTALLED_LISTS_DIR
  return PARTYSCREEN_INSTALLED_LISTS_DIR;
#else
  return "data/lists";
#endif
}

absl::StatusOr<std::vector<ListSpec>> ResolveListSpecs(const Args& args) {
  std::vector<ListSpec> specs;
  const bool lenient = args.Has("lenient");
  if (args.Has("list")) {
    for (const auto& s : args.GetAll("list")) {
      auto spec = ParseListSpec(s);
      if (!spec.ok()) return spec.status();
      spec->options.lenient = lenient;
      spec->options.publication_date = args.Get("date");
      specs.push_back(*std::move(spec));
    }
    return specs;
  }
  std::string dir = DefaultListsDir();
  std::string manifest = internal::JoinPath(dir, "lists.tsv");
  auto text = internal::ReadFileToString(manifest);
  if (!text.ok()) {
    return absl::NotFoundError(absl::StrCat("no --list given and the bundled lists are missing (", manifest,
                                            "): ", text.status().message()));
  }
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(*text, '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() != 4) {
      return absl::InvalidArgumentError(absl::StrCat(manifest, ":", line_no, ": expected 4 tab-separated fields (id, format, path, date)"));
    }
    // The file must lie inside the lists directory: a relative path without
    // ".." (the manifest is read at run time, so it is checked like input).
    const bool escapes = f[2].empty() || f[2][0] == '/' || f[2][0] == '\\' ||
                         absl::StrContains(absl::StrCat("/", f[2], "/"), "/../") ||
                         absl::StrContains(f[2], '\0');
    if (escapes) {
      return absl::InvalidArgumentError(absl::StrCat(manifest, ":", line_no,
                                                     ": path: must be relative to the lists directory, without '..'"));
    }
    ListSpec spec;
    spec.path = internal::JoinPath(dir, f[2]);
    spec.options.list_id = f[0];
    auto format = ParseListFormat(f[1]);
    if (!format.ok()) return absl::InvalidArgumentError(absl::StrCat(manifest, ":", line_no, ": ", format.status().message()));
    spec.options.format = *format;
    if (f[3] != "-") spec.options.publication_date = f[3];
    spec.options.lenient = lenient;
    specs.push_back(std::move(spec));
  }
  return specs;
}

absl::StatusOr<std::vector<v1::EntityList>> ReadListsFromArgs(const Args& args) {
  auto specs = ResolveListSpecs(args);
  if (!specs.ok()) return specs.status();
  return ReadLists(*specs);
}

absl::StatusOr<std::shared_ptr<const Index>> LoadIndexFromArgs(const Args& args) {
  if (args.Has("snapshot")) {
    if (args.Has("list")) return absl::InvalidArgumentError("give either --snapshot or --list, not both");
    return Index::Load(args.Get("snapshot"));
  }
  auto lists = ReadListsFromArgs(args);
  if (!lists.ok()) return lists.status();
  IndexBuilder builder;
  for (auto& l : *lists) {
    if (auto s = builder.AddList(std::move(l)); !s.ok()) return s;
  }
  return std::move(builder).Build();
}

}  // namespace partyscreen::cli
