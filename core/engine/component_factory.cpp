// The factory: one table per family maps `type` to a builder; anything else is a build error.
#include "core/engine/component_factory.h"

#include "core/engine/auth/api_key_authenticator.h"
#include "core/engine/auth/basic_http_authenticator.h"
#include "core/engine/auth/bearer_authenticator.h"
#include "core/engine/auth/jwt_authenticator.h"
#include "core/engine/auth/legacy_session_token_authenticator.h"
#include "core/engine/auth/no_auth.h"
#include "core/engine/auth/oauth_authenticator.h"
#include "core/engine/auth/session_token_authenticator.h"
#include "core/engine/cursor/datetime_based_cursor.h"
#include "core/engine/cursor/incrementing_count_cursor.h"
#include "core/engine/decode/csv_decoder.h"
#include "core/engine/decode/gzip_decoder.h"
#include "core/engine/decode/iterable_decoder.h"
#include "core/engine/decode/json_decoder.h"
#include "core/engine/decode/jsonl_decoder.h"
#include "core/engine/decode/text_encoding.h"
#include "core/engine/decode/xml_decoder.h"
#include "core/engine/decode/zipfile_decoder.h"
#include "core/engine/errors/composite_error_handler.h"
#include "core/engine/errors/constant_backoff_strategy.h"
#include "core/engine/errors/default_error_handler.h"
#include "core/engine/errors/exponential_backoff_strategy.h"
#include "core/engine/errors/wait_time_from_header.h"
#include "core/engine/errors/wait_until_time_from_header.h"
#include "core/engine/pagination/cursor_pagination.h"
#include "core/engine/pagination/default_paginator.h"
#include "core/engine/pagination/no_pagination.h"
#include "core/engine/pagination/offset_increment.h"
#include "core/engine/pagination/page_increment.h"
#include "core/engine/partition/cartesian_product_stream_slicer.h"
#include "core/engine/partition/grouping_partition_router.h"
#include "core/engine/partition/list_partition_router.h"
#include "core/engine/partition/single_partition.h"
#include "core/engine/partition/substream_partition_router.h"
#include "core/engine/request_option.h"
#include "core/engine/schema/inline_schema_loader.h"
#include "core/engine/schema/json_file_schema_loader.h"
#include "core/engine/transform/add_fields.h"
#include "core/engine/transform/dpath_flatten_fields.h"
#include "core/engine/transform/flatten_fields.h"
#include "core/engine/transform/keys_replace.h"
#include "core/engine/transform/keys_to_lower.h"
#include "core/engine/transform/keys_to_snake_case.h"
#include "core/engine/transform/remove_fields.h"
#include "core/interpolation/datetime_format.h"
#include "core/interpolation/error.h"
#include "core/interpolation/literal.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <string_view>
#include <unordered_map>

