#include "lib/sources/reader_util.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "lib/sources/dates.h"
#include "lib/util/file.h"
#include "lib/util/sha256.h"

#ifndef PARTYSCREEN_VERSION
#define PARTYSCREEN_VERSION "0.0.0"
#endif

namespace partyscreen::internal {

absl::string_view ImporterVersion() { return PARTYSCREEN_VERSION; }

absl::StatusOr<LoadedFile> LoadListFile(absl::string_view path, Legacy8Bit legacy) {
  LoadedFile f;
  f.path = std::string(path);
  f.name = std::string(Basename(path));
  auto bytes = ReadFileToString(path, uint64_t{1} << 30);
  if (!bytes.ok()) return bytes.status();
  f.bytes = *std::move(bytes);
  auto dec = DecodeText(f.name, f.bytes, legacy);
  if (!dec.ok()) return dec.status();
  f.decoded = *std::move(dec);
  return f;
}

absl::Status RowError(absl::string_view file, int64_t line, absl::string_view field,
                      absl::string_view message) {
  return absl::InvalidArgumentError(
      absl::StrCat(file, ":", line, ": ", field, field.empty() ? "" : ": ", message));
}

absl::Status RowErrors::Skip(absl::string_view file, int64_t line, absl::string_view field,
                             absl::string_view message) {
  if (!lenient_) return RowError(file, line, field, message);
  auto* issue = source_->add_issues();
  issue->set_file(std::string(file));
  issue->set_line(line);
  issue->set_field(std::string(field));
  issue->set_message(absl::StrCat("row skipped: ", message));
  source_->set_skipped_rows(source_->skipped_rows() + 1);
  return absl::OkStatus();
}

void RowErrors::Note(absl::string_view file, int64_t line, absl::string_view field,
                     absl::string_view message) {
  auto* issue = source_->add_issues();
  issue->set_file(std::string(file));
  issue->set_line(line);
  issue->set_field(std::string(field));
  issue->set_message(std::string(message));
}

absl::Status FillListSource(const ReadOptions& options, absl::string_view default_id,
                            absl::string_view format_name, absl::string_view publisher,
                            absl::string_view list_name, absl::string_view date_in_file,
                            const std::vector<const LoadedFile*>& files,
                            v1::ListSource* source) {
  std::string id = options.list_id.empty() ? std::string(default_id) : options.list_id;
  if (auto s = ValidateListId(id); !s.ok()) return s;
  source->set_list_id(id);
  source->set_format(std::string(format_name));
  source->set_publisher(std::string(publisher));
  source->set_name(std::string(list_name));
  source->set_importer_version(std::string(ImporterVersion()));
  if (!options.publication_date.empty()) {
    auto d = ParseIsoDate(options.publication_date);
    if (!d.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "publication date '", options.publication_date, "' is not a YYYY-MM-DD date"));
    }
    source->set_publication_date(options.publication_date);
    source->set_publication_date_origin("user");
  } else if (!date_in_file.empty()) {
    source->set_publication_date(std::string(date_in_file));
    source->set_publication_date_origin("file");
  }
  std::vector<const LoadedFile*> sorted = files;
  std::sort(sorted.begin(), sorted.end(),
            [](const LoadedFile* a, const LoadedFile* b) { return a->name < b->name; });
  Sha256 combined;
  for (const LoadedFile* f : sorted) {
    auto* sf = source->add_files();
    sf->set_name(f->name);
    sf->set_sha256(Sha256Hex(f->bytes));
    sf->set_size(static_cast<int64_t>(f->bytes.size()));
    combined.Update(absl::StrCat(f->name, ":", sf->sha256(), "\n"));
  }
  source->set_sha256(sorted.size() == 1 ? source->files(0).sha256() : combined.FinishHex());
  return absl::OkStatus();
}

void SetFileRecords(v1::ListSource* source, absl::string_view file_name, int64_t records) {
  for (auto& f : *source->mutable_files()) {
    if (f.name() == file_name) f.set_records(records);
  }
  source->set_records(source->records() + records);
}

absl::Status RequireEntities(const v1::EntityList& list, absl::string_view file) {
  if (list.entities_size() > 0) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      file, ": no entity could be read (", list.source().skipped_rows(),
      " rows skipped); an empty list is never taken as valid"));
}

absl::string_view TrimSpace(absl::string_view s) {
  auto is_space_at_front = [](absl::string_view v) -> size_t {
    if (v.empty()) return 0;
    unsigned char c = static_cast<unsigned char>(v[0]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
    if (v.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(v[1]) == 0xA0) return 2;  // NBSP
    if (v.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(v[1]) == 0x80 &&
        (static_cast<unsigned char>(v[2]) >= 0x80 && static_cast<unsigned char>(v[2]) <= 0x8B)) return 3;
    if (v.size() >= 3 && c == 0xE3 && static_cast<unsigned char>(v[1]) == 0x80 &&
        static_cast<unsigned char>(v[2]) == 0x80) return 3;  // ideographic space
    return 0;
  };
  while (size_t n = is_space_at_front(s)) s.remove_prefix(n);
  while (!s.empty()) {
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 && c == 0xA0) {
      s.remove_suffix(2);
    } else if (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE2 &&
               static_cast<unsigned char>(s[s.size() - 2]) == 0x80 && c >= 0x80 && c <= 0x8B) {
      s.remove_suffix(3);
    } else if (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE3 &&
               static_cast<unsigned char>(s[s.size() - 2]) == 0x80 && c == 0x80) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

std::vector<std::string> SplitTrim(absl::string_view s, absl::string_view sep) {
  std::vector<std::string> out;
  for (absl::string_view part : absl::StrSplit(s, sep)) {
    part = TrimSpace(part);
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

}  // namespace partyscreen::internal
