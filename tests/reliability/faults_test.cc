// Faults: a process killed while writing, a failed list refresh, a full
// disk. Each test asserts that what was there before is still there and
// loadable, and that the failure is reported, never ignored.
//
// Fork-based tests: the child only writes (no threads are started before the
// fork), and is killed with SIGKILL at a seeded-random moment.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/util/file.h"
#include "partyscreen/audit.h"
#include "partyscreen/index.h"
#include "partyscreen/reloader.h"
#include "partyscreen/screener.h"
#include "partyscreen/sources.h"
#include "tests/reliability/reliability_util.h"

namespace partyscreen {
namespace {

using ::testing::HasSubstr;
using testing_util::NewTempDir;
using testing_util::ReadFile;
using testing_util::WriteFile;

// Runs `child` in a forked process and kills it after `delay`. Returns true
// if the child was killed (false if it finished first).
template <typename F>
bool RunAndKill(F child, std::chrono::microseconds delay) {
  pid_t pid = ::fork();
  if (pid == 0) {
    child();
    ::_exit(0);
  }
  EXPECT_GT(pid, 0);
  std::this_thread::sleep_for(delay);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status);
}

TEST(KilledWriterTest, SnapshotSaveKilledAtRandomPointsLeavesALoadableSnapshot) {
  const std::string dir = NewTempDir("killsave");
  auto v1 = testing_util::BuildFixtureIndex(dir, 0, "v1");
  auto v2 = testing_util::BuildFixtureIndex(dir, 3000, "v2");  // larger: writes take longer
  ASSERT_TRUE(v1.ok() && v2.ok());
  const std::string path = absl::StrCat(dir, "/lists.snapshot");
  ASSERT_TRUE((*v1)->Save(path).ok());
  const std::set<std::string> versions = {(*v1)->info().fingerprint, (*v2)->info().fingerprint};
  std::mt19937 rng(20240501);
  int killed = 0;
  for (int round = 0; round < 25; ++round) {
    const auto delay = std::chrono::microseconds(std::uniform_int_distribution<int>(0, 30000)(rng));
    killed += RunAndKill([&] {
      for (int i = 0; i < 1000; ++i) (void)(i % 2 ? *v1 : *v2)->Save(path);
    }, delay);
    auto loaded = Index::Load(path);
    ASSERT_TRUE(loaded.ok()) << "round " << round << ": " << loaded.status();
    EXPECT_EQ(versions.count((*loaded)->info().fingerprint), 1u);
  }
  EXPECT_GT(killed, 20);  // the test must actually kill writers
}

TEST(KilledWriterTest, AppendLineLockedKilledAtRandomPointsLosesNoEarlierLine) {
  const std::string dir = NewTempDir("killappend");
  const std::string path = absl::StrCat(dir, "/decisions.jsonl");
  std::vector<std::string> before;
  for (int i = 0; i < 50; ++i) {
    before.push_back(absl::StrCat("{\"seq\":", i, ",\"pad\":\"", std::string(200, 'p'), "\"}"));
    ASSERT_TRUE(internal::AppendLineLocked(path, before.back() + "\n").ok());
  }
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    const auto delay = std::chrono::microseconds(std::uniform_int_distribution<int>(0, 5000)(rng));
    RunAndKill([&] {
      const std::string big = absl::StrCat("{\"child\":", round, ",\"pad\":\"", std::string(100000, 'c'), "\"}\n");
      for (int i = 0; i < 200; ++i) (void)internal::AppendLineLocked(path, big);
    }, delay);
  }
  // A later append after all the killed writers starts on its own line.
  ASSERT_TRUE(internal::AppendLineLocked(path, "{\"after\":true}\n").ok());
  const std::string content = ReadFile(path);
  std::vector<std::string> lines = absl::StrSplit(content, '\n');
  ASSERT_GE(lines.size(), before.size() + 2);
  for (size_t i = 0; i < before.size(); ++i) EXPECT_EQ(lines[i], before[i]) << i;
  EXPECT_EQ(lines[lines.size() - 2], "{\"after\":true}");
  EXPECT_EQ(lines.back(), "");
  // Every line is either a whole record or a cut one (at most one per kill).
  int partial = 0;
  for (size_t i = before.size(); i + 1 < lines.size(); ++i) {
    if (!absl::EndsWith(lines[i], "}")) ++partial;
  }
  EXPECT_LE(partial, 20);
}

