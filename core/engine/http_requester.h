// HttpRequester: builds each page's request (URL, method, options, body), sends it with the
// error handler's retries, and returns the response the retriever reads records from.
#pragma once

#include "core/engine/auth/authenticator.h"
#include "core/engine/errors/error_handler.h"
#include "core/engine/read_events.h"
#include "core/engine/request_options.h"
#include "core/engine/template_eval.h"
#include "core/http/http_request.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace manifold::engine {

class ReadContext;

class HttpRequester {
 public:
  struct Spec {
    interpolation::InterpolatedString urlBase{""};
    interpolation::InterpolatedString url{""};
    interpolation::InterpolatedString path{""};
    std::string method = "GET";
    nlohmann::json requestParameters;  // object, template string or null
    nlohmann::json requestHeaders;     // object, template string or null
    nlohmann::json requestBodyJson;    // object, template string or null
    nlohmann::json requestBodyData;    // object, string or null
    std::unique_ptr<Authenticator> authenticator;
    std::unique_ptr<ErrorHandler> errorHandler;
  };

  HttpRequester(Spec spec, SharedConfig config, nlohmann::json parameters);

  // What one page asks for: the slice, the page token (raw value) and the options of the
  // paginator and partition router (already merged).
  struct PageRequest {
    const nlohmann::json& slice;
    const std::optional<nlohmann::json>& token;
    const RequestOptions& extraOptions;
    std::optional<std::string> pathOverride;
  };

  // The request as it will be sent (no I/O). Throws ReadError for bad templates or merges.
  http::HttpRequest buildRequest(ReadContext& read, const PageRequest& page) const;

  // Sends with retries per the error handler. Returns nullopt when the response is "falsy" in the
  // reference's sense (ignored or accepted ≥ 400): no records, pagination stops. Throws ReadError
  // on FAIL or exhausted retries (max_retries or max_time), ReadCancelled on a stop request.
  // `auxiliary` marks the exchanges as calls beside the stream's pages (a login); `inspect` sees
  // each response before it is reported, so secrets it carries (a session token) can be masked.
  std::optional<http::HttpResponse> send(ReadContext& read, const http::HttpRequest& request,
                                         const std::string& title, bool auxiliary = false,
                                         const std::function<void(const http::HttpResponse&)>& inspect = {}) const;

 private:
  Spec spec_;
  SharedConfig config_;
  nlohmann::json parameters_;
};

// Python's json.dumps of a request body (", " and ": " separators, non-ASCII escaped).
std::string dumpJsonBody(const nlohmann::json& body);

}  // namespace manifold::engine
