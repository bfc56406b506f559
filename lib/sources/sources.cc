// ReadList: format names, list specs, detection and dispatch to the readers.
#include "partyscreen/sources.h"

#include <cctype>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/sources/readers.h"
#include "lib/util/file.h"
#include "lib/util/parallel.h"

namespace partyscreen {
namespace {

struct FormatInfo {
  ListFormat format;
  const char* name;
  const char* default_id;
};

constexpr FormatInfo kFormats[] = {
    {ListFormat::kAuto, "auto", ""},
    {ListFormat::kOfacCsv, "ofac_csv", "us_ofac_sdn"},
    {ListFormat::kOfacXml, "ofac_xml", "us_ofac_sdn"},
    {ListFormat::kCslCsv, "csl_csv", "us_csl"},
    {ListFormat::kCslJson, "csl_json", "us_csl"},
    {ListFormat::kUnXml, "un_xml", "un_sc"},
    {ListFormat::kUkConList, "uk_conlist", "uk_hmt"},
    {ListFormat::kEuFsfXml, "eu_fsf_xml", "eu_fsf"},
    {ListFormat::kFtmJson, "ftm_json", "opensanctions"},
    {ListFormat::kCustomCsv, "custom_csv", "custom"},
    {ListFormat::kDplTsv, "dpl_tsv", "us_bis_dpl"},
    {ListFormat::kIsnCsv, "isn_csv", "us_state_isn"},
    {ListFormat::kItarCsv, "itar_csv", "us_state_itar"},
};

// The first `n` bytes of a file, for sniffing.
std::string Head(absl::string_view path, size_t n) {
  auto data = internal::ReadFileToString(path, uint64_t{1} << 31);
  if (!data.ok()) return "";
  return data->substr(0, n);
}

std::string FirstLine(absl::string_view head) {
  size_t start = 0;
  if (absl::StartsWith(head, "\xEF\xBB\xBF")) start = 3;
  size_t end = head.find('\n', start);
  std::string line(head.substr(start, end == absl::string_view::npos ? absl::string_view::npos : end - start));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

absl::string_view ListFormatName(ListFormat format) {
  for (const auto& f : kFormats) if (f.format == format) return f.name;
  return "unknown";
}

absl::string_view DefaultListId(ListFormat format) {
  for (const auto& f : kFormats) if (f.format == format) return f.default_id;
  return "";
}

absl::StatusOr<ListFormat> ParseListFormat(absl::string_view name) {
  std::vector<std::string> names;
  for (const auto& f : kFormats) {
    if (name == f.name) return f.format;
    names.push_back(f.name);
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown list format '", name,
                                                 "'; known formats: ", absl::StrJoin(names, ", ")));
}

absl::Status ValidateListId(absl::string_view id) {
  bool ok = !id.empty() && id.size() <= 40;
  for (char c : id) {
    if (!(absl::ascii_islower(static_cast<unsigned char>(c)) || absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '_')) ok = false;
  }
  if (ok) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "invalid list id '", id, "': use 1 to 40 characters of a-z, 0-9 and _"));
}

absl::StatusOr<ListSpec> ParseListSpec(absl::string_view spec) {
  ListSpec out;
  if (spec.empty()) return absl::InvalidArgumentError("empty list spec; use PATH or FORMAT=PATH");
  size_t eq = spec.find('=');
  if (eq == absl::string_view::npos) {
    out.path = std::string(spec);
    return out;
  }
  absl::string_view head = spec.substr(0, eq);
  out.path = std::string(spec.substr(eq + 1));
  if (out.path.empty()) return absl::InvalidArgumentError(absl::StrCat("list spec '", spec, "' has no path"));
  size_t colon = head.find(':');
  if (colon != absl::string_view::npos) {
    out.options.list_id = std::string(head.substr(0, colon));
    if (auto s = ValidateListId(out.options.list_id); !s.ok()) return s;
    head = head.substr(colon + 1);
  }
  auto f = ParseListFormat(head);
  if (!f.ok()) return f.status();
  out.options.format = *f;
  return out;
}

