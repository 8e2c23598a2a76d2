#include "core/airbyte/airbyte_client.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <thread>
#include <utility>

#include "core/http/url.h"
#include "core/interpolation/encoding.h"

namespace manifold::airbyte {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr int kPageSize = 100;
constexpr int kMaxPages = 100;  // 10,000 items: a bound on a server that keeps answering full pages

std::string trimTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string quoteMessage(const std::string& message) { return message.empty() ? "" : ": \"" + message + "\""; }

// Airbyte answers a manifest whose `version` its engine does not know with a 400/422 naming
// the version; the words differ between releases, so look for both ideas.
bool mentionsUnsupportedVersion(const std::string& message) {
  const std::string text = lower(message);
  const bool version = text.find("version") != std::string::npos;
  const bool unsupported = text.find("not supported") != std::string::npos ||
                           text.find("unsupported") != std::string::npos ||
                           text.find("newer than") != std::string::npos ||
                           text.find("greater than") != std::string::npos;
  return version && unsupported;
}

}  // namespace

std::string airbyteMessageOf(const json& body) {
  if (!body.is_object()) return "";
  if (body.contains("data") && body["data"].is_object()) {
    const json& data = body["data"];
    if (data.contains("message") && data["message"].is_string()) return data["message"].get<std::string>();
  }
  for (const char* key : {"detail", "message", "title"}) {
    if (body.contains(key) && body[key].is_string()) return body[key].get<std::string>();
  }
  return "";
}

std::optional<std::chrono::seconds> retryAfterOf(const AirbyteResponse& response) {
  const std::string* value = response.header("Retry-After");
  if (value == nullptr || value->empty()) return std::nullopt;
  if (std::all_of(value->begin(), value->end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return std::chrono::seconds(std::stoll(value->substr(0, 9)));
  }
  std::tm tm{};
  if (strptime(value->c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm) == nullptr) return std::nullopt;
  const std::time_t at = timegm(&tm);
  const std::time_t now = std::time(nullptr);
  return std::chrono::seconds(at > now ? at - now : 0);
}

AirbyteError errorFor(const AirbyteResponse& response, std::string_view what) {
  AirbyteError error;
  error.status = response.status;
  error.airbyteMessage = airbyteMessageOf(response.body);
  const std::string action = "cannot " + std::string(what);
  const std::string said = quoteMessage(error.airbyteMessage);
  const long status = response.status;
  if (status == 401) {
    error.kind = AirbyteErrorKind::Unauthorized;
    error.message = action + ": Airbyte rejected the credentials (401" + said +
                    "); check the application's client id and secret (or the user and password)";
  } else if (status == 403) {
    error.kind = AirbyteErrorKind::Forbidden;
    error.message = action + ": Airbyte refused it (403" + said +
                    "); the account lacks permission on this workspace (it needs workspace editor rights)";
  } else if (status == 404) {
    error.kind = AirbyteErrorKind::NotFound;
    error.message = action + ": not found (404" + said + "); it does not exist (any more) or is not visible to this account";
  } else if (status == 409) {
    error.kind = AirbyteErrorKind::Conflict;
    error.message = action + ": Airbyte reports a conflict (409)" + (said.empty() ? "" : said);
  } else if (status == 400 || status == 422) {
    error.kind = mentionsUnsupportedVersion(error.airbyteMessage) ? AirbyteErrorKind::UnsupportedVersion
                                                                   : AirbyteErrorKind::Validation;
    error.message = action + ": Airbyte rejected it (" + std::to_string(status) + ")" +
                    (error.airbyteMessage.empty() ? std::string(": the request is invalid") : said);
    if (error.kind == AirbyteErrorKind::UnsupportedVersion) {
      error.message += "; this Airbyte does not support the manifest's `version`: lower it to one the platform runs";
    }
  } else if (status == 429) {
    error.kind = AirbyteErrorKind::RateLimited;
    error.retryAfter = retryAfterOf(response);
    error.message = action + ": Airbyte's API rate limit is reached (429)" +
                    (error.retryAfter ? "; try again in " + std::to_string(error.retryAfter->count()) + " s"
                                      : std::string("; try again later"));
  } else {
    error.kind = AirbyteErrorKind::Http;
    error.message = action + ": Airbyte answered HTTP " + std::to_string(status) + said;
  }
  return error;
}

AirbyteClient::AirbyteClient(AirbyteClientOptions options)
    : options_(std::move(options)), http_([this] {
        options_.apiUrl = trimTrailingSlash(options_.apiUrl);
        http::HttpClientOptions h = options_.http;
        h.userAgent = options_.userAgent;
        // The token and the client secret go to the API host and nowhere else: a redirect to
        // another host fails before a connection is made.
        if (const auto parts = http::parseUrl(options_.apiUrl)) {
          auto allow = http::HostAllowlist::fromPatterns({parts->host}, json::object());
          if (auto* list = std::get_if<http::HostAllowlist>(&allow)) h.allowedHosts = *list;
        }
        return h;
      }()) {
  if (!options_.now) options_.now = [] { return Clock::now(); };
  if (!options_.sleep) {
    options_.sleep = [](std::chrono::milliseconds delay, std::stop_token stop) {
      const auto until = Clock::now() + delay;
      while (!stop.stop_requested() && Clock::now() < until) {
        std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(delay, std::chrono::milliseconds(50)));
      }
    };
  }
  masker_.add(options_.credentials.clientSecret);
  masker_.add(options_.credentials.basicPassword);
}

