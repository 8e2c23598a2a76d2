// BasicHttpAuthenticator: UTF-8 credentials, base64 as the reference encodes them.
#include "core/engine/auth/basic_http_authenticator.h"

#include "core/interpolation/encoding.h"

namespace manifold::engine {

RequestOptions BasicHttpAuthenticator::requestOptions(ReadContext&) const {
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters_);
  const std::string user = evalTextOrThrow(username_, context, "the BasicHttpAuthenticator's username");
  const std::string password = evalTextOrThrow(password_, context, "the BasicHttpAuthenticator's password");
  RequestOptions options;
  options.headers["Authorization"] = "Basic " + interpolation::base64Encode(user + ":" + password);
  return options;
}

}  // namespace manifold::engine
