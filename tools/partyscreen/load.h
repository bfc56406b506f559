// Loading lists for the CLI: --list specs, --snapshot, or the bundled
// default lists (data/lists/lists.tsv).
#ifndef PARTYSCREEN_TOOLS_PARTYSCREEN_LOAD_H_
#define PARTYSCREEN_TOOLS_PARTYSCREEN_LOAD_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "partyscreen/index.h"
#include "partyscreen/sources.h"
#include "tools/partyscreen/args.h"

namespace partyscreen::cli {

// The flags every list-consuming command accepts.
std::vector<FlagSpec> ListFlags();

// The directory of the bundled lists: $PARTYSCREEN_LISTS_DIR, else the
// source tree's data/lists, else the installed share/partyscreen/lists.
std::string DefaultListsDir();

// The list specs named by --list (with --date and --lenient applied), or the
// bundled defaults when there is none.
absl::StatusOr<std::vector<ListSpec>> ResolveListSpecs(const Args& args);

// Reads the lists of ResolveListSpecs. Prints nothing.
absl::StatusOr<std::vector<v1::EntityList>> ReadListsFromArgs(const Args& args);

// The index for a command: --snapshot FILE, else built from the lists.
absl::StatusOr<std::shared_ptr<const Index>> LoadIndexFromArgs(const Args& args);

}  // namespace partyscreen::cli

#endif  // PARTYSCREEN_TOOLS_PARTYSCREEN_LOAD_H_