void AirbyteClient::addSecret(std::string_view secret) { masker_.add(secret); }

std::string AirbyteClient::mask(std::string_view text) const { return masker_.mask(text); }

AirbyteError AirbyteClient::noResponse(const http::HttpError& failure) const {
  AirbyteError error;
  switch (failure.kind) {
    case http::HttpErrorKind::Timeout:
      error.kind = AirbyteErrorKind::Timeout;
      break;
    case http::HttpErrorKind::Cancelled:
      error.kind = AirbyteErrorKind::Cancelled;
      break;
    case http::HttpErrorKind::HostNotAllowed:
      error.kind = AirbyteErrorKind::Refused;
      break;
    default:
      error.kind = AirbyteErrorKind::Network;
  }
  error.message = error.kind == AirbyteErrorKind::Refused
                      ? "refusing to follow Airbyte to another host (" + failure.message +
                            "): credentials go only to " + options_.apiUrl
                      : "cannot reach Airbyte at " + options_.apiUrl + ": " + failure.message;
  return error;
}

Result<AirbyteResponse> AirbyteClient::send(std::string_view method, const std::string& url,
                                            const std::string* authorization,
                                            const std::optional<std::string>& body, std::stop_token stop) {
  http::HttpRequest request;
  request.method = std::string(method);
  request.url = url;
  request.timeout = options_.timeout;
  request.headers.emplace_back("Accept", "application/json");
  request.headers.emplace_back("User-Agent", options_.userAgent);
  if (authorization != nullptr) request.headers.emplace_back("Authorization", *authorization);
  if (body) {
    request.headers.emplace_back("Content-Type", "application/json");
    request.body = *body;
  }
  auto sent = http_.send(request, stop);
  if (!sent) {
    AirbyteError error = noResponse(sent.error());
    error.message = mask(error.message);
    return error;
  }
  AirbyteResponse response;
  response.status = sent->status;
  response.headers = std::move(sent->headers);
  if (!sent->body.empty()) {
    response.body = json::parse(sent->body, nullptr, false);
    if (response.body.is_discarded()) response.body = nullptr;
  }
  return response;
}

Result<std::string> AirbyteClient::authorization(bool forceRefresh, std::stop_token stop) {
  const auto& credentials = options_.credentials;
  if (!credentials.basicUser.empty()) {
    return "Basic " + interpolation::base64Encode(credentials.basicUser + ":" + credentials.basicPassword);
  }
  if (credentials.clientId.empty() || credentials.clientSecret.empty()) {
    return makeError(AirbyteErrorKind::Refused,
                        "no Airbyte credentials: give an application's client id and secret (or a user and password)");
  }
  if (!forceRefresh && !token_.empty() && options_.now() < tokenExpiry_) return "Bearer " + token_;

  token_.clear();
  const json request{{"client_id", credentials.clientId},
                     {"client_secret", credentials.clientSecret},
                     {"grant-type", "client_credentials"}};
  const auto asked = options_.now();
  auto response = send("POST", options_.apiUrl + "/applications/token", nullptr, request.dump(), stop);
  if (!response) return response.error();
  if (!response->ok()) {
    AirbyteError error = errorFor(response.value(), "get an access token");
    if (response->status == 400 || response->status == 401 || response->status == 403) {
      error.kind = AirbyteErrorKind::Unauthorized;
      error.message = "Airbyte did not accept the application's client id and secret (HTTP " +
                      std::to_string(response->status) + quoteMessage(error.airbyteMessage) +
                      "); copy them again from Airbyte's Settings › Applications";
    }
    error.message = mask(error.message);
    error.airbyteMessage = mask(error.airbyteMessage);
    return error;
  }
  const json& body = response->body;
  if (!body.is_object() || !body.contains("access_token") || !body["access_token"].is_string() ||
      body["access_token"].get<std::string>().empty()) {
    return makeError(AirbyteErrorKind::BadResponse,
                        "Airbyte's answer to the token request at " + options_.apiUrl +
                            "/applications/token has no access_token; is this an Airbyte API URL?");
  }
  token_ = body["access_token"].get<std::string>();
  masker_.add(token_);
  ++tokensFetched_;
  std::chrono::seconds lifetime{180};  // the documented minimum when expires_in is missing
  if (body.contains("expires_in") && body["expires_in"].is_number()) {
    lifetime = std::chrono::seconds(static_cast<long long>(body["expires_in"].get<double>()));
  }
  const auto margin = std::min(options_.tokenRefreshMargin, lifetime / 2);
  tokenExpiry_ = asked + lifetime - margin;
  return "Bearer " + token_;
}