namespace manifold::engine {
namespace {

template <class T>
using Builder = std::function<std::unique_ptr<T>(const ComponentFactory&, const ComponentNode&)>;

template <class T>
using BuilderTable = std::unordered_map<std::string_view, Builder<T>>;

template <class T>
std::unique_ptr<T> dispatch(const BuilderTable<T>& table, const ComponentFactory& factory, const ComponentNode& node,
                            std::string_view family) {
  if (node.has("class_name")) ComponentFactory::unsupported(node, family);
  auto it = table.find(node.type());
  if (it == table.end()) ComponentFactory::unsupported(node, family);
  return it->second(factory, node);
}

std::optional<protocol::FailureType> parseFailureType(const ComponentNode& node) {
  const auto text = node.optionalString("failure_type");
  if (!text) return std::nullopt;
  if (*text == "system_error") return protocol::FailureType::SystemError;
  if (*text == "config_error") return protocol::FailureType::ConfigError;
  if (*text == "transient_error") return protocol::FailureType::TransientError;
  node.failAt("failure_type", "must be system_error, config_error or transient_error, got '" + *text + "'");
}

ResponseAction parseAction(const ComponentNode& node, const std::string& text) {
  if (text == "SUCCESS") return ResponseAction::Success;
  if (text == "FAIL") return ResponseAction::Fail;
  if (text == "RETRY") return ResponseAction::Retry;
  if (text == "IGNORE") return ResponseAction::Ignore;
  if (text == "RATE_LIMITED") return ResponseAction::RateLimited;
  node.failAt("action", "must be SUCCESS, FAIL, RETRY, IGNORE or RATE_LIMITED, got '" + text + "'");
}

std::vector<std::vector<std::string>> parsePrimaryKey(const ComponentNode& node) {
  std::vector<std::vector<std::string>> key;
  if (!node.has("primary_key")) return key;
  const auto& value = node.json().at("primary_key");
  if (value.is_string()) {
    if (!value.get<std::string>().empty()) key.push_back({value.get<std::string>()});
    return key;
  }
  if (!value.is_array()) node.failAt("primary_key", "must be a string or a list");
  for (const auto& item : value) {
    if (item.is_string()) {
      key.push_back({item.get<std::string>()});
    } else if (item.is_array()) {
      std::vector<std::string> path;
      for (const auto& part : item) {
        if (!part.is_string()) node.failAt("primary_key", "must hold strings");
        path.push_back(part.get<std::string>());
      }
      key.push_back(std::move(path));
    } else {
      node.failAt("primary_key", "must hold strings or lists of strings");
    }
  }
  return key;
}

std::uint32_t validTypesFor(const ComponentNode& node) {
  const auto type = node.optionalString("value_type");
  if (!type) return 0;
  using namespace interpolation;
  if (*type == "string") return kPyStr;
  if (*type == "number") return kPyFloat;
  if (*type == "integer") return kPyInt;
  if (*type == "boolean") return kPyBool;
  node.failAt("value_type", "must be string, number, integer or boolean, got '" + *type + "'");
}

std::unique_ptr<Decoder> buildCsvDecoder(const ComponentNode& n) {
  const std::string encoding = n.string("encoding", "utf-8");
  const auto iconvName = iconvEncodingName(encoding);
  if (!iconvName) n.failAt("encoding", "'" + encoding + "' is not an encoding Manifold knows");
  const auto delimiter = CsvDecoder::parseDelimiter(n.string("delimiter", ","));
  if (!delimiter) n.failAt("delimiter", "must be one character (or an escape such as \\t)");
  std::vector<std::string> toNone;
  if (n.has("set_values_to_none")) {
    const auto& list = n.json().at("set_values_to_none");
    if (!list.is_array()) n.failAt("set_values_to_none", "must be a list of strings");
    for (const auto& item : list) {
      if (!item.is_string()) n.failAt("set_values_to_none", "must be a list of strings");
      toNone.push_back(item.get<std::string>());
    }
  }
  std::string lowered;
  for (char c : encoding) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool dropBom = lowered == "utf-8-sig" || lowered == "utf_8_sig";
  return std::make_unique<CsvDecoder>(*delimiter, *iconvName, dropBom, std::move(toNone));
}

// The decoder inside GzipDecoder or ZipfileDecoder is a parser in the reference: JSON errors are
// not softened to {}, and only byte-stream parsers are allowed.
std::unique_ptr<Decoder> buildInnerParser(const ComponentFactory& factory, const ComponentNode& n, std::string_view outer) {
  const std::string type = n.type();
  if (!n.has("class_name") && type == "JsonDecoder") return std::make_unique<JsonDecoder>(JsonDecoder::Mode::Parser);
  if (n.has("class_name") || type == "CsvDecoder" || type == "JsonlDecoder" || type == "GzipDecoder") {
    return factory.buildDecoder(n);
  }
  n.fail("a " + (type.empty() ? std::string("decoder without a type") : type) + " cannot be the decoder inside a " +
         std::string(outer) + "; use CsvDecoder, GzipDecoder, JsonDecoder or JsonlDecoder");
}

std::optional<interpolation::InterpolatedBoolean> conditionAt(const ComponentNode& node, std::string_view key) {
  if (!node.has(key)) return std::nullopt;
  const auto& value = node.json().at(std::string(key));
  if (value.is_string()) {
    if (value.get<std::string>().empty()) return std::nullopt;
    checkTemplateSyntax(value.get<std::string>(), node.pointer() + "/" + pointerToken(key));
  } else if (!value.is_boolean()) {
    node.failAt(key, "must be a condition (a template string or a boolean)");
  }
  return interpolation::InterpolatedBoolean(toPlainJson(value));
}

// Templates in DpathExtractor field paths only see config and parameters: rendered once here.
std::vector<std::string> renderFieldPath(const ComponentNode& node, const nlohmann::json& config) {
  std::vector<std::string> path;
  if (!node.has("field_path")) return path;
  const auto field = node.child("field_path");
  if (!field.json().is_array()) node.failAt("field_path", "must be a list");
  const auto parameters = node.parameters();
  interpolation::Context context;
  context.borrow("config", config).borrow("parameters", parameters);
  for (std::size_t i = 0; i < field.size(); ++i) {
    const auto& item = field.json()[i];
    if (!item.is_string()) node.failAt("field_path", "must hold strings");
    const std::string text = item.get<std::string>();
    checkTemplateSyntax(text, field.pointer() + "/" + std::to_string(i));
    auto value = interpolation::InterpolatedString(text).evalValue(context);
    if (!value) field.at(i).fail("could not be evaluated: " + value.error().message);
    path.push_back(value.value().isString() ? std::string(value.value().asString()) : pythonStr(value.value().toJson()));
  }
  return path;
}

}  // namespace

void ComponentFactory::unsupported(const ComponentNode& node, std::string_view family) {
  const std::string type = node.type();
  if (node.has("class_name")) {
    node.fail("the custom component " + (type.empty() ? std::string() : "'" + type + "' ") + "(class_name: " +
              node.string("class_name") + ") runs Python code, which Manifold cannot run");
  }
  if (type.empty()) node.fail("the " + std::string(family) + " has no type");
  node.fail("the " + std::string(family) + " type '" + type + "' is not supported by Manifold's engine yet");
}

double ComponentFactory::numberAt(const ComponentNode& node, std::string_view key, double fallback) const {
  if (!node.has(key)) return fallback;
  const auto& value = node.json().at(std::string(key));
  if (value.is_number()) return value.get<double>();
  if (!value.is_string()) node.failAt(key, "must be a number or a template");
  const auto parameters = node.parameters();
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters);
  auto result = node.interpolated(key).eval(context);
  if (!result || !result.value().is_number()) {
    node.failAt(key, "must evaluate to a number" + (result ? ", got " + result.value().dump() : ": " + result.error().message));
  }
  return result.value().get<double>();
}

std::optional<std::int64_t> ComponentFactory::integerAt(const ComponentNode& node, std::string_view key) const {
  if (!node.has(key)) return std::nullopt;
  const auto& value = node.json().at(std::string(key));
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (!value.is_string()) node.failAt(key, "must be an integer or a template");
  const auto parameters = node.parameters();
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters);
  auto result = node.interpolated(key).eval(context);
  if (!result || !result.value().is_number_integer()) {
    node.failAt(key, "must evaluate to an integer" + (result ? ", got " + result.value().dump() : ": " + result.error().message));
  }
  return result.value().get<std::int64_t>();
}

