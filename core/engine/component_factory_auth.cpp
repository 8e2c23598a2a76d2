// The factory's builders for the authenticators that hold other components (a login requester,
// a map of authenticators) or need the requester's url_base.
#include "core/engine/auth/jwt_authenticator.h"
#include "core/engine/auth/legacy_session_token_authenticator.h"
#include "core/engine/auth/session_token_authenticator.h"
#include "core/engine/component_factory.h"
#include "core/engine/decode/json_decoder.h"
#include "core/engine/selection/dpath_extractor.h"
#include "core/interpolation/datetime_format.h"
#include "core/interpolation/error.h"

namespace manifold::engine {
namespace {

std::vector<std::string> stringList(const ComponentNode& node, std::string_view key) {
  if (!node.has(key)) node.fail("missing required field '" + std::string(key) + "'");
  const auto& value = node.json().at(std::string(key));
  if (!value.is_array()) node.failAt(key, "must be a list of strings");
  std::vector<std::string> items;
  for (const auto& item : value) {
    if (!item.is_string()) node.failAt(key, "must be a list of strings");
    items.push_back(item.get<std::string>());
  }
  return items;
}

std::string describePath(const std::vector<std::string>& path) {
  std::string text = "[";
  for (std::size_t i = 0; i < path.size(); ++i) text += (i ? ", '" : "'") + path[i] + "'";
  return text + "]";
}

std::optional<interpolation::InterpolatedString> optionalTemplate(const ComponentNode& node, std::string_view key) {
  if (!node.has(key)) return std::nullopt;
  // An empty string counts as unset, as the reference tests these fields for truth.
  if (node.json().at(std::string(key)).is_string() && node.json().at(std::string(key)).get<std::string>().empty()) {
    return std::nullopt;
  }
  return node.interpolated(key);
}

}  // namespace

std::unique_ptr<Authenticator> ComponentFactory::buildSessionTokenAuthenticator(const ComponentNode& node) const {
  SessionTokenAuthenticator::Spec spec;
  if (!node.has("login_requester")) node.fail("missing required field 'login_requester'");
  spec.loginRequester = buildRequester(node.child("login_requester"));
  spec.decoder = node.has("decoder") ? buildDecoder(node.child("decoder")) : std::make_unique<JsonDecoder>();
  spec.sessionTokenPath = stringList(node, "session_token_path");
  if (spec.sessionTokenPath.empty()) node.failAt("session_token_path", "must name the token's place in the login response");
  if (node.has("expiration_duration")) {
    const std::string text = node.string("expiration_duration");
    try {
      spec.expirationDuration = interpolation::parseIsoDuration(text);
    } catch (const interpolation::EvalException& e) {
      node.failAt("expiration_duration", "is not an ISO 8601 duration ('" + text + "'): " + e.what());
    }
  }
  if (!node.has("request_authentication")) node.fail("missing required field 'request_authentication'");
  const auto how = node.child("request_authentication");
  const std::string type = how.type();
  if (type == "Bearer") {
    spec.bearer = true;
  } else if (type == "ApiKey") {
    spec.bearer = false;
    if (!how.has("inject_into")) how.fail("missing required field 'inject_into'");
    spec.injectInto = RequestOption::build(how.child("inject_into"), *config_);
    if (spec.injectInto->isPath()) how.failAt("inject_into", "cannot be a RequestPath");
    if (how.has("api_token") && !how.string("api_token").empty()) spec.apiToken = how.interpolated("api_token");
  } else {
    how.failAt("type", "must be Bearer or ApiKey, got '" + type + "'");
  }
  return std::make_unique<SessionTokenAuthenticator>(std::move(spec), config_, node.parameters());
}

std::unique_ptr<Authenticator> ComponentFactory::buildJwtAuthenticator(const ComponentNode& node) const {
  JwtAuthenticator::Spec spec;
  if (!node.has("secret_key")) node.fail("missing required field 'secret_key'");
  spec.secretKey = node.interpolated("secret_key");
  spec.algorithm = node.string("algorithm");
  if (!JwtAuthenticator::isSupportedAlgorithm(spec.algorithm)) {
    node.failAt("algorithm", "must be one of HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES256K, "
                             "ES384, ES512 or EdDSA, got '" + spec.algorithm + "'");
  }
  if (node.has("base64_encode_secret_key")) {
    const auto& flag = node.json().at("base64_encode_secret_key");
    if (flag.is_boolean()) {
      spec.base64EncodeSecretKey = flag.get<bool>();
    } else if (flag.is_string()) {
      const auto parameters = node.parameters();
      interpolation::Context context;
      context.borrow("config", *config_).borrow("parameters", parameters);
      spec.base64EncodeSecretKey = evalConditionOrThrow(interpolation::InterpolatedBoolean(toPlainJson(flag)), context,
                                                        "base64_encode_secret_key");
    } else {
      node.failAt("base64_encode_secret_key", "must be a boolean");
    }
  }
  if (node.has("token_duration")) spec.tokenDuration = integerAt(node, "token_duration");
  spec.headerPrefix = optionalTemplate(node, "header_prefix");
  if (node.has("jwt_headers")) {
    const auto headers = node.child("jwt_headers");
    spec.kid = optionalTemplate(headers, "kid");
    spec.typ = optionalTemplate(headers, "typ");
    spec.cty = optionalTemplate(headers, "cty");
  }
  if (node.has("jwt_payload")) {
    const auto payload = node.child("jwt_payload");
    spec.iss = optionalTemplate(payload, "iss");
    spec.sub = optionalTemplate(payload, "sub");
    spec.aud = optionalTemplate(payload, "aud");
  }
  spec.additionalHeaders = node.plain("additional_jwt_headers");
  spec.additionalPayload = node.plain("additional_jwt_payload");
  if (!spec.additionalHeaders.is_null() && !spec.additionalHeaders.is_object()) node.failAt("additional_jwt_headers", "must be a mapping");
  if (!spec.additionalPayload.is_null() && !spec.additionalPayload.is_object()) node.failAt("additional_jwt_payload", "must be a mapping");
  spec.passphrase = optionalTemplate(node, "passphrase");
  if (node.has("request_option")) {
    spec.requestOption = RequestOption::build(node.child("request_option"), *config_);
    if (spec.requestOption.isPath()) node.failAt("request_option", "cannot be a RequestPath");
  } else {
    const ManifestJson synthetic = {{"type", "RequestOption"}, {"inject_into", "header"}, {"field_name", "Authorization"}};
    spec.requestOption = RequestOption::build(ComponentNode(synthetic, node.pointer()), *config_);
  }
  return std::make_unique<JwtAuthenticator>(std::move(spec), config_, node.parameters());
}

std::unique_ptr<Authenticator> ComponentFactory::buildSelectiveAuthenticator(const ComponentNode& node,
                                                                           const std::string& urlBase) const {
  const auto path = stringList(node, "authenticator_selection_path");
  if (!node.has("authenticators") || !node.json().at("authenticators").is_object()) {
    node.fail("missing required field 'authenticators' (a mapping of config values to authenticators)");
  }
  const nlohmann::json* value = findAtPath(*config_, path);
  if (value == nullptr) {
    node.failAt("authenticator_selection_path", "names no value in the config: the config has nothing at " + describePath(path) +
                                                    ", so no authenticator can be chosen");
  }
  // The reference picks by str() of the value: true is 'True', 1 is '1'.
  const std::string selected = pythonStr(*value);
  const auto authenticators = node.child("authenticators");
  if (!authenticators.has(selected)) {
    std::string names;
    for (const auto& [key, item] : authenticators.json().items()) names += (names.empty() ? "" : ", ") + key;
    node.failAt("authenticators", "has no authenticator for '" + selected + "', the config value at authenticator_selection_path " +
                                      describePath(path) + " (it has: " + names + ")");
  }
  // Only the chosen one is built: the others may need config the user did not give.
  return buildAuthenticator(authenticators.child(selected), urlBase);
}

std::unique_ptr<Authenticator> ComponentFactory::buildLegacySessionTokenAuthenticator(const ComponentNode& node,
                                                                                    const std::string& urlBase) const {
  LegacySessionTokenAuthenticator::Spec spec;
  for (const char* required : {"header", "login_url", "session_token_response_key", "validate_session_url"}) {
    if (!node.has(required)) node.fail("missing required field '" + std::string(required) + "'");
  }
  checkTemplateSyntax(urlBase, node.pointer());
  spec.apiUrl = interpolation::InterpolatedString(urlBase);
  spec.header = node.interpolated("header");
  spec.sessionToken = node.interpolated("session_token");
  spec.sessionTokenResponseKey = node.interpolated("session_token_response_key");
  spec.username = node.interpolated("username");
  spec.password = node.interpolated("password");
  spec.loginUrl = node.interpolated("login_url");
  spec.validateSessionUrl = node.interpolated("validate_session_url");
  return std::make_unique<LegacySessionTokenAuthenticator>(std::move(spec), config_, node.parameters());
}

OAuthAuthenticator::Spec::TokenUpdater ComponentFactory::buildTokenUpdater(const ComponentNode& node,
                                                                         OAuthAuthenticator::Spec& spec) const {
  if (!node.json().is_object()) node.fail("refresh_token_updater must be a mapping");
  OAuthAuthenticator::Spec::TokenUpdater updater;
  // The updater's refresh_token_name names the token both in the request and in the response.
  spec.refreshTokenName = node.string("refresh_token_name", "refresh_token");
  if (node.has("access_token_config_path")) updater.accessTokenPath = stringList(node, "access_token_config_path");
  if (node.has("refresh_token_config_path")) updater.refreshTokenPath = stringList(node, "refresh_token_config_path");
  if (node.has("token_expiry_date_config_path")) updater.expiryDatePath = stringList(node, "token_expiry_date_config_path");
  for (const auto* path : {&updater.accessTokenPath, &updater.refreshTokenPath, &updater.expiryDatePath}) {
    if (path->empty()) node.fail("a config path of refresh_token_updater must name at least one key");
  }
  return updater;
}

}  // namespace manifold::engine
