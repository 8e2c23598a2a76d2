// `manifold-cli demo-api [--port N]`: runs the built-in demo API alone, for tutorials and tests.
#include "app/cli/cli_context.h"
#include "core/demo/demo_api_server.h"

#include <csignal>
#include <memory>
#include <mutex>
#include <ostream>
#include <pthread.h>

namespace manifold::cli {

namespace {

// The port the bundled demo connector's base_url defaults to, so tutorials need no edits.
constexpr int kDefaultDemoPort = 8765;

void runDemoApi(CliContext& context, int port, bool quiet) {
  // Block SIGINT/SIGTERM before the server starts its threads (they inherit the mask), then
  // wait for them here: the shutdown runs on this thread, not in a signal handler.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGINT);
  sigaddset(&stopSignals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &stopSignals, &previous);

  demo::DemoApiServer server;
  if (!quiet) {
    // One line per request on stderr, so a tutorial shows what the connector asked for.
    server.setRequestLogger([&context, mutex = std::make_shared<std::mutex>()](const demo::DemoRequestLog& entry) {
      std::lock_guard lock(*mutex);
      context.err << entry.method << ' ' << entry.target << ' ' << entry.status << '\n' << std::flush;
    });
  }
  const auto started = server.start(port);
  if (!started) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    context.fail(started.error().message +
                 (port != 0 ? " (use --port 0 for a free port)" : std::string()));
    return;
  }
  context.out << "Manifold demo API listening\n"
              << "base_url: " << server.baseUrl() << '\n'
              << "api_key: " << demo::kDemoApiKey << "   (header " << demo::kApiKeyHeader << ")\n"
              << "Press Ctrl+C to stop.\n"
              << std::flush;

  int received = 0;
  sigwait(&stopSignals, &received);
  server.stop();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  context.err << "manifold-cli: demo API stopped\n";
}

}  // namespace

void addDemoApiCommand(CLI::App& app, CliContext& context) {
  auto* sub = app.add_subcommand("demo-api", "Serve the built-in demo API on 127.0.0.1 until Ctrl+C");
  auto port = std::make_shared<int>(kDefaultDemoPort);
  sub->add_option("--port", *port, "Port to listen on (0: any free port)")
      ->default_val(kDefaultDemoPort)
      ->check(CLI::Range(0, 65535));
  auto quiet = std::make_shared<bool>(false);
  sub->add_flag("--quiet", *quiet, "Do not print one line per request on stderr");
  sub->callback([&context, port, quiet] { runDemoApi(context, *port, *quiet); });
}

}  // namespace manifold::cli
