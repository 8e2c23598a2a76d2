#include "tests/core/airbyte/fake_airbyte.h"

#include <cstdio>
#include <regex>
#include <sstream>
#include <thread>

#include "core/interpolation/encoding.h"

namespace manifold::testing {

namespace {

using nlohmann::json;

void answer(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), status >= 400 ? "application/problem+json" : "application/json");
}

// Airbyte's problem documents: {"type", "title", "status", "detail", "data": {"message"}}.
json problem(int status, const std::string& title, const std::string& detail, const std::string& message = "") {
  json body{{"type", "https://reference.airbyte.com/reference/errors#" + title},
            {"title", title},
            {"status", status},
            {"detail", detail}};
  if (!message.empty()) body["data"] = json{{"message", message}};
  return body;
}

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

std::vector<int> versionParts(const std::string& version) {
  std::vector<int> parts;
  std::stringstream in(version);
  std::string part;
  while (std::getline(in, part, '.')) parts.push_back(std::atoi(part.c_str()));
  return parts;
}

json definitionJson(const FakeAirbyte::Definition& d) {
  return json{{"id", d.id}, {"name", d.name}, {"manifest", d.manifest}, {"version", d.version}};
}

json sourceJson(const FakeAirbyte::Source& s) {
  // Airbyte answers configurations with secrets masked.
  json configuration = json::object();
  for (const auto& [key, value] : s.configuration.items()) configuration[key] = value.is_string() ? json("**********") : value;
  return json{{"sourceId", s.sourceId},   {"name", s.name},           {"sourceType", "custom"},
              {"definitionId", s.definitionId}, {"workspaceId", s.workspaceId}, {"configuration", configuration}};
}

json connectionJson(const FakeAirbyte::Connection& c) {
  return json{{"connectionId", c.connectionId}, {"name", c.name},        {"sourceId", c.sourceId},
              {"destinationId", "de5t0000-0000-4000-8000-000000000001"}, {"workspaceId", c.workspaceId},
              {"status", "active"}};
}

}  // namespace

FakeAirbyte::FakeAirbyte() {
  workspaces.emplace_back(kWorkspace, "Data team");
  workspaces.emplace_back(kForbiddenWorkspace, "Finance");
  const auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
  server_.server().Get(".*", handler);
  server_.server().Post(".*", handler);
  server_.server().Put(".*", handler);
  server_.server().Delete(".*", handler);
}

std::vector<std::string> FakeAirbyte::calls() const {
  std::vector<std::string> out;
  const std::string base = kBasePath;
  for (const auto& r : server_.requests()) {
    std::string target = r.method == "GET" ? r.target : r.path;
    if (startsWith(target, base)) target = target.substr(base.size());
    out.push_back(r.method + " " + target);
  }
  return out;
}

std::vector<std::string> FakeAirbyte::issuedTokens() const {
  std::lock_guard guard(mutex_);
  std::vector<std::string> out;
  for (const auto& [token, info] : tokens_) out.push_back(token);
  return out;
}

void FakeAirbyte::expireTokens() {
  std::lock_guard guard(mutex_);
  for (auto& [token, info] : tokens_) info.revoked = true;
}

std::string FakeAirbyte::addConnection(const std::string& sourceId, const std::string& name) {
  std::lock_guard guard(mutex_);
  Connection c{newId("c0nn"), kWorkspace, sourceId, name};
  for (const auto& s : sources) {
    if (s.sourceId == sourceId) c.workspaceId = s.workspaceId;
  }
  connections.push_back(c);
  return c.connectionId;
}

std::string FakeAirbyte::addSource(const std::string& definitionId, const std::string& name) {
  std::lock_guard guard(mutex_);
  Source s{newId("50ce"), kWorkspace, definitionId, name, json::object()};
  sources.push_back(s);
  return s.sourceId;
}

std::size_t FakeAirbyte::definitionsNamed(const std::string& name) const {
  std::lock_guard guard(mutex_);
  std::size_t count = 0;
  for (const auto& [id, d] : definitions) count += d.name == name ? 1 : 0;
  return count;
}

std::string FakeAirbyte::newId(const std::string& prefix) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s0000-0000-4000-8000-%012d", prefix.c_str(), ++counter_);
  return buffer;
}

bool FakeAirbyte::authorized(const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  if (startsWith(header, "Basic ")) {
    return header.substr(6) == interpolation::base64Encode(std::string(kBasicUser) + ":" + kBasicPassword);
  }
  if (!startsWith(header, "Bearer ")) return false;
  const auto it = tokens_.find(header.substr(7));
  if (it == tokens_.end() || it->second.revoked || std::chrono::steady_clock::now() >= it->second.expires) return false;
  ++authorizedCalls_;
  if (expireTokensAfterCalls >= 0 && authorizedCalls_ >= expireTokensAfterCalls) {
    expireTokensAfterCalls = -1;
    for (auto& [token, info] : tokens_) info.revoked = true;  // this call still passes; the next one will not
  }
  return true;
}