std::unique_ptr<DeclarativeStream> ComponentFactory::buildStream(const ComponentNode& node) const {
  if (node.has("class_name")) unsupported(node, "stream");
  const std::string type = node.type();
  if (!type.empty() && type != "DeclarativeStream") unsupported(node, "stream");
  DeclarativeStream::Parts parts;
  parts.name = node.string("name");
  if (parts.name.empty()) node.fail("a stream needs a name");
  parts.primaryKey = parsePrimaryKey(node);
  if (node.has("incremental_sync")) parts.incrementalSync = buildIncrementalSync(node.child("incremental_sync"));
  std::vector<std::unique_ptr<RecordTransformation>> transformations;
  if (node.has("transformations")) {
    const auto list = node.child("transformations");
    if (!list.json().is_array()) node.failAt("transformations", "must be a list");
    for (std::size_t i = 0; i < list.size(); ++i) transformations.push_back(buildTransformation(list.at(i)));
  }
  const bool clientSide = parts.incrementalSync && parts.incrementalSync->flags().isClientSideIncremental;
  parts.retriever = buildRetriever(node.child("retriever"), std::move(transformations), clientSide);
  if (parts.incrementalSync && !parts.incrementalSync->supportsPartitions() && !parts.retriever->router().isSinglePartition()) {
    node.failAt("incremental_sync", "an IncrementingCountCursor cannot be combined with a partition router (the reference "
                                    "does not support both on one stream)");
  }
  if (node.has("schema_loader")) {
    const auto loader = node.child("schema_loader");
    if (loader.json().is_array()) {
      // A list of loaders: the first one decides here (the reference merges them).
      if (loader.size() == 0) node.failAt("schema_loader", "must not be an empty list");
      parts.schemaLoader = buildSchemaLoader(loader.at(0), parts.name);
    } else {
      parts.schemaLoader = buildSchemaLoader(loader, parts.name);
    }
  } else {
    parts.schemaLoader = std::make_unique<JsonFileSchemaLoader>("schemas/" + parts.name + ".json", options_.manifestDir);
  }
  if (parts.retriever->selector().normalizesBySchema()) {
    // schema_normalization: Default casts to the stream's schema, so it must be readable now.
    auto schema = parts.schemaLoader->load();
    if (auto* message = std::get_if<std::string>(&schema)) {
      node.child("retriever").child("record_selector").failAt("schema_normalization",
                                                              "Default needs the stream's schema: " + *message);
    }
    parts.retriever->selector().setSchema(std::move(std::get<nlohmann::json>(schema)));
  }
  return std::make_unique<DeclarativeStream>(std::move(parts));
}

std::unique_ptr<SchemaLoader> ComponentFactory::buildSchemaLoader(const ComponentNode& node,
                                                                  const std::string& streamName) const {
  const std::string type = node.type();
  if (!node.has("class_name") && type == "InlineSchemaLoader") {
    return std::make_unique<InlineSchemaLoader>(node.has("schema") ? node.plain("schema") : nlohmann::json::object());
  }
  if (!node.has("class_name") && (type == "JsonFileSchemaLoader" || type.empty())) {
    return std::make_unique<JsonFileSchemaLoader>(node.string("file_path", "schemas/" + streamName + ".json"),
                                                  options_.manifestDir);
  }
  unsupported(node, "schema loader");
}

std::unique_ptr<SimpleRetriever> ComponentFactory::buildRetriever(
    const ComponentNode& node, std::vector<std::unique_ptr<RecordTransformation>> transformations,
    bool clientSideIncremental) const {
  if (node.has("class_name") || (node.type() != "SimpleRetriever" && !node.type().empty())) unsupported(node, "retriever");
  SimpleRetriever::Parts parts;
  parts.requester = buildRequester(node.child("requester"));
  parts.decoder = node.has("decoder") ? buildDecoder(node.child("decoder")) : std::make_unique<JsonDecoder>();
  if (node.has("paginator")) {
    const auto paginator = node.child("paginator");
    if (paginator.type() != "NoPagination" && !parts.decoder->supportsPagination()) {
      paginator.fail("this decoder cannot feed a paginator; only JSON-like decoders can paginate");
    }
    parts.paginator = buildPaginator(paginator);
  } else {
    parts.paginator = std::make_unique<NoPagination>();
  }
  if (node.has("partition_router")) {
    const auto router = node.child("partition_router");
    if (router.json().is_array()) {
      // Several routers: their cartesian product (REFERENCE-NOTES 8.5).
      std::vector<std::unique_ptr<PartitionRouter>> routers;
      for (std::size_t i = 0; i < router.size(); ++i) routers.push_back(buildPartitionRouter(router.at(i)));
      parts.router = std::make_unique<CartesianProductStreamSlicer>(std::move(routers));
    } else {
      parts.router = buildPartitionRouter(router);
    }
  } else {
    parts.router = std::make_unique<SinglePartition>();
  }
  parts.ignoreSlicerParametersOnPaginatedRequests = node.boolean("ignore_stream_slicer_parameters_on_paginated_requests", false);

  const auto selectorNode = node.child("record_selector");
  if (selectorNode.has("class_name") || (selectorNode.type() != "RecordSelector" && !selectorNode.type().empty())) {
    unsupported(selectorNode, "record selector");
  }
  const auto extractorNode = selectorNode.child("extractor");
  if (extractorNode.has("class_name") || (extractorNode.type() != "DpathExtractor" && !extractorNode.type().empty())) {
    unsupported(extractorNode, "record extractor");
  }
  DpathExtractor extractor(renderFieldPath(extractorNode, *config_));
  std::optional<RecordFilter> filter;
  if (selectorNode.has("record_filter")) {
    const auto filterNode = selectorNode.child("record_filter");
    if (filterNode.has("class_name") || (filterNode.type() != "RecordFilter" && !filterNode.type().empty())) {
      unsupported(filterNode, "record filter");
    }
    if (auto condition = conditionAt(filterNode, "condition")) {
      filter.emplace(std::move(*condition), config_, filterNode.parameters());
    }
  }
  bool defaultNormalization = false;
  if (selectorNode.has("schema_normalization")) {
    const auto& normalization = selectorNode.json().at("schema_normalization");
    const bool none = normalization.is_string() && normalization.get<std::string>() == "None";
    defaultNormalization = normalization.is_string() && normalization.get<std::string>() == "Default";
    if (!none && !defaultNormalization) unsupported(selectorNode.child("schema_normalization"), "schema normalization");
  }
  // Records nobody changes and a paginator that only counts them: the page can skip the DOM.
  const std::string paginatorType = node.has("paginator") ? node.child("paginator").type() : "NoPagination";
  const std::string strategyType = paginatorType == "DefaultPaginator" && node.child("paginator").has("pagination_strategy")
                                       ? node.child("paginator").child("pagination_strategy").type()
                                       : "";
  const bool countingPaginator = paginatorType == "NoPagination" || strategyType == "PageIncrement" ||
                                 strategyType == "OffsetIncrement";
  const bool jsonDecoder = !node.has("decoder") || (node.child("decoder").type() == "JsonDecoder" && !node.child("decoder").has("class_name"));
  const auto& path = extractor.fieldPath();
  if (countingPaginator && jsonDecoder && !filter && transformations.empty() && !defaultNormalization &&
      std::find(path.begin(), path.end(), "*") == path.end()) {
    parts.rawRecordPath = path;
  }
  parts.selector = std::make_unique<RecordSelector>(std::move(extractor), std::move(filter), std::move(transformations),
                                                    // A client-side incremental stream transforms before filtering by default (9.7).
                                                    selectorNode.boolean("transform_before_filtering", clientSideIncremental));
  if (defaultNormalization) parts.selector->enableSchemaNormalization();
  return std::make_unique<SimpleRetriever>(std::move(parts));
}

