// Renders a parsed template against a context: Jinja's statements over Python values.
#pragma once

#include "core/interpolation/ast.h"
#include "core/interpolation/context.h"
#include "core/interpolation/runtime.h"

#include <string>

namespace manifold::interpolation {

// Renders `nodes` to text. Throws EvalException; offsets point into the template source.
std::string renderNodes(const NodeList& nodes, const Context& context, const RenderOptions& options);

}  // namespace manifold::interpolation