Result<AirbyteResponse> AirbyteClient::call(std::string_view method, std::string_view pathAndQuery,
                                            std::string_view what, const std::optional<std::string>& body,
                                            std::stop_token stop) {
  const std::string url = options_.apiUrl + std::string(pathAndQuery);
  bool refreshed = false;
  int rateLimitRetries = 0;
  while (true) {
    if (stop.stop_requested()) return makeError(AirbyteErrorKind::Cancelled, "cancelled: " + std::string(what));
    auto auth = authorization(false, stop);
    if (!auth) return auth.error();
    auto response = send(method, url, &auth.value(), body, stop);
    if (!response) return response.error();
    const long status = response->status;
    if (status == 401 && !refreshed && options_.credentials.basicUser.empty()) {
      // The token expired early or was revoked: one new token, one retry.
      refreshed = true;
      auto renewed = authorization(true, stop);
      if (!renewed) return renewed.error();
      continue;
    }
    if (status == 429 && rateLimitRetries < options_.maxRateLimitRetries) {
      const auto wait = retryAfterOf(response.value()).value_or(std::chrono::seconds(5));
      if (wait <= options_.maxRateLimitWait) {
        ++rateLimitRetries;
        options_.sleep(std::chrono::duration_cast<std::chrono::milliseconds>(wait), stop);
        continue;
      }
    }
    if (!response->ok()) {
      AirbyteError error = errorFor(response.value(), what);
      error.message = mask(error.message);
      error.airbyteMessage = mask(error.airbyteMessage);
      return error;
    }
    return response;
  }
}

Result<json> AirbyteClient::listAll(const std::string& path, std::string_view what, std::stop_token stop) {
  json all = json::array();
  const char separator = path.find('?') == std::string::npos ? '?' : '&';
  for (int page = 0; page < kMaxPages; ++page) {
    const std::string query = std::string(1, separator) + "limit=" + std::to_string(kPageSize) +
                              "&offset=" + std::to_string(page * kPageSize);
    auto response = call("GET", path + query, what, std::nullopt, stop);
    if (!response) return response.error();
    const json& body = response->body;
    if (!body.is_object() || !body.contains("data") || !body["data"].is_array()) {
      return makeError(AirbyteErrorKind::BadResponse, "cannot " + std::string(what) +
                                                             ": Airbyte's answer has no \"data\" list");
    }
    for (const auto& item : body["data"]) all.push_back(item);
    const bool more = body.contains("next") && body["next"].is_string() && !body["next"].get<std::string>().empty();
    if (!more || body["data"].size() < static_cast<std::size_t>(kPageSize)) break;
  }
  return all;
}

namespace {

template <class T, class Parse>
Result<std::vector<T>> parseList(const Result<json>& list, Parse parse, std::string_view what) {
  if (!list) return list.error();
  std::vector<T> out;
  for (const auto& item : list.value()) {
    auto parsed = parse(item);
    if (!parsed) {
      return makeError(AirbyteErrorKind::BadResponse,
                          "cannot " + std::string(what) + ": an item of Airbyte's answer lacks its id");
    }
    out.push_back(std::move(*parsed));
  }
  return out;
}

template <class T, class Parse>
Result<T> parseOne(const Result<AirbyteResponse>& response, Parse parse, std::string_view what) {
  if (!response) return response.error();
  auto parsed = parse(response->body);
  if (!parsed) {
    return makeError(AirbyteErrorKind::BadResponse,
                        "cannot " + std::string(what) + ": Airbyte's answer lacks the documented fields");
  }
  return std::move(*parsed);
}

std::string segment(std::string_view id) { return http::quote(id, ""); }

}  // namespace