std::unique_ptr<HttpRequester> ComponentFactory::buildRequester(const ComponentNode& node) const {
  if (node.has("class_name") || (node.type() != "HttpRequester" && !node.type().empty())) unsupported(node, "requester");
  HttpRequester::Spec spec;
  spec.urlBase = node.interpolated("url_base");
  spec.url = node.interpolated("url");
  spec.path = node.interpolated("path");
  std::string method = node.string("http_method", "GET");
  for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (method != "GET" && method != "POST" && method != "PUT" && method != "PATCH" && method != "DELETE" && method != "HEAD") {
    node.failAt("http_method", "must be GET, POST, PUT, PATCH, DELETE or HEAD, got '" + method + "'");
  }
  spec.method = method;
  spec.requestParameters = node.plain("request_parameters");
  spec.requestHeaders = node.plain("request_headers");
  spec.requestBodyJson = node.plain("request_body_json");
  spec.requestBodyData = node.plain("request_body_data");
  if (node.has("request_body")) {
    const auto body = node.child("request_body");
    const std::string type = body.type();
    if (type == "RequestBodyJsonObject") {
      spec.requestBodyJson = body.plain("value");
    } else if (type == "RequestBodyGraphQL") {
      // The query object ({query, variables, ...}) is the JSON body.
      spec.requestBodyJson = body.plain("value");
    } else if (type == "RequestBodyUrlEncodedForm") {
      spec.requestBodyData = body.plain("value");
    } else if (type == "RequestBodyPlainText") {
      spec.requestBodyData = body.plain("value");
      if (!spec.requestBodyData.is_string()) body.failAt("value", "must be a string");
    } else {
      unsupported(body, "request body");
    }
  }
  if (node.has("authenticator")) {
    spec.authenticator = buildAuthenticator(node.child("authenticator"), node.string(node.has("url_base") ? "url_base" : "url"));
  }
  if (node.has("error_handler")) {
    spec.errorHandler = buildErrorHandler(node.child("error_handler"));
  } else {
    spec.errorHandler = std::make_unique<DefaultErrorHandler>(std::vector<HttpResponseFilter>{},
                                                              std::vector<std::unique_ptr<BackoffStrategy>>{},
                                                              DefaultErrorHandler::kDefaultMaxRetries);
  }
  return std::make_unique<HttpRequester>(std::move(spec), config_, node.parameters());
}

std::unique_ptr<Authenticator> ComponentFactory::buildAuthenticator(const ComponentNode& node, const std::string& urlBase) const {
  // These two need what the table's builders do not get: the requester's url_base, and a choice
  // made from the config before anything is built.
  if (!node.has("class_name") && node.type() == "SelectiveAuthenticator") return buildSelectiveAuthenticator(node, urlBase);
  if (!node.has("class_name") && node.type() == "LegacySessionTokenAuthenticator") {
    return buildLegacySessionTokenAuthenticator(node, urlBase);
  }
  static const BuilderTable<Authenticator> kTable = {
      {"NoAuth", [](const ComponentFactory&, const ComponentNode&) { return std::make_unique<NoAuth>(); }},
      {"ApiKeyAuthenticator",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<Authenticator> {
         std::optional<RequestOption> option;
         if (n.has("inject_into") && n.has("header")) n.fail("set either inject_into or header, not both");
         if (n.has("inject_into")) {
           option = RequestOption::build(n.child("inject_into"), *factory.config_);
         } else if (n.has("header")) {
           ManifestJson synthetic = {{"type", "RequestOption"}, {"inject_into", "header"}, {"field_name", n.string("header")}};
           option = RequestOption::build(ComponentNode(synthetic, n.pointer() + "/header"), *factory.config_);
         } else {
           n.fail("an ApiKeyAuthenticator needs inject_into");
         }
         if (option->isPath()) n.failAt("inject_into", "cannot be a RequestPath");
         return std::make_unique<ApiKeyAuthenticator>(n.interpolated("api_token"), std::move(*option), factory.config_,
                                                      n.parameters());
       }},
      {"BearerAuthenticator",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<Authenticator> {
         return std::make_unique<BearerAuthenticator>(n.interpolated("api_token"), factory.config_, n.parameters());
       }},
      {"BasicHttpAuthenticator",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<Authenticator> {
         return std::make_unique<BasicHttpAuthenticator>(n.interpolated("username"), n.interpolated("password"),
                                                         factory.config_, n.parameters());
       }},
      {"OAuthAuthenticator",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<Authenticator> {
         if (n.boolean("use_profile_assertion", false)) {
           n.failAt("use_profile_assertion", "is not supported by Manifold's engine yet");
         }
         OAuthAuthenticator::Spec spec;
         spec.tokenRefreshEndpoint = n.interpolated("token_refresh_endpoint");
         if (spec.tokenRefreshEndpoint.text().empty()) n.fail("an OAuthAuthenticator needs token_refresh_endpoint");
         spec.clientId = n.interpolated("client_id");
         spec.clientSecret = n.interpolated("client_secret");
         const auto parameters = n.parameters();
         interpolation::Context context;
         context.borrow("config", *factory.config_).borrow("parameters", parameters);
         spec.grantType = evalTextOrThrow(n.interpolated("grant_type", "refresh_token"), context, "grant_type");
         if (spec.grantType != "client_credentials" && n.has("refresh_token")) spec.refreshToken = n.interpolated("refresh_token");
         if (n.has("access_token_value")) spec.accessTokenValue = n.interpolated("access_token_value");
         if (n.has("token_expiry_date")) spec.tokenExpiryDate = n.interpolated("token_expiry_date");
         spec.accessTokenName = evalTextOrThrow(n.interpolated("access_token_name", "access_token"), context, "access_token_name");
         spec.expiresInName = evalTextOrThrow(n.interpolated("expires_in_name", "expires_in"), context, "expires_in_name");
         spec.clientIdName = n.string("client_id_name", "client_id");
         spec.clientSecretName = n.string("client_secret_name", "client_secret");
         spec.refreshTokenName = n.string("refresh_token_name", "refresh_token");
         spec.grantTypeName = n.string("grant_type_name", "grant_type");
         spec.expiryIsAbsolute = n.has("token_expiry_date_format");
         spec.scopes = n.plain("scopes");
         spec.refreshRequestBody = n.plain("refresh_request_body");
         spec.refreshRequestHeaders = n.plain("refresh_request_headers");
         spec.sendAsQueryParams = n.boolean("send_refresh_request_as_query_params", false);
         if (n.has("refresh_token_updater")) spec.updater = factory.buildTokenUpdater(n.child("refresh_token_updater"), spec);
         return std::make_unique<OAuthAuthenticator>(std::move(spec), factory.config_, parameters);
       }},
      {"SessionTokenAuthenticator",
       [](const ComponentFactory& factory, const ComponentNode& n) { return factory.buildSessionTokenAuthenticator(n); }},
      {"JwtAuthenticator", [](const ComponentFactory& factory, const ComponentNode& n) { return factory.buildJwtAuthenticator(n); }},
  };
  return dispatch(kTable, *this, node, "authenticator");
}

