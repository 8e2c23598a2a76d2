// The factory: one table per family maps `type` to a builder; anything else is a build error.
#include "core/engine/component_factory.h"

#include "core/engine/auth/api_key_authenticator.h"
#include "core/engine/auth/basic_http_authenticator.h"
#include "core/engine/auth/bearer_authenticator.h"
#include "core/engine/auth/no_auth.h"
#include "core/engine/auth/oauth_authenticator.h"
#include "core/engine/decode/json_decoder.h"
#include "core/engine/decode/jsonl_decoder.h"
#include "core/engine/errors/composite_error_handler.h"
#include "core/engine/errors/constant_backoff_strategy.h"
#include "core/engine/errors/default_error_handler.h"
#include "core/engine/errors/exponential_backoff_strategy.h"
#include "core/engine/errors/wait_time_from_header.h"
#include "core/engine/pagination/cursor_pagination.h"
#include "core/engine/pagination/default_paginator.h"
#include "core/engine/pagination/no_pagination.h"
#include "core/engine/pagination/offset_increment.h"
#include "core/engine/pagination/page_increment.h"
#include "core/engine/partition/single_partition.h"
#include "core/engine/request_option.h"
#include "core/engine/schema/inline_schema_loader.h"
#include "core/engine/schema/json_file_schema_loader.h"
#include "core/engine/transform/add_fields.h"
#include "core/engine/transform/remove_fields.h"
#include "core/interpolation/literal.h"

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
  if (node.has("incremental_sync")) {
    // Reading without the cursor would send other requests than the reference does.
    unsupported(node.child("incremental_sync"), "incremental_sync");
  }
  std::vector<std::unique_ptr<RecordTransformation>> transformations;
  if (node.has("transformations")) {
    const auto list = node.child("transformations");
    if (!list.json().is_array()) node.failAt("transformations", "must be a list");
    for (std::size_t i = 0; i < list.size(); ++i) transformations.push_back(buildTransformation(list.at(i)));
  }
  parts.retriever = buildRetriever(node.child("retriever"), std::move(transformations));
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
    const ComponentNode& node, std::vector<std::unique_ptr<RecordTransformation>> transformations) const {
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
      if (router.size() == 0) {
        parts.slicer = std::make_unique<SinglePartition>();
      } else {
        parts.slicer = buildPartitionRouter(router.at(0));
        if (router.size() > 1) unsupported(router.at(1), "partition router");
      }
    } else {
      parts.slicer = buildPartitionRouter(router);
    }
  } else {
    parts.slicer = std::make_unique<SinglePartition>();
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
  if (selectorNode.has("schema_normalization")) {
    const auto& normalization = selectorNode.json().at("schema_normalization");
    const bool none = normalization.is_string() && normalization.get<std::string>() == "None";
    if (!none) unsupported(selectorNode.child("schema_normalization"), "schema normalization");
  }
  parts.selector = std::make_unique<RecordSelector>(std::move(extractor), std::move(filter), std::move(transformations),
                                                    selectorNode.boolean("transform_before_filtering", false));
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
  if (node.has("authenticator")) spec.authenticator = buildAuthenticator(node.child("authenticator"));
  if (node.has("error_handler")) {
    spec.errorHandler = buildErrorHandler(node.child("error_handler"));
  } else {
    spec.errorHandler = std::make_unique<DefaultErrorHandler>(std::vector<HttpResponseFilter>{},
                                                              std::vector<std::unique_ptr<BackoffStrategy>>{},
                                                              DefaultErrorHandler::kDefaultMaxRetries);
  }
  return std::make_unique<HttpRequester>(std::move(spec), config_, node.parameters());
}

std::unique_ptr<Authenticator> ComponentFactory::buildAuthenticator(const ComponentNode& node) const {
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
         if (n.has("refresh_token_updater")) {
           n.failAt("refresh_token_updater", "(single-use refresh tokens written back to the config) is not supported by Manifold's engine yet");
         }
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
         return std::make_unique<OAuthAuthenticator>(std::move(spec), factory.config_, parameters);
       }},
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
         try {
           return std::make_unique<WaitTimeFromHeader>(header, n.optionalString("regex"), cap);
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
  };
  return dispatch(kTable, *this, node, "decoder");
}

std::unique_ptr<StreamSlicer> ComponentFactory::buildPartitionRouter(const ComponentNode& node) const {
  static const BuilderTable<StreamSlicer> kTable = {};
  return dispatch(kTable, *this, node, "partition router");
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
  };
  return dispatch(kTable, *this, node, "transformation");
}

}  // namespace manifold::engine
