// Operations and record locations: the parts of a document the inference rules read.
#include "core/openapi/operation.h"

#include "core/openapi/name_text.h"

#include "core/openapi/schema_converter.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace manifold::openapi {
namespace {

// The usual names of the list inside a wrapper object, most specific first.
constexpr std::array kRecordWrappers{"data",    "results", "items",   "value", "records", "entries", "elements",
                                     "objects", "rows",    "content", "list",  "hits",    "nodes"};
// Objects that typically hold the wrapper one level down (HAL, Elasticsearch-like, envelopes).
constexpr std::array kEnvelopes{"_embedded", "data", "result", "response", "hits", "payload", "body"};

std::string itemsRef(RefResolver& resolver, Node arraySchema) {
  arraySchema = resolver.deref(arraySchema);
  if (!arraySchema || !arraySchema->is_object()) return {};
  auto items = arraySchema->find("items");
  return items == arraySchema->end() ? std::string() : std::string(RefResolver::refOf(*items));
}

bool isRecordArray(RefResolver& resolver, Node schema) {
  if (!isArraySchema(resolver, schema)) return false;
  Node items = resolver.child(schema, "items");
  return items && isObjectSchema(resolver, items);
}

void readParameters(RefResolver& resolver, Node list, std::vector<Parameter>& out, bool swagger) {
  list = resolver.deref(list);
  if (!list || !list->is_array()) return;
  for (const auto& raw : *list) {
    Node p = resolver.deref(Node{&raw, list.doc});
    if (!p || !p->is_object()) continue;
    Parameter param;
    param.name = stringField(*p, "name");
    param.in = stringField(*p, "in");
    if (param.name.empty() || param.in.empty()) continue;
    if (auto req = p->find("required"); req != p->end() && req->is_boolean()) param.required = req->get<bool>();
    param.description = stringField(*p, "description");
    if (swagger && param.in != "body") {
      param.schema = p;
    } else {
      param.schema = resolver.child(p, "schema");
    }
    auto same = std::find_if(out.begin(), out.end(),
                             [&](const Parameter& o) { return o.name == param.name && o.in == param.in; });
    if (same != out.end()) *same = std::move(param);
    else out.push_back(std::move(param));
  }
}

Node jsonBodySchema(RefResolver& resolver, Node response, bool swagger) {
  if (swagger) return resolver.child(response, "schema");
  Node content = resolver.child(response, "content");
  if (!content || !content->is_object()) return {};
  Node chosen;
  for (auto it = content->begin(); it != content->end(); ++it) {
    const auto type = lowerAscii(it.key());
    const bool json = type.rfind("application/json", 0) == 0;
    if (json || (!chosen && (type.find("json") != std::string::npos || type == "*/*"))) {
      chosen = Node{&it.value(), content.doc};
      if (json) break;
    }
  }
  if (!chosen) return {};
  return resolver.child(chosen, "schema");
}

bool looksLikeSearch(const Operation& op) {
  const auto last = op.path.substr(op.path.find_last_of('/') + 1);
  for (const auto& text : {lowerAscii(op.operationId), lowerAscii(op.summary), lowerAscii(last)}) {
    for (const char* word : {"search", "list", "query", "find", "filter"}) {
      if (text.find(word) != std::string::npos) return true;
    }
  }
  return false;
}

bool bodyHasRequiredFields(RefResolver& resolver, Node op, bool swagger, const std::vector<Parameter>& params) {
  if (swagger) {
    for (const auto& p : params) {
      if (p.in == "body" && p.schema) {
        for (const auto& prop : objectProperties(resolver, p.schema)) {
          if (prop.required) return true;
        }
      }
      if (p.in == "formData" && p.required) return true;
    }
    return false;
  }
  Node body = resolver.child(op, "requestBody");
  if (!body) return false;
  Node schema = jsonBodySchema(resolver, body, false);
  if (!schema) return false;
  for (const auto& prop : objectProperties(resolver, schema)) {
    if (prop.required) return true;
  }
  return false;
}

}  // namespace

std::optional<long long> Parameter::integerField(std::string_view key) const {
  if (!schema || !schema->is_object()) return std::nullopt;
  auto it = schema->find(key);
  if (it == schema->end()) return std::nullopt;
  if (it->is_number_integer()) return it->get<long long>();
  if (it->is_number()) return static_cast<long long>(it->get<double>());
  if (it->is_string()) {
    const auto& text = it->get_ref<const std::string&>();
    if (!text.empty() && text.size() < 18 && text.find_first_not_of("0123456789") == std::string::npos) {
      return std::stoll(text);
    }
  }
  return std::nullopt;
}

bool Parameter::hasDefault() const { return schema && schema->is_object() && schema->contains("default"); }

std::string Parameter::type() const {
  if (!schema || !schema->is_object()) return {};
  auto it = schema->find("type");
  if (it == schema->end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array()) {
    for (const auto& t : *it) {
      if (t.is_string() && t.get<std::string>() != "null") return t.get<std::string>();
    }
  }
  return {};
}

