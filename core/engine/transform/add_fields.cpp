// AddFields: values follow the InterpolatedString pipeline, value_type acts as valid_types.
#include "core/engine/transform/add_fields.h"

#include "core/engine/engine_error.h"
#include "core/interpolation/jinja_interpolation.h"

namespace manifold::engine {

void AddFields::transform(nlohmann::json& record, const nlohmann::json& slice) const {
  if (condition_) {
    interpolation::Context context;
    context.borrow("config", *config_).borrow("parameters", parameters_).borrow("record", record).borrow("stream_slice", slice);
    if (!evalConditionOrThrow(*condition_, context, "the AddFields condition")) return;
  }
  for (const auto& field : fields_) {
    nlohmann::json value;
    if (field.valueTemplate) {
      interpolation::Context context;
      context.borrow("config", *config_).borrow("parameters", parameters_).borrow("record", record).borrow("stream_slice", slice);
      interpolation::EvalOptions options;
      options.defaultTemplate = *field.valueTemplate;
      options.validTypes = field.validTypes;
      auto result = interpolation::evaluate(*field.valueTemplate, context, options);
      if (!result) {
        throw ReadError("could not evaluate the AddFields value '" + *field.valueTemplate + "': " +
                        result.error().message, protocol::FailureType::ConfigError);
      }
      value = std::move(result).value();
    } else {
      value = field.constant;
    }
    nlohmann::json* node = &record;
    for (std::size_t i = 0; i + 1 < field.path.size(); ++i) {
      nlohmann::json& next = (*node)[field.path[i]];
      if (!next.is_object()) next = nlohmann::json::object();
      node = &next;
    }
    if (!node->is_object()) *node = nlohmann::json::object();
    (*node)[field.path.back()] = std::move(value);
  }
}

}  // namespace manifold::engine
