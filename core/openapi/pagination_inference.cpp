// Pagination rules. Names are compared case- and separator-insensitively (next_cursor,
// nextCursor and NEXT-CURSOR are one name), since APIs spell them every way.
#include "core/openapi/pagination_inference.h"

#include "core/openapi/name_text.h"

#include "core/openapi/schema_converter.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace manifold::openapi {
namespace {

bool oneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  const auto n = normalizedName(name);
  return std::any_of(names.begin(), names.end(), [&](std::string_view c) { return n == normalizedName(c); });
}

// A template reading a response field that may be missing on the last page without failing:
// response.next_cursor, or response.get('links', {}).get('next') for nested or odd keys.
std::string fieldExpression(std::string_view root, const std::vector<std::string>& path) {
  std::string expr(root);
  if (path.size() == 1 && isIdentifier(path[0]) && path[0] != "items" && path[0] != "keys" && path[0] != "values") {
    return expr + "." + path[0];
  }
  for (std::size_t i = 0; i < path.size(); ++i) {
    expr += ".get(" + quotedLiteral(path[i]) + (i + 1 < path.size() ? ", {})" : ")");
  }
  return expr;
}

std::string joined(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& p : path) out += (out.empty() ? "" : ".") + p;
  return out;
}

struct Field {
  std::vector<std::string> path;
  Node schema;
  std::string name() const { return path.back(); }
};

// Scalar and object fields of the response outside the records: top level and up to two levels
// into the objects APIs keep paging data in (links.next, _links.next.href).
void collectFields(RefResolver& resolver, Node schema, const std::vector<std::string>& recordPath, std::vector<std::string>& at,
                   std::vector<Field>& out, int depth) {
  for (const auto& p : objectProperties(resolver, schema)) {
    at.push_back(p.name);
    if (at != recordPath) {
      out.push_back({at, p.schema});
      if (depth < 2 && isObjectSchema(resolver, p.schema) &&
          oneOf(p.name, {"links", "_links", "meta", "pagination", "paging", "page_info", "pageInfo", "response_metadata",
                         "metadata", "cursor", "cursors", "next"})) {
        collectFields(resolver, p.schema, recordPath, at, out, depth + 1);
      }
    }
    at.pop_back();
  }
}

bool isStringField(RefResolver& resolver, Node schema) {
  const auto types = schemaTypes(resolver, schema);
  return types.empty() || std::find(types.begin(), types.end(), "string") != types.end();
}

bool isUrlField(RefResolver& resolver, const Field& field) {
  const auto name = field.name();
  const bool nextName = oneOf(name, {"next", "next_url", "next_page_url", "next_link", "nextLink", "@odata.nextLink",
                                     "odata.nextLink", "next_href", "href"});
  if (!nextName) return false;
  if (oneOf(name, {"href"})) return field.path.size() >= 2 && oneOf(field.path[field.path.size() - 2], {"next"});
  if (!isStringField(resolver, field.schema)) return false;
  Node schema = resolver.deref(field.schema);
  const std::string format = schema && schema->is_object() && schema->contains("format") && (*schema)["format"].is_string()
                                 ? (*schema)["format"].get<std::string>()
                                 : std::string();
  const auto n = normalizedName(name);
  // A bare "next" is a URL when the document says so or when it sits in a links object.
  return n != "next" || format == "uri" || format == "url" ||
         (field.path.size() >= 2 && oneOf(field.path[field.path.size() - 2], {"links", "_links", "paging"}));
}

const Parameter* findQuery(const Operation& op, std::initializer_list<std::string_view> names) {
  for (auto name : names) {
    for (const auto& p : op.parameters) {
      if (p.in == "query" && normalizedName(p.name) == normalizedName(name)) return &p;
    }
  }
  return nullptr;
}

const Parameter* sizeParameter(const Operation& op) {
  return findQuery(op, {"per_page", "page_size", "pageSize", "perPage", "limit", "size", "count", "max_results",
                        "maxResults", "$top", "top", "page[size]"});
}

void setPageSize(PaginationPlan& plan, const Parameter* size) {
  if (!size) return;
  plan.sizeParameter = size->name;
  if (auto maximum = size->integerField("maximum")) plan.pageSize = *maximum;
  else if (auto fallback = size->integerField("default")) plan.pageSize = *fallback;
}

std::string sizeText(const PaginationPlan& plan) {
  if (plan.sizeParameter.empty()) return {};
  return ", page size " + (plan.pageSize ? std::to_string(*plan.pageSize) : std::string("not documented")) + " in '" +
         plan.sizeParameter + "'";
}

// A has_more-like boolean gives the stop condition.
std::string stopCondition(RefResolver& resolver, const std::vector<Field>& fields) {
  for (const auto& f : fields) {
    if (!oneOf(f.name(), {"has_more", "has_next", "has_next_page", "more", "has_more_items"})) continue;
    const auto types = schemaTypes(resolver, f.schema);
    if (std::find(types.begin(), types.end(), "boolean") == types.end()) continue;
    return "{{ not " + fieldExpression("response", f.path) + " }}";
  }
  return {};
}

// The query parameter a cursor field is passed back in.
const Parameter* cursorParameterFor(const Operation& op, std::string_view field) {
  const auto f = normalizedName(field);
  const std::string stripped = f.rfind("next", 0) == 0 ? f.substr(4) : f;
  for (const auto& p : op.parameters) {
    if (p.in != "query") continue;
    const auto n = normalizedName(p.name);
    if (n == f || (!stripped.empty() && n == stripped)) return &p;
    if ((f == "endcursor" || f == "nextcursor") && n == "after") return &p;
    if (f == "continuation" && n == "continuationtoken") return &p;
  }
  return nullptr;
}

}  // namespace