TEST(FailedRefreshTest, BadNewListKeepsServingThePreviousOne) {
  const std::string dir = NewTempDir("refresh");
  ScreenerHolder holder;
  EXPECT_EQ(holder.Get(), nullptr);
  const std::string good = absl::StrCat(dir, "/list.csv");
  WriteFile(good, testing_util::FixtureCsv(0, "v1"));
  ListSpec spec;
  spec.path = good;
  spec.options.format = ListFormat::kCustomCsv;
  spec.options.list_id = "fixture";
  ASSERT_TRUE(holder.ReloadLists({spec}).ok()) << holder.last_status();
  auto v1 = holder.Get();
  ASSERT_NE(v1, nullptr);
  const std::string fp1 = v1->index()->info().fingerprint;

  // The publisher's new file is truncated mid-quote.
  const std::string bad = absl::StrCat(dir, "/list_new.csv");
  WriteFile(bad, absl::StrCat(testing_util::FixtureCsv(0, "v2"), "F-9,\"Cut"));
  spec.path = bad;
  absl::Status s = holder.ReloadLists({spec});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("list_new.csv:8"));
  EXPECT_EQ(holder.last_status(), s);
  ASSERT_EQ(holder.Get(), v1);  // the very same screener
  Query q;
  q.name = "Zarovia Precision Optics";
  auto r = holder.Get()->Screen(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->index_fingerprint, fp1);
  ASSERT_FALSE(r->hits.empty());

  // A missing file, a corrupt snapshot, a loader error: all keep v1.
  spec.path = absl::StrCat(dir, "/gone.csv");
  EXPECT_EQ(holder.ReloadLists({spec}).code(), absl::StatusCode::kNotFound);
  const std::string snap = absl::StrCat(dir, "/corrupt.snapshot");
  ASSERT_TRUE(v1->index()->Save(snap).ok());
  std::string bytes = ReadFile(snap);
  bytes[bytes.size() / 2] ^= 0x40;
  WriteFile(snap, bytes);
  EXPECT_EQ(holder.ReloadSnapshot(snap).code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(holder.Reload([] { return absl::StatusOr<std::shared_ptr<const Index>>(absl::UnavailableError("x")); }).code(),
            absl::StatusCode::kUnavailable);
  EXPECT_EQ(holder.Swap(nullptr).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(holder.Get(), v1);
  EXPECT_EQ(holder.successful_reloads(), 1);

  // A good refresh then swaps.
  WriteFile(bad, testing_util::FixtureCsv(0, "v2"));
  spec.path = bad;
  ASSERT_TRUE(holder.ReloadLists({spec}).ok());
  EXPECT_TRUE(holder.last_status().ok());
  EXPECT_NE(holder.Get()->index()->info().fingerprint, fp1);
  EXPECT_EQ(holder.successful_reloads(), 2);
  // The old screener a request still holds keeps working.
  auto old = v1->Screen(q);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->index_fingerprint, fp1);
}


