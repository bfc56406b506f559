// End-to-end tests of the compliance commands of the built `partyscreen`
// binary: screen (streaming, formats, run record, report, --as-of,
// --decisions), history, diff, rescreen, audit, decide.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
// The CLI's input helpers are not in a library: compile them in.
#include "tools/partyscreen/input.cc"  // NOLINT

namespace partyscreen::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kBin = std::string(PARTYSCREEN_BINARY_DIR) + "/partyscreen";
const std::string kSrc = PARTYSCREEN_SOURCE_DIR;
const std::string kData = std::string(PARTYSCREEN_SHARED_DIR) + "/data";
const std::string kCsl = "csl_csv=" + kSrc + "/tests/testdata/audit/csl_small.csv";

struct Result {
  int code = -1;
  std::string out, err;
};

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string Dir() {
  static std::string d = [] {
    std::string x = absl::StrCat(::testing::TempDir(), "/cli_audit_", ::getpid());
    std::system(absl::StrCat("rm -rf '", x, "' && mkdir -p '", x, "'").c_str());
    return x;
  }();
  return d;
}

void Write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// Runs the binary with `args` (a shell fragment); stdout and stderr are
// captured unless `args` redirects them itself.
Result RunCli(const std::string& args, bool capture_stdout = true) {
  std::string out = Dir() + "/stdout", err = Dir() + "/stderr";
  std::string cmd = absl::StrCat(kBin, " ", args, capture_stdout ? absl::StrCat(" > '", out, "'") : "", " 2> '", err,
                                 "' < /dev/null");
  int rc = std::system(cmd.c_str());
  Result r;
  r.code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = capture_stdout ? Slurp(out) : "";
  r.err = Slurp(err);
  return r;
}

std::string Vendors() {
  std::string p = Dir() + "/vendors.csv";
  Write(p,
        "id,name,country\n"
        "V1,\"Hangzhou Hikvision Digital Technology Co., Ltd.\",CN\n"
        "V2,Grainger Industrial Supply,US\n"
        "V3,Oracle Corporation,US\n");
  return p;
}

std::string MaskTime(std::string s) {
  return std::regex_replace(s, std::regex("\"time\": \"[^\"]*\""), "\"time\": \"T\"");
}

TEST(CsvCellTest, NeutralisesFormulaStarts) {
  EXPECT_EQ(CsvCell("=1+1"), "'=1+1");
  EXPECT_EQ(CsvCell("+49 30 1234"), "'+49 30 1234");
  EXPECT_EQ(CsvCell("-5"), "'-5");
  EXPECT_EQ(CsvCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvCell("\tx"), "'\tx");
  EXPECT_EQ(CsvCell("\rx"), "\"'\rx\"");
  EXPECT_EQ(CsvCell("=HYPERLINK(\"http://x\",\"a,b\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\"");
  EXPECT_EQ(CsvCell("Acme, Inc."), "\"Acme, Inc.\"");
  EXPECT_EQ(CsvCell("Acme"), "Acme");
}

TEST(CsvStreamTest, ReadsLikeCsvReaderAcrossBufferBoundaries) {
  std::string p = Dir() + "/stream.csv";
  std::string text = "\xEF\xBB\xBFid,name\r\n";
  for (int i = 0; i < 30000; ++i) absl::StrAppend(&text, i, ",\"Name ", i, ", with \"\"quote\"\"\nand newline\"\r\n");
  text += "\n\n";
  Write(p, text);
  auto s = CsvStream::Open(p);
  ASSERT_TRUE(s.ok()) << s.status();
  std::vector<std::string> f;
  ASSERT_TRUE(*(*s)->Next(&f));
  EXPECT_EQ(f, (std::vector<std::string>{"id", "name"}));
  for (int i = 0; i < 30000; ++i) {
    auto more = (*s)->Next(&f);
    ASSERT_TRUE(more.ok() && *more) << i;
    ASSERT_EQ(f.size(), 2u);
    ASSERT_EQ(f[1], absl::StrCat("Name ", i, ", with \"quote\"\nand newline"));
    ASSERT_EQ((*s)->line(), 2 + 2 * i);
  }
  EXPECT_FALSE(*(*s)->Next(&f));
  EXPECT_EQ((*s)->Sha256Hex().size(), 64u);

  Write(p, "id,name\n1,\"open quote\n2,x\n");
  auto t = CsvStream::Open(p);
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(*(*t)->Next(&f));
  auto bad = (*t)->Next(&f);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("stream.csv:2: file is truncated"));
  Write(p, "");
  EXPECT_EQ(CsvStream::Open(p).status().code(), absl::StatusCode::kInvalidArgument);
  Write(p, "id,name\n1,\xff\xfe\xfd\n");
  auto u = CsvStream::Open(p);
  ASSERT_TRUE(u.ok());
  ASSERT_TRUE(*(*u)->Next(&f));
  EXPECT_THAT((*u)->Next(&f).status().message(), HasSubstr("stream.csv:2: column 2: invalid UTF-8"));
}