std::unique_ptr<ErrorHandler> ComponentFactory::buildErrorHandler(const ComponentNode& node) const {
  static const BuilderTable<ErrorHandler> kTable = {
      {"DefaultErrorHandler",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<ErrorHandler> {
         std::vector<HttpResponseFilter> filters;
         if (n.has("response_filters")) {
           const auto list = n.child("response_filters");
           for (std::size_t i = 0; i < list.size(); ++i) {
             const auto f = list.at(i);
             if (f.has("class_name") || (f.type() != "HttpResponseFilter" && !f.type().empty())) unsupported(f, "response filter");
             HttpResponseFilter::Spec spec;
             if (auto action = f.optionalString("action")) spec.action = parseAction(f, *action);
             if (f.has("http_codes")) {
               for (const auto& code : f.json().at("http_codes")) {
                 if (!code.is_number_integer()) f.failAt("http_codes", "must hold integers");
                 spec.httpCodes.insert(code.get<long>());
               }
             }
             spec.errorMessageContains = f.optionalString("error_message_contains");
             spec.predicate = conditionAt(f, "predicate");
             if (f.has("error_message")) spec.errorMessage = f.interpolated("error_message");
             spec.failureType = parseFailureType(f);
             filters.emplace_back(std::move(spec), factory.config_, f.parameters());
           }
         }
         std::vector<std::unique_ptr<BackoffStrategy>> strategies;
         if (n.has("backoff_strategies")) {
           const auto list = n.child("backoff_strategies");
           for (std::size_t i = 0; i < list.size(); ++i) strategies.push_back(factory.buildBackoffStrategy(list.at(i)));
         }
         const auto retries = factory.integerAt(n, "max_retries");
         if (retries && *retries < 0) n.failAt("max_retries", "must not be negative");
         return std::make_unique<DefaultErrorHandler>(std::move(filters), std::move(strategies),
                                                      static_cast<int>(retries.value_or(DefaultErrorHandler::kDefaultMaxRetries)));
       }},
      {"CompositeErrorHandler",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<ErrorHandler> {
         std::vector<std::unique_ptr<ErrorHandler>> handlers;
         const auto list = n.child("error_handlers");
         if (list.size() == 0) n.failAt("error_handlers", "must list at least one error handler");
         for (std::size_t i = 0; i < list.size(); ++i) handlers.push_back(factory.buildErrorHandler(list.at(i)));
         return std::make_unique<CompositeErrorHandler>(std::move(handlers));
       }},
  };
  return dispatch(kTable, *this, node, "error handler");
}

std::unique_ptr<BackoffStrategy> ComponentFactory::buildBackoffStrategy(const ComponentNode& node) const {
  static const BuilderTable<BackoffStrategy> kTable = {
      {"ConstantBackoffStrategy",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<BackoffStrategy> {
         if (!n.has("backoff_time_in_seconds")) n.fail("missing required field 'backoff_time_in_seconds'");
         return std::make_unique<ConstantBackoffStrategy>(factory.numberAt(n, "backoff_time_in_seconds", 0));
       }},
      {"ExponentialBackoffStrategy",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<BackoffStrategy> {
         return std::make_unique<ExponentialBackoffStrategy>(factory.numberAt(n, "factor", 5));
       }},
      {"WaitTimeFromHeader",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<BackoffStrategy> {
         std::optional<double> cap;
         if (n.has("max_waiting_time_in_seconds")) cap = factory.numberAt(n, "max_waiting_time_in_seconds", 0);
         const auto parameters = n.parameters();
         interpolation::Context context;
         context.borrow("config", *factory.config_).borrow("parameters", parameters);
         const std::string header = evalTextOrThrow(n.interpolated("header"), context, "the WaitTimeFromHeader header");
         std::optional<std::string> regex;
         if (n.has("regex")) regex = factory.textAt(n, "regex");
         try {
           return std::make_unique<WaitTimeFromHeader>(header, regex, cap);
         } catch (const std::regex_error& e) {
           n.failAt("regex", std::string("is not a valid regular expression: ") + e.what());
         }
       }},
      {"WaitUntilTimeFromHeader",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<BackoffStrategy> {
         if (!n.has("header")) n.fail("missing required field 'header'");
         std::optional<double> cap;
         if (n.has("max_waiting_time_in_seconds")) cap = factory.numberAt(n, "max_waiting_time_in_seconds", 0);
         std::optional<double> minWait;
         if (n.has("min_wait")) minWait = factory.numberAt(n, "min_wait", 0);
         std::optional<std::string> regex;
         if (n.has("regex")) regex = factory.textAt(n, "regex");
         try {
           return std::make_unique<WaitUntilTimeFromHeader>(factory.textAt(n, "header"), regex, minWait, cap);
         } catch (const std::regex_error& e) {
           n.failAt("regex", std::string("is not a valid regular expression: ") + e.what());
         }
       }},
  };
  return dispatch(kTable, *this, node, "backoff strategy");
}

