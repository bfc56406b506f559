#include "lib/util/file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "absl/strings/str_cat.h"

namespace partyscreen::internal {
namespace {

absl::Status ErrnoStatus(int err, absl::string_view what, absl::string_view path) {
  std::string msg = absl::StrCat(path, ": ", what, ": ", std::strerror(err));
  switch (err) {
    case ENOENT: return absl::NotFoundError(msg);
    case EACCES: case EPERM: return absl::PermissionDeniedError(msg);
    case ENOSPC: case EDQUOT: return absl::ResourceExhaustedError(msg);
    default: return absl::UnavailableError(msg);
  }
}

absl::Status WriteAll(int fd, absl::string_view data, absl::string_view path) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, "write failed", path);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

// Opens `path` for reading and stats it; a directory is kInvalidArgument.
// On success the caller owns the returned descriptor.
absl::StatusOr<int> OpenForReading(absl::string_view path, struct stat* st) {
  std::string p(path);
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(errno, "cannot open", path);
  if (::fstat(fd, st) != 0) {
    int e = errno;
    ::close(fd);
    return ErrnoStatus(e, "cannot stat", path);
  }
  if (S_ISDIR(st->st_mode)) {
    ::close(fd);
    return absl::InvalidArgumentError(absl::StrCat(path, ": is a directory, not a file"));
  }
  return fd;
}

}  // namespace

absl::StatusOr<std::unique_ptr<MappedFile>> MappedFile::Open(absl::string_view path) {
  struct stat st;
  auto opened = OpenForReading(path, &st);
  if (!opened.ok()) return opened.status();
  const int fd = *opened;
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return absl::InvalidArgumentError(absl::StrCat(path, ": is not a regular file"));
  }
  const auto size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return std::unique_ptr<MappedFile>(new MappedFile(nullptr, 0));
  }
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  int e = errno;
  ::close(fd);
  if (data == MAP_FAILED) return ErrnoStatus(e, "cannot map", path);
  return std::unique_ptr<MappedFile>(new MappedFile(data, size));
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(data_, size_);
}

absl::StatusOr<std::string> ReadFileToString(absl::string_view path, uint64_t max_bytes) {
  struct stat st;
  auto opened = OpenForReading(path, &st);
  if (!opened.ok()) return opened.status();
  const int fd = *opened;
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    ::close(fd);
    return absl::ResourceExhaustedError(absl::StrCat(
        path, ": file is ", st.st_size, " bytes, more than the limit of ", max_bytes));
  }
  std::string out;
  out.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (true) {
    if (got == out.size()) out.resize(out.size() + 65536);
    ssize_t n = ::read(fd, &out[got], out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      return ErrnoStatus(e, "read failed", path);
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
    if (got > max_bytes) {
      ::close(fd);
      return absl::ResourceExhaustedError(absl::StrCat(path, ": file exceeds the limit of ", max_bytes, " bytes"));
    }
  }
  ::close(fd);
  out.resize(got);
  return out;
}

absl::Status AtomicWriteFile(absl::string_view path, absl::string_view data) {
  std::string dir = Dirname(path);
  std::random_device rd;
  std::string tmp = absl::StrCat(path, ".tmp.", ::getpid(), ".", rd());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus(errno, "cannot create temporary file", tmp);
  absl::Status s = WriteAll(fd, data, tmp);
  if (s.ok() && ::fsync(fd) != 0) s = ErrnoStatus(errno, "fsync failed", tmp);
  if (::close(fd) != 0 && s.ok()) s = ErrnoStatus(errno, "close failed", tmp);
  if (s.ok() && ::rename(tmp.c_str(), std::string(path).c_str()) != 0) {
    s = ErrnoStatus(errno, "rename failed", path);
  }
  if (!s.ok()) {
    ::unlink(tmp.c_str());
    return s;
  }
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return absl::OkStatus();
}

absl::Status AppendLineLocked(absl::string_view path, absl::string_view line) {
  std::string p(path);
  int fd = ::open(p.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus(errno, "cannot open for append", path);
  if (::flock(fd, LOCK_EX) != 0) {
    int e = errno;
    ::close(fd);
    return ErrnoStatus(e, "cannot lock", path);
  }
  // If a previous writer died mid-line, start on a fresh line so the earlier
  // partial line stays a single (reported) malformed line.
  struct stat st;
  std::string buf;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    char last = '\n';
    if (::pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n') buf.push_back('\n');
  }
  buf.append(line.data(), line.size());
  absl::Status s = WriteAll(fd, buf, path);
  if (s.ok() && ::fsync(fd) != 0) s = ErrnoStatus(errno, "fsync failed", path);
  ::flock(fd, LOCK_UN);
  if (::close(fd) != 0 && s.ok()) s = ErrnoStatus(errno, "close failed", path);
  return s;
}

bool IsDirectory(absl::string_view path) {
  struct stat st;
  return ::stat(std::string(path).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool PathExists(absl::string_view path) {
  struct stat st;
  return ::stat(std::string(path).c_str(), &st) == 0;
}

absl::string_view Basename(absl::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  return slash == absl::string_view::npos ? path : path.substr(slash + 1);
}

std::string Dirname(absl::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  if (slash == absl::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

std::string JoinPath(absl::string_view a, absl::string_view b) {
  if (a.empty()) return std::string(b);
  if (a.back() == '/') return absl::StrCat(a, b);
  return absl::StrCat(a, "/", b);
}

}  // namespace partyscreen::internal