TEST(ScreenCliTest, ListedNameAlertsAndUnrelatedDoesNot) {
  Result r = RunCli(absl::StrCat("screen --list ", kCsl, " --input ", Vendors(), " --quiet"));
  ASSERT_EQ(r.code, 1) << r.err;
  std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 5u);  // run record, 3 rows, summary
  EXPECT_TRUE(absl::StartsWith(lines[0], "{\"run\": {\"command\": \"screen\""));
  EXPECT_THAT(lines[0], HasSubstr("\"index_fingerprint\": \""));
  EXPECT_THAT(lines[0], HasSubstr("\"sha256\": \""));
  EXPECT_THAT(lines[1], HasSubstr("\"id\": \"V1\""));
  EXPECT_THAT(lines[1], Not(HasSubstr("\"alerts\": 0")));
  EXPECT_THAT(lines[2], HasSubstr("\"id\": \"V2\""));
  EXPECT_THAT(lines[2], HasSubstr("\"alerts\": 0"));
  EXPECT_THAT(lines[4], HasSubstr("{\"summary\": {\"rows\": 3, \"rows_with_alerts\": 1"));
  EXPECT_THAT(r.err, HasSubstr("source list Entity List (EL)"));

  std::string clean = Dir() + "/clean.csv";
  Write(clean, "id,name\nV2,Grainger Industrial Supply\n");
  EXPECT_EQ(RunCli(absl::StrCat("screen --list ", kCsl, " --input ", clean, " --quiet")).code, 0);
  EXPECT_EQ(RunCli(absl::StrCat("screen --list ", kCsl, " --input ", Dir(), "/missing.csv")).code, 2);
}

TEST(ScreenCliTest, SameInputsGiveIdenticalOutputApartFromTime) {
  std::string a = Dir() + "/det_a.csv", b = Dir() + "/det_b.csv";
  for (const std::string& out : {a, b}) {
    Result r = RunCli(absl::StrCat("screen --list ", kCsl, " --input ", Vendors(), " --format csv -o ", out,
                                " --threads 2 --quiet"));
    ASSERT_EQ(r.code, 1) << r.err;
  }
  EXPECT_EQ(Slurp(a), Slurp(b));
  std::string ra = Slurp(a + ".run.json"), rb = Slurp(b + ".run.json");
  ASSERT_THAT(ra, HasSubstr("\"rows\": 3"));
  EXPECT_EQ(MaskTime(ra), MaskTime(rb));
  Result j1 = RunCli(absl::StrCat("screen --list ", kCsl, " --input ", Vendors(), " --threads 1 --quiet"));
  Result j2 = RunCli(absl::StrCat("screen --list ", kCsl, " --input ", Vendors(), " --threads 3 --quiet"));
  EXPECT_EQ(MaskTime(j1.out), MaskTime(j2.out));
  EXPECT_NE(MaskTime(j1.out), j1.out);  // the mask did mask something
}

TEST(ScreenCliTest, CsvOutputNeutralisesFormulaCells) {
  std::string in = Dir() + "/formula.csv";
  Write(in, "id,name\n=cmd|' /C calc'!A0,\"=HYPERLINK(\"\"http://evil\"\",\"\"Hikvision\"\")\"\n+2,@Hikvision\n");
  std::string out = Dir() + "/formula_out.csv";
  Result r = RunCli(absl::StrCat("screen --list ", kCsl, " --input ", in, " --format csv -o ", out, " --quiet"));
  ASSERT_NE(r.code, 2) << r.err;
  std::string csv = Slurp(out);
  EXPECT_THAT(csv, HasSubstr("'=cmd|"));
  EXPECT_THAT(csv, HasSubstr("\"'=HYPERLINK("));
  EXPECT_THAT(csv, HasSubstr("'+2"));
  EXPECT_THAT(csv, HasSubstr("'@Hikvision"));
  for (absl::string_view line : absl::StrSplit(csv, '\n')) {
    for (absl::string_view cell : absl::StrSplit(line, ',')) {
      if (cell.empty()) continue;
      EXPECT_FALSE(cell[0] == '=' || cell[0] == '+' || cell[0] == '@') << line;
    }
  }
}

