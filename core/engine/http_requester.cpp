// HttpRequester: URL joining (REFERENCE-NOTES 3.1–3.3), option evaluation (2.10–2.12), the
// merge (3.4), bodies (3.6) and the retry loop (6.5–6.8).
#include "core/engine/http_requester.h"

#include "core/engine/engine_error.h"
#include "core/engine/errors/default_error_mapping.h"
#include "core/engine/read_context.h"
#include "core/http/url.h"
#include "core/interpolation/interpolated_mapping.h"
#include "core/interpolation/python_format.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace manifold::engine {
namespace {

using protocol::FailureType;

nlohmann::json evalMappingOrThrow(const nlohmann::json& mapping, const interpolation::Context& context,
                                  std::string_view what, int kind) {
  if (mapping.is_null()) return nlohmann::json::object();
  nlohmann::json source = mapping;
  if (mapping.is_string()) {
    // A string mapping must evaluate to a dict; anything else leaves the options empty.
    auto value = interpolation::evaluate(mapping.get<std::string>(), context);
    if (!value) {
      throw ReadError("could not evaluate " + std::string(what) + ": " + value.error().message, FailureType::ConfigError);
    }
    if (!value.value().is_object()) {
      if (kind == 2) {
        throw ReadError("Request body json cannot be a string: " + std::string(what) + " must evaluate to an object",
                        FailureType::ConfigError);
      }
      return nlohmann::json::object();
    }
    // Its values are already evaluated: run them through the mapping rules as plain text.
    source = std::move(value).value();
    if (kind == 2) return source;
  }
  interpolation::Result<nlohmann::json> result =
      kind == 0 ? interpolation::evaluateRequestParameters(source, context)
      : kind == 1 ? interpolation::evaluateRequestHeaders(source, context)
                  : interpolation::evaluateNestedMapping(source, context);
  if (!result) {
    throw ReadError("could not evaluate " + std::string(what) + ": " + result.error().message, FailureType::ConfigError);
  }
  return std::move(result).value();
}

std::string withTrailingSlash(std::string base) {
  if (base.empty() || base.back() != '/') base += '/';
  return base;
}

// RequestPath pages (3.3): a parameter already in the URL with the same value is dropped.
void dedupeQueryParams(const std::string& url, nlohmann::json& params) {
  const auto question = url.find('?');
  if (question == std::string::npos || !params.is_object()) return;
  const auto hash = url.find('#', question);
  const auto existing = http::parseQuery(url.substr(question + 1, hash == std::string::npos ? std::string::npos : hash - question - 1));
  for (const auto& [key, value] : existing) {
    auto it = params.find(key);
    if (it != params.end() && pythonStr(*it) == value) params.erase(it);
  }
}

std::string formatSeconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", seconds);
  return text;
}

bool hasContent(const nlohmann::json& body) {
  if (body.is_string()) return !body.get_ref<const std::string&>().empty();
  return body.is_object() && !body.empty();
}

}  // namespace

std::string dumpJsonBody(const nlohmann::json& body) {
  return interpolation::jsonDumps(interpolation::Value::borrow(body), false);
}

HttpRequester::HttpRequester(Spec spec, SharedConfig config, nlohmann::json parameters)
    : spec_(std::move(spec)), config_(std::move(config)), parameters_(std::move(parameters)) {}

