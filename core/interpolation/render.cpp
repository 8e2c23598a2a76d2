// renderTemplate: InterpolatedString over a JSON object of variables.
#include "core/interpolation/render.h"

#include "core/interpolation/interpolated_string.h"

namespace manifold::interpolation {

Result<nlohmann::json> renderTemplate(std::string_view templateText, const nlohmann::json& contextObject,
                                      const RenderOptions& options) {
  if (!contextObject.is_object()) return Error{ErrorKind::Value, "the context must be a JSON object", 0};
  const Context context = Context::fromJsonObject(contextObject);
  return InterpolatedString(std::string(templateText)).eval(context, options);
}

}  // namespace manifold::interpolation
