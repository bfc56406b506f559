// The partyscreen subcommands. Each returns the process exit code:
// 0 success (for screening: no alerts), 1 alerts found, 2 error.
#ifndef PARTYSCREEN_TOOLS_PARTYSCREEN_COMMANDS_H_
#define PARTYSCREEN_TOOLS_PARTYSCREEN_COMMANDS_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "partyscreen/audit.h"
#include "partyscreen/index.h"
#include "partyscreen/options.h"
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
Command HistoryCommand();   // cmd_history.cc
Command DiffCommand();      // cmd_diff.cc
Command RescreenCommand();  // cmd_rescreen.cc
Command AuditCommand();     // cmd_audit.cc
Command DecideCommand();    // cmd_decide.cc

// Helpers shared by the screening commands (cmd_screen.cc).

// --min-score, --limit, --only-list, --source-list, --no-explanations.
absl::StatusOr<ScreenOptions> ScreenOptionsFromArgs(const Args& args);

// What a screening command screens against.
struct ScreeningSetup {
  std::shared_ptr<const Index> index;
  std::unique_ptr<ListingSpans> spans;  // with --history (when asked for)
  std::string history_dir;              // "" without --history
  std::string history_versions;         // "us_ofac_sdn@2021-08-18 ..."
};

// Without --history: LoadIndexFromArgs. With --history DIR: every list of
// the history (each entity's newest record over all versions) plus the
// --list/--snapshot lists whose ids the history does not hold, and (when
// `need_spans`) the listing intervals of the history.
absl::StatusOr<ScreeningSetup> LoadScreening(const Args& args, bool need_spans);

// The options that shape results, for the run record (output paths and
// thread counts left out, so equal runs have equal records).
std::vector<std::pair<std::string, std::string>> RecordedOptions(const Args& args,
                                                                 const std::vector<FlagSpec>& flags);

// "\r12288 rows, 4100 rows/s, 3 alerts, about 0:12 left" on stderr.
void PrintProgress(int64_t rows, double secs, int64_t alerts, int64_t bytes, int64_t total, bool final);

// The lists named by one argument of diff/rescreen (cmd_diff.cc):
// "LIST_ID@YYYY-MM-DD" (the version of that day in `history_dir`, which
// must be given), a snapshot file (all its lists), or a list spec (PATH,
// FORMAT=PATH, ID:FORMAT=PATH; --lenient and --date apply).
absl::StatusOr<std::vector<v1::EntityList>> ResolveVersionArg(const std::string& arg, const Args& args);

// Lowercase hex SHA-256 of a file's bytes ("" if it cannot be read).
std::string FileSha256(const std::string& path);

// Prints "partyscreen: <message>" to stderr and returns 2.
int Fail(const std::string& message);

}  // namespace partyscreen::cli

#endif  // PARTYSCREEN_TOOLS_PARTYSCREEN_COMMANDS_H_
