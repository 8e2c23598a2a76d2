// HttpError: why a request produced no response, as a value with a message naming the URL.
#include "core/http/http_error.h"

namespace manifold::http {

std::string_view httpErrorKindName(HttpErrorKind kind) {
  switch (kind) {
    case HttpErrorKind::InvalidUrl: return "invalid_url";
    case HttpErrorKind::UnsupportedScheme: return "unsupported_scheme";
    case HttpErrorKind::Connect: return "connect";
    case HttpErrorKind::Timeout: return "timeout";
    case HttpErrorKind::Tls: return "tls";
    case HttpErrorKind::TooLarge: return "too_large";
    case HttpErrorKind::HeaderTooLarge: return "header_too_large";
    case HttpErrorKind::TooManyRedirects: return "too_many_redirects";
    case HttpErrorKind::InsecureRedirect: return "insecure_redirect";
    case HttpErrorKind::HostNotAllowed: return "host_not_allowed";
    case HttpErrorKind::Network: return "network";
    case HttpErrorKind::Protocol: return "protocol";
    case HttpErrorKind::Cancelled: return "cancelled";
    case HttpErrorKind::Other: return "other";
  }
  return "other";
}

bool isTransient(HttpErrorKind kind) {
  return kind == HttpErrorKind::Timeout || kind == HttpErrorKind::Connect ||
         kind == HttpErrorKind::Network || kind == HttpErrorKind::Protocol;
}

bool isRefusedByPolicy(HttpErrorKind kind) {
  return kind == HttpErrorKind::InvalidUrl || kind == HttpErrorKind::UnsupportedScheme ||
         kind == HttpErrorKind::HostNotAllowed || kind == HttpErrorKind::InsecureRedirect;
}

}  // namespace manifold::http
