// The partyscreen subcommands. Each returns the process exit code:
// 0 success (for screening: no alerts), 1 alerts found, 2 error.
#ifndef PARTYSCREEN_TOOLS_PARTYSCREEN_COMMANDS_H_
#define PARTYSCREEN_TOOLS_PARTYSCREEN_COMMANDS_H_

#include <string>
#include <vector>

#include "tools/partyscreen/args.h"

namespace partyscreen::cli {

struct Command {
  CommandSpec spec;
  int (*run)(const Args& args);
};

// All commands, in the order `partyscreen help` lists them.
const std::vector<Command>& AllCommands();

// Each command's spec and entry point (one file per command).
Command ListsCommand();
Command CompileCommand();
Command ScreenCommand();
Command ExplainCommand();

// Prints "partyscreen: <message>" to stderr and returns 2.
int Fail(const std::string& message);

}  // namespace partyscreen::cli

#endif  // PARTYSCREEN_TOOLS_PARTYSCREEN_COMMANDS_H_
