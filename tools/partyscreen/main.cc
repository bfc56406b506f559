// partyscreen — the command-line tool. `partyscreen help` lists the commands;
// `partyscreen COMMAND --help` documents each.
#include <cstdio>
#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"
#include "tools/partyscreen/commands.h"

namespace partyscreen::cli {

int Fail(const std::string& message) {
  std::fprintf(stderr, "partyscreen: %s\n", message.c_str());
  return 2;
}

const std::vector<Command>& AllCommands() {
  static const std::vector<Command>* kCommands = new std::vector<Command>{
      ListsCommand(), CompileCommand(), ScreenCommand(), ExplainCommand(), HistoryCommand(),
      DiffCommand(), RescreenCommand(), AuditCommand(), DecideCommand()};
  return *kCommands;
}

namespace {

void PrintUsage(FILE* out) {
  std::fprintf(out, "usage: partyscreen COMMAND [options]\n\ncommands:\n");
  for (const auto& c : AllCommands()) {
    std::fprintf(out, "  %-10s %s\n", c.spec.name.c_str(), c.spec.summary.c_str());
  }
  std::fprintf(out,
               "\nexit codes: 0 success (screening: no alerts), 1 alerts found, 2 error\n"
               "`partyscreen COMMAND --help` describes each command.\n");
}

}  // namespace
}  // namespace partyscreen::cli

int main(int argc, char** argv) {
  using partyscreen::cli::AllCommands;
  if (argc < 2) {
    partyscreen::cli::PrintUsage(stderr);
    return 2;
  }
  std::string name = argv[1];
  if (name == "help" || name == "--help" || name == "-h") {
    partyscreen::cli::PrintUsage(stdout);
    return 0;
  }
  if (name == "--version" || name == "version") {
    std::printf("partyscreen %s\n", PARTYSCREEN_VERSION);
    return 0;
  }
  for (const auto& c : AllCommands()) {
    if (c.spec.name != name) continue;
    auto args = partyscreen::cli::Args::Parse(c.spec, argc - 2, argv + 2);
    if (!args.ok()) return partyscreen::cli::Fail(std::string(args.status().message()));
    if (args->help()) {
      std::fputs(partyscreen::cli::HelpText(c.spec).c_str(), stdout);
      return 0;
    }
    return c.run(*args);
  }
  return partyscreen::cli::Fail(absl::StrCat("unknown command '", name, "' (see partyscreen help)"));
}
