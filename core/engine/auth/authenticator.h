// Authenticator: what an HttpRequester's `authenticator` adds to every request.
#pragma once

#include "core/engine/request_options.h"

namespace manifold::engine {

class ReadContext;

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // Evaluated per request, as the reference evaluates tokens per request; these options enter
  // the merge of REFERENCE-NOTES 3.4 (a manifest Authorization header collides with them).
  virtual RequestOptions requestOptions(ReadContext& read) const = 0;
};

}  // namespace manifold::engine