std::unique_ptr<Paginator> ComponentFactory::buildPaginator(const ComponentNode& node) const {
  static const BuilderTable<Paginator> kTable = {
      {"NoPagination", [](const ComponentFactory&, const ComponentNode&) { return std::make_unique<NoPagination>(); }},
      {"DefaultPaginator",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<Paginator> {
         auto strategy = factory.buildPaginationStrategy(n.child("pagination_strategy"));
         std::optional<RequestOption> tokenOption;
         std::optional<RequestOption> sizeOption;
         if (n.has("page_token_option")) tokenOption = RequestOption::build(n.child("page_token_option"), *factory.config_);
         if (n.has("page_size_option")) {
           sizeOption = RequestOption::build(n.child("page_size_option"), *factory.config_);
           if (sizeOption->isPath()) n.failAt("page_size_option", "cannot be a RequestPath");
           if (!strategy->pageSize()) n.failAt("page_size_option", "needs a page_size on the pagination strategy");
           if (tokenOption && tokenOption->sameField(*sizeOption)) {
             n.failAt("page_size_option", "writes the same field as page_token_option");
           }
         }
         return std::make_unique<DefaultPaginator>(std::move(strategy), std::move(tokenOption), std::move(sizeOption));
       }},
  };
  return dispatch(kTable, *this, node, "paginator");
}

std::unique_ptr<PaginationStrategy> ComponentFactory::buildPaginationStrategy(const ComponentNode& node) const {
  static const BuilderTable<PaginationStrategy> kTable = {
      {"PageIncrement",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<PaginationStrategy> {
         const auto start = factory.integerAt(n, "start_from_page");
         return std::make_unique<PageIncrement>(factory.integerAt(n, "page_size"), start.value_or(0),
                                                n.boolean("inject_on_first_request", false));
       }},
      {"OffsetIncrement",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<PaginationStrategy> {
         std::optional<interpolation::InterpolatedString> size;
         if (n.has("page_size")) size = n.interpolated("page_size");
         return std::make_unique<OffsetIncrement>(std::move(size), n.boolean("inject_on_first_request", false),
                                                  factory.config_, n.parameters());
       }},
      {"CursorPagination",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<PaginationStrategy> {
         std::optional<nlohmann::json> size;
         if (auto value = factory.integerAt(n, "page_size")) size = *value;
         return std::make_unique<CursorPagination>(n.interpolated("cursor_value"), conditionAt(n, "stop_condition"),
                                                   std::move(size), factory.config_, n.parameters());
       }},
  };
  return dispatch(kTable, *this, node, "pagination strategy");
}

std::unique_ptr<Decoder> ComponentFactory::buildDecoder(const ComponentNode& node) const {
  static const BuilderTable<Decoder> kTable = {
      {"JsonDecoder", [](const ComponentFactory&, const ComponentNode&) { return std::make_unique<JsonDecoder>(); }},
      {"JsonlDecoder", [](const ComponentFactory&, const ComponentNode&) { return std::make_unique<JsonlDecoder>(); }},
      {"XmlDecoder", [](const ComponentFactory&, const ComponentNode&) { return std::make_unique<XmlDecoder>(); }},
      {"IterableDecoder", [](const ComponentFactory&, const ComponentNode&) { return std::make_unique<IterableDecoder>(); }},
      {"CsvDecoder", [](const ComponentFactory&, const ComponentNode& n) -> std::unique_ptr<Decoder> { return buildCsvDecoder(n); }},
      {"GzipDecoder",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<Decoder> {
         const auto inner = n.child("decoder");
         return std::make_unique<GzipDecoder>(buildInnerParser(factory, inner, "GzipDecoder"), inner.type() == "JsonDecoder");
       }},
      {"ZipfileDecoder",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<Decoder> {
         return std::make_unique<ZipfileDecoder>(buildInnerParser(factory, n.child("decoder"), "ZipfileDecoder"));
       }},
  };
  return dispatch(kTable, *this, node, "decoder");
}

std::string ComponentFactory::textAt(const ComponentNode& node, std::string_view key) const {
  const auto parameters = node.parameters();
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters);
  auto value = node.interpolated(key).evalValue(context);
  if (!value) node.failAt(key, "could not be evaluated: " + value.error().message);
  if (value.value().isString()) return std::string(value.value().asString());
  return pythonStr(value.value().toJson());
}

std::string ComponentFactory::renderConfigTemplate(const ComponentNode& owner, const std::string& pointer,
                                                   const std::string& text) const {
  checkTemplateSyntax(text, pointer);
  const auto parameters = owner.parameters();
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters);
  auto value = interpolation::InterpolatedString(text).evalValue(context);
  if (!value) throw BuildException("could not be evaluated: " + value.error().message, pointer);
  if (value.value().isString()) return std::string(value.value().asString());
  return pythonStr(value.value().toJson());
}

