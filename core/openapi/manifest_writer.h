// ImportPlan → the manifest's YAML text: streams, auth, pagination, parents, spec and schemas.
#pragma once

#include "core/openapi/import_plan.h"

#include <string>
#include <vector>

namespace manifold::openapi {

// Writes a manifest with the chosen streams (all when `streams` is empty), in the plan's order.
// A chosen child's parents are defined too, so the substream can read them, but only chosen
// streams are listed. Comments mark every guess. Fails when a name is not a candidate.
Result<std::string> writeManifest(const ImportPlan& plan, const std::vector<std::string>& streams = {});

// The chosen stream names in plan order (all when `streams` is empty), or which name is unknown.
Result<std::vector<std::string>> selectStreams(const ImportPlan& plan, const std::vector<std::string>& streams);

}  // namespace manifold::openapi