std::string_view paginationKindName(PaginationKind kind) {
  switch (kind) {
    case PaginationKind::None: return "NoPagination";
    case PaginationKind::NextUrl: return "CursorPagination (next URL)";
    case PaginationKind::Cursor: return "CursorPagination (cursor parameter)";
    case PaginationKind::Offset: return "OffsetIncrement";
    case PaginationKind::PageNumber: return "PageIncrement";
    case PaginationKind::LinkHeader: return "CursorPagination (Link header)";
  }
  return "NoPagination";
}

PaginationPlan inferPagination(RefResolver& resolver, const Operation& op, const std::vector<std::string>& recordPath,
                               Inference& inference) {
  PaginationPlan plan;
  std::vector<Field> fields;
  if (op.successSchema && isObjectSchema(resolver, op.successSchema)) {
    std::vector<std::string> at;
    collectFields(resolver, op.successSchema, recordPath, at, fields, 0);
  }
  const Parameter* size = sizeParameter(op);
  const std::string label = op.operationId.empty() ? op.method + " " + op.path : op.operationId;

  // 1. A URL to the next page in the body.
  for (const auto& f : fields) {
    if (!isUrlField(resolver, f)) continue;
    plan.kind = PaginationKind::NextUrl;
    plan.cursorValue = "{{ " + fieldExpression("response", f.path) + " }}";
    plan.stopCondition = stopCondition(resolver, fields);
    setPageSize(plan, size);
    inference = {"pagination: CursorPagination on the next-page URL '" + joined(f.path) + "'" + sizeText(plan),
                 "response field '" + joined(f.path) + "' of " + label};
    return plan;
  }
  // 2. A cursor token passed back in a query parameter.
  for (const auto& f : fields) {
    if (!oneOf(f.name(), {"next_cursor", "cursor", "next_page_token", "page_token", "continuation", "continuation_token",
                          "after", "end_cursor", "next_token", "next", "next_page_cursor"})) {
      continue;
    }
    const auto types = schemaTypes(resolver, f.schema);
    if (std::find(types.begin(), types.end(), "object") != types.end() ||
        std::find(types.begin(), types.end(), "array") != types.end()) {
      continue;
    }
    const Parameter* param = cursorParameterFor(op, f.name());
    if (!param) continue;
    plan.kind = PaginationKind::Cursor;
    plan.cursorValue = "{{ " + fieldExpression("response", f.path) + " }}";
    plan.stopCondition = stopCondition(resolver, fields);
    plan.tokenParameter = param->name;
    if (size != param) setPageSize(plan, size);
    inference = {"pagination: CursorPagination, '" + joined(f.path) + "' passed back in '" + param->name + "'" + sizeText(plan),
                 "response field '" + joined(f.path) + "' and parameter '" + param->name + "' of " + label};
    return plan;
  }
  // 2b. Stripe-like: starting_after=<last id> while has_more.
  if (const Parameter* after = findQuery(op, {"starting_after", "after_id", "since_id"})) {
    const std::string stop = stopCondition(resolver, fields);
    if (!stop.empty()) {
      plan.kind = PaginationKind::Cursor;
      plan.cursorValue = "{{ last_record['id'] }}";
      plan.stopCondition = stop;
      plan.tokenParameter = after->name;
      setPageSize(plan, size);
      inference = {"pagination: CursorPagination, the last record's id passed in '" + after->name + "'" + sizeText(plan),
                   "parameter '" + after->name + "' and the has-more flag of " + label};
      return plan;
    }
  }
  // 3. offset + limit.
  const Parameter* offset = findQuery(op, {"offset", "skip", "$skip", "start", "page[offset]"});
  if (offset && size) {
    plan.kind = PaginationKind::Offset;
    plan.tokenParameter = offset->name;
    setPageSize(plan, size);
    if (!plan.pageSize) {
      plan.pageSize = 100;
      plan.pageSizeGuessed = true;
    }
    inference = {"pagination: OffsetIncrement ('" + offset->name + "', '" + size->name + "')" + sizeText(plan),
                 "parameters '" + offset->name + "' and '" + size->name + "' of " + label};
    return plan;
  }
  // 4. Page numbers.
  if (const Parameter* page = findQuery(op, {"page", "page_number", "pageNumber", "p", "page[number]"});
      page && page->type() != "string") {
    plan.kind = PaginationKind::PageNumber;
    plan.tokenParameter = page->name;
    auto first = page->integerField("minimum");
    if (!first) first = page->integerField("default");
    plan.startFromPage = first && (*first == 0 || *first == 1) ? *first : 1;
    if (size != page) setPageSize(plan, size);
    inference = {"pagination: PageIncrement from page " + std::to_string(plan.startFromPage) + " in '" + page->name + "'" +
                     sizeText(plan),
                 "parameter" + std::string(size ? "s '" : " '") + page->name + "'" + (size ? " and '" + size->name + "'" : std::string()) + " of " + label};
    return plan;
  }
  // 5. A documented Link header.
  if (Node headers = resolver.child(op.successResponse, "headers"); headers && headers->is_object()) {
    for (auto it = headers->begin(); it != headers->end(); ++it) {
      if (normalizedName(it.key()) != "link") continue;
      plan.kind = PaginationKind::LinkHeader;
      plan.cursorValue = "{{ headers.get('link', {}).get('next', {}).get('url') }}";
      setPageSize(plan, size);
      inference = {"pagination: CursorPagination on the Link header's rel=\"next\"" + sizeText(plan),
                   "response header '" + it.key() + "' of " + label};
      return plan;
    }
  }
  return plan;
}

}  // namespace manifold::openapi
