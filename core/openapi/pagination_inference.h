// Pagination from an operation's query parameters, response schema and documented headers.
#pragma once

#include "core/openapi/import_plan.h"
#include "core/openapi/operation.h"

namespace manifold::openapi {

// The first rule that matches, in this order: a next-page URL field in the response, a cursor
// token field with its query parameter, offset+limit, page(+size), a documented Link header.
// `inference` says which parameters and fields decided it (empty `what` when nothing matched).
PaginationPlan inferPagination(RefResolver& resolver, const Operation& operation, const std::vector<std::string>& recordPath,
                               Inference& inference);

}  // namespace manifold::openapi