TEST(ScreenCliTest, WriteErrorIsExitTwo) {
  Result r = RunCli(absl::StrCat("screen --list ", kCsl, " --input ", Vendors(), " --quiet > /dev/full"), false);
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("write failed"));
  Result r2 = RunCli(absl::StrCat("screen --list ", kCsl, " --input ", Vendors(), " -o /nonexistent_dir/x.jsonl"));
  EXPECT_EQ(r2.code, 2);
}

TEST(ScreenCliTest, HtmlReportIsSelfContainedAndEscaped) {
  std::string in = Dir() + "/evil.csv";
  Write(in, "id,name\n\"<img src=x onerror=alert(1)>\",\"<script>alert('x')</script> Hikvision\"\nV2,Hikvision\n");
  std::string report = Dir() + "/report.html";
  Result r = RunCli(absl::StrCat("screen --list ", kCsl, " --input ", in, " --report ", report, " --min-score 0 --quiet -o ", Dir(),
                              "/evil.jsonl"));
  ASSERT_EQ(r.code, 1) << r.err;
  std::string html = Slurp(report);
  EXPECT_THAT(html, HasSubstr("<svg"));
  EXPECT_THAT(html, HasSubstr("Run record"));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  // One script element (ours), no external asset.
  size_t scripts = 0;
  for (size_t p = html.find("<script"); p != std::string::npos; p = html.find("<script", p + 1)) ++scripts;
  EXPECT_EQ(scripts, 1u);
  EXPECT_THAT(html, Not(HasSubstr("src=\"http")));
  EXPECT_THAT(html, Not(HasSubstr("href=\"http")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, HasSubstr("data-score=\""));
}

TEST(ScreenCliTest, StreamsLargeInputInOrder) {
  std::string in = Dir() + "/big.csv";
  std::string text = "id,name\n";
  for (int i = 0; i < 9000; ++i) absl::StrAppend(&text, "R", i, ",", i % 1000 == 0 ? "Hikvision" : "Plain Supplier Number", "\n");
  Write(in, text);
  Result r = RunCli(absl::StrCat("screen --list ", kCsl, " --input ", in, " --format csv --no-explanations --quiet"));
  ASSERT_EQ(r.code, 1) << r.err;
  std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  int expect = 0;
  for (size_t k = 1; k < lines.size(); ++k) {
    std::string id = lines[k].substr(0, lines[k].find(','));
    if (id == absl::StrCat("R", expect)) {
      ++expect;
    } else {
      ASSERT_EQ(id, absl::StrCat("R", expect - 1)) << "row order broken at output line " << k;
    }
  }
  EXPECT_EQ(expect, 9000);
  EXPECT_THAT(r.err, HasSubstr("screened 9000 rows"));
}

TEST(ScreenCliTest, AsOfDropsListingsNotYetInForce) {
  std::string in = Dir() + "/hik.csv";
  Write(in, "id,name\nV1,Hikvision\n");
  std::string base = absl::StrCat("screen --list ", kCsl, " --input ", in, " --source-list \"Entity List\" --quiet");
  Result before = RunCli(base + " --as-of 2019-10-08");
  EXPECT_EQ(before.code, 0) << before.err;
  EXPECT_THAT(before.out, HasSubstr("\"as_of\": \"2019-10-08\""));
  EXPECT_THAT(before.out, HasSubstr("\"hits_not_in_force\": 1"));
  Result after = RunCli(base + " --as-of 2019-10-09");
  EXPECT_EQ(after.code, 1) << after.err;
  EXPECT_THAT(after.out, HasSubstr("in force from 2019-10-09"));
  EXPECT_EQ(RunCli(base + " --as-of 2019-13-01").code, 2);
}

std::string Sdn(const std::string& date) {
  return absl::StrCat("ofac_csv=", kData, "/ofac_sdn_csv/jackdwyer_daily/sdn_", date, ".csv");
}
std::string Dpl(const std::string& v) { return absl::StrCat("dpl_tsv=", kData, "/us_csl/dpl_", v, ".txt"); }

TEST(HistoryCliTest, AddShowAndRefuseTheEmptyFile) {
  std::string h = Dir() + "/hist";
  Result empty = RunCli(absl::StrCat("history show --dir ", h));
  EXPECT_EQ(empty.code, 2);
  EXPECT_THAT(empty.err, HasSubstr("does not exist"));
  ASSERT_EQ(RunCli(absl::StrCat("history add --dir ", h, " --list ", Dpl("2019-06"), " --date 2019-06-29")).code, 0);
  ASSERT_EQ(RunCli(absl::StrCat("history add --dir ", h, " --list ", Dpl("2022-09"), " --date 2022-09-07")).code, 0);
  Result zero = RunCli(absl::StrCat("history add --dir ", h, " --list ", Sdn("2024-05-04"), " --date 2024-05-04"));
  EXPECT_EQ(zero.code, 2);
  EXPECT_THAT(zero.err, HasSubstr("empty"));
  EXPECT_EQ(RunCli(absl::StrCat("history add --dir ", h, " --list ", Dpl("2022-09"), " --date 2022-9-7")).code, 2);
  Result show = RunCli(absl::StrCat("history show --dir ", h));
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("us_bis_dpl       2019-06-29"));
  EXPECT_THAT(show.out, HasSubstr("us_bis_dpl       2022-09-07"));
  EXPECT_THAT(show.out, Not(HasSubstr("2024-05-04")));
  // Diff between history versions.
  Result d = RunCli(absl::StrCat("diff --history ", h, " us_bis_dpl@2019-06-29 us_bis_dpl@2022-09-07 --format jsonl"));
  EXPECT_EQ(d.code, 1) << d.err;
  EXPECT_TRUE(absl::StartsWith(d.out, "{\"diff\": {\"list\": \"us_bis_dpl\""));
  // An empty history directory is a clear error for audit.
  std::string e = Dir() + "/empty_hist";
  std::system(absl::StrCat("mkdir -p ", e).c_str());
  Result a = RunCli(absl::StrCat("audit --history ", e, " --transactions ", kSrc, "/examples/transactions.csv"));
  EXPECT_EQ(a.code, 2);
  EXPECT_THAT(a.err, HasSubstr("empty"));
}

