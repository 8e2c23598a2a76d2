#include "tests/core/github/fake_github.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "core/interpolation/encoding.h"

namespace manifold::testing {

namespace {

using nlohmann::json;

void answer(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

json message(const std::string& text) {
  return json{{"message", text}, {"documentation_url", "https://docs.github.com/rest"}};
}

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

FakeGitHub::FakeGitHub() {
  refs[upstream]["master"] = "1111111111111111111111111111111111111111";
  commits["1111111111111111111111111111111111111111"] = {"t000", {}, "Initial"};
  blobs["b000"] = "# Airbyte\n";
  trees["t000"] = {"", {{"README.md", "b000"}}};
  const auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
  server_.server().Get(".*", handler);
  server_.server().Post(".*", handler);
  server_.server().Patch(".*", handler);
  server_.server().Delete(".*", handler);
}

std::vector<std::string> FakeGitHub::calls() const {
  std::vector<std::string> out;
  for (const auto& r : server_.requests()) out.push_back(r.method + " " + (r.method == "GET" ? r.target : r.path));
  return out;
}

std::map<std::string, std::string> FakeGitHub::filesAt(const std::string& commitSha) const {
  std::lock_guard lock(mutex_);
  std::map<std::string, std::string> files;
  const auto commit = commits.find(commitSha);
  if (commit == commits.end()) return files;
  const auto tree = trees.find(commit->second.tree);
  if (tree == trees.end()) return files;
  for (const auto& [path, sha] : tree->second.files) files[path] = blobs.at(sha);
  return files;
}

std::string FakeGitHub::commitFiles(const std::string& repo, const std::string& branch,
                                    const std::map<std::string, std::string>& files, const std::string& message) {
  std::lock_guard lock(mutex_);
  const std::string parent = refs[repo].contains(branch) ? refs[repo][branch] : std::string();
  Tree tree;
  if (!parent.empty()) tree.files = trees[commits[parent].tree].files;
  for (const auto& [path, content] : files) {
    const std::string sha = newSha("blob");
    blobs[sha] = content;
    tree.files[path] = sha;
  }
  const std::string treeSha = newSha("tree");
  trees[treeSha] = tree;
  const std::string commitSha = newSha("comm");
  commits[commitSha] = {treeSha, parent.empty() ? std::vector<std::string>{} : std::vector<std::string>{parent}, message};
  refs[repo][branch] = commitSha;
  return commitSha;
}

std::string FakeGitHub::subtreeSha(const std::string& tree, const std::string& prefix) {
  for (const auto& [sha, place] : subtrees_) {
    if (place.first == tree && place.second == prefix) return sha;
  }
  const std::string sha = newSha("subt");
  subtrees_[sha] = {tree, prefix};
  return sha;
}

void FakeGitHub::answerTree(const std::string& repo, const std::string& sha, bool recursive, httplib::Response& res) {
  std::string tree;
  std::string prefix;
  if (commits.contains(sha)) {
    tree = commits[sha].tree;
  } else if (trees.contains(sha)) {
    tree = sha;
  } else if (subtrees_.contains(sha)) {
    std::tie(tree, prefix) = subtrees_[sha];
  }
  if (tree.empty() || !trees.contains(tree)) {
    answer(res, 404, message("Not Found"));
    return;
  }
  std::map<std::string, json> entries;  // sorted by path, as GitHub sends them
  for (const auto& [path, blob] : trees[tree].files) {
    if (!startsWith(path, prefix)) continue;
    const std::string relative = path.substr(prefix.size());
    std::size_t slash = relative.find('/');
    while (slash != std::string::npos) {
      const std::string folder = relative.substr(0, slash);
      entries.try_emplace(folder, json{{"path", folder}, {"mode", "040000"}, {"type", "tree"},
                                       {"sha", subtreeSha(tree, prefix + folder + "/")}});
      if (!recursive) break;
      slash = relative.find('/', slash + 1);
    }
    if (recursive || relative.find('/') == std::string::npos) {
      entries[relative] = json{{"path", relative}, {"mode", "100644"}, {"type", "blob"}, {"sha", blob},
                               {"size", blobs[blob].size()}};
    }
  }
  json list = json::array();
  bool truncated = false;
  for (const auto& [path, entry] : entries) {
    if (recursive && list.size() >= maxTreeEntries) {
      truncated = true;
      break;
    }
    list.push_back(entry);
  }
  answer(res, 200, json{{"sha", sha}, {"url", baseUrl() + "/repos/" + repo + "/git/trees/" + sha}, {"tree", list},
                        {"truncated", truncated}});
}

void FakeGitHub::handleLogin(const httplib::Request& req, httplib::Response& res) {
  // GitHub's login endpoints take a form and answer JSON when asked to; errors come as 200.
  if (req.method != "POST" || req.get_header_value("Accept") != "application/json") {
    answer(res, 406, message("Accept: application/json is required here"));
    return;
  }
  const std::string clientId = req.get_param_value("client_id");
  if (req.path == "/login/device/code") {
    if (clientId != device.clientId) {
      answer(res, 200, json{{"error", "incorrect_client_credentials"},
                            {"error_description", "The client_id is not valid."}});
      return;
    }
    answer(res, 200, json{{"device_code", device.deviceCode}, {"user_code", device.userCode},
                          {"verification_uri", baseUrl() + "/login/device"}, {"expires_in", device.expiresIn},
                          {"interval", device.interval}});
    return;
  }
  if (req.path == "/login/oauth/access_token") {
    ++device.polls;
    if (req.get_param_value("grant_type") != "urn:ietf:params:oauth:grant-type:device_code") {
      answer(res, 200, json{{"error", "unsupported_grant_type"}});
      return;
    }
    if (clientId != device.clientId || req.get_param_value("device_code") != device.deviceCode) {
      answer(res, 200, json{{"error", "incorrect_device_code"}, {"error_description", "The device_code is not valid."}});
      return;
    }
    if (device.pendingPolls > 0) {
      --device.pendingPolls;
      answer(res, 200, json{{"error", "authorization_pending"}});
      return;
    }
    if (device.slowDownPolls > 0) {
      --device.slowDownPolls;
      device.interval += 5;
      answer(res, 200, json{{"error", "slow_down"}, {"interval", device.interval}});
      return;
    }
    if (device.outcome != "token") {
      answer(res, 200, json{{"error", device.outcome}});
      return;
    }
    answer(res, 200, json{{"access_token", kToken}, {"token_type", "bearer"}, {"scope", "public_repo"}});
    return;
  }
  answer(res, 404, message("Not Found"));
}

std::string FakeGitHub::newSha(const std::string& kind) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s%036d", kind.substr(0, 4).c_str(), ++counter_);
  return buffer;
}

void FakeGitHub::handle(const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(mutex_);
  const std::string& path = req.path;
  if (!req.has_header("User-Agent") || req.get_header_value("User-Agent").empty()) {
    answer(res, 403, message("Request forbidden by administrative rules. Please make sure your request has a User-Agent header"));
    return;
  }
  if (startsWith(path, "/login/")) {
    handleLogin(req, res);
    return;
  }
  const bool anonymous = !requireToken && !req.has_header("Authorization");
  if (!anonymous && req.get_header_value("Authorization") != std::string("Bearer ") + kToken) {
    answer(res, 401, message("Bad credentials"));
    return;
  }
  // Every API answer below carries GitHub's rate-limit headers and the token's scopes.
  if (rateLimitRemaining <= 0) {
    answer(res, 403, message("API rate limit exceeded for user ID 42."));
  } else {
    --rateLimitRemaining;
    answer(res, 404, message("Not Found"));
  }
  res.set_header("X-RateLimit-Limit", "5000");
  res.set_header("X-RateLimit-Remaining", std::to_string(std::max(rateLimitRemaining, 0)));
  res.set_header("X-RateLimit-Used", std::to_string(5000 - std::max(rateLimitRemaining, 0)));
  res.set_header("X-RateLimit-Reset", std::to_string(rateLimitReset));
  res.set_header("X-RateLimit-Resource", "core");
  if (!anonymous) res.set_header("X-OAuth-Scopes", tokenScopes);
  if (res.status == 403) return;
  for (const auto& o : overrides) {
    if (o.method == req.method && startsWith(path, o.pathPrefix)) {
      answer(res, o.status, o.body);
      for (const auto& [name, value] : o.headers) {
        res.headers.erase(name);
        res.set_header(name, value);
      }
      return;
    }
  }
  const json body = req.body.empty() ? json() : json::parse(req.body, nullptr, false);
  if (path == "/user" && req.method == "GET") {
    answer(res, 200, json{{"login", login}, {"id", 42}});
    return;
  }
  if (!startsWith(path, "/repos/")) {
    answer(res, 404, message("Not Found"));
    return;
  }
  // /repos/{owner}/{name}[/rest]
  const std::string afterRepos = path.substr(7);
  const auto slash1 = afterRepos.find('/');
  const auto slash2 = afterRepos.find('/', slash1 + 1);
  const std::string repo = afterRepos.substr(0, slash2);
  const std::string rest = slash2 == std::string::npos ? "" : afterRepos.substr(slash2);
  const bool isUpstream = repo == upstream;
  const bool isFork = repo == forkName() && forkExists;
  if (!isUpstream && !isFork) {
    answer(res, 404, message("Not Found"));
    return;
  }
  if (rest.empty() && req.method == "GET") {
    json r{{"full_name", repo}, {"default_branch", defaultBranch}, {"fork", isFork},
           {"permissions", {{"admin", false}, {"push", isFork}, {"pull", true}}}};
    if (isFork) r["parent"] = json{{"full_name", upstream}};
    answer(res, 200, r);
    return;
  }
  if (rest == "/forks" && req.method == "POST" && isUpstream) {
    if (!forkExists) {
      forkExists = true;
      refs[forkName()] = refs[upstream];
    }
    answer(res, 202, json{{"full_name", forkName()}, {"fork", true}});
    return;
  }
  // A new fork's git data is not there yet: GitHub answers 409 or 404 for a while.
  if (isFork && startsWith(rest, "/git/") && forkNotReadyPolls > 0) {
    const int left = forkNotReadyPolls--;
    if (left % 2 == 1) {
      answer(res, 409, message("Git Repository is empty."));
    } else {
      answer(res, 404, message("Not Found"));
    }
    return;
  }
  if (startsWith(rest, "/git/ref/heads/") && req.method == "GET") {
    const std::string branch = rest.substr(15);
    const auto it = refs[repo].find(branch);
    if (it == refs[repo].end()) {
      answer(res, 404, message("Not Found"));
      return;
    }
    answer(res, 200, json{{"ref", "refs/heads/" + branch}, {"object", {{"sha", it->second}, {"type", "commit"}}}});
    return;
  }
  if (rest == "/merge-upstream" && req.method == "POST") {
    const std::string branch = body.value("branch", "");
    refs[repo][branch] = refs[upstream][branch];
    answer(res, 200, json{{"message", "Successfully fetched and fast-forwarded from upstream"}, {"merge_type", "fast-forward"}});
    return;
  }
  if (rest == "/git/refs" && req.method == "POST") {
    std::string ref = body.value("ref", "");
    const std::string sha = body.value("sha", "");
    if (!startsWith(ref, "refs/heads/") || !commits.contains(sha)) {
      answer(res, 422, message("Reference update failed"));
      return;
    }
    ref = ref.substr(11);
    if (refs[repo].contains(ref)) {
      answer(res, 422, message("Reference already exists"));
      return;
    }
    refs[repo][ref] = sha;
    answer(res, 201, json{{"ref", "refs/heads/" + ref}, {"object", {{"sha", sha}}}});
    return;
  }
  if (startsWith(rest, "/git/refs/heads/") && req.method == "PATCH") {
    const std::string branch = rest.substr(16);
    const std::string sha = body.value("sha", "");
    if (!refs[repo].contains(branch) || !commits.contains(sha)) {
      answer(res, 422, message("Reference does not exist"));
      return;
    }
    const auto& parents = commits[sha].parents;
    if (!body.value("force", false) &&
        std::find(parents.begin(), parents.end(), refs[repo][branch]) == parents.end()) {
      answer(res, 422, message("Update is not a fast forward"));
      return;
    }
    refs[repo][branch] = sha;
    answer(res, 200, json{{"ref", "refs/heads/" + branch}, {"object", {{"sha", sha}}}});
    return;
  }
  if (startsWith(rest, "/git/commits/") && req.method == "GET") {
    const auto it = commits.find(rest.substr(13));
    if (it == commits.end()) {
      answer(res, 404, message("Not Found"));
      return;
    }
    answer(res, 200, json{{"sha", it->first}, {"tree", {{"sha", it->second.tree}}}, {"message", it->second.message}});
    return;
  }
  if (rest == "/git/blobs" && req.method == "POST") {
    const std::string encoding = body.value("encoding", "utf-8");
    const std::string content = body.value("content", "");
    const std::string sha = newSha("blob");
    blobs[sha] = encoding == "base64" ? interpolation::base64Decode(content) : content;
    answer(res, 201, json{{"sha", sha}, {"url", baseUrl() + "/repos/" + repo + "/git/blobs/" + sha}});
    return;
  }
  if (rest == "/git/trees" && req.method == "POST") {
    Tree tree;
    tree.baseTree = body.value("base_tree", "");
    if (!tree.baseTree.empty()) {
      if (!trees.contains(tree.baseTree)) {
        answer(res, 422, message("base_tree is not a valid tree"));
        return;
      }
      tree.files = trees[tree.baseTree].files;
    }
    for (const auto& entry : body["tree"]) tree.files[entry["path"].get<std::string>()] = entry["sha"].get<std::string>();
    const std::string sha = newSha("tree");
    trees[sha] = tree;
    answer(res, 201, json{{"sha", sha}});
    return;
  }
  if (rest == "/git/commits" && req.method == "POST") {
    Commit commit{body.value("tree", ""), body.value("parents", std::vector<std::string>{}), body.value("message", "")};
    if (!trees.contains(commit.tree)) {
      answer(res, 422, message("Tree SHA does not exist"));
      return;
    }
    const std::string sha = newSha("comm");
    commits[sha] = commit;
    answer(res, 201, json{{"sha", sha}, {"tree", {{"sha", commit.tree}}}});
    return;
  }
  if (rest == "/pulls" && req.method == "GET") {
    json list = json::array();
    const std::string head = req.get_param_value("head");
    for (const auto& pr : pulls) {
      if (pr.open && (head.empty() || pr.head == head)) {
        list.push_back(json{{"number", pr.number}, {"html_url", "https://github.com/" + upstream + "/pull/" + std::to_string(pr.number)},
                            {"head", {{"label", pr.head}}}, {"state", "open"}});
      }
    }
    answer(res, 200, list);
    return;
  }
  if (rest == "/pulls" && req.method == "POST") {
    PullRequest pr{static_cast<int>(pulls.size()) + 100, body.value("head", ""), body.value("base", ""),
                   body.value("title", ""), body.value("body", ""), true};
    for (const auto& existing : pulls) {
      if (existing.open && existing.head == pr.head) {
        answer(res, 422, json{{"message", "Validation Failed"},
                              {"errors", json::array({{{"resource", "PullRequest"}, {"code", "custom"},
                                                       {"message", "A pull request already exists for " + pr.head + "."}}})}});
        return;
      }
    }
    pulls.push_back(pr);
    answer(res, 201, json{{"number", pr.number}, {"html_url", "https://github.com/" + upstream + "/pull/" + std::to_string(pr.number)}});
    return;
  }
  if (startsWith(rest, "/contents/") && req.method == "GET") {
    const std::string ref = req.get_param_value("ref");
    const auto it = contents.find(repo + rest.substr(9) + "@" + ref);
    if (it != contents.end()) {
      answer(res, 200, json{{"encoding", "base64"}, {"content", interpolation::base64Encode(it->second)}});
      return;
    }
    // Otherwise from the commit (or branch) named by ref: a folder lists its children.
    std::string commit = ref.empty() ? refs[repo][defaultBranch] : ref;
    if (refs[repo].contains(commit)) commit = refs[repo][commit];
    const auto found = commits.find(commit);
    if (found == commits.end() || !trees.contains(found->second.tree)) {
      answer(res, 404, message("No commit found for the ref " + ref));
      return;
    }
    const std::string folder = rest.substr(10);
    const auto& files = trees[found->second.tree].files;
    if (const auto file = files.find(folder); file != files.end()) {
      answer(res, 200, json{{"type", "file"}, {"path", folder}, {"sha", file->second}, {"encoding", "base64"},
                            {"content", interpolation::base64Encode(blobs[file->second])}});
      return;
    }
    json list = json::array();
    for (const auto& [file, sha] : files) {
      if (!startsWith(file, folder + "/")) continue;
      const std::string child = file.substr(folder.size() + 1);
      if (child.find('/') != std::string::npos) continue;
      list.push_back(json{{"name", child}, {"path", file}, {"sha", sha}, {"type", "file"}, {"size", blobs[sha].size()}});
    }
    if (list.empty()) {
      answer(res, 404, message("Not Found"));
      return;
    }
    answer(res, 200, list);
    return;
  }
  if (startsWith(rest, "/git/trees/") && req.method == "GET") {
    answerTree(repo, rest.substr(11), req.get_param_value("recursive") == "1", res);
    return;
  }
  if (startsWith(rest, "/git/blobs/") && req.method == "GET") {
    const auto it = blobs.find(rest.substr(11));
    if (it == blobs.end()) {
      answer(res, 404, message("Not Found"));
      return;
    }
    // GitHub wraps base64 at 60 characters.
    std::string encoded = interpolation::base64Encode(it->second);
    for (std::size_t pos = 60; pos < encoded.size(); pos += 61) encoded.insert(pos, "\n");
    answer(res, 200, json{{"sha", it->first}, {"size", it->second.size()}, {"encoding", "base64"}, {"content", encoded}});
    return;
  }
  answer(res, 404, message("Not Found"));
}

}  // namespace manifold::testing