absl::StatusOr<ListFormat> DetectListFormat(absl::string_view path) {
  if (!internal::PathExists(path)) {
    return absl::NotFoundError(absl::StrCat(path, ": no such file or directory"));
  }
  if (internal::IsDirectory(path)) {
    for (const char* f : {"sdn.csv", "SDN.CSV", "cons_prim.csv", "CONS_PRIM.CSV"}) {
      if (internal::PathExists(internal::JoinPath(path, f))) return ListFormat::kOfacCsv;
    }
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": is a directory without sdn.csv or cons_prim.csv; give a list file"));
  }
  std::string base = absl::AsciiStrToLower(internal::Basename(path));
  for (const char* f : {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv", "cons_prim.csv",
                        "cons_add.csv", "cons_alt.csv", "cons_comments.csv"}) {
    if (base == f) return ListFormat::kOfacCsv;
  }
  std::string head = Head(path, 1 << 16);
  if (head.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": file is empty (0 bytes); cannot detect its format"));
  }
  std::string first = FirstLine(head);
  std::string lower_first = absl::AsciiStrToLower(first);
  if (absl::StrContains(head, "<sdnList")) return ListFormat::kOfacXml;
  if (absl::StrContains(head, "<CONSOLIDATED_LIST")) return ListFormat::kUnXml;
  if (absl::StrContains(head, "<export") && absl::StrContains(head, "sanctionEntity")) return ListFormat::kEuFsfXml;
  if (absl::StrContains(head, "sanctionEntity") || absl::StrContains(head, "fsdexport")) return ListFormat::kEuFsfXml;
  if (absl::StartsWith(lower_first, "_id,") || absl::StrContains(lower_first, ",source,entity_number,") ||
      absl::StartsWith(lower_first, "source,entity_number,")) return ListFormat::kCslCsv;
  if (absl::StrContains(head, "\"schema\"") && absl::StrContains(head, "\"properties\"")) return ListFormat::kFtmJson;
  if (absl::StrContains(head, "\"results\"") && absl::StrContains(head, "\"source\"")) return ListFormat::kCslJson;
  if (absl::StartsWith(lower_first, "last updated") || absl::StrContains(lower_first, "name 6,name 1")) return ListFormat::kUkConList;
  if (absl::StrContains(lower_first, "name\tstreet_address") || absl::StrContains(lower_first, "\tstreet_address\t") ||
      (absl::StrContains(first, "\t") && absl::StrContains(lower_first, "effective_date"))) {
    return ListFormat::kDplTsv;
  }
  if (absl::StrContains(lower_first, "date_liftedwaived_expired") || absl::StrContains(lower_first, "federal_register_notice") ||
      absl::StrContains(lower_first, "nonproliferation") ||
      absl::StrContains(lower_first, "date lifted/waived/expired") ||
      (absl::StrContains(lower_first, "federal register notice,effective date"))) {
    return ListFormat::kIsnCsv;
  }
  if (absl::StrContains(lower_first, "debar") || absl::StrContains(lower_first, "date of birth,federal register notice")) {
    return ListFormat::kItarCsv;
  }
  if (absl::StartsWith(lower_first, "name,") || absl::StrContains(lower_first, ",name,") ||
      absl::StrContains(lower_first, ",aliases")) {
    return ListFormat::kCustomCsv;
  }
  if (!first.empty() && std::isdigit(static_cast<unsigned char>(first[0])) &&
      absl::StrContains(first, "\"") && absl::StrContains(first, "-0-")) {
    return ListFormat::kOfacCsv;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      path, ": cannot detect the list format from the content; name it as FORMAT=PATH (",
      "ofac_csv, ofac_xml, csl_csv, csl_json, un_xml, uk_conlist, eu_fsf_xml, ftm_json, custom_csv, dpl_tsv, isn_csv, itar_csv)"));
}

absl::StatusOr<v1::EntityList> ReadList(absl::string_view path, const ReadOptions& options) {
  ReadOptions opts = options;
  if (!opts.list_id.empty()) {
    if (auto s = ValidateListId(opts.list_id); !s.ok()) return s;
  }
  if (opts.format == ListFormat::kAuto) {
    auto f = DetectListFormat(path);
    if (!f.ok()) return f.status();
    opts.format = *f;
  } else if (!internal::PathExists(path)) {
    return absl::NotFoundError(absl::StrCat(path, ": no such file or directory"));
  }
  switch (opts.format) {
    case ListFormat::kOfacCsv: return internal::ReadOfacCsv(path, opts);
    case ListFormat::kOfacXml: return internal::ReadOfacXml(path, opts);
    case ListFormat::kCslCsv: return internal::ReadCslCsv(path, opts);
    case ListFormat::kCslJson: return internal::ReadCslJson(path, opts);
    case ListFormat::kUnXml: return internal::ReadUnXml(path, opts);
    case ListFormat::kUkConList: return internal::ReadUkConList(path, opts);
    case ListFormat::kEuFsfXml: return internal::ReadEuFsfXml(path, opts);
    case ListFormat::kFtmJson: return internal::ReadFtmJson(path, opts);
    case ListFormat::kCustomCsv: return internal::ReadCustomCsv(path, opts);
    case ListFormat::kDplTsv: return internal::ReadDplTsv(path, opts);
    case ListFormat::kIsnCsv: return internal::ReadIsnCsv(path, opts);
    case ListFormat::kItarCsv: return internal::ReadItarCsv(path, opts);
    case ListFormat::kAuto: break;
  }
  return absl::InternalError("unreachable list format");
}

absl::StatusOr<std::vector<v1::EntityList>> ReadLists(const std::vector<ListSpec>& specs) {
  // The files are independent: read them on all cores.
  std::vector<absl::StatusOr<v1::EntityList>> read(specs.size(), absl::UnknownError("not read"));
  internal::ParallelFor(specs.size(), [&](size_t i) { read[i] = ReadList(specs[i].path, specs[i].options); });
  std::vector<v1::EntityList> out;
  out.reserve(specs.size());
  for (auto& list : read) {
    if (!list.ok()) return list.status();
    out.push_back(*std::move(list));
  }
  return out;
}

}  // namespace partyscreen
