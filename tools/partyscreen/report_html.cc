#include "tools/partyscreen/report_html.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "lib/util/file.h"

namespace partyscreen::cli {

absl::StatusOr<std::unique_ptr<OutputSink>> OutputSink::Open(const std::string& dest) {
  std::unique_ptr<OutputSink> s(new OutputSink());
  s->dest_ = dest;
  if (dest == "-") {
    s->file_ = stdout;
    return s;
  }
  s->tmp_ = absl::StrCat(dest, ".tmp.", ::getpid());
  s->file_ = std::fopen(s->tmp_.c_str(), "wb");
  if (s->file_ == nullptr) {
    int e = errno;
    std::string msg = absl::StrCat(dest, ": cannot create output file: ", std::strerror(e));
    if (e == EACCES || e == EPERM) return absl::PermissionDeniedError(msg);
    return absl::UnavailableError(msg);
  }
  return s;
}

OutputSink::~OutputSink() {
  if (file_ != nullptr && file_ != stdout) {
    std::fclose(file_);
    if (!committed_) std::remove(tmp_.c_str());
  }
}

absl::Status OutputSink::Write(absl::string_view data) {
  if (data.empty()) return absl::OkStatus();
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) {
    int e = errno;
    std::string msg = absl::StrCat(is_stdout() ? "standard output" : dest_, ": write failed: ", std::strerror(e));
    return e == ENOSPC ? absl::ResourceExhaustedError(msg) : absl::UnavailableError(msg);
  }
  return absl::OkStatus();
}

absl::Status OutputSink::Commit() {
  std::string where = is_stdout() ? "standard output" : dest_;
  if (std::fflush(file_) != 0) {
    int e = errno;
    std::string msg = absl::StrCat(where, ": write failed: ", std::strerror(e));
    return e == ENOSPC ? absl::ResourceExhaustedError(msg) : absl::UnavailableError(msg);
  }
  if (is_stdout()) return absl::OkStatus();
  if (::fsync(fileno(file_)) != 0 && errno != EINVAL) {
    return absl::UnavailableError(absl::StrCat(where, ": fsync failed: ", std::strerror(errno)));
  }
  int rc = std::fclose(file_);
  file_ = nullptr;
  if (rc != 0) {
    std::remove(tmp_.c_str());
    return absl::UnavailableError(absl::StrCat(where, ": write failed: ", std::strerror(errno)));
  }
  if (std::rename(tmp_.c_str(), dest_.c_str()) != 0) {
    int e = errno;
    std::remove(tmp_.c_str());
    return absl::UnavailableError(absl::StrCat(where, ": cannot rename the finished file into place: ", std::strerror(e)));
  }
  committed_ = true;
  return absl::OkStatus();
}

std::string HtmlEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

namespace {

constexpr char kStyle[] = R"css(
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em;color:#1d1d1f;max-width:1400px}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f3}th.sort{cursor:pointer;text-decoration:underline dotted}
pre{background:#f7f7f9;padding:8px;overflow-x:auto;font-size:.85em;white-space:pre-wrap}
.alert{color:#b00020;font-weight:bold}.suppressed{color:#666}.stale{color:#b35c00;font-weight:bold}
details summary{cursor:pointer}
)css";

constexpr char kScript[] = R"js(
(function(){
  var th=document.getElementById('score-col');
  if(!th)return;
  var desc=true;
  th.addEventListener('click',function(){
    var body=document.getElementById('hits-body');
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){
      var x=parseFloat(a.getAttribute('data-score')),y=parseFloat(b.getAttribute('data-score'));
      return desc?y-x:x-y;
    });
    rows.forEach(function(r){body.appendChild(r);});
    desc=!desc;
  });
})();
)js";

}  // namespace

