// A small command-line parser for the partyscreen subcommands:
// --flag VALUE, --flag=VALUE, repeated flags, boolean switches, positionals.
#ifndef PARTYSCREEN_TOOLS_PARTYSCREEN_ARGS_H_
#define PARTYSCREEN_TOOLS_PARTYSCREEN_ARGS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace partyscreen::cli {

struct FlagSpec {
  std::string name;   // "list"
  std::string value;  // "SPEC" (empty for a boolean switch)
  std::string help;
  bool repeated = false;
};

struct CommandSpec {
  std::string name;      // "screen"
  std::string synopsis;  // "screen --input FILE [--output FILE] ..."
  std::string summary;   // one line
  std::vector<FlagSpec> flags;
  std::string positional;  // e.g. "NAME" (empty = none allowed)
};

class Args {
 public:
  // Parses argv (after the subcommand). kInvalidArgument for unknown flags,
  // missing values, or unexpected positionals. `help` is set by --help/-h.
  static absl::StatusOr<Args> Parse(const CommandSpec& spec, int argc, char** argv);

  bool help() const { return help_; }
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  std::string Get(const std::string& name, const std::string& def = "") const;
  std::vector<std::string> GetAll(const std::string& name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }
  absl::StatusOr<double> GetDouble(const std::string& name, double def) const;
  absl::StatusOr<int64_t> GetInt(const std::string& name, int64_t def) const;

 private:
  bool help_ = false;
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
};

// The --help text of a command.
std::string HelpText(const CommandSpec& spec);

}  // namespace partyscreen::cli

#endif  // PARTYSCREEN_TOOLS_PARTYSCREEN_ARGS_H_
