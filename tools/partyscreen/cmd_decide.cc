// partyscreen decide: record an analyst's decision about a hit.
#include <cstdio>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "partyscreen/audit.h"
#include "tools/partyscreen/commands.h"
#include "tools/partyscreen/load.h"

namespace partyscreen::cli {
namespace {

int RunDecide(const Args& args) {
  for (const char* f : {"decisions", "counterparty", "list-id", "entity-id", "decision", "reviewer"}) {
    if (!args.Has(f)) return Fail(absl::StrCat("decide needs --", f));
  }
  auto index = LoadIndexFromArgs(args);
  if (!index.ok()) return Fail(std::string(index.status().message()));
  const v1::Entity* e = (*index)->FindEntity(args.Get("list-id"), args.Get("entity-id"));
  if (e == nullptr) {
    return Fail(absl::StrCat("no entity ", args.Get("entity-id"), " in list ", args.Get("list-id"),
                             " of the loaded lists (give the lists the hit came from with --list or --snapshot)"));
  }
  Decision d;
  d.counterparty = args.Get("counterparty");
  d.list_id = args.Get("list-id");
  d.entity_id = args.Get("entity-id");
  std::string bytes = CanonicalEntityBytes(*e);
  d.fingerprint = EntityFingerprint(*e);
  d.record = absl::Base64Escape(bytes);
  d.decision = args.Get("decision");
  d.reviewer = args.Get("reviewer");
  d.date = args.Get("on", UtcNow().substr(0, 10));
  d.reason = args.Get("reason");
  if (auto s = AppendDecision(args.Get("decisions"), d); !s.ok()) return Fail(std::string(s.message()));
  std::printf("recorded: %s %s/%s %s by %s on %s (fingerprint %s)\n", d.decision.c_str(), d.list_id.c_str(),
              d.entity_id.c_str(), d.counterparty.c_str(), d.reviewer.c_str(), d.date.c_str(),
              d.fingerprint.substr(0, 16).c_str());
  return 0;
}

}  // namespace

Command DecideCommand() {
  auto flags = ListFlags();
  for (FlagSpec f : std::vector<FlagSpec>{
           {"decisions", "FILE", "the decisions file (JSONL) to append to; created if missing; appended under a lock", false},
           {"counterparty", "KEY", "the counterparty key: the vendor file's id column value", false},
           {"list-id", "ID", "the list of the hit (us_csl, us_ofac_sdn, ...)", false},
           {"entity-id", "ID", "the entity id of the hit", false},
           {"decision", "D", "cleared or escalated", false},
           {"reviewer", "NAME", "who decided", false},
           {"reason", "TEXT", "why", false},
           {"on", "YYYY-MM-DD", "the day of the decision (default: today, UTC)", false}}) {
    flags.push_back(f);
  }
  CommandSpec spec{"decide",
                   "decide --decisions FILE --counterparty KEY --list-id ID --entity-id ID --decision cleared|escalated "
                   "--reviewer NAME [--reason TEXT] [--list SPEC]...",
                   "Records an analyst's decision about a hit, with the fingerprint of the entity's current record: a "
                   "cleared hit stays suppressed (screen --decisions) only while that record is unchanged.",
                   flags, ""};
  return {spec, &RunDecide};
}

}  // namespace partyscreen::cli