std::string RenderHtmlReport(absl::string_view title, const RunRecord& record,
                             const std::vector<std::pair<std::string, int64_t>>& summary,
                             const std::vector<std::pair<std::string, int64_t>>& by_list,
                             const std::vector<ReportHit>& hits) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>";
  absl::StrAppend(&out, HtmlEscape(title), "</title>\n<style>", kStyle, "</style></head><body>\n<h1>",
                  HtmlEscape(title), "</h1>\n");
  // Run record.
  out += "<h2>Run record</h2>\n<table>";
  auto row = [&](absl::string_view k, absl::string_view v) {
    absl::StrAppend(&out, "<tr><th>", HtmlEscape(k), "</th><td>", HtmlEscape(v), "</td></tr>\n");
  };
  row("command", record.command);
  row("library version", record.library_version);
  row("time (UTC)", record.time);
  row("index fingerprint", record.index_fingerprint);
  row("input", absl::StrCat(record.input_path, "  sha256 ", record.input_sha256));
  if (!record.as_of.empty()) row("as of", record.as_of);
  if (!record.decisions_sha256.empty()) row("decisions sha256", record.decisions_sha256);
  for (const auto& [k, v] : record.options) row(absl::StrCat("option --", k), v);
  for (const auto& [k, v] : record.extra) row(k, v);
  for (const auto& l : record.lists) {
    row(absl::StrCat("list ", l.list_id),
        absl::StrCat(l.name, "; published ", l.publication_date.empty() ? "(unknown)" : l.publication_date, "; ",
                     l.entities, " entities; sha256 ", l.sha256));
  }
  out += "</table>\n<details><summary>run record (JSON)</summary><pre>";
  absl::StrAppend(&out, HtmlEscape(RunRecordToJson(record)), "</pre></details>\n");
  // Summary and chart.
  out += "<h2>Summary</h2>\n<table>";
  for (const auto& [k, v] : summary) row(k, absl::StrCat(v));
  out += "</table>\n";
  if (!by_list.empty()) {
    int64_t max = 1;
    for (const auto& [k, v] : by_list) max = std::max(max, v);
    const int bar_h = 22, label_w = 320, chart_w = 360;
    int h = static_cast<int>(by_list.size()) * bar_h + 10;
    absl::StrAppendFormat(&out,
                          "<h2>Alerts by list</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                          "height=\"%d\" role=\"img\" aria-label=\"alerts by list\">\n",
                          label_w + chart_w + 60, h);
    int y = 5;
    for (const auto& [k, v] : by_list) {
      int w = static_cast<int>(static_cast<double>(v) / static_cast<double>(max) * chart_w);
      absl::StrAppendFormat(&out,
                            "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>"
                            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#4a6fa5\"/>"
                            "<text x=\"%d\" y=\"%d\" font-size=\"12\">%d</text>\n",
                            label_w - 6, y + 15, HtmlEscape(k), label_w, y + 2, std::max(w, 1), bar_h - 6,
                            label_w + std::max(w, 1) + 4, y + 15, v);
      y += bar_h;
    }
    out += "</svg>\n";
  }
  // Hits.
  absl::StrAppend(&out, "<h2>Hits (", hits.size(), ")</h2>\n");
  out += "<table><thead><tr><th>row</th><th>counterparty</th><th>status</th><th id=\"score-col\" class=\"sort\" "
         "title=\"click to sort\">score</th><th>list / entity</th><th>listed name</th><th>matched name</th>"
         "<th>source lists</th><th>programs</th><th>note</th><th>explanation</th></tr></thead>\n<tbody id=\"hits-body\">\n";
  for (const auto& h : hits) {
    std::string cls = h.status == "suppressed" ? "suppressed" : (h.status == "stale" ? "stale" : "alert");
    absl::StrAppendFormat(&out, "<tr data-score=\"%.4f\"><td>%s</td><td>%s</td><td class=\"%s\">%s</td><td>%.4f</td>",
                          h.score, HtmlEscape(h.row_id), HtmlEscape(h.query_name), cls, HtmlEscape(h.status),
                          h.score);
    absl::StrAppend(&out, "<td>", HtmlEscape(h.list_id), " / ", HtmlEscape(h.entity_id), "</td><td>",
                    HtmlEscape(h.name), "</td><td>", HtmlEscape(h.matched_name), "</td><td>",
                    HtmlEscape(h.source_lists), "</td><td>", HtmlEscape(h.programs), "</td><td>", HtmlEscape(h.note),
                    "</td><td><details><summary>why</summary><pre>", HtmlEscape(h.explanation),
                    "</pre></details></td></tr>\n");
  }
  absl::StrAppend(&out, "</tbody></table>\n<script>", kScript, "</script>\n</body></html>\n");
  return out;
}

}  // namespace partyscreen::cli
