// The import report as text: per stream what was inferred and from where, and what was not.
#pragma once

#include "core/openapi/import_plan.h"

#include <string>
#include <vector>

namespace manifold::openapi {

// Streams not in `chosen` (when it is not empty) are listed as left out.
std::string formatReport(const ImportPlan& plan, const std::vector<std::string>& chosen = {});

// The document-wide part: source, url_base, auth, notes (unresolved refs, skipped schemes).
std::string formatDocumentReport(const ImportPlan& plan);

// One stream's section of the report (for the IDE's per-stream view).
std::string formatStreamReport(const CandidateStream& stream);

}  // namespace manifold::openapi
