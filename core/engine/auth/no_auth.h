// NoAuth: adds nothing to requests.
#pragma once

#include "core/engine/auth/authenticator.h"

namespace manifold::engine {

class NoAuth final : public Authenticator {
 public:
  RequestOptions requestOptions(ReadContext&) const override { return {}; }
};

}  // namespace manifold::engine