TEST(KilledWriterTest, HistoryAddKilledAtRandomPointsLeavesTheHistoryReadable) {
  const std::string dir = NewTempDir("killhistory");
  auto v1 = testing_util::ReadCustom(dir, "v1.csv", testing_util::FixtureCsv(0, "v1"));
  auto v2 = testing_util::ReadCustom(dir, "v2.csv", testing_util::FixtureCsv(3000, "v2"));
  ASSERT_TRUE(v1.ok() && v2.ok());
  std::mt19937 rng(99);
  int killed = 0;
  for (int round = 0; round < 15; ++round) {
    // A history of its own per round: in a shared one, the dates of the
    // earlier rounds are already there and a fast writer may finish before
    // the kill (too few kills to test anything).
    const std::string hist = absl::StrCat(dir, "/history", round);
    {
      auto h = History::OpenOrCreate(hist);
      ASSERT_TRUE(h.ok()) << h.status();
      ASSERT_TRUE(h->Add(*v1, "2024-01-01").ok());
    }
    const auto delay = std::chrono::microseconds(std::uniform_int_distribution<int>(0, 40000)(rng));
    killed += RunAndKill([&] {
      auto h = History::OpenOrCreate(hist);
      if (!h.ok()) ::_exit(3);
      for (int d = 2; d < 28; ++d) (void)h->Add(*v2, absl::StrCat("2024-02-", d < 10 ? "0" : "", d));
    }, delay);
    auto h = History::Open(hist);
    ASSERT_TRUE(h.ok()) << "round " << round << ": " << h.status();
    ASSERT_GE(h->versions().size(), 1u);
    // The first version is intact, and so is every version the catalogue lists.
    for (const HistoryVersion& v : h->versions()) {
      auto l = h->Load(v);
      ASSERT_TRUE(l.ok()) << "round " << round << " " << v.date << ": " << l.status();
      EXPECT_EQ(l->entities_size(), v.entities);
    }
    EXPECT_EQ(h->versions()[0].date, "2024-01-01");
  }
  EXPECT_GT(killed, 5);
}

TEST(KilledWriterTest, AppendDecisionKilledLeavesEarlierDecisionsReadable) {
  const std::string dir = NewTempDir("killdecision");
  const std::string path = absl::StrCat(dir, "/decisions.jsonl");
  Decision d;
  d.counterparty = "V-1001";
  d.list_id = "fixture";
  d.entity_id = "F-1";
  d.fingerprint = std::string(64, 'a');
  d.decision = "cleared";
  d.reviewer = "jdoe";
  d.date = "2024-05-01";
  d.reason = std::string(50000, 'r');  // a long line: a kill can cut it
  for (int i = 0; i < 5; ++i) {
    d.counterparty = absl::StrCat("V-", i);
    ASSERT_TRUE(AppendDecision(path, d).ok());
  }
  std::mt19937 rng(5);
  for (int round = 0; round < 10; ++round) {
    const auto delay = std::chrono::microseconds(std::uniform_int_distribution<int>(0, 3000)(rng));
    RunAndKill([&] {
      Decision c = d;
      for (int i = 0; i < 500; ++i) {
        c.counterparty = absl::StrCat("C-", round, "-", i);
        (void)AppendDecision(path, c);
      }
    }, delay);
  }
  // The five decisions written before are still there, first and intact.
  const std::string content = ReadFile(path);
  std::vector<std::string> lines = absl::StrSplit(content, '\n');
  ASSERT_GE(lines.size(), 6u);
  for (int i = 0; i < 5; ++i) EXPECT_THAT(lines[i], HasSubstr(absl::StrCat("\"V-", i, "\"")));
  // Reading: a line cut by a kill is reported with its line number (it is
  // not silently dropped); every complete line is read.
  auto r = ReadDecisions(path);
  if (r.ok()) {
    ASSERT_GE(r->size(), 5u);
    EXPECT_EQ((*r)[0].counterparty, "V-0");
  } else {
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(r.status().message(), HasSubstr("decisions.jsonl:"));
  }
}


// Found by this suite and fixed: AppendLineLocked opened the file
// O_WRONLY|O_APPEND, so its pread() of the last byte failed and the "start
// on a fresh line after a writer died mid-line" step never ran; the next
// decision was glued onto the cut line. It now opens O_RDWR.
TEST(KilledWriterTest, DecisionLineCutByAKillIsReportedAndLaterLinesStayReadable) {
  // What a writer killed in the middle of its write() leaves: a cut line.
  const std::string dir = NewTempDir("cutdecision");
  const std::string path = absl::StrCat(dir, "/decisions.jsonl");
  Decision d;
  d.counterparty = "V-1";
  d.list_id = "fixture";
  d.entity_id = "F-1";
  d.fingerprint = std::string(64, 'a');
  d.decision = "cleared";
  d.reviewer = "jdoe";
  d.date = "2024-05-01";
  ASSERT_TRUE(AppendDecision(path, d).ok());
  const std::string whole = ReadFile(path);
  WriteFile(path, absl::StrCat(whole, whole.substr(0, whole.size() / 2)));  // cut second line
  d.counterparty = "V-3";
  ASSERT_TRUE(AppendDecision(path, d).ok());  // starts on a fresh line
  std::vector<std::string> lines = absl::StrSplit(ReadFile(path), '\n');
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_THAT(lines[2], HasSubstr("\"V-3\""));
  // The cut line is an error naming its line: the file is never read as if
  // the cut decision did not exist.
  auto r = ReadDecisions(path);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << r.status();
  EXPECT_THAT(r.status().message(), HasSubstr("decisions.jsonl:2"));
}

