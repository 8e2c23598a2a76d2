// Throughput of `manifold-cli read` end to end: Debian's nginx on 127.0.0.1 serves pre-generated
// JSON pages (1,000 records of ~1 KB each), the CLI reads the stream to /dev/null, and this
// program reports MB/s of response JSON, records/s and the child's peak RSS and CPU time
// (getrusage via wait4). Two sizes are read so bounded memory shows: peak RSS must not grow
// with the total. Environment: MANIFOLD_BENCH_MB (default 210), MANIFOLD_BENCH_NGINX.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

constexpr int kRecordsPerPage = 1000;
constexpr int kSmallPages = 20;

// One ~1 KB record; fields vary so the parser sees realistic numbers, strings and escapes.
std::string record(std::uint64_t id, std::mt19937_64& random) {
  std::string notes;
  static const char* kWords[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"};
  while (notes.size() < 700) {
    notes += kWords[random() % 10];
    notes += (random() % 17 == 0) ? "\\n" : " ";
  }
  std::ostringstream out;
  out << "{\"id\":" << id << ",\"email\":\"user" << id << "@example.com\",\"name\":\"User " << id
      << "\",\"created_at\":\"2024-0" << (1 + id % 9) << "-1" << (id % 10) << "T12:34:56Z\",\"active\":"
      << ((id % 3) ? "true" : "false") << ",\"score\":" << (static_cast<double>(random() % 100000) / 100.0)
      << ",\"balance\":" << static_cast<std::int64_t>(random() % 2000000) - 1000000
      << ",\"tags\":[\"t" << id % 7 << "\",\"t" << id % 11 << "\"],\"address\":{\"city\":\"Zürich\",\"zip\":\""
      << 8000 + id % 100 << "\"},\"manager_id\":null,\"notes\":\"" << notes << "\"}";
  return out.str();
}

std::size_t writePage(const fs::path& path, std::uint64_t firstId, int records, std::mt19937_64& random) {
  std::string body = "{\"data\":[";
  for (int i = 0; i < records; ++i) {
    if (i > 0) body += ',';
    body += record(firstId + static_cast<std::uint64_t>(i), random);
  }
  body += "],\"meta\":{\"count\":" + std::to_string(records) + "}}";
  std::ofstream(path, std::ios::binary) << body;
  return body.size();
}

int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool portOpen(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

pid_t spawn(const std::vector<std::string>& args, const std::string& stdoutPath, const std::string& stderrPath) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, stdoutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

struct Run {
  double wallSeconds = 0;
  double userSeconds = 0;
  double sysSeconds = 0;
  long peakRssKb = 0;
  int status = -1;
};

Run runRead(const std::string& cli, const fs::path& manifest, const fs::path& config, const fs::path& dir,
            const std::string& name) {
  Run run;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = spawn({cli, "read", "--manifest", manifest.string(), "--config", config.string()}, "/dev/null",
                          (dir / (name + ".stderr")).string());
  if (pid < 0) return run;
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  run.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.userSeconds = static_cast<double>(usage.ru_utime.tv_sec) + static_cast<double>(usage.ru_utime.tv_usec) / 1e6;
  run.sysSeconds = static_cast<double>(usage.ru_stime.tv_sec) + static_cast<double>(usage.ru_stime.tv_usec) / 1e6;
  run.peakRssKb = usage.ru_maxrss;
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

void report(const char* label, const Run& run, double megabytes, std::uint64_t records) {
  const double cpu = run.userSeconds + run.sysSeconds;
  std::printf("  %-6s %7.1f MB, %8llu records: wall %6.2f s -> %6.1f MB/s, %9.0f records/s | CPU %5.2f s (user %5.2f + sys %4.2f)"
              " -> %6.1f MB/s of CPU | peak RSS %6.1f MB | exit %d\n",
              label, megabytes, static_cast<unsigned long long>(records), run.wallSeconds, megabytes / run.wallSeconds,
              static_cast<double>(records) / run.wallSeconds, cpu, run.userSeconds, run.sysSeconds, megabytes / cpu,
              static_cast<double>(run.peakRssKb) / 1024.0, run.status);
}

}  // namespace

int main() {
  const char* nginxEnv = std::getenv("MANIFOLD_BENCH_NGINX");
  const std::string nginx = nginxEnv ? nginxEnv : "/usr/sbin/nginx";
  const std::string cli = std::string(MANIFOLD_BIN_DIR) + "/manifold-cli";
  if (!fs::exists(nginx)) {
    std::printf("engine_read_bench: %s not found (./packaging/dev.sh bench installs nginx-light); skipped\n", nginx.c_str());
    return 0;
  }
  if (!fs::exists(cli)) {
    std::printf("engine_read_bench: %s not built; skipped\n", cli.c_str());
    return 0;
  }
  const char* mbEnv = std::getenv("MANIFOLD_BENCH_MB");
  const double targetMb = mbEnv ? std::atof(mbEnv) : 210.0;

  const fs::path dir = fs::temp_directory_path() / ("manifold-read-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir / "pages");
  fs::create_directories(dir / "tmp");

  // Pages 1..N; the last has fewer records, which ends PageIncrement. /small ends after 20 pages.
  std::mt19937_64 random(42);
  std::vector<std::size_t> pageBytes;
  std::size_t total = 0;
  std::uint64_t id = 1;
  while (static_cast<double>(total) < targetMb * 1e6) {
    const std::size_t bytes = writePage(dir / "pages" / ("page-" + std::to_string(pageBytes.size() + 1) + ".json"), id,
                                        kRecordsPerPage, random);
    pageBytes.push_back(bytes);
    total += bytes;
    id += kRecordsPerPage;
  }
  const int shortRecords = kRecordsPerPage / 2;
  const std::size_t shortBytes = writePage(dir / "pages" / "short.json", id, shortRecords, random);
  const std::size_t fullPages = pageBytes.size();
  const double fullMb = static_cast<double>(total + shortBytes) / 1e6;
  const std::uint64_t fullRecords = fullPages * kRecordsPerPage + static_cast<std::uint64_t>(shortRecords);
  std::size_t smallBytes = shortBytes;
  for (int i = 0; i < kSmallPages; ++i) smallBytes += pageBytes[static_cast<std::size_t>(i)];
  const double smallMb = static_cast<double>(smallBytes) / 1e6;
  const std::uint64_t smallRecords = kSmallPages * kRecordsPerPage + static_cast<std::uint64_t>(shortRecords);

  const int port = freePort();
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  std::ofstream(dir / "nginx.conf") << "worker_processes 1;\ndaemon off;\nmaster_process off;\npid " << (dir / "nginx.pid").string()
                                    << ";\nerror_log " << (dir / "nginx-error.log").string()
                                    << " warn;\nevents { worker_connections 64; }\nhttp {\n  access_log off;\n"
                                    << "  sendfile on; tcp_nopush on; tcp_nodelay on; keepalive_requests 100000;\n"
                                    << "  default_type application/json;\n"
                                    << "  client_body_temp_path " << (dir / "tmp").string() << ";\n"
                                    << "  proxy_temp_path " << (dir / "tmp").string() << ";\n"
                                    << "  fastcgi_temp_path " << (dir / "tmp").string() << ";\n"
                                    << "  uwsgi_temp_path " << (dir / "tmp").string() << ";\n"
                                    << "  scgi_temp_path " << (dir / "tmp").string() << ";\n"
                                    << "  map $arg_page $small_page { \"" << kSmallPages + 1
                                    << "\" /short.json; default /page-$arg_page.json; }\n"
                                    << "  server {\n    listen 127.0.0.1:" << port << ";\n    root " << (dir / "pages").string()
                                    << ";\n    location = /items { try_files /page-$arg_page.json /short.json; }\n"
                                    << "    location = /small { try_files $small_page =404; }\n  }\n}\n";
  for (const char* path : {"/items", "/small"}) {
    const std::string name = path + 1;
    std::ofstream(dir / (name + ".yaml"))
        << "version: 6.4.0\ntype: DeclarativeSource\ncheck: {type: CheckStream, stream_names: [items]}\n"
        << "streams:\n  - type: DeclarativeStream\n    name: items\n    primary_key: [id]\n"
        << "    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}\n"
        << "    retriever:\n      type: SimpleRetriever\n"
        << "      requester: {type: HttpRequester, url_base: \"" << base << "\", path: " << path << "}\n"
        << "      record_selector:\n        type: RecordSelector\n        extractor: {type: DpathExtractor, field_path: [data]}\n"
        << "      paginator:\n        type: DefaultPaginator\n"
        << "        pagination_strategy: {type: PageIncrement, page_size: " << kRecordsPerPage
        << ", start_from_page: 1, inject_on_first_request: true}\n"
        << "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n";
  }
  std::ofstream(dir / "config.json") << "{}";

  const pid_t server = spawn({nginx, "-p", dir.string(), "-c", (dir / "nginx.conf").string()}, "/dev/null",
                             (dir / "nginx.stderr").string());
  bool up = false;
  for (int i = 0; i < 200 && !up; ++i) {
    up = portOpen(port);
    if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  int rc = 0;
  if (!up) {
    std::printf("engine_read_bench: nginx did not start (see %s)\n", (dir / "nginx-error.log").c_str());
    rc = 1;
  } else {
    std::printf("engine_read_bench: nginx on %s serves %zu pages of %d records (~%.0f bytes per record)\n", base.c_str(),
                fullPages + 1, kRecordsPerPage, static_cast<double>(total) / static_cast<double>(fullPages * kRecordsPerPage));
    const Run small = runRead(cli, dir / "small.yaml", dir / "config.json", dir, "small");
    report("small", small, smallMb, smallRecords);
    const Run full = runRead(cli, dir / "items.yaml", dir / "config.json", dir, "items");
    report("full", full, fullMb, fullRecords);
    for (const auto* name : {"small", "items"}) {
      std::ifstream err(dir / (std::string(name) + ".stderr"));
      std::string line;
      if (std::getline(err, line) && !line.empty()) std::printf("  %s stderr: %s\n", name, line.c_str());
    }
    if (small.status != 0 || full.status != 0) rc = 1;
    std::printf("  target: >= 150 MB/s of response JSON, peak RSS < 200 MB (the 2-core machine is shared: compare CPU time too)\n");
  }
  if (server > 0) {
    ::kill(server, SIGTERM);
    ::waitpid(server, nullptr, 0);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return rc;
}
