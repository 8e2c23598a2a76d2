// The import rules that tie the document together: names, url_base, parents, spec inputs,
// primary keys and incremental suggestions. Pagination and auth have their own files.
#include "core/openapi/openapi_importer.h"

#include "core/openapi/name_text.h"

#include "core/http/url.h"
#include "core/openapi/auth_inference.h"
#include "core/openapi/operation.h"
#include "core/openapi/pagination_inference.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace manifold::openapi {
namespace {

std::vector<std::string> splitPath(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool isParameterSegment(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::string trimSlash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string configRef(std::string_view key) { return "config[" + quotedLiteral(key) + "]"; }

// A spec property from a parameter's schema: type, enum, format, default and description kept.
Json inputSchema(RefResolver& resolver, const Parameter& param, const std::string& title) {
  Json schema = Json::object();
  const auto type = param.type();
  schema["type"] = type.empty() || type == "object" ? "string" : type;
  schema["title"] = title;
  if (!param.description.empty()) schema["description"] = param.description;
  Node s = resolver.deref(param.schema);
  if (s && s->is_object()) {
    for (const char* key : {"enum", "format", "default", "minimum", "maximum", "pattern"}) {
      if (auto it = s->find(key); it != s->end()) schema[key] = *it;
    }
    if (schema["type"] == "array") {
      if (auto items = s->find("items"); items != s->end() && items->is_object() && items->contains("type")) {
        schema["items"] = Json{{"type", (*items)["type"]}};
      }
    }
  }
  return schema;
}

std::string titleFromKey(std::string_view key) {
  std::string out;
  bool upper = true;
  for (char c : key) {
    if (c == '_' || c == '-' || c == '.') {
      out.push_back(' ');
      upper = false;
      continue;
    }
    out.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  return out;
}

// What the importer keeps per stream beyond the plan: the operation and its item schema.
struct Draft {
  Operation op;
  RecordLocation location;
  CandidateStream stream;
  std::vector<std::string> exprs;  // per path parameter, the template expression feeding it
  bool resolved = false;
};

class Importer {
 public:
  Importer(const OpenApiDocument& document, const ImportOptions& options)
      : document_(document), options_(options), resolver_(document) {}

  Result<ImportPlan> run() {
    readInfo();
    readUrlBase();
    plan_.auth = inferAuth(resolver_, document_, plan_.inferred, plan_.notes);
    auto operations = collectOperations(resolver_, document_);
    for (auto& op : operations) addCandidate(std::move(op));
    for (std::size_t i = 0; i < drafts_.size(); ++i) resolvePathParameters(i);
    for (auto& draft : drafts_) finish(draft);
    for (const auto& problem : resolver_.problems()) plan_.notes.push_back(problem);
    if (drafts_.empty()) {
      const auto where = document_.location.empty() ? std::string("the document") : document_.location;
      return OpenApiError{where + " has no list endpoints: none of its " + std::to_string(operations.size()) +
                          " GET operations returns an array of objects, so there is no stream to import"};
    }
    for (auto& draft : drafts_) plan_.streams.push_back(std::move(draft.stream));
    return std::move(plan_);
  }

 private:
  void readInfo() {
    const Json& info = document_.root.contains("info") ? document_.root["info"] : Json();
    plan_.title = stringField(info, "title");
    plan_.apiVersion = stringField(info, "version");
    plan_.description = stringField(info, "description");
    plan_.documentVersion = std::string(specVersionName(document_.version)) + " (" + document_.versionText + ")";
    plan_.source = document_.location;
  }

  void useRelativeBase(std::string relative, const std::string& from) {
    if (document_.fromUrl) {
      plan_.urlBase = http::resolveUrl(document_.location, relative.empty() ? "/" : relative);
      plan_.inferred.push_back({"url_base: " + plan_.urlBase, from + ", relative to the document's URL"});
      return;
    }
    if (relative == "/") relative.clear();
    plan_.urlBase = "{{ " + configRef("base_url") + " }}" + relative;
    SpecInput input;
    input.key = "base_url";
    input.schema = Json{{"type", "string"}, {"title", "API address"},
                        {"description", "Scheme and host of the API (the document names no absolute server)"},
                        {"pattern", "^https?://"}};
    plan_.specInputs.push_back(std::move(input));
    plan_.notes.push_back("the document gives no absolute server URL; url_base reads the host from config 'base_url'");
  }

  void readUrlBase() {
    if (!options_.baseUrl.empty()) {
      plan_.urlBase = options_.baseUrl;
      plan_.inferred.push_back({"url_base: " + plan_.urlBase, "the base URL given for the import"});
      return;
    }
    const Json& root = document_.root;
    if (document_.version == SpecVersion::Swagger2) {
      const auto host = stringField(root, "host");
      std::string basePath = stringField(root, "basePath");
      if (host.empty()) {
        useRelativeBase(basePath.empty() ? "/" : basePath, "basePath");
        return;
      }
      std::string scheme = "https";
      if (auto schemes = root.find("schemes"); schemes != root.end() && schemes->is_array() && !schemes->empty()) {
        const bool https = std::find(schemes->begin(), schemes->end(), Json("https")) != schemes->end();
        scheme = https ? "https" : (*schemes)[0].is_string() ? (*schemes)[0].get<std::string>() : "https";
      } else if (document_.fromUrl && document_.location.rfind("http://", 0) == 0) {
        scheme = "http";
      }
      plan_.urlBase = scheme + "://" + host + (basePath == "/" ? std::string() : basePath);
      plan_.inferred.push_back({"url_base: " + plan_.urlBase, "schemes, host and basePath"});
      return;
    }
    auto servers = root.find("servers");
    if (servers == root.end() || !servers->is_array() || servers->empty() || !(*servers)[0].is_object()) {
      useRelativeBase("/", "no servers (the default server is '/')");
      return;
    }
    const Json& server = (*servers)[0];
    std::string url = stringField(server, "url");
    // Server variables become spec inputs with their default and enum.
    if (auto variables = server.find("variables"); variables != server.end() && variables->is_object()) {
      for (auto it = variables->begin(); it != variables->end(); ++it) {
        const std::string placeholder = "{" + it.key() + "}";
        const auto at = url.find(placeholder);
        if (at == std::string::npos) continue;
        url.replace(at, placeholder.size(), "{{ " + configRef(it.key()) + " }}");
        SpecInput input;
        input.key = it.key();
        input.schema = Json{{"type", "string"}, {"title", titleFromKey(it.key())}};
        if (auto d = stringField(it.value(), "description"); !d.empty()) input.schema["description"] = d;
        if (it.value().contains("enum")) input.schema["enum"] = it.value()["enum"];
        if (it.value().contains("default")) input.schema["default"] = it.value()["default"];
        plan_.specInputs.push_back(std::move(input));
        plan_.inferred.push_back({"spec input '" + it.key() + "'", "servers[0].variables." + it.key()});
      }
    }
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0 && url.rfind("{{", 0) != 0) {
      useRelativeBase(url.empty() ? "/" : url, "servers[0].url");
      return;
    }
    while (url.size() > 1 && url.back() == '/' && url.find("://") + 3 < url.size() - 1) url.pop_back();
    plan_.urlBase = url;
    plan_.inferred.push_back({"url_base: " + url, "servers[0].url"});
  }

  void addCandidate(Operation op) {
    if (!op.successSchema) return;
    auto location = locateRecords(resolver_, op.successSchema);
    if (!location) return;
    const auto segments = splitPath(op.path);
    // GET /users/{id} with an array inside one user is not a list of users.
    if (!segments.empty() && isParameterSegment(segments.back()) && !location->path.empty() &&
        !isRecordWrapper(location->path.front())) {
      return;
    }
    Draft draft;
    draft.op = std::move(op);
    draft.location = std::move(*location);
    auto& s = draft.stream;
    s.method = draft.op.method;
    s.path = draft.op.path;
    s.operationId = draft.op.operationId;
    s.summary = draft.op.summary;
    s.recordPath = draft.location.path;
    s.name = uniqueName(segments);
    const std::string label = s.operationLabel();
    s.inferred.push_back({"stream '" + s.name + "' (" + s.method + " " + s.path + ")",
                          "operation " + label + ", response " + draft.op.successStatus});
    s.inferred.push_back({s.recordPath.empty() ? std::string("records: the response body is the list")
                                               : "records at '" + joinPath(s.recordPath) + "'",
                          "response schema of " + label});
    if (s.method == "POST") s.notInferred.push_back("POST search: the request body is sent empty; add filters if the API needs any");
    inferPrimaryKey(draft);
    Inference pagination;
    s.pagination = inferPagination(resolver_, draft.op, s.recordPath, pagination);
    if (s.pagination.kind == PaginationKind::None) {
      s.notInferred.push_back("pagination: no next link, cursor, offset or page parameter documented; reads one page");
    } else {
      s.inferred.push_back(std::move(pagination));
      if (s.pagination.pageSizeGuessed) s.notInferred.push_back("page size: not documented; 100 is a guess");
    }
    drafts_.push_back(std::move(draft));
  }

  static std::string joinPath(const std::vector<std::string>& path) {
    std::string out;
    for (const auto& p : path) out += (out.empty() ? "" : ".") + p;
    return out;
  }

  std::string uniqueName(const std::vector<std::string>& segments) {
    std::vector<std::string> statics;
    for (const auto& seg : segments) {
      if (!isParameterSegment(seg)) statics.push_back(snakeCase(seg));
    }
    statics.erase(std::remove(statics.begin(), statics.end(), std::string()), statics.end());
    std::string base = statics.empty() ? "records" : statics.back();
    static const std::set<std::string> kVerbs{"search", "list", "all", "query", "find", "filter"};
    if (kVerbs.count(base) > 0 && statics.size() >= 2) base = statics[statics.size() - 2] + "_" + base;
    std::string name = base;
    if (used_.count(name) > 0 && statics.size() >= 2) name = statics[statics.size() - 2] + "_" + base;
    for (int n = 2; used_.count(name) > 0; ++n) name = base + "_" + std::to_string(n);
    used_.insert(name);
    return name;
  }

  void inferPrimaryKey(Draft& draft) {
    auto& s = draft.stream;
    const auto props = objectProperties(resolver_, draft.location.itemSchema);
    const std::string from = "item schema of " + s.operationLabel();
    for (const auto& p : props) {
      if (lowerAscii(p.name) == "id") {
        s.primaryKey = {p.name};
        s.inferred.push_back({"primary key '" + p.name + "'", from});
        return;
      }
    }
    std::vector<std::string> requiredIds;
    for (const auto& p : props) {
      const auto n = lowerAscii(p.name);
      if (p.required && n.size() > 2 && n.compare(n.size() - 2, 2, "id") == 0) requiredIds.push_back(p.name);
    }
    if (requiredIds.size() == 1) {
      s.primaryKey = requiredIds;
      s.inferred.push_back({"primary key '" + requiredIds[0] + "' (the one required property ending in id)", from});
      return;
    }
    for (const auto& p : props) {
      Node schema = resolver_.deref(p.schema);
      if (schema && lowerAscii(stringField(*schema, "description")).find("unique") != std::string::npos) {
        s.primaryKey = {p.name};
        s.inferred.push_back({"primary key '" + p.name + "' (described as unique)", from});
        return;
      }
    }
    s.notInferred.push_back("primary key: the records have no id, no single required *id property and no property described as unique");
  }

  // Feeds each path parameter from a parent stream's records or from config, parents first.
  void resolvePathParameters(std::size_t index) {
    Draft& draft = drafts_[index];
    if (draft.resolved) return;
    draft.resolved = true;
    const auto segments = splitPath(draft.op.path);
    std::vector<std::string> params;
    for (const auto& seg : segments) {
      if (isParameterSegment(seg)) params.push_back(seg.substr(1, seg.size() - 2));
    }
    draft.exprs.assign(params.size(), std::string());
    if (params.empty()) return;
    const std::string last = params.back();
    const auto at = draft.op.path.rfind("{" + last + "}");
    const std::string parentPath = trimSlash(draft.op.path.substr(0, at));
    std::optional<std::size_t> parentIndex;
    for (std::size_t i = 0; i < drafts_.size(); ++i) {
      if (i != index && trimSlash(drafts_[i].op.path) == parentPath && drafts_[i].op.method == "GET") {
        parentIndex = i;
        break;
      }
    }
    if (parentIndex) {
      resolvePathParameters(*parentIndex);
      const Draft& parent = drafts_[*parentIndex];
      const std::string key = parentKeyFor(parent, last);
      if (!key.empty() && parent.exprs.size() + 1 == params.size()) {
        for (std::size_t i = 0; i + 1 < params.size(); ++i) {
          const auto& e = parent.exprs[i];
          constexpr std::string_view kPartition = "stream_partition";
          draft.exprs[i] = e.rfind(kPartition, 0) == 0 ? std::string(kPartition) + ".parent_slice" + e.substr(kPartition.size()) : e;
        }
        draft.exprs.back() = "stream_partition" + memberAccess(last);
        ParentLink link;
        link.parentName = parent.stream.name;
        link.parentKey = key;
        link.partitionField = last;
        // {customer_id} filled from 'id' or {login} from 'login' is expected; anything else is a guess.
        const auto k = normalizedName(key);
        const auto p = normalizedName(last);
        link.parentKeyGuessed = !(p.size() >= k.size() && p.compare(p.size() - k.size(), std::string::npos, k) == 0);
        draft.stream.inferred.push_back({"parent stream '" + parent.stream.name + "': its '" + key + "' fills {" + last + "}",
                                         "path " + draft.op.path + " under " + parent.op.path});
        if (link.parentKeyGuessed) {
          draft.stream.notInferred.push_back("parent key: check that the parent's '" + key + "' is what {" + last + "} expects");
        }
        draft.stream.parent = std::move(link);
        return;
      }
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      draft.exprs[i] = configRef(params[i]);
      const Parameter* param = draft.op.parameter(params[i], "path");
      addSpecInput(params[i], param, "path parameter {" + params[i] + "} of " + draft.stream.operationLabel());
      draft.stream.notInferred.push_back("{" + params[i] + "}: no parent list endpoint feeds it; read from config");
    }
  }

  std::string parentKeyFor(const Draft& parent, const std::string& param) {
    const auto props = objectProperties(resolver_, parent.location.itemSchema);
    for (const auto& p : props) {
      if (p.name == param) return p.name;  // /users/{login}/repos under users with a 'login'
    }
    if (!parent.stream.primaryKey.empty()) return parent.stream.primaryKey.front();
    return {};
  }

  void addSpecInput(const std::string& key, const Parameter* param, const std::string& from) {
    for (const auto& existing : plan_.specInputs) {
      if (existing.key == key) return;
    }
    SpecInput input;
    input.key = key;
    if (param) {
      input.schema = inputSchema(resolver_, *param, titleFromKey(key));
    } else {
      input.schema = Json{{"type", "string"}, {"title", titleFromKey(key)}};
    }
    plan_.specInputs.push_back(std::move(input));
    plan_.inferred.push_back({"spec input '" + key + "'", from});
  }

  void finish(Draft& draft) {
    auto& s = draft.stream;
    // The request path with every parameter templated.
    std::string path = draft.op.path;
    const auto segments = splitPath(path);
    std::size_t index = 0;
    for (const auto& seg : segments) {
      if (!isParameterSegment(seg)) continue;
      const auto at = path.find(seg);
      if (at != std::string::npos && index < draft.exprs.size()) {
        path.replace(at, seg.size(), "{{ " + draft.exprs[index] + " }}");
      }
      ++index;
    }
    s.requestPath = path;

    // Required query parameters the paginator does not fill come from config.
    for (const auto& p : draft.op.parameters) {
      if (p.in != "query" || !p.required || p.hasDefault()) continue;
      if (p.name == s.pagination.tokenParameter || p.name == s.pagination.sizeParameter) continue;
      if (authParameter(p.name)) continue;
      addSpecInput(p.name, &p, "required parameter '" + p.name + "' of " + s.operationLabel());
      s.requestParameters.emplace_back(p.name, "{{ " + configRef(p.name) + " }}");
    }
    for (const auto& p : draft.op.parameters) {
      if (p.in == "header" && p.required && !p.hasDefault() && !authHeader(p.name)) {
        s.notInferred.push_back("required header '" + p.name + "': not set; add it to the requester's request_headers");
      }
    }
    suggestIncremental(draft);
    s.schema = convertRecordSchema(resolver_, draft.location.itemSchema, options_.schemaLimits);
    s.inferred.push_back({"schema: " + std::to_string(s.schema.contains("properties") ? s.schema["properties"].size() : 0) +
                              " top-level properties",
                          schemaSource(draft)});
  }

  std::string schemaSource(const Draft& draft) {
    const auto& ref = draft.location.itemRef;
    return ref.empty() ? "inline item schema of " + draft.stream.operationLabel() : ref;
  }

  bool authParameter(const std::string& name) const {
    return std::any_of(plan_.auth.begin(), plan_.auth.end(), [&](const AuthScheme& a) {
      return a.kind == AuthKind::ApiKey && a.injectInto == "request_parameter" && a.fieldName == name;
    });
  }
  bool authHeader(const std::string& name) const {
    if (lowerAscii(name) == "authorization") return true;
    return std::any_of(plan_.auth.begin(), plan_.auth.end(), [&](const AuthScheme& a) {
      return a.kind == AuthKind::ApiKey && a.injectInto == "header" && lowerAscii(a.fieldName) == lowerAscii(name);
    });
  }

  void suggestIncremental(Draft& draft) {
    auto& s = draft.stream;
    static const std::set<std::string> kStart{"since", "updatedsince", "updatedafter", "modifiedsince", "modifiedafter",
                                              "changedsince", "startdate", "starttime", "from", "updatedatmin",
                                              "updatedfrom", "updatedatgte", "lastmodifiedsince"};
    static const std::vector<std::string> kCursorFields{"updatedat", "updated", "modifiedat", "lastmodified",
                                                        "lastmodifiedat", "modified", "datemodified", "updatedtime",
                                                        "changedat"};
    const auto props = objectProperties(resolver_, draft.location.itemSchema);
    for (const auto& p : draft.op.parameters) {
      if (p.in != "query" || kStart.count(normalizedName(p.name)) == 0) continue;
      const auto format = p.format();
      if (format != "date-time" && format != "date") continue;
      for (const auto& wanted : kCursorFields) {
        for (const auto& prop : props) {
          if (normalizedName(prop.name) != wanted) continue;
          s.incremental = IncrementalSuggestion{prop.name, p.name, format};
          s.inferred.push_back({"suggested (off): DatetimeBasedCursor on '" + prop.name + "' from '" + p.name + "'",
                                "parameter '" + p.name + "' (" + format + ") and item field '" + prop.name + "' of " +
                                    s.operationLabel()});
          return;
        }
      }
    }
  }

  const OpenApiDocument& document_;
  const ImportOptions& options_;
  RefResolver resolver_;
  ImportPlan plan_;
  std::vector<Draft> drafts_;
  std::set<std::string> used_;
};

}  // namespace

namespace {

// Latin-1 letters (UTF-8 C3 80..BF) to their ASCII base letter, upper case kept, so "Élément"
// becomes "Element" rather than losing its letters; other non-ASCII text is dropped.
std::string asciiFold(std::string_view text) {
  static constexpr std::string_view kBase = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYPsaaaaaaaceeeeiiiidnooooo/ouuuuypy";
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        const char base = kBase[next - 0x80];
        if (std::isalpha(static_cast<unsigned char>(base))) out.push_back(base);
        ++i;
        continue;
      }
    }
    if (c >= 0x80) continue;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace

std::string snakeCase(std::string_view input) {
  const std::string folded = asciiFold(input);
  std::string_view textView = folded;
  for (const char* ext : {".json", ".xml", ".yaml", ".csv"}) {
    const std::string_view e(ext);
    if (textView.size() > e.size() && textView.substr(textView.size() - e.size()) == e) textView.remove_suffix(e.size());
  }
  std::string out;
  for (std::size_t i = 0; i < textView.size(); ++i) {
    const auto c = static_cast<unsigned char>(textView[i]);
    if (std::isalnum(c)) {
      if (std::isupper(c) && !out.empty() && out.back() != '_') {
        const bool prevLower = i > 0 && (std::islower(static_cast<unsigned char>(textView[i - 1])) ||
                                         std::isdigit(static_cast<unsigned char>(textView[i - 1])));
        const bool nextLower = i + 1 < textView.size() && std::islower(static_cast<unsigned char>(textView[i + 1]));
        const bool prevUpper = i > 0 && std::isupper(static_cast<unsigned char>(textView[i - 1]));
        if (prevLower || (prevUpper && nextLower)) out.push_back('_');
      }
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (!out.empty() && std::isdigit(static_cast<unsigned char>(out.front()))) out = "stream_" + out;
  return out;
}

const CandidateStream* ImportPlan::findStream(std::string_view name) const {
  for (const auto& s : streams) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

Result<ImportPlan> planImport(const OpenApiDocument& document, const ImportOptions& options) {
  return Importer(document, options).run();
}

}  // namespace manifold::openapi
