// HttpClient: the engine's libcurl client, with every limit a hostile server could abuse.
#include "core/http/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <mutex>
#include <stdexcept>

#include "core/http/url.h"

namespace manifold::http {

namespace {

using Clock = std::chrono::steady_clock;

// libcurl's own receive buffer; larger than the 16 KiB default so a fast local server is not
// throttled by callback overhead (the 150 MB/s read target).
constexpr long kReceiveBufferBytes = 256 * 1024;

void ensureCurlGlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      throw std::runtime_error("libcurl global initialisation failed");
    }
  });
}

std::string toUpper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

std::chrono::microseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
}

// Everything one transfer (one hop) records through libcurl's callbacks.
struct Transfer {
  std::size_t maxBody = 0;
  std::size_t maxHeader = 0;
  std::stop_token stop;

  long status = 0;
  HttpHeaders headers;
  bool headersDone = false;
  std::size_t headerBytes = 0;
  std::string body;
  std::string sentHeaderBlock;

  bool bodyTooLarge = false;
  bool announcedTooLarge = false;
  std::uint64_t announcedLength = 0;
  bool headerTooLarge = false;
  bool cancelled = false;
};

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  t->headerBytes += n;
  if (t->headerBytes > t->maxHeader) {
    t->headerTooLarge = true;
    return 0;
  }
  std::string_view line(data, n);
  if (line.substr(0, 5) == "HTTP/") {
    // A new status line: an interim 1xx or a proxy's CONNECT reply came before; start over.
    t->headers.clear();
    t->headersDone = false;
    t->status = 0;
    const auto space = line.find(' ');
    if (space != std::string_view::npos) {
      std::string_view code = line.substr(space + 1, 3);
      std::from_chars(code.data(), code.data() + code.size(), t->status);
    }
    return n;
  }
  std::string_view content = trim(line);
  if (content.empty()) {
    t->headersDone = true;
    if (t->status >= 200) {
      const std::string* length = findHeader(t->headers, "Content-Length");
      const std::string* encoding = findHeader(t->headers, "Content-Encoding");
      const bool identity = encoding == nullptr || equalsIgnoreCase(*encoding, "identity");
      std::uint64_t announced = 0;
      if (length != nullptr &&
          std::from_chars(length->data(), length->data() + length->size(), announced).ec == std::errc()) {
        if (identity && announced > t->maxBody) {
          // Refuse before the first body byte: a 10 GB announcement is not worth downloading.
          t->announcedTooLarge = true;
          t->announcedLength = announced;
          return 0;
        }
        if (identity) t->body.reserve(static_cast<std::size_t>(announced));
      }
    }
    return n;
  }
  if (t->headersDone) return n;  // trailers after a chunked body: not part of the headers
  if ((line.front() == ' ' || line.front() == '\t') && !t->headers.empty()) {
    t->headers.back().second += " ";
    t->headers.back().second += content;  // obsolete line folding
    return n;
  }
  const auto colon = content.find(':');
  if (colon == std::string_view::npos) return n;
  t->headers.emplace_back(std::string(trim(content.substr(0, colon))),
                          std::string(trim(content.substr(colon + 1))));
  return n;
}

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  // libcurl hands this callback decoded bytes, so the cap holds against a gzip bomb too.
  if (t->body.size() + n > t->maxBody) {
    t->bodyTooLarge = true;
    return 0;
  }
  t->body.append(data, n);
  return n;
}

int onProgress(void* user, curl_off_t, curl_off_t downloaded, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  if (t->stop.stop_requested()) {
    t->cancelled = true;
    return 1;
  }
  // Raw (still compressed) bytes beyond the cap cannot decode to less than nothing.
  if (downloaded > 0 && static_cast<std::uint64_t>(downloaded) > t->maxBody) {
    t->bodyTooLarge = true;
    return 1;
  }
  return 0;
}

