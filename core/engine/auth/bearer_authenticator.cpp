// BearerAuthenticator: an empty token still sends "Bearer " as the reference does.
#include "core/engine/auth/bearer_authenticator.h"

namespace manifold::engine {

RequestOptions BearerAuthenticator::requestOptions(ReadContext&) const {
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters_);
  RequestOptions options;
  options.headers["Authorization"] = "Bearer " + evalTextOrThrow(apiToken_, context, "the BearerAuthenticator's api_token");
  return options;
}

}  // namespace manifold::engine
