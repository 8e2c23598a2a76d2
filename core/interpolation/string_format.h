// Python string formatting: the % operator and str.format.
#pragma once

#include "core/interpolation/call_args.h"
#include "core/interpolation/value.h"

#include <string>
#include <string_view>

namespace manifold::interpolation {

// "%s-%05.2f" % args; a tuple supplies several arguments, a dict named ones.
std::string percentFormat(std::string_view format, const Value& args);
// "{} {name:>5}".format(*positional, **keywords)
std::string braceFormat(std::string_view format, const CallArgs& args);

}  // namespace manifold::interpolation