std::unique_ptr<PartitionRouter> ComponentFactory::buildPartitionRouter(const ComponentNode& node) const {
  static const BuilderTable<PartitionRouter> kTable = {
      {"ListPartitionRouter",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<PartitionRouter> {
         if (!n.has("values")) n.fail("missing required field 'values'");
         std::vector<nlohmann::json> values;
         const auto& raw = n.json().at("values");
         if (raw.is_array()) {
           for (const auto& item : raw) values.push_back(toPlainJson(item));
         } else if (raw.is_string()) {
           // A string is a template rendered once with the config; its result is iterated.
           const auto parameters = n.parameters();
           interpolation::Context context;
           context.borrow("config", *factory.config_).borrow("parameters", parameters);
           auto rendered = n.interpolated("values").eval(context);
           if (!rendered) n.failAt("values", "could not be evaluated: " + rendered.error().message);
           auto items = ListPartitionRouter::iterate(rendered.value());
           if (!items) n.failAt("values", "must evaluate to a list, got " + rendered.value().dump());
           values = std::move(*items);
         } else {
           n.failAt("values", "must be a list or a template string");
         }
         std::optional<RequestOption> option;
         if (n.has("request_option")) option = RequestOption::build(n.child("request_option"), *factory.config_);
         return std::make_unique<ListPartitionRouter>(std::move(values), factory.textAt(n, "cursor_field"), std::move(option));
       }},
      {"SubstreamPartitionRouter",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<PartitionRouter> {
         const auto list = n.child("parent_stream_configs");
         if (list.size() == 0) n.failAt("parent_stream_configs", "must list at least one parent stream");
         std::vector<ParentStreamConfig> parents;
         for (std::size_t i = 0; i < list.size(); ++i) parents.push_back(factory.buildParentStreamConfig(list.at(i)));
         return std::make_unique<SubstreamPartitionRouter>(std::move(parents));
       }},
      {"GroupingPartitionRouter",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<PartitionRouter> {
         const auto size = factory.integerAt(n, "group_size");
         if (!size) n.fail("missing required field 'group_size'");
         if (*size < 1) n.failAt("group_size", "must be at least 1");
         const auto underlying = n.child("underlying_partition_router");
         if (underlying.type() == "GroupingPartitionRouter") {
           underlying.fail("a GroupingPartitionRouter cannot group another GroupingPartitionRouter");
         }
         return std::make_unique<GroupingPartitionRouter>(factory.buildPartitionRouter(underlying),
                                                          static_cast<std::size_t>(*size), n.boolean("deduplicate", true));
       }},
  };
  return dispatch(kTable, *this, node, "partition router");
}

namespace {

std::optional<interpolation::Duration> durationAt(const ComponentNode& node, std::string_view key, const std::string& text) {
  if (text.empty()) return std::nullopt;
  try {
    return interpolation::parseIsoDuration(text);
  } catch (const interpolation::EvalException& e) {
    node.failAt(key, "is not an ISO 8601 duration ('" + text + "'): " + e.what());
  }
}

MinMaxDatetime minMaxDatetimeAt(const ComponentNode& node, std::string_view key) {
  MinMaxDatetime value;
  const auto& raw = node.json().at(std::string(key));
  if (raw.is_string()) {
    value.datetime = node.interpolated(key);
    value.parameters = node.parameters();
    return value;
  }
  const auto child = node.child(key);
  if (child.has("class_name") || (child.type() != "MinMaxDatetime" && !child.type().empty())) {
    ComponentFactory::unsupported(child, "datetime");
  }
  value.datetime = child.interpolated("datetime");
  value.datetimeFormat = child.string("datetime_format");
  if (child.has("min_datetime")) value.minDatetime = child.interpolated("min_datetime");
  if (child.has("max_datetime")) value.maxDatetime = child.interpolated("max_datetime");
  value.parameters = child.parameters();
  return value;
}

}  // namespace

std::unique_ptr<IncrementalSync> ComponentFactory::buildIncrementalSync(const ComponentNode& node) const {
  static const BuilderTable<IncrementalSync> kTable = {
      {"DatetimeBasedCursor",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<IncrementalSync> {
         DatetimeBasedCursor::Spec spec;
         spec.cursorField = factory.textAt(n, "cursor_field");
         if (spec.cursorField.empty()) n.fail("missing required field 'cursor_field'");
         spec.datetimeFormat = n.string("datetime_format");
         if (spec.datetimeFormat.empty()) n.fail("missing required field 'datetime_format'");
         if (n.has("cursor_datetime_formats")) {
           for (const auto& format : n.json().at("cursor_datetime_formats")) {
             if (!format.is_string()) n.failAt("cursor_datetime_formats", "must hold format strings");
             spec.cursorDatetimeFormats.push_back(format.get<std::string>());
           }
         }
         if (!n.has("start_datetime")) n.fail("missing required field 'start_datetime'");
         spec.start = minMaxDatetimeAt(n, "start_datetime");
         if (n.has("end_datetime")) spec.end = minMaxDatetimeAt(n, "end_datetime");
         if (n.has("step")) spec.step = durationAt(n, "step", factory.textAt(n, "step"));
         if (n.has("cursor_granularity")) spec.granularity = durationAt(n, "cursor_granularity", n.string("cursor_granularity"));
         if (spec.step.has_value() != spec.granularity.has_value()) {
           n.fail("If step is defined, cursor_granularity should be as well and vice-versa");
         }
         if (n.has("lookback_window")) spec.lookback = durationAt(n, "lookback_window", factory.textAt(n, "lookback_window"));
         if (n.has("start_time_option")) spec.startTimeOption = RequestOption::build(n.child("start_time_option"), *factory.config_);
         if (n.has("end_time_option")) spec.endTimeOption = RequestOption::build(n.child("end_time_option"), *factory.config_);
         if (n.has("partition_field_start")) spec.partitionFieldStart = factory.textAt(n, "partition_field_start");
         if (n.has("partition_field_end")) spec.partitionFieldEnd = factory.textAt(n, "partition_field_end");
         if (n.has("clamping")) unsupported(n.child("clamping"), "clamping");
         spec.flags.isDataFeed = n.boolean("is_data_feed", false);
         spec.flags.isClientSideIncremental = n.boolean("is_client_side_incremental", false);
         spec.flags.globalSubstreamCursor = n.boolean("global_substream_cursor", false);
         return std::make_unique<DatetimeBasedCursor>(std::move(spec), factory.config_);
       }},
      {"IncrementingCountCursor",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<IncrementalSync> {
         const std::string field = factory.textAt(n, "cursor_field");
         if (field.empty()) n.fail("missing required field 'cursor_field'");
         std::int64_t start = 0;
         if (n.has("start_value")) {
           const std::string text = n.json().at("start_value").is_string() ? factory.textAt(n, "start_value")
                                                                           : pythonStr(n.plain("start_value"));
           try {
             std::size_t used = 0;
             start = std::stoll(text, &used);
             if (used != text.size()) throw std::invalid_argument(text);
           } catch (const std::exception&) {
             n.failAt("start_value", "must be an integer, got '" + text + "'");
           }
         }
         std::optional<RequestOption> option;
         if (n.has("start_value_option")) option = RequestOption::build(n.child("start_value_option"), *factory.config_);
         return std::make_unique<IncrementingCountCursor>(field, start, std::move(option));
       }},
  };
  return dispatch(kTable, *this, node, "incremental sync");
}