http::HttpRequest HttpRequester::buildRequest(ReadContext& read, const PageRequest& page) const {
  const nlohmann::json tokenWrapper =
      page.token ? nlohmann::json{{"next_page_token", *page.token}} : nlohmann::json();
  interpolation::Context context;
  context.borrow("config", *config_)
      .borrow("parameters", parameters_)
      .borrow("stream_slice", page.slice)
      .borrow("next_page_token", tokenWrapper);
  // The slice's extra fields are top-level names too (REFERENCE-NOTES 2.17).
  if (page.slice.is_object()) {
    auto extra = page.slice.find("extra_fields");
    if (extra != page.slice.end() && extra->is_object()) {
      for (const auto& [key, value] : extra->items()) context.borrow(key, value);
    }
  }

  http::HttpRequest request;
  request.method = spec_.method;
  const std::string base = evalTextOrThrow(spec_.urlBase, context, "url_base");
  // Joining keeps the reference's urljoin rules, which drop a base of another scheme; say
  // which field named it before that happens (docs/security.md, rule "Schemes").
  if (const auto scheme = base.find("://"); scheme != std::string::npos) {
    std::string name = base.substr(0, scheme);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name != "http" && name != "https") {
      throw ReadError("url_base '" + base + "' uses the scheme '" + name + "'; only http and https are allowed",
                      FailureType::ConfigError);
    }
  }
  if (page.pathOverride) {
    request.url = http::resolveUrl(withTrailingSlash(base.empty() ? evalTextOrThrow(spec_.url, context, "url") : base),
                                   *page.pathOverride);
  } else {
    const std::string path = evalTextOrThrow(spec_.path, context, "path");
    if (!base.empty()) {
      request.url = http::joinUrlPath(base, path);
    } else {
      request.url = http::joinUrlPath(evalTextOrThrow(spec_.url, context, "url"), path);
    }
  }
  if (request.url.empty()) {
    throw ReadError("the requester has no URL: url_base (or url) is empty", FailureType::ConfigError);
  }

  RequestOptions options;
  options.params = evalMappingOrThrow(spec_.requestParameters, context, "request_parameters", 0);
  options.headers = evalMappingOrThrow(spec_.requestHeaders, context, "request_headers", 1);
  options.bodyJson = evalMappingOrThrow(spec_.requestBodyJson, context, "request_body_json", 2);
  if (spec_.requestBodyData.is_string()) {
    auto value = interpolation::evaluate(spec_.requestBodyData.get<std::string>(), context);
    if (!value) {
      throw ReadError("could not evaluate request_body_data: " + value.error().message, FailureType::ConfigError);
    }
    options.bodyData = value.value().is_object() ? value.value() : nlohmann::json(pythonStr(value.value()));
  } else {
    options.bodyData = evalMappingOrThrow(spec_.requestBodyData, context, "request_body_data", 0);
  }
  if (spec_.authenticator) options.merge(spec_.authenticator->requestOptions(read), "the authenticator's options");
  options.merge(page.extraOptions, "the paginator's or partition router's options");

  if (page.pathOverride) dedupeQueryParams(request.url, options.params);
  request.url = http::appendQuery(request.url, http::encodeQuery(options.params));

  for (const auto& [name, value] : options.headers.items()) {
    request.headers.emplace_back(name, pythonStr(value));
    if (http::isCredentialHeaderName(name)) request.credentialHeaders.push_back(name);
  }

  const bool jsonBody = hasContent(options.bodyJson);
  const bool dataBody = hasContent(options.bodyData);
  if (jsonBody && dataBody) {
    throw ReadError("a request cannot have both a JSON body and a form body (request_body_json and request_body_data)",
                    FailureType::ConfigError);
  }
  // A DELETE body is dropped as requests' prepared request does (3.6).
  const bool bodyAllowed = request.method != "DELETE";
  if (jsonBody && bodyAllowed) {
    request.body = dumpJsonBody(options.bodyJson);
    if (!http::findHeader(request.headers, "Content-Type")) request.headers.emplace_back("Content-Type", "application/json");
  } else if (dataBody && bodyAllowed) {
    if (options.bodyData.is_string()) {
      request.body = options.bodyData.get<std::string>();
    } else {
      request.body = http::encodeQuery(options.bodyData);
      if (!http::findHeader(request.headers, "Content-Type")) {
        request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
      }
    }
  }
  return request;
}

