// ApiKeyAuthenticator: no prefix is added; the token is whatever api_token renders.
#include "core/engine/auth/api_key_authenticator.h"

namespace manifold::engine {

RequestOptions ApiKeyAuthenticator::requestOptions(ReadContext&) const {
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters_);
  RequestOptions options;
  injectInto_.inject(options, evalTextOrThrow(apiToken_, context, "the ApiKeyAuthenticator's api_token"));
  return options;
}

}  // namespace manifold::engine
