// FakeGitHub: a GitHub REST API on 127.0.0.1 that behaves as GitHub does for the contribution flow.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/local_http_server.h"

namespace manifold::testing {

class FakeGitHub {
 public:
  struct Commit {
    std::string tree;
    std::vector<std::string> parents;
    std::string message;
  };
  struct Tree {
    std::string baseTree;
    std::map<std::string, std::string> files;  // path → blob sha (the base tree's plus new ones)
  };
  struct PullRequest {
    int number = 0;
    std::string head;  // "alice:manifold/source-demo"
    std::string base;
    std::string title;
    std::string body;
    bool open = true;
  };
  struct Override {
    std::string method;
    std::string pathPrefix;
    int status = 500;
    nlohmann::json body;
    std::vector<std::pair<std::string, std::string>> headers;
  };

  static constexpr const char* kToken = "ghp_fake_token_1234567890";

  FakeGitHub();
  void start() { server_.start(); }
  std::string baseUrl() const { return server_.baseUrl(); }
  std::vector<ReceivedRequest> requests() const { return server_.requests(); }
  void clearRequests() { server_.clearRequests(); }
  // "GET /user", "POST /repos/o/r/forks", ... in order, with the query for GETs.
  std::vector<std::string> calls() const;

  // Setup, before start().
  std::string login = "alice";
  std::string upstream = "airbytehq/airbyte";
  std::string defaultBranch = "master";
  bool forkExists = false;
  bool requireToken = true;        // false: anonymous reads are answered too (a public repository)
  std::size_t maxTreeEntries = 100000;  // a recursive trees answer beyond this is cut, truncated: true
  int forkNotReadyPolls = 3;  // answers 409, then 404, ... this many times after the fork
  std::vector<Override> overrides;  // answered instead of the normal behaviour, first match
  // Rate limit: each authenticated API request uses one; at 0 GitHub answers 403 with
  // X-RateLimit-Remaining: 0 and the reset time until rateLimitReset.
  int rateLimitRemaining = 5000;
  long long rateLimitReset = 1893456000;  // 2030-01-01 00:00:00 UTC
  std::string tokenScopes = "public_repo, read:user";  // sent as X-OAuth-Scopes

  // The OAuth device flow on the same server (/login/device/code, /login/oauth/access_token).
  struct DeviceFlow {
    std::string clientId = "Iv1.fakeclientid";
    std::string deviceCode = "device-code-3584d83530557fdd";
    std::string userCode = "WDJB-MJHT";
    int interval = 5;
    int expiresIn = 900;
    int pendingPolls = 2;   // authorization_pending this many times
    int slowDownPolls = 0;  // then slow_down this many times (interval + 5 each)
    std::string outcome = "token";  // "token", "access_denied" or "expired_token"
    int polls = 0;          // token requests received
  } device;

  // State the tests inspect (and may seed).
  std::map<std::string, std::map<std::string, std::string>> refs;  // repo → branch → sha
  std::map<std::string, std::string> blobs;                        // sha → content
  std::map<std::string, Tree> trees;
  std::map<std::string, Commit> commits;
  std::vector<PullRequest> pulls;
  std::map<std::string, std::string> contents;  // "repo/path@ref" → file text for /contents

  std::string forkName() const { return login + "/" + upstream.substr(upstream.find('/') + 1); }
  // The files of a commit's tree, path → content.
  std::map<std::string, std::string> filesAt(const std::string& commitSha) const;
  // Commits `files` (path → content, on top of the branch's tree) to `branch` of `repo` and
  // moves the branch there; returns the new commit's SHA. Setup, or while serving.
  std::string commitFiles(const std::string& repo, const std::string& branch,
                          const std::map<std::string, std::string>& files, const std::string& message = "Update");

 private:
  void handle(const httplib::Request& req, httplib::Response& res);
  void handleLogin(const httplib::Request& req, httplib::Response& res);
  void answerApi(httplib::Response& res, int status, const nlohmann::json& body);
  // GET /git/trees/{sha}[?recursive=1]: trees are flat path maps here, so a folder inside a
  // commit's tree answers under a derived SHA that subtrees_ remembers.
  void answerTree(const std::string& repo, const std::string& sha, bool recursive, httplib::Response& res);
  std::string subtreeSha(const std::string& tree, const std::string& prefix);
  std::string newSha(const std::string& kind);

  std::map<std::string, std::pair<std::string, std::string>> subtrees_;  // sha → (tree, folder prefix)
  LocalHttpServer server_;
  mutable std::mutex mutex_;
  int counter_ = 0;
};

}  // namespace manifold::testing
