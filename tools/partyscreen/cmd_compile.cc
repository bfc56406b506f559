// partyscreen compile: read lists and write one checksummed snapshot.
#include <chrono>
#include <cstdio>

#include "partyscreen/index.h"
#include "tools/partyscreen/commands.h"
#include "tools/partyscreen/load.h"

namespace partyscreen::cli {
namespace {

int RunCompile(const Args& args) {
  if (!args.Has("output")) return Fail("compile needs -o/--output FILE");
  if (args.Has("snapshot")) return Fail("compile reads list files (--list), not a snapshot");
  auto start = std::chrono::steady_clock::now();
  auto index = LoadIndexFromArgs(args);
  if (!index.ok()) return Fail(std::string(index.status().message()));
  double build = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (auto s = (*index)->Save(args.Get("output")); !s.ok()) return Fail(std::string(s.message()));
  const auto& info = (*index)->info();
  std::fprintf(stderr, "compiled %zu list(s), %lld entities, %lld names in %.2f s -> %s\nfingerprint %s\n",
               info.lists.size(), static_cast<long long>(info.entities), static_cast<long long>(info.names), build,
               args.Get("output").c_str(), info.fingerprint.c_str());
  return 0;
}

}  // namespace

Command CompileCommand() {
  auto flags = ListFlags();
  flags.push_back({"output", "FILE", "the snapshot file to write (atomically)", false});
  CommandSpec spec{"compile", "compile [--list SPEC]... --output FILE",
                   "Reads the lists and writes them, with the index, as one checksummed snapshot file.", flags, ""};
  return {spec, &RunCompile};
}

}  // namespace partyscreen::cli
