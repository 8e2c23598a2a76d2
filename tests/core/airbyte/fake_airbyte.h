// FakeAirbyte: Airbyte's public API v1 on 127.0.0.1, behaving as Airbyte does for the publish flow.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/local_http_server.h"

namespace manifold::testing {

class FakeAirbyte {
 public:
  static constexpr const char* kBasePath = "/api/public/v1";
  static constexpr const char* kClientId = "fake-client-0d7b49c7";
  static constexpr const char* kClientSecret = "fake-secret-TG9yZW0gaXBzdW0";
  static constexpr const char* kBasicUser = "airbyte";
  static constexpr const char* kBasicPassword = "fake-password-Q42x";
  static constexpr const char* kWorkspace = "5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6";
  static constexpr const char* kForbiddenWorkspace = "9c3b3a6e-0000-4000-8000-00000000f0rb";

  struct Definition {
    std::string id;
    std::string workspaceId;
    std::string name;
    std::int64_t version = 1;
    nlohmann::json manifest;
  };
  struct Source {
    std::string sourceId;
    std::string workspaceId;
    std::string definitionId;
    std::string name;
    nlohmann::json configuration;
  };
  struct Connection {
    std::string connectionId;
    std::string workspaceId;
    std::string sourceId;
    std::string name;
  };
  struct Job {
    std::int64_t jobId = 0;
    std::string connectionId;
    std::vector<std::string> upcoming;  // the status each next GET moves to
    std::string status = "pending";
    int polls = 0;
  };
  // Answered instead of the normal behaviour, first match; `times` < 0: always.
  struct Override {
    std::string method;
    std::string pathPrefix;  // after kBasePath
    int status = 500;
    nlohmann::json body{};
    std::vector<std::pair<std::string, std::string>> headers{};
    int times = -1;
    int delayMs = 0;  // wait before answering (timeouts)
  };

  FakeAirbyte();
  void start() { server_.start(); }
  std::string baseUrl() const { return server_.baseUrl() + kBasePath; }
  std::vector<ReceivedRequest> requests() const { return server_.requests(); }
  void clearRequests() { server_.clearRequests(); }
  // "POST /applications/token", "GET /workspaces?limit=100&offset=0", ... (paths after kBasePath).
  std::vector<std::string> calls() const;

  // Setup, before start() (or under lock()).
  std::int64_t tokenLifetimeSeconds = 180;
  std::vector<std::pair<std::string, std::string>> workspaces;  // (id, name)
  std::string maxManifestVersion;  // when set, a newer manifest `version` gets a 422
  std::vector<std::string> jobStates{"pending", "running", "running", "succeeded"};  // GET after GET
  std::int64_t finalRows = 120;
  std::int64_t finalBytes = 9800;
  int expireTokensAfterCalls = -1;  // after this many authorized calls, every token issued so far expires (once)
  std::vector<Override> overrides;

  // State the tests inspect and seed.
  std::map<std::string, Definition> definitions;
  std::vector<Source> sources;
  std::vector<Connection> connections;
  std::map<std::int64_t, Job> jobs;
  std::vector<std::string> issuedTokens() const;

  void expireTokens();  // every token issued so far answers 401 from now on
  std::string addConnection(const std::string& sourceId, const std::string& name = "to warehouse");
  std::string addSource(const std::string& definitionId, const std::string& name = "seeded source");
  std::size_t definitionsNamed(const std::string& name) const;
  std::mutex& lock() { return mutex_; }

 private:
  void handle(const httplib::Request& req, httplib::Response& res);
  bool authorized(const httplib::Request& req);
  std::string newId(const std::string& prefix);

  struct Token {
    std::chrono::steady_clock::time_point expires;
    bool revoked = false;
  };
  std::map<std::string, Token> tokens_;
  int authorizedCalls_ = 0;
  std::int64_t nextJobId_ = 4242;
  int counter_ = 0;
  LocalHttpServer server_;
  mutable std::mutex mutex_;
};

}  // namespace manifold::testing