TEST(DiskFullTest, CliOutputToAFullDiskIsAnError) {
  // stdout on /dev/full: every write fails with ENOSPC; the tool must say so
  // and exit 2, not report success. (Never pass /dev/full to -o: output
  // files are written atomically through a temporary file beside them.)
  const std::string cli = absl::StrCat(PARTYSCREEN_BINARY_DIR, "/partyscreen");
  if (::access(cli.c_str(), X_OK) != 0) GTEST_SKIP() << "the CLI is not built here";
  const std::string dir = NewTempDir("clifull");
  const std::string list = absl::StrCat(dir, "/list.csv");
  WriteFile(list, testing_util::FixtureCsv());
  const std::string input = absl::StrCat(dir, "/vendors.csv");
  std::string vendors = "id,name\n";
  for (int i = 0; i < 2000; ++i) absl::StrAppend(&vendors, i, ",Zarovia Precision Optics ", i, "\n");
  WriteFile(input, vendors);
  const std::string cmd = absl::StrCat(cli, " screen --list fixture:custom_csv=", list, " --input ", input,
                                       " --format jsonl >/dev/full 2>", dir, "/err.txt");
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2) << ReadFile(absl::StrCat(dir, "/err.txt"));
  EXPECT_FALSE(ReadFile(absl::StrCat(dir, "/err.txt")).empty());
}

TEST(DiskFullTest, AppendToAFullDiskIsResourceExhausted) {
  // /dev/full: every write fails with ENOSPC. (AppendLineLocked opens the
  // path in place; never point an atomic write at /dev.)
  absl::Status s = internal::AppendLineLocked("/dev/full", "{\"x\":1}\n");
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted) << s;
  EXPECT_THAT(s.message(), HasSubstr("/dev/full"));
}

TEST(DiskFullTest, SnapshotSaveThatCannotWriteIsReportedAndKeepsTheOldFile) {
  // A full disk for the snapshot is simulated with RLIMIT_FSIZE in a child
  // (writes past the limit fail with EFBIG); the previous snapshot must stay.
  const std::string dir = NewTempDir("fsize");
  auto v1 = testing_util::BuildFixtureIndex(dir, 0, "v1");
  auto v2 = testing_util::BuildFixtureIndex(dir, 3000, "v2");
  ASSERT_TRUE(v1.ok() && v2.ok());
  const std::string path = absl::StrCat(dir, "/lists.snapshot");
  ASSERT_TRUE((*v1)->Save(path).ok());
  const off_t limit = static_cast<off_t>(ReadFile(path).size()) + 100;
  int pipefd[2];
  ASSERT_EQ(::pipe(pipefd), 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl = {static_cast<rlim_t>(limit), static_cast<rlim_t>(limit)};
    ::setrlimit(RLIMIT_FSIZE, &rl);
    absl::Status s = (*v2)->Save(path);
    std::string msg = absl::StrCat(static_cast<int>(s.code()), "|", s.message());
    (void)!::write(pipefd[1], msg.data(), msg.size());
    ::_exit(0);
  }
  ::close(pipefd[1]);
  std::string msg;
  char buf[512];
  for (ssize_t n; (n = ::read(pipefd[0], buf, sizeof buf)) > 0;) msg.append(buf, static_cast<size_t>(n));
  ::close(pipefd[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_FALSE(msg.empty());
  EXPECT_NE(msg.substr(0, 2), "0|") << "the failed write was not reported: " << msg;
  EXPECT_THAT(msg, HasSubstr("lists.snapshot"));
  auto loaded = Index::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ((*loaded)->info().fingerprint, (*v1)->info().fingerprint);
}

}  // namespace
}  // namespace partyscreen