std::optional<http::HttpResponse> HttpRequester::send(ReadContext& read, const http::HttpRequest& request,
                                                      const std::string& title, bool auxiliary,
                                                      const std::function<void(const http::HttpResponse&)>& inspect) const {
  const int maxRetries = read.options().retries && spec_.errorHandler ? spec_.errorHandler->maxRetries() : 0;
  // max_time bounds the whole retry loop. Time is counted as the reference would spend it: the
  // requests' real time plus the waits before backoffScale shrinks them, so a test's scaled read
  // gives up after the same attempts as a real one.
  const double maxTime = spec_.errorHandler ? spec_.errorHandler->maxTimeSeconds() : ErrorHandler::kDefaultMaxTimeSeconds;
  const double scale = read.options().backoffScale;
  const auto started = std::chrono::steady_clock::now();
  double sleptReal = 0;
  double sleptUnscaled = 0;
  const auto elapsedSeconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() - sleptReal + sleptUnscaled;
  };
  for (int attempt = 1;; ++attempt) {
    read.throwIfStopped();
    auto result = read.client().send(request, read.stopToken());
    if (!result.ok() && result.error().kind == http::HttpErrorKind::Cancelled) throw ReadCancelled();

    const http::HttpResponse* response = result.ok() ? &result.value() : nullptr;
    const http::HttpError* error = result.ok() ? nullptr : &result.error();
    if (response != nullptr && inspect) inspect(*response);
    if (error != nullptr && http::isRefusedByPolicy(error->kind)) {
      read.reportExchange(result, ExchangeInfo{title, auxiliary, attempt, false});
      throw ReadError("The requester's url_base and path give a URL Manifold will not contact: " + error->message,
                      FailureType::ConfigError, "'" + request.method + "' request to '" + request.url + "' refused");
    }
    const ErrorResolution resolution = spec_.errorHandler ? spec_.errorHandler->interpret(response, error)
                                       : response     ? defaultResolutionForStatus(response->status)
                                                      : ErrorResolution{ResponseAction::Retry, FailureType::TransientError,
                                                                        error->message};
    const bool retry = resolution.action == ResponseAction::Retry || resolution.action == ResponseAction::RateLimited;
    const bool outOfTime = retry && attempt <= maxRetries && elapsedSeconds() >= maxTime;
    const bool willRetry = retry && attempt <= maxRetries && !outOfTime;
    read.reportExchange(result, ExchangeInfo{title, auxiliary, attempt, willRetry});

    const std::string what = "'" + request.method + "' request to '" + request.url + "'";
    // Only failures need it: parsing every successful page's body for an error message would
    // cost as much as decoding it.
    const auto detail = [&]() -> std::string {
      return response ? "failed with status code '" + std::to_string(response->status) + "' and error message: '" +
                            parseErrorMessage(response->body).value_or("") + "'"
                      : "failed: " + error->message;
    };

    switch (resolution.action) {
      case ResponseAction::Success:
        if (response == nullptr) break;
        if (response->status >= 400) return std::nullopt;
        return std::move(result).value();
      case ResponseAction::Ignore:
        read.log(protocol::LogLevel::Info, "Ignoring the response of " + what + (response ? " (status " + std::to_string(response->status) + ")" : std::string()) +
                                               (resolution.message.empty() ? std::string() : ": " + resolution.message));
        if (response == nullptr || response->status >= 400) return std::nullopt;
        return std::move(result).value();
      case ResponseAction::Fail: {
        std::string message = resolution.message;
        if (message.empty()) message = response ? "Request to " + request.url + " failed with status " + std::to_string(response->status) : error->message;
        throw ReadError(message, resolution.failureType.value_or(FailureType::SystemError), what + " " + detail());
      }
      case ResponseAction::Retry:
      case ResponseAction::RateLimited: break;
    }
    if (!willRetry) {
      if (resolution.action == ResponseAction::RateLimited) {
        throw ReadError("API rate limit exceeded. " + what + " was rate limited " + std::to_string(attempt) + " time(s).",
                        FailureType::TransientError, what + " " + detail());
      }
      std::string message = "Exhausted available request attempts (" + std::to_string(attempt) + ") for " + what;
      if (outOfTime) {
        message += ": the retries took longer than max_time (" + formatSeconds(maxTime) + " s since the first attempt)";
      }
      if (!resolution.message.empty()) message += ": " + resolution.message;
      else if (error) message += ": " + error->message;
      throw ReadError(message, resolution.failureType.value_or(FailureType::SystemError), what + " " + detail());
    }
    // A strategy's wait gets one extra second, as the reference's backoff handler adds it (6.5).
    std::optional<double> strategyWait = spec_.errorHandler ? spec_.errorHandler->backoffSeconds(response, attempt) : std::nullopt;
    double wait = strategyWait ? *strategyWait + 1.0 : std::pow(2.0, attempt - 1);
    // The default exponential wait never sleeps past max_time (the backoff library cuts it); a
    // strategy's wait is slept whole, as the reference sleeps it in its own handler.
    if (!strategyWait) wait = std::max(0.0, std::min(wait, maxTime - elapsedSeconds()));
    read.log(protocol::LogLevel::Info, "Retrying " + what + " in " + formatSeconds(wait * scale) + " s (attempt " +
                                           std::to_string(attempt) + " of " + std::to_string(maxRetries + 1) + "): " +
                                           (resolution.message.empty() ? detail() : resolution.message));
    const auto sleepStarted = std::chrono::steady_clock::now();
    read.sleepFor(std::chrono::duration<double>(wait * scale));
    sleptReal += std::chrono::duration<double>(std::chrono::steady_clock::now() - sleepStarted).count();
    sleptUnscaled += wait;
  }
}

}  // namespace manifold::engine
