// The functions templates can call: Jinja filters and tests, Airbyte macros and filters.
#pragma once

#include "core/interpolation/call_args.h"
#include "core/interpolation/runtime.h"
#include "core/interpolation/value.h"

#include <string_view>

namespace manifold::interpolation {

// Names resolved as globals when the context does not define them (macros, Jinja's `dict`).
bool isGlobalFunction(std::string_view name);
Value callGlobalFunction(std::string_view name, const CallArgs& args, Runtime& runtime);

bool hasFilter(std::string_view name);
Value applyFilter(std::string_view name, const Value& subject, const CallArgs& args, Runtime& runtime);

bool hasTest(std::string_view name);
bool applyTest(std::string_view name, const Value& subject, const CallArgs& args, Runtime& runtime);

}  // namespace manifold::interpolation
