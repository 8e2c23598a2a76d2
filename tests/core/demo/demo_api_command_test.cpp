// Tests `manifold-cli demo-api`: it serves until SIGINT/SIGTERM, prints the base URL and the
// key, and refuses a busy port.
#include "core/demo/demo_api_server.h"
#include "tests/support/process_runner.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

using manifold::testing::binaryPath;
using manifold::testing::runProcess;
using Clock = std::chrono::steady_clock;

// manifold-cli running in the background with its stdout on a pipe; killed if a test fails.
class BackgroundCli {
 public:
  explicit BackgroundCli(std::vector<std::string> args) {
    int fds[2];
    int errFds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return;
    if (::pipe2(errFds, O_CLOEXEC) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, errFds[1], 2);
    args.insert(args.begin(), binaryPath("manifold-cli"));
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    ::close(errFds[1]);
    out_ = fds[0];
    err_ = errFds[0];
  }

  ~BackgroundCli() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) ::close(out_);
    if (err_ >= 0) ::close(err_);
  }

  bool started() const { return pid_ > 0; }

  // The rest of the stdout line starting with `prefix`, waiting up to `timeout` for it.
  std::optional<std::string> lineStartingWith(const std::string& prefix, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      std::size_t start = 0;
      while (true) {
        const auto end = printed_.find('\n', start);
        if (end == std::string::npos) break;
        if (printed_.compare(start, prefix.size(), prefix) == 0) {
          return printed_.substr(start + prefix.size(), end - start - prefix.size());
        }
        start = end + 1;
      }
      pollfd fd{out_, POLLIN, 0};
      if (::poll(&fd, 1, 50) > 0) {
        char buffer[4096];
        const ssize_t n = ::read(out_, buffer, sizeof buffer);
        if (n <= 0) return std::nullopt;
        printed_.append(buffer, static_cast<std::size_t>(n));
      }
    }
    return std::nullopt;
  }

  // Sends `signal` and returns the exit code, or nullopt if it did not exit normally in time.
  std::optional<int> stopWith(int signal, std::chrono::milliseconds timeout) {
    ::kill(pid_, signal);
    const auto deadline = Clock::now() + timeout;
    int status = 0;
    while (Clock::now() < deadline) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        if (WIFEXITED(status)) return WEXITSTATUS(status);
        return std::nullopt;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return std::nullopt;
  }

  const std::string& printed() const { return printed_; }

  // Everything written on stderr; call after the process has exited (reads to end of file).
  std::string errors() {
    std::string text;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(err_, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
    return text;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int err_ = -1;
  std::string printed_;
};

void servesUntil(int signal) {
  BackgroundCli cli({"demo-api", "--port", "0"});
  ASSERT_TRUE(cli.started());
  const auto baseUrl = cli.lineStartingWith("base_url: ", std::chrono::seconds(10));
  ASSERT_TRUE(baseUrl) << "printed:\n" << cli.printed();
  EXPECT_EQ(baseUrl->rfind("http://127.0.0.1:", 0), 0u) << *baseUrl;
  const auto keyLine = cli.lineStartingWith("api_key: ", std::chrono::seconds(1));
  ASSERT_TRUE(keyLine) << cli.printed();
  const std::string key = keyLine->substr(0, keyLine->find(' '));
  EXPECT_EQ(key, manifold::demo::kDemoApiKey);

  httplib::Client client(*baseUrl);
  auto res = client.Get("/v1/customers", {{"X-Api-Key", key}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);

  EXPECT_EQ(cli.stopWith(signal, std::chrono::seconds(5)), 0);
  const std::string errors = cli.errors();
  EXPECT_NE(errors.find("GET /v1/customers 200\n"), std::string::npos) << errors;
  EXPECT_EQ(errors.find(key), std::string::npos) << "the request log must not show the key";
  httplib::Client after(*baseUrl);
  after.set_connection_timeout(1);
  EXPECT_FALSE(after.Get("/health"));
}

}  // namespace

TEST(DemoApiCommand, ServesUntilSigtermThenExitsZero) { servesUntil(SIGTERM); }

TEST(DemoApiCommand, ServesUntilSigintThenExitsZero) { servesUntil(SIGINT); }

TEST(DemoApiCommand, QuietPrintsNoRequestLog) {
  BackgroundCli cli({"demo-api", "--port", "0", "--quiet"});
  ASSERT_TRUE(cli.started());
  const auto baseUrl = cli.lineStartingWith("base_url: ", std::chrono::seconds(10));
  ASSERT_TRUE(baseUrl) << cli.printed();
  httplib::Client client(*baseUrl);
  ASSERT_TRUE(client.Get("/health"));
  EXPECT_EQ(cli.stopWith(SIGTERM, std::chrono::seconds(5)), 0);
  EXPECT_EQ(cli.errors().find("GET /health"), std::string::npos);
}

TEST(DemoApiCommand, BusyPortFailsWithExitOneAndSaysWhy) {
  manifold::demo::DemoApiServer holder;
  const auto port = holder.start(0);
  ASSERT_TRUE(port.ok());
  manifold::testing::ProcessOptions options;
  options.timeout = std::chrono::seconds(10);
  const auto r = runProcess(binaryPath("manifold-cli"), {"demo-api", "--port", std::to_string(port.value())}, options);
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("127.0.0.1:" + std::to_string(port.value())), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("in use"), std::string::npos) << r.err;
}

TEST(DemoApiCommand, PortOutOfRangeIsAUsageError) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"demo-api", "--port", "70000"});
  EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
}

TEST(DemoApiCommand, IsListedInHelp) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"--help"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("demo-api"), std::string::npos) << r.out;
}