void FakeAirbyte::handle(const httplib::Request& req, httplib::Response& res) {
  std::unique_lock guard(mutex_);
  const std::string base = kBasePath;
  if (!startsWith(req.path, base)) return answer(res, 404, problem(404, "not-found", "no such route"));
  const std::string path = req.path.substr(base.size());

  for (auto& o : overrides) {
    if (o.times == 0 || o.method != req.method || !startsWith(path, o.pathPrefix)) continue;
    if (o.times > 0) --o.times;
    const Override chosen = o;
    guard.unlock();
    if (chosen.delayMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(chosen.delayMs));
    for (const auto& [name, value] : chosen.headers) res.set_header(name, value);
    return answer(res, chosen.status, chosen.body);
  }

  if (req.method == "POST" && path == "/applications/token") {
    const json body = json::parse(req.body, nullptr, false);
    if (!body.is_object() || body.value("grant-type", "") != "client_credentials") {
      return answer(res, 400, problem(400, "bad-request", "grant-type must be client_credentials"));
    }
    if (body.value("client_id", "") != kClientId || body.value("client_secret", "") != kClientSecret) {
      return answer(res, 401, problem(401, "unauthorized", "Invalid client credentials"));
    }
    const std::string token = "eyJhbGciOiJSUzI1NiJ9.fake-token-" + std::to_string(tokens_.size() + 1);
    tokens_[token] = Token{std::chrono::steady_clock::now() + std::chrono::seconds(tokenLifetimeSeconds), false};
    return answer(res, 200, json{{"access_token", token}, {"token_type", "Bearer"}, {"expires_in", tokenLifetimeSeconds}});
  }

  if (!authorized(req)) return answer(res, 401, problem(401, "unauthorized", "The request is not authorized"));

  const auto workspaceKnown = [&](const std::string& id) {
    for (const auto& [wid, name] : workspaces) {
      if (wid == id) return true;
    }
    return false;
  };
  // 403 for a workspace the account may not use, 404 for one that does not exist.
  const auto checkWorkspace = [&](const std::string& id) {
    if (id == kForbiddenWorkspace) {
      answer(res, 403, problem(403, "forbidden", "Caller does not have the required workspace permissions"));
      return false;
    }
    if (!workspaceKnown(id)) {
      answer(res, 404, problem(404, "resource-not-found", "Workspace " + id + " was not found"));
      return false;
    }
    return true;
  };

  static const std::regex kDefinitions("^/workspaces/([^/]+)/definitions/declarative_sources(?:/([^/]+))?$");
  static const std::regex kJob("^/jobs/([0-9]+)$");
  std::smatch match;
  const int limit = req.has_param("limit") ? std::atoi(req.get_param_value("limit").c_str()) : 20;
  const int offset = req.has_param("offset") ? std::atoi(req.get_param_value("offset").c_str()) : 0;
  const auto page = [&](const json& all, const std::string& route) {
    json data = json::array();
    for (int i = offset; i < static_cast<int>(all.size()) && i < offset + limit; ++i) data.push_back(all[static_cast<std::size_t>(i)]);
    json body{{"data", data}, {"previous", ""}, {"next", ""}};
    if (offset + limit < static_cast<int>(all.size())) {
      body["next"] = server_.baseUrl() + kBasePath + route + "limit=" + std::to_string(limit) +
                     "&offset=" + std::to_string(offset + limit);
    }
    return body;
  };

  if (req.method == "GET" && path == "/workspaces") {
    json all = json::array();
    for (const auto& [id, name] : workspaces) all.push_back(json{{"workspaceId", id}, {"name", name}, {"dataResidency", "auto"}});
    return answer(res, 200, page(all, "/workspaces?"));
  }

  if (std::regex_match(path, match, kDefinitions)) {
    const std::string workspaceId = match[1];
    const std::string definitionId = match[2];
    if (!checkWorkspace(workspaceId)) return;
    if (req.method == "GET" && definitionId.empty()) {
      json data = json::array();
      for (const auto& [id, d] : definitions) {
        if (d.workspaceId == workspaceId) data.push_back(definitionJson(d));
      }
      return answer(res, 200, json{{"data", data}});
    }
    const json body = json::parse(req.body, nullptr, false);
    if (!body.is_object() || !body.contains("manifest") || !body["manifest"].is_object()) {
      return answer(res, 422, problem(422, "unprocessable-entity", "manifest must be a JSON object"));
    }
    const json& manifest = body["manifest"];
    const std::string version = manifest.value("version", "");
    if (version.empty()) return answer(res, 422, problem(422, "unprocessable-entity", "The manifest has no version"));
    if (!maxManifestVersion.empty() && versionParts(version) > versionParts(maxManifestVersion)) {
      return answer(res, 422, problem(422, "unprocessable-entity", "The request could not be processed",
                                      "Manifest version " + version + " is not supported: the newest supported version is " +
                                          maxManifestVersion));
    }
    if (req.method == "POST" && definitionId.empty()) {
      const std::string name = body.value("name", "");
      if (name.empty()) return answer(res, 422, problem(422, "unprocessable-entity", "name must not be blank"));
      Definition d{newId("def0"), workspaceId, name, 1, manifest};
      definitions[d.id] = d;
      return answer(res, 200, definitionJson(d));
    }
    if (req.method == "PUT" && !definitionId.empty()) {
      const auto it = definitions.find(definitionId);
      if (it == definitions.end() || it->second.workspaceId != workspaceId) {
        return answer(res, 404, problem(404, "resource-not-found", "Declarative source definition " + definitionId + " not found"));
      }
      it->second.manifest = manifest;
      ++it->second.version;
      return answer(res, 200, definitionJson(it->second));
    }
  }

  if (path == "/sources") {
    if (req.method == "GET") {
      const std::string workspaceId = req.get_param_value("workspaceIds");
      if (!checkWorkspace(workspaceId)) return;
      json all = json::array();
      for (const auto& s : sources) {
        if (s.workspaceId == workspaceId) all.push_back(sourceJson(s));
      }
      return answer(res, 200, page(all, "/sources?workspaceIds=" + workspaceId + "&"));
    }
    if (req.method == "POST") {
      const json body = json::parse(req.body, nullptr, false);
      if (!body.is_object()) return answer(res, 400, problem(400, "bad-request", "body is not JSON"));
      const std::string workspaceId = body.value("workspaceId", "");
      if (!checkWorkspace(workspaceId)) return;
      const auto definition = definitions.find(body.value("definitionId", ""));
      if (definition == definitions.end()) {
        return answer(res, 404, problem(404, "resource-not-found", "Definition not found"));
      }
      const json configuration = body.value("configuration", json::object());
      const json& spec = definition->second.manifest["spec"]["connection_specification"];
      if (spec.is_object() && spec.contains("required")) {
        for (const auto& key : spec["required"]) {
          if (!configuration.contains(key.get<std::string>())) {
            return answer(res, 422, problem(422, "unprocessable-entity",
                                            "The provided configuration does not fulfill the specification. Errors: $." +
                                                key.get<std::string>() + ": is missing but it is required"));
          }
        }
      }
      Source s{newId("50ce"), workspaceId, definition->first, body.value("name", ""), configuration};
      sources.push_back(s);
      return answer(res, 200, sourceJson(s));
    }
  }

  if (req.method == "GET" && path == "/connections") {
    const std::string workspaceId = req.get_param_value("workspaceIds");
    if (!checkWorkspace(workspaceId)) return;
    json all = json::array();
    for (const auto& c : connections) {
      if (c.workspaceId == workspaceId) all.push_back(connectionJson(c));
    }
    return answer(res, 200, page(all, "/connections?workspaceIds=" + workspaceId + "&"));
  }

  if (req.method == "POST" && path == "/jobs") {
    const json body = json::parse(req.body, nullptr, false);
    if (!body.is_object() || body.value("jobType", "") != "sync") {
      return answer(res, 422, problem(422, "unprocessable-entity", "jobType must be one of sync, reset, refresh, clear"));
    }
    const std::string connectionId = body.value("connectionId", "");
    bool known = false;
    for (const auto& c : connections) known = known || c.connectionId == connectionId;
    if (!known) return answer(res, 404, problem(404, "resource-not-found", "Connection " + connectionId + " not found"));
    for (const auto& [id, job] : jobs) {
      if (job.connectionId == connectionId && job.status != "succeeded" && job.status != "failed" && job.status != "cancelled") {
        return answer(res, 409, problem(409, "try-again-later", "A sync is already running for this connection",
                                        "A sync is already running for connection " + connectionId));
      }
    }
    Job job{nextJobId_++, connectionId, jobStates, "pending", 0};
    if (!job.upcoming.empty() && job.upcoming.front() == "pending") job.upcoming.erase(job.upcoming.begin());
    jobs[job.jobId] = job;
    return answer(res, 200, json{{"jobId", job.jobId}, {"status", job.status}, {"jobType", "sync"},
                                 {"startTime", "2026-12-07T12:00:00Z"}, {"connectionId", connectionId}});
  }

  if (req.method == "GET" && std::regex_match(path, match, kJob)) {
    const auto it = jobs.find(std::stoll(match[1]));
    if (it == jobs.end()) return answer(res, 404, problem(404, "resource-not-found", "Job not found"));
    Job& job = it->second;
    ++job.polls;
    if (!job.upcoming.empty()) {
      job.status = job.upcoming.front();
      job.upcoming.erase(job.upcoming.begin());
    }
    json body{{"jobId", job.jobId}, {"status", job.status}, {"jobType", "sync"},
              {"startTime", "2026-12-07T12:00:00Z"}, {"connectionId", job.connectionId}};
    // Airbyte reports the counts once the job has moved data: partial while running, final at the end.
    if (job.status == "running") {
      body["rowsSynced"] = finalRows / 2;
      body["bytesSynced"] = finalBytes / 2;
    } else if (job.status == "succeeded" || job.status == "failed") {
      body["rowsSynced"] = finalRows;
      body["bytesSynced"] = finalBytes;
      body["duration"] = "PT42S";
    }
    return answer(res, 200, body);
  }

  answer(res, 404, problem(404, "not-found", "No route for " + req.method + " " + path));
}

}  // namespace manifold::testing