Result<std::vector<Workspace>> AirbyteClient::listWorkspaces(std::stop_token stop) {
  const std::string what = "list the workspaces";
  return parseList<Workspace>(listAll("/workspaces", what, stop), parseWorkspace, what);
}

Result<std::vector<DeclarativeSourceDefinition>> AirbyteClient::listDeclarativeSourceDefinitions(
    std::string_view workspaceId, std::stop_token stop) {
  const std::string what = "list the declarative source definitions of workspace " + std::string(workspaceId);
  auto response = call("GET", "/workspaces/" + segment(workspaceId) + "/definitions/declarative_sources", what,
                       std::nullopt, stop);
  if (!response) return response.error();
  const json& body = response->body;
  if (!body.is_object() || !body.contains("data") || !body["data"].is_array()) {
    return makeError(AirbyteErrorKind::BadResponse, "cannot " + what + ": Airbyte's answer has no \"data\" list");
  }
  return parseList<DeclarativeSourceDefinition>(Result<json>(body["data"]), parseDefinition, what);
}

Result<DeclarativeSourceDefinition> AirbyteClient::createDeclarativeSourceDefinition(
    std::string_view workspaceId, std::string_view name, const nlohmann::ordered_json& manifest, std::stop_token stop) {
  nlohmann::ordered_json body;
  body["name"] = std::string(name);
  body["manifest"] = manifest;
  const std::string what = "create the declarative source definition '" + std::string(name) + "'";
  return parseOne<DeclarativeSourceDefinition>(
      call("POST", "/workspaces/" + segment(workspaceId) + "/definitions/declarative_sources", what, body.dump(), stop),
      parseDefinition, what);
}

Result<DeclarativeSourceDefinition> AirbyteClient::updateDeclarativeSourceDefinition(
    std::string_view workspaceId, std::string_view definitionId, const nlohmann::ordered_json& manifest,
    std::stop_token stop) {
  nlohmann::ordered_json body;
  body["manifest"] = manifest;
  const std::string what = "update the declarative source definition " + std::string(definitionId);
  return parseOne<DeclarativeSourceDefinition>(
      call("PUT", "/workspaces/" + segment(workspaceId) + "/definitions/declarative_sources/" + segment(definitionId),
           what, body.dump(), stop),
      parseDefinition, what);
}

Result<Source> AirbyteClient::createSource(std::string_view workspaceId, std::string_view definitionId,
                                           std::string_view name, const json& configuration, std::stop_token stop) {
  const json body{{"name", std::string(name)},
                  {"workspaceId", std::string(workspaceId)},
                  {"definitionId", std::string(definitionId)},
                  {"configuration", configuration}};
  const std::string what = "create the source '" + std::string(name) + "'";
  return parseOne<Source>(call("POST", "/sources", what, body.dump(), stop), parseSource, what);
}

Result<std::vector<Source>> AirbyteClient::listSources(std::string_view workspaceId, std::stop_token stop) {
  const std::string what = "list the sources of workspace " + std::string(workspaceId);
  return parseList<Source>(listAll("/sources?workspaceIds=" + segment(workspaceId), what, stop), parseSource, what);
}

Result<std::vector<Connection>> AirbyteClient::listConnections(std::string_view workspaceId, std::stop_token stop) {
  const std::string what = "list the connections of workspace " + std::string(workspaceId);
  return parseList<Connection>(listAll("/connections?workspaceIds=" + segment(workspaceId), what, stop),
                               parseConnection, what);
}

Result<Job> AirbyteClient::triggerSync(std::string_view connectionId, std::stop_token stop) {
  const json body{{"connectionId", std::string(connectionId)}, {"jobType", "sync"}};
  const std::string what = "start a sync of connection " + std::string(connectionId);
  return parseOne<Job>(call("POST", "/jobs", what, body.dump(), stop), parseJob, what);
}

Result<Job> AirbyteClient::getJob(std::int64_t jobId, std::stop_token stop) {
  const std::string what = "read job " + std::to_string(jobId);
  return parseOne<Job>(call("GET", "/jobs/" + std::to_string(jobId), what, std::nullopt, stop), parseJob, what);
}

}  // namespace manifold::airbyte
