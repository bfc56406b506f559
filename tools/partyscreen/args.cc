#include "tools/partyscreen/args.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace partyscreen::cli {

absl::StatusOr<Args> Args::Parse(const CommandSpec& spec, int argc, char** argv) {
  Args out;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-o") a = "--output";
    if (a == "--help" || a == "-h") {
      out.help_ = true;
      continue;
    }
    if (absl::StartsWith(a, "--") && a.size() > 2) {
      std::string name = a.substr(2), value;
      bool has_value = false;
      size_t eq = name.find('=');
      if (eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_value = true;
      }
      const FlagSpec* flag = nullptr;
      for (const auto& f : spec.flags) if (f.name == name) flag = &f;
      if (flag == nullptr) {
        return absl::InvalidArgumentError(absl::StrCat("partyscreen ", spec.name, ": unknown option --", name,
                                                       " (see partyscreen ", spec.name, " --help)"));
      }
      if (flag->value.empty()) {
        if (has_value) return absl::InvalidArgumentError(absl::StrCat("--", name, " takes no value"));
        value = "1";
      } else if (!has_value) {
        if (i + 1 >= argc) return absl::InvalidArgumentError(absl::StrCat("--", name, " needs a value (", flag->value, ")"));
        value = argv[++i];
      }
      if (!flag->repeated && out.values_.count(name)) {
        return absl::InvalidArgumentError(absl::StrCat("--", name, " given more than once"));
      }
      out.values_[name].push_back(value);
      continue;
    }
    if (spec.positional.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("partyscreen ", spec.name, ": unexpected argument #", i + 1,
                                                     " (see partyscreen ", spec.name, " --help)"));
    }
    out.positionals_.push_back(a);
  }
  return out;
}

std::string Args::Get(const std::string& name, const std::string& def) const {
  auto it = values_.find(name);
  return it == values_.end() ? def : it->second.back();
}

std::vector<std::string> Args::GetAll(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

absl::StatusOr<double> Args::GetDouble(const std::string& name, double def) const {
  if (!Has(name)) return def;
  double v;
  if (!absl::SimpleAtod(Get(name), &v)) return absl::InvalidArgumentError(absl::StrCat("--", name, " must be a number"));
  return v;
}

absl::StatusOr<int64_t> Args::GetInt(const std::string& name, int64_t def) const {
  if (!Has(name)) return def;
  int64_t v;
  if (!absl::SimpleAtoi(Get(name), &v)) return absl::InvalidArgumentError(absl::StrCat("--", name, " must be an integer"));
  return v;
}

std::string HelpText(const CommandSpec& spec) {
  std::string out = absl::StrCat("usage: partyscreen ", spec.synopsis, "\n\n", spec.summary, "\n");
  if (!spec.flags.empty()) out += "\noptions:\n";
  for (const auto& f : spec.flags) {
    std::string left = absl::StrCat("  --", f.name, f.value.empty() ? "" : absl::StrCat(" ", f.value));
    if (left.size() < 26) left.resize(26, ' ');
    else left += "\n" + std::string(26, ' ');
    absl::StrAppend(&out, left, f.help, f.repeated ? " (repeatable)" : "", "\n");
  }
  out += "  --help                  this text\n";
  return out;
}

}  // namespace partyscreen::cli
