// Python attributes of values: dict/str/list methods, date-time and duration properties.
#pragma once

#include "core/interpolation/call_args.h"
#include "core/interpolation/runtime.h"
#include "core/interpolation/value.h"

#include <optional>
#include <string_view>

namespace manifold::interpolation {

// A property value (datetime.year) or a bound method; nullopt when the type has no such attribute.
std::optional<Value> pythonAttribute(const Value& object, std::string_view name);
Value callMethod(const Value& self, std::string_view name, const CallArgs& args, Runtime& runtime);

}  // namespace manifold::interpolation