int onDebug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type == CURLINFO_HEADER_OUT) {
    // The request head exactly as written to the socket (for the last attempt of this hop).
    static_cast<Transfer*>(user)->sentHeaderBlock.assign(data, size);
  }
  return 0;
}

HttpHeaders parseSentHeaders(const std::string& block) {
  HttpHeaders out;
  std::size_t start = block.find('\n');  // skip the request line
  while (start != std::string::npos && start + 1 < block.size()) {
    const std::size_t end = block.find('\n', start + 1);
    std::string_view line = trim(std::string_view(block).substr(
        start + 1, end == std::string::npos ? std::string::npos : end - start - 1));
    start = end;
    if (line.empty()) continue;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    out.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
  return out;
}

bool isTlsError(CURLcode code) {
  switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_CLIENTCERT:
      return true;
    default:
      return false;
  }
}

bool isRedirectStatus(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// requests' should_strip_auth: another host, port or scheme loses the credentials, except the
// upgrade from http on its default port to https on its default port.
bool leavesOrigin(const UrlParts& from, const UrlParts& to) {
  if (from.host != to.host) return true;
  if (from.scheme == "http" && from.port == 80 && to.scheme == "https" && to.port == 443) return false;
  return from.port != to.port || from.scheme != to.scheme;
}

}  // namespace

struct HttpClient::Impl {
  CURL* easy = nullptr;
  CURLM* multi = nullptr;
  char errorBuffer[CURL_ERROR_SIZE] = {};

  Impl() {
    ensureCurlGlobalInit();
    easy = curl_easy_init();
    multi = curl_multi_init();
    if (easy == nullptr || multi == nullptr) throw std::runtime_error("libcurl handle creation failed");
  }
  ~Impl() {
    curl_easy_cleanup(easy);
    curl_multi_cleanup(multi);
  }
};

HttpClient::HttpClient(HttpClientOptions options)
    : options_(std::move(options)), impl_(std::make_unique<Impl>()) {}

HttpClient::~HttpClient() = default;

namespace {

// One leg of a request: what is asked of libcurl, and the head libcurl actually wrote.
struct Hop {
  std::string method;
  std::string url;
  HttpHeaders headers;  // the caller's headers, minus those a redirect dropped
  std::optional<std::string> body;
  HttpHeaders sentHeaders;  // from CURLINFO_HEADER_OUT; empty until something was sent

  SentRequest record() const {
    return SentRequest{method, url, sentHeaders.empty() ? headers : sentHeaders, body};
  }
};

HttpError makeError(HttpErrorKind kind, std::string message, const Hop& hop, int curlCode,
                    Clock::time_point start) {
  HttpError e;
  e.kind = kind;
  e.message = std::move(message);
  e.url = hop.url;
  e.curlCode = curlCode;
  e.request = hop.record();
  e.elapsed = since(start);
  return e;
}

std::string describeRequest(const Hop& hop) { return hop.method + " " + hop.url; }

}  // namespace

