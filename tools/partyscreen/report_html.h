// Output of the screening commands: incremental, atomic output files
// (OutputSink) and the self-contained HTML report for analysts.
#ifndef PARTYSCREEN_TOOLS_PARTYSCREEN_REPORT_HTML_H_
#define PARTYSCREEN_TOOLS_PARTYSCREEN_REPORT_HTML_H_

#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "partyscreen/audit.h"

namespace partyscreen::cli {

// Writes output incrementally: to standard output ("-"), or to a temporary
// file beside the destination that `Commit` fsyncs and renames over it, so a
// failed run never leaves a half-written file under the real name. Every
// write error (disk full, closed pipe) is returned, never ignored.
// Thread-compatible.
class OutputSink {
 public:
  // Opens the destination. kUnavailable / kPermissionDenied with the path.
  static absl::StatusOr<std::unique_ptr<OutputSink>> Open(const std::string& dest);
  ~OutputSink();  // removes the temporary file unless committed
  absl::Status Write(absl::string_view data);
  // Flushes (and for files: fsync, rename). Errors as Write.
  absl::Status Commit();
  const std::string& dest() const { return dest_; }
  bool is_stdout() const { return file_ == stdout; }

 private:
  OutputSink() = default;
  std::string dest_, tmp_;
  FILE* file_ = nullptr;
  bool committed_ = false;
};

// Escapes text for HTML element content and attribute values (& < > " ').
std::string HtmlEscape(absl::string_view text);

// One hit shown in the report.
struct ReportHit {
  std::string row_id;
  std::string query_name;
  std::string list_id, entity_id, name, matched_name;
  double score = 0;
  std::string source_lists;  // joined
  std::string programs;      // joined
  std::string status;        // "alert", "suppressed", "stale", "escalated", "potential violation", ...
  std::string note;          // listing / decision text
  std::string explanation;   // FormatExplanation text
};

// A self-contained HTML page (inline CSS, inline SVG chart, inline JS to
// sort by score; no external asset): the run record, summary counts with a
// bar chart of `by_list`, and every hit. All text is escaped.
std::string RenderHtmlReport(absl::string_view title, const RunRecord& record,
                             const std::vector<std::pair<std::string, int64_t>>& summary,
                             const std::vector<std::pair<std::string, int64_t>>& by_list,
                             const std::vector<ReportHit>& hits);

}  // namespace partyscreen::cli

#endif  // PARTYSCREEN_TOOLS_PARTYSCREEN_REPORT_HTML_H_