std::string Parameter::format() const { return schema ? stringField(*schema, "format") : std::string(); }

const Parameter* Operation::parameter(std::string_view name, std::string_view in) const {
  for (const auto& p : parameters) {
    if (p.name == name && p.in == in) return &p;
  }
  return nullptr;
}

std::vector<Operation> collectOperations(RefResolver& resolver, const OpenApiDocument& document) {
  std::vector<Operation> out;
  const bool swagger = document.version == SpecVersion::Swagger2;
  Node paths = resolver.child(resolver.root(), "paths");
  if (!paths || !paths->is_object()) return out;
  for (auto it = paths->begin(); it != paths->end(); ++it) {
    if (it.key().empty() || it.key().front() != '/') continue;  // x- extensions
    Node item = resolver.deref(Node{&it.value(), paths.doc});
    if (!item || !item->is_object()) continue;
    for (const char* method : {"get", "post"}) {
      Node opNode = resolver.child(item, method);
      if (!opNode || !opNode->is_object()) continue;
      Operation op;
      op.method = method == std::string_view("get") ? "GET" : "POST";
      op.path = it.key();
      op.node = opNode;
      op.operationId = stringField(*opNode, "operationId");
      op.summary = stringField(*opNode, "summary");
      op.description = stringField(*opNode, "description");
      if (auto pathParams = item->find("parameters"); pathParams != item->end()) {
        readParameters(resolver, Node{&*pathParams, item.doc}, op.parameters, swagger);
      }
      if (auto own = opNode->find("parameters"); own != opNode->end()) {
        readParameters(resolver, Node{&*own, opNode.doc}, op.parameters, swagger);
      }
      if (op.method == "POST") {
        if (!looksLikeSearch(op)) continue;
        op.hasRequiredBody = bodyHasRequiredFields(resolver, opNode, swagger, op.parameters);
        if (op.hasRequiredBody) continue;
      }
      Node responses = resolver.child(opNode, "responses");
      if (responses && responses->is_object()) {
        std::vector<std::string> codes;
        for (auto r = responses->begin(); r != responses->end(); ++r) {
          if (r.key().size() == 3 && r.key()[0] == '2') codes.push_back(r.key());
        }
        std::sort(codes.begin(), codes.end(), [](const std::string& a, const std::string& b) {
          // Explicit codes before the 2XX range; 200 first.
          const bool ax = a == "2XX" || a == "2xx";
          const bool bx = b == "2XX" || b == "2xx";
          return ax != bx ? bx : a < b;
        });
        if (responses->contains("default")) codes.push_back("default");
        for (const auto& code : codes) {
          Node response = resolver.child(responses, code);
          if (!response) continue;
          Node schema = jsonBodySchema(resolver, response, swagger);
          if (!schema) continue;
          op.successStatus = code;
          op.successResponse = response;
          op.successSchema = schema;
          break;
        }
      }
      out.push_back(std::move(op));
    }
  }
  return out;
}

namespace {

std::optional<RecordLocation> locate(RefResolver& resolver, Node schema, std::vector<std::string>& path, int depth) {
  schema = resolver.deref(schema);
  if (!schema) return std::nullopt;
  if (isRecordArray(resolver, schema)) return RecordLocation{path, resolver.child(schema, "items"), itemsRef(resolver, schema)};
  if (!isObjectSchema(resolver, schema) || depth >= 3) return std::nullopt;
  const auto props = objectProperties(resolver, schema);
  std::vector<const SchemaProperty*> arrays;
  for (const auto& p : props) {
    if (isRecordArray(resolver, p.schema)) arrays.push_back(&p);
  }
  const SchemaProperty* chosen = nullptr;
  for (const char* wrapper : kRecordWrappers) {
    for (const auto* p : arrays) {
      if (p->name == wrapper) {
        chosen = p;
        break;
      }
    }
    if (chosen) break;
  }
  if (!chosen && !arrays.empty()) chosen = arrays.front();
  if (chosen) {
    path.push_back(chosen->name);
    return RecordLocation{path, resolver.child(chosen->schema, "items"), itemsRef(resolver, chosen->schema)};
  }
  for (const char* envelope : kEnvelopes) {
    for (const auto& p : props) {
      if (p.name != envelope || !isObjectSchema(resolver, p.schema)) continue;
      path.push_back(p.name);
      if (auto found = locate(resolver, p.schema, path, depth + 1)) return found;
      path.pop_back();
    }
  }
  return std::nullopt;
}

}  // namespace

bool isRecordWrapper(std::string_view name) {
  return std::find(kRecordWrappers.begin(), kRecordWrappers.end(), name) != kRecordWrappers.end();
}

std::optional<RecordLocation> locateRecords(RefResolver& resolver, Node responseSchema) {
  std::vector<std::string> path;
  return locate(resolver, responseSchema, path, 0);
}

}  // namespace manifold::openapi