Result<HttpResponse> HttpClient::send(const HttpRequest& request, std::stop_token stop) {
  const auto start = Clock::now();
  const auto budget = request.timeout.value_or(options_.totalTimeout);
  const auto deadline = start + budget;

  // requests strips leading whitespace before quoting, so a template's stray space is harmless.
  std::string_view given = request.url;
  while (!given.empty() && std::isspace(static_cast<unsigned char>(given.front()))) given.remove_prefix(1);
  Hop hop{toUpper(request.method.empty() ? std::string("GET") : request.method),
          requoteUri(given), request.headers, request.body, {}};

  // `shown` is the URL as the caller or the server wrote it, so the message quotes their text.
  auto checkUrl = [&](const std::string& url, const std::string& shown,
                      const std::string& what) -> std::optional<HttpError> {
    auto parts = parseUrl(url);
    if (!parts) {
      const bool noScheme = url.find("://") == std::string::npos;
      return makeError(HttpErrorKind::InvalidUrl,
                       what + " '" + shown + "' is not a valid URL" +
                           (noScheme ? ": it must start with http:// or https://" : ""),
                       hop, 0, start);
    }
    if (parts->scheme != "http" && parts->scheme != "https") {
      return makeError(HttpErrorKind::UnsupportedScheme,
                       what + " '" + shown + "' uses the scheme '" + parts->scheme +
                           "'; only http and https are allowed",
                       hop, 0, start);
    }
    if (parts->host.empty()) {
      return makeError(HttpErrorKind::InvalidUrl, what + " '" + shown + "' has no host", hop, 0, start);
    }
    if (options_.allowedHosts && !options_.allowedHosts->allows(parts->host)) {
      return makeError(HttpErrorKind::HostNotAllowed,
                       what + " '" + shown + "' goes to the host '" + parts->host +
                           "', which the connector's allowedHosts does not declare (declared: " +
                           options_.allowedHosts->describe() + ")",
                       hop, 0, start);
    }
    return std::nullopt;
  };
  if (auto error = checkUrl(hop.url, request.url, "request URL")) return *error;

  std::vector<std::string> redirects;
  for (int redirectCount = 0;; ++redirectCount) {
    if (stop.stop_requested()) {
      return makeError(HttpErrorKind::Cancelled, "cancelled before sending " + describeRequest(hop), hop, 0, start);
    }
    const auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (remaining.count() <= 0) {
      return makeError(HttpErrorKind::Timeout,
                       "timed out after " + std::to_string(budget.count()) + " ms (total timeout) before " +
                           describeRequest(hop),
                       hop, CURLE_OPERATION_TIMEDOUT, start);
    }

    Transfer t;
    t.maxBody = options_.maxBodyBytes;
    t.maxHeader = options_.maxHeaderBytes;
    t.stop = stop;

    CURL* easy = impl_->easy;
    // reset keeps the handle's live connections, DNS and TLS session caches, which is the point
    // of reusing it; every option is set again below.
    curl_easy_reset(easy);
    impl_->errorBuffer[0] = '\0';
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, impl_->errorBuffer);
    curl_easy_setopt(easy, CURLOPT_URL, hop.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connectTimeout.count()));
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(remaining.count()));
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, options_.lowSpeedBytesPerSecond);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options_.lowSpeedWindow.count()));
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_BUFFERSIZE, kReceiveBufferBytes);
    curl_easy_setopt(easy, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
    if (options_.acceptCompressed) curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.caBundlePath.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options_.caBundlePath.c_str());
    if (!options_.proxy.empty()) curl_easy_setopt(easy, CURLOPT_PROXY, options_.proxy.c_str());
    if (!options_.userAgent.empty()) curl_easy_setopt(easy, CURLOPT_USERAGENT, options_.userAgent.c_str());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);  // feeds onDebug, which keeps the sent head
    curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, &onDebug);
    curl_easy_setopt(easy, CURLOPT_DEBUGDATA, &t);

    curl_slist* headerList = nullptr;
    for (const auto& [name, value] : hop.headers) {
      // "Name;" is libcurl's spelling of a header with an empty value.
      const std::string line = value.empty() ? name + ";" : name + ": " + value;
      headerList = curl_slist_append(headerList, line.c_str());
    }
    if (hop.body && findHeader(hop.headers, "Content-Type") == nullptr) {
      // requests sends a raw string body without a Content-Type; libcurl would add a form type.
      headerList = curl_slist_append(headerList, "Content-Type:");
    }
    if (findHeader(hop.headers, "Expect") == nullptr) {
      headerList = curl_slist_append(headerList, "Expect:");  // no 100-continue round trip
    }
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headerList);

    if (hop.method == "HEAD") {
      curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else if (hop.method == "POST") {
      curl_easy_setopt(easy, CURLOPT_POST, 1L);
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(hop.body ? hop.body->size() : 0));
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, hop.body ? hop.body->data() : "");
    } else if (hop.method == "GET" && !hop.body) {
      curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, hop.method.c_str());
      if (hop.body) {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(hop.body->size()));
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, hop.body->data());
      }
    }

    // Driven through the multi handle so a stop request can wake the wait at once
    // (curl_multi_wakeup) instead of waiting for the next progress callback.
    CURLcode code = CURLE_OK;
    bool finished = false;
    curl_multi_add_handle(impl_->multi, easy);
    {
      CURLM* multi = impl_->multi;
      std::stop_callback wake(stop, [multi] { curl_multi_wakeup(multi); });
      int running = 1;
      while (true) {
        if (curl_multi_perform(multi, &running) != CURLM_OK) break;
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
          if (msg->msg == CURLMSG_DONE && msg->easy_handle == easy) {
            code = msg->data.result;
            finished = true;
          }
        }
        if (finished || running == 0) break;
        if (stop.stop_requested()) {
          t.cancelled = true;
          break;
        }
        curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
      }
    }
    curl_multi_remove_handle(impl_->multi, easy);
    curl_slist_free_all(headerList);
    hop.sentHeaders = t.sentHeaderBlock.empty() ? HttpHeaders{} : parseSentHeaders(t.sentHeaderBlock);

    const std::string errorText = impl_->errorBuffer[0] != '\0' ? std::string(impl_->errorBuffer)
                                                               : std::string(curl_easy_strerror(code));
    const std::string where = describeRequest(hop);
    if (t.cancelled) {
      return makeError(HttpErrorKind::Cancelled, "cancelled while waiting for " + where, hop, code, start);
    }
    if (t.announcedTooLarge) {
      return makeError(HttpErrorKind::TooLarge,
                       "response body too large: " + where + " announced " +
                           std::to_string(t.announcedLength) + " bytes, over the limit of " +
                           std::to_string(options_.maxBodyBytes) + " bytes",
                       hop, code, start);
    }
    if (t.bodyTooLarge) {
      return makeError(HttpErrorKind::TooLarge,
                       "response body too large: " + where + " sent more than the limit of " +
                           std::to_string(options_.maxBodyBytes) + " bytes (after decompression)",
                       hop, code, start);
    }
    if (t.headerTooLarge || (code == CURLE_OUT_OF_MEMORY && !t.headersDone)) {
      // libcurl reports a header line over its 100 KiB limit as "Out of memory" (error 27).
      return makeError(HttpErrorKind::HeaderTooLarge,
                       "response header too large from " + where + " (limit " +
                           std::to_string(options_.maxHeaderBytes) + " bytes in all, 100 KiB per line)",
                       hop, code, start);
    }
    if (!finished) {
      return makeError(HttpErrorKind::Other, "transfer did not complete for " + where + ": " + errorText, hop,
                       code, start);
    }
    if (code != CURLE_OK) {
      HttpErrorKind kind = HttpErrorKind::Other;
      std::string message;
      switch (code) {
        case CURLE_UNSUPPORTED_PROTOCOL:
          kind = HttpErrorKind::UnsupportedScheme;
          message = "unsupported scheme for " + where + ": only http and https are allowed";
          break;
        case CURLE_URL_MALFORMAT:
          kind = HttpErrorKind::InvalidUrl;
          message = "invalid URL in " + where + ": " + errorText;
          break;
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
          kind = HttpErrorKind::Connect;
          message = "could not resolve the host of " + where + ": " + errorText;
          break;
        case CURLE_COULDNT_CONNECT:
          kind = HttpErrorKind::Connect;
          message = "could not connect for " + where + ": " + errorText;
          break;
        case CURLE_OPERATION_TIMEDOUT: {
          kind = HttpErrorKind::Timeout;
          curl_off_t connectTime = 0;
          curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connectTime);
          if (errorText.find("too slow") != std::string::npos) {
            message = "stalled: less than " + std::to_string(options_.lowSpeedBytesPerSecond) +
                      " bytes/s for " + std::to_string(options_.lowSpeedWindow.count()) + " s from " + where;
          } else if (connectTime == 0 && errorText.find("onnect") != std::string::npos) {
            message = "connecting timed out after " + std::to_string(options_.connectTimeout.count()) +
                      " ms for " + where;
          } else {
            message = "timed out after " + std::to_string(budget.count()) + " ms (total timeout) waiting for " + where;
          }
          break;
        }
        case CURLE_TOO_MANY_REDIRECTS:
          kind = HttpErrorKind::TooManyRedirects;
          message = "too many redirects for " + where;
          break;
        case CURLE_ABORTED_BY_CALLBACK:
          kind = HttpErrorKind::Cancelled;
          message = "cancelled while waiting for " + where;
          break;
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
          kind = HttpErrorKind::Network;
          message = "connection failed during " + where + ": " + errorText;
          break;
        case CURLE_GOT_NOTHING:
          kind = HttpErrorKind::Protocol;
          message = "the server closed the connection without replying to " + where;
          break;
        case CURLE_PARTIAL_FILE:
          kind = HttpErrorKind::Protocol;
          message = "response body truncated for " + where + ": " + errorText;
          break;
        case CURLE_BAD_CONTENT_ENCODING:
        case CURLE_WEIRD_SERVER_REPLY:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_HTTP3:
          kind = HttpErrorKind::Protocol;
          message = "malformed response to " + where + ": " + errorText;
          break;
        default:
          if (isTlsError(code)) {
            kind = HttpErrorKind::Tls;
            message = "TLS failure for " + where + ": " + errorText;
          } else {
            message = "request failed: " + where + ": " + errorText;
          }
      }
      return makeError(kind, std::move(message), hop, code, start);
    }

    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    char* redirectTarget = nullptr;
    curl_easy_getinfo(easy, CURLINFO_REDIRECT_URL, &redirectTarget);
    if (options_.followRedirects && isRedirectStatus(status) && redirectTarget != nullptr) {
      const std::string next(redirectTarget);
      if (redirectCount >= options_.maxRedirects) {
        return makeError(HttpErrorKind::TooManyRedirects,
                         "too many redirects: stopped after " + std::to_string(options_.maxRedirects) +
                             " at " + where + " (redirected to " + next + ")",
                         hop, CURLE_TOO_MANY_REDIRECTS, start);
      }
      if (auto error = checkUrl(next, next, "redirect from " + hop.url + " to")) return *error;
      const auto from = parseUrl(hop.url);
      const auto to = parseUrl(next);
      if (from->scheme == "https" && to->scheme == "http" && !options_.allowHttpsToHttpRedirect) {
        return makeError(HttpErrorKind::InsecureRedirect,
                         "refused to follow the redirect from " + hop.url + " to " + next +
                             ": it downgrades https to http",
                         hop, 0, start);
      }
      if (leavesOrigin(*from, *to)) {
        for (const char* name : {"Authorization", "Proxy-Authorization", "Cookie"}) removeHeader(hop.headers, name);
        for (const auto& name : request.credentialHeaders) removeHeader(hop.headers, name);
      }
      // requests' rebuild_method, then the body goes with every change of method.
      if ((status == 303 && hop.method != "HEAD") || (status == 302 && hop.method != "HEAD") ||
          (status == 301 && hop.method == "POST")) {
        hop.method = "GET";
      }
      if (status != 307 && status != 308) {
        hop.body.reset();
        for (const char* name : {"Content-Length", "Content-Type", "Transfer-Encoding"}) {
          removeHeader(hop.headers, name);
        }
      }
      hop.url = next;
      redirects.push_back(next);
      continue;
    }

    HttpResponse response;
    response.status = status;
    response.url = hop.url;
    response.headers = std::move(t.headers);
    response.body = std::move(t.body);
    response.request = hop.record();
    response.redirects = std::move(redirects);
    response.elapsed = since(start);
    return response;
  }
}

}  // namespace manifold::http
