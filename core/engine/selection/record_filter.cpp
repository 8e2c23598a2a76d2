// RecordFilter evaluation.
#include "core/engine/selection/record_filter.h"

namespace manifold::engine {

bool RecordFilter::keep(const nlohmann::json& record, const nlohmann::json& slice,
                        const nlohmann::json& nextPageToken) const {
  interpolation::Context context;
  context.borrow("config", *config_)
      .borrow("parameters", parameters_)
      .borrow("record", record)
      .borrow("stream_slice", slice)
      .borrow("next_page_token", nextPageToken);
  return evalConditionOrThrow(condition_, context, "the record filter's condition");
}

}  // namespace manifold::engine
