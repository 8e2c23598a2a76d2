// Checks a resolved manifest against the component catalog and reports diagnostics with positions.
#pragma once

#include "core/manifest/component_catalog.h"
#include "core/manifest/resolver.h"

namespace manifold::manifest {

class Validator {
 public:
  // The resolver maps findings on the resolved tree back to where the user wrote them.
  explicit Validator(const Resolver& resolver, const ComponentCatalog& catalog = ComponentCatalog::instance());

  // Unknown or misplaced types (with "did you mean"), missing required fields, unknown
  // fields (warnings), wrong value kinds, values outside an enum, templates that do not
  // parse, check.stream_names naming no stream, duplicate stream names, a missing or
  // malformed version. A custom Python component (class_name) gets exactly one error and
  // is not looked into further.
  Diagnostics validate(const Json& resolvedRoot) const;

 private:
  const Resolver& resolver_;
  const ComponentCatalog& catalog_;
};

}  // namespace manifold::manifest