ParentStreamConfig ComponentFactory::buildParentStreamConfig(const ComponentNode& node) const {
  if (node.has("class_name") || (node.type() != "ParentStreamConfig" && !node.type().empty())) {
    unsupported(node, "parent stream config");
  }
  if (node.has("lazy_read_pointer")) unsupported(node.child("lazy_read_pointer"), "lazy_read_pointer");
  ParentStreamConfig parent;
  parent.stream = buildStream(node.child("stream"));
  const std::string key = textAt(node, "parent_key");
  // parent_key is a dpath path: "/" separates the keys of nested objects.
  std::size_t begin = 0;
  while (true) {
    const auto slash = key.find('/', begin);
    const std::string part = key.substr(begin, slash == std::string::npos ? std::string::npos : slash - begin);
    if (!part.empty()) parent.parentKey.push_back(part);
    if (slash == std::string::npos) break;
    begin = slash + 1;
  }
  if (parent.parentKey.empty()) node.failAt("parent_key", "must name a field of the parent records");
  parent.partitionField = textAt(node, "partition_field");
  if (node.has("request_option")) parent.requestOption = RequestOption::build(node.child("request_option"), *config_);
  parent.incrementalDependency = node.boolean("incremental_dependency", false);
  if (node.has("extra_fields")) {
    const auto list = node.child("extra_fields");
    if (!list.json().is_array()) node.failAt("extra_fields", "must be a list of field paths");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto path = list.at(i);
      if (!path.json().is_array()) path.fail("a field path must be a list of keys");
      std::vector<std::string> parts;
      for (std::size_t j = 0; j < path.size(); ++j) {
        if (!path.json()[j].is_string()) path.fail("a field path must hold strings");
        parts.push_back(renderConfigTemplate(node, path.pointer() + "/" + std::to_string(j), path.json()[j].get<std::string>()));
      }
      parent.extraFields.push_back(std::move(parts));
    }
  }
  return parent;
}

std::unique_ptr<RecordTransformation> ComponentFactory::buildTransformation(const ComponentNode& node) const {
  static const BuilderTable<RecordTransformation> kTable = {
      {"AddFields",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<RecordTransformation> {
         std::vector<AddedField> fields;
         const auto list = n.child("fields");
         for (std::size_t i = 0; i < list.size(); ++i) {
           const auto f = list.at(i);
           AddedField field;
           const auto path = f.child("path");
           if (!path.json().is_array() || path.size() == 0) f.failAt("path", "must be a non-empty list");
           for (const auto& part : path.json()) {
             if (!part.is_string()) f.failAt("path", "must hold strings");
             field.path.push_back(part.get<std::string>());
           }
           if (!f.json().contains("value")) f.fail("missing required field 'value'");
           const auto& value = f.json().at("value");
           if (value.is_string()) {
             checkTemplateSyntax(value.get<std::string>(), f.pointer() + "/value");
             field.valueTemplate = value.get<std::string>();
           } else {
             field.constant = toPlainJson(value);
           }
           field.validTypes = validTypesFor(f);
           fields.push_back(std::move(field));
         }
         return std::make_unique<AddFields>(std::move(fields), conditionAt(n, "condition"), factory.config_, n.parameters());
       }},
      {"RemoveFields",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<RecordTransformation> {
         std::vector<std::vector<std::string>> pointers;
         const auto list = n.child("field_pointers");
         for (std::size_t i = 0; i < list.size(); ++i) {
           std::vector<std::string> pointer;
           const auto& item = list.json()[i];
           if (!item.is_array()) list.at(i).fail("a field pointer must be a list of keys");
           for (const auto& part : item) {
             if (!part.is_string()) list.at(i).fail("a field pointer must hold strings");
             pointer.push_back(part.get<std::string>());
           }
           pointers.push_back(std::move(pointer));
         }
         return std::make_unique<RemoveFields>(std::move(pointers), conditionAt(n, "condition"), factory.config_, n.parameters());
       }},
      {"KeysToLower", [](const ComponentFactory&, const ComponentNode&) -> std::unique_ptr<RecordTransformation> {
         return std::make_unique<KeysToLower>();
       }},
      {"KeysToSnakeCase", [](const ComponentFactory&, const ComponentNode&) -> std::unique_ptr<RecordTransformation> {
         return std::make_unique<KeysToSnakeCase>();
       }},
      {"KeysReplace",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<RecordTransformation> {
         if (!n.has("old")) n.fail("missing required field 'old'");
         if (!n.has("new")) n.fail("missing required field 'new'");
         return std::make_unique<KeysReplace>(n.interpolated("old"), n.interpolated("new"), factory.config_, n.parameters());
       }},
      {"FlattenFields", [](const ComponentFactory&, const ComponentNode& n) -> std::unique_ptr<RecordTransformation> {
         return std::make_unique<FlattenFields>(n.boolean("flatten_lists", true));
       }},
      {"DpathFlattenFields",
       [](const ComponentFactory& factory, const ComponentNode& n) -> std::unique_ptr<RecordTransformation> {
         DpathFlattenFields::Options options;
         const auto path = n.child("field_path");
         if (!path.json().is_array()) n.failAt("field_path", "must be a list of keys");
         for (std::size_t i = 0; i < path.size(); ++i) {
           if (!path.json()[i].is_string()) n.failAt("field_path", "must hold strings");
           options.fieldPath.push_back(
               factory.renderConfigTemplate(n, path.pointer() + "/" + std::to_string(i), path.json()[i].get<std::string>()));
         }
         options.deleteOriginValue = n.boolean("delete_origin_value", false);
         options.replaceRecord = n.boolean("replace_record", false);
         if (n.has("key_transformation")) {
           const auto keys = n.child("key_transformation");
           if (keys.has("prefix")) options.keyPrefix = factory.textAt(keys, "prefix");
           if (keys.has("suffix")) options.keySuffix = factory.textAt(keys, "suffix");
         }
         return std::make_unique<DpathFlattenFields>(std::move(options));
       }},
  };
  return dispatch(kTable, *this, node, "transformation");
}

}  // namespace manifold::engine
