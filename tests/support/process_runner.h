// Runs a built binary as a child process and captures what it printed.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace manifold::testing {

struct ProcessResult {
  int exitCode = -1;  // -1 when the process did not exit normally (signal, timeout)
  std::string out;
  std::string err;
  bool timedOut = false;
};

struct ProcessOptions {
  std::vector<std::string> extraEnv;  // "NAME=value" added to the environment
  std::string stdinText;
  std::chrono::milliseconds timeout{60000};
};

// Runs `program args...` and waits for it (killing it after the timeout).
ProcessResult runProcess(const std::string& program, const std::vector<std::string>& args,
                         const ProcessOptions& options = {});

// Path of a binary in build/bin (manifold, manifold-cli).
std::string binaryPath(const std::string& name);

}  // namespace manifold::testing