TEST(DiffCliTest, DplVersionsJsonl) {
  Result d = RunCli(absl::StrCat("diff ", Dpl("2022-09"), " ", Dpl("2023-11"), " --format jsonl"));
  ASSERT_EQ(d.code, 1) << d.err;
  std::vector<std::string> lines = absl::StrSplit(d.out, '\n', absl::SkipEmpty());
  EXPECT_THAT(lines[0], HasSubstr("\"added\": 184, \"removed\": 98, \"changed\": 11"));
  EXPECT_EQ(lines.size(), 1u + 184 + 98 + 11);
}

TEST(AuditCliTest, BeforeAndAfterTheListingDate) {
  Result r = RunCli(absl::StrCat("audit --list ", kCsl, " --transactions ", kSrc,
                              "/examples/transactions.csv --format jsonl --source-list x 2>/dev/null"), true);
  // (--source-list is not an audit flag: a usage error)
  EXPECT_EQ(r.code, 2);
  r = RunCli(absl::StrCat("audit --list ", kCsl, " --transactions ", kSrc, "/examples/transactions.csv --format jsonl"));
  ASSERT_EQ(r.code, 1) << r.err;
  std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  ASSERT_GT(lines.size(), 1u);
  EXPECT_TRUE(absl::StartsWith(lines[0], "{\"run\": {\"command\": \"audit\""));
  bool before = false, after = false;
  for (const auto& l : lines) {
    if (!absl::StrContains(l, "Entity List")) continue;
    if (absl::StrContains(l, "\"PO-2019034\"")) {
      EXPECT_THAT(l, HasSubstr("\"finding\": \"listed_later\""));
      before = true;
    }
    if (absl::StrContains(l, "\"PO-2019156\"")) {
      EXPECT_THAT(l, HasSubstr("\"finding\": \"potential_violation\""));
      EXPECT_THAT(l, HasSubstr("Entity List (EL), 84 FR 54002, in force from 2019-10-09"));
      after = true;
    }
    EXPECT_THAT(l, HasSubstr("ikvision"));  // no other supplier alerts on the Entity List
  }
  EXPECT_TRUE(before);
  EXPECT_TRUE(after);
}

TEST(AuditCliTest, MissingOrBadDateNamesFileAndLine) {
  std::string p = Dir() + "/tx_bad.csv";
  Write(p, "id,date,counterparty\nT1,2020-01-01,Acme\nT2,,Acme\n");
  Result r = RunCli(absl::StrCat("audit --list ", kCsl, " --transactions ", p));
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("tx_bad.csv:3: date: the transaction has no date"));
  Write(p, "id,date,counterparty\nT1,01/02/2020,Acme\n");
  r = RunCli(absl::StrCat("audit --list ", kCsl, " --transactions ", p));
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("tx_bad.csv:2: date: '01/02/2020' is not a date"));
  Write(p, "id,when,who\nT1,2020-01-02,Hikvision\n");
  r = RunCli(absl::StrCat("audit --list ", kCsl, " --transactions ", p, " --date-column when --name-column who"));
  EXPECT_EQ(r.code, 1) << r.err;
}

