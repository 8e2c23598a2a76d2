// GzipDecoder: transport gzip is already undone by the HTTP client, so one magic-byte check
// remains, as the reference's GzipParser makes (the Builder's path).
#include "core/engine/decode/gzip_decoder.h"

#include "core/engine/decode/inflate.h"
#include "core/engine/read_context.h"

namespace manifold::engine {

http::HttpResponse withBody(const http::HttpResponse& response, std::string body) {
  http::HttpResponse copy;
  copy.status = response.status;
  copy.url = response.url;
  copy.headers = response.headers;
  copy.elapsed = response.elapsed;
  copy.request = response.request;
  copy.body = std::move(body);
  return copy;
}

void GzipDecoder::decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const {
  if (!hasGzipMagic(response.body)) {
    inner_->decode(response, read, bodies);
    return;
  }
  const auto inner = withBody(response, gunzipBounded(response.body, read.client().options().maxBodyBytes));
  inner_->decode(inner, read, bodies);
}

}  // namespace manifold::engine