TEST(DecisionsCliTest, ClearedUntilTheRecordChanges) {
  std::string in = Dir() + "/dec_vendors.csv";
  Write(in, "id,name\nV1,Hikvision\n");
  std::string decisions = Dir() + "/decisions.jsonl";
  std::remove(decisions.c_str());
  // Find the Entity List entity id of Hikvision.
  Result s = RunCli(absl::StrCat("screen --list ", kCsl, " --input ", in, " --source-list \"Entity List\" --quiet"));
  ASSERT_EQ(s.code, 1) << s.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(s.out, m, std::regex("\"entity_id\": \"([^\"]+)\"")));
  std::string id = m[1];
  Result d = RunCli(absl::StrCat("decide --list ", kCsl, " --decisions ", decisions, " --counterparty V1 --list-id us_csl ",
                              "--entity-id ", id, " --decision cleared --reviewer jdoe --reason \"camera reseller, checked\" --on 2024-05-01"));
  ASSERT_EQ(d.code, 0) << d.err;
  Result again = RunCli(absl::StrCat("screen --list ", kCsl, " --input ", in, " --source-list \"Entity List\" --quiet --decisions ", decisions));
  EXPECT_EQ(again.code, 0) << again.err;  // suppressed: no alert
  EXPECT_THAT(again.out, HasSubstr("\"status\": \"suppressed\""));
  EXPECT_THAT(again.out, HasSubstr("\"suppressed\": 1"));
  // The listing changes (a new alias): the hit alerts again, marked stale.
  std::string changed = Dir() + "/csl_changed.csv";
  std::string csl = Slurp(kSrc + "/tests/testdata/audit/csl_small.csv");
  size_t p = csl.find("Hangzhou Hikvision Digital Technology Co., Ltd.");
  ASSERT_NE(p, std::string::npos);
  size_t q = csl.find("Hikvision", p + 20);  // the alt_names cell
  ASSERT_NE(q, std::string::npos);
  csl.insert(q, "Hikvision USA Holdings; ");
  Write(changed, csl);
  Result stale = RunCli(absl::StrCat("screen --list csl_csv=", changed, " --input ", in,
                                  " --source-list \"Entity List\" --quiet --decisions ", decisions));
  EXPECT_EQ(stale.code, 1) << stale.err;
  EXPECT_THAT(stale.out, HasSubstr("\"status\": \"stale\""));
  EXPECT_THAT(stale.out, HasSubstr("earlier decision is stale"));
  EXPECT_THAT(stale.out, HasSubstr("aliases"));
  // A malformed decisions line: error with file and line.
  std::string bad = Dir() + "/bad_decisions.jsonl";
  Write(bad, Slurp(decisions) + "not json\n");
  Result b = RunCli(absl::StrCat("screen --list ", kCsl, " --input ", in, " --decisions ", bad));
  EXPECT_EQ(b.code, 2);
  EXPECT_THAT(b.err, HasSubstr("bad_decisions.jsonl:2:"));
}

TEST(RescreenCliTest, EqualsFullComparisonOnDplVersions) {
  std::string in = Dir() + "/dpl_vendors.csv";
  std::string text = "id,name\n";
  std::ifstream f(kData + "/us_csl/dpl_2022-09.txt");
  std::string line;
  int n = 0;
  std::getline(f, line);
  while (std::getline(f, line) && n < 400) {
    std::string name = line.substr(1, line.find('"', 1) - 1);
    if (n % 2 == 0) absl::StrAppend(&text, "D", n, ",\"", name, "\"\n");
    ++n;
  }
  absl::StrAppend(&text, "X1,Grainger Industrial Supply\nX2,Siemens AG\n");
  Write(in, text);
  Result r = RunCli(absl::StrCat("rescreen --input ", in, " --from ", Dpl("2022-09"), " --to ", Dpl("2023-11"),
                              " --compare-full --format jsonl"));
  EXPECT_NE(r.code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("rows differing from the full comparison: 0"));
  EXPECT_THAT(r.out, HasSubstr("\"result\": \"alert_gone\""));
}

}  // namespace
}  // namespace partyscreen::cli
