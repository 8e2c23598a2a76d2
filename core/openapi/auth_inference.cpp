// Security schemes → authenticators.
#include "core/openapi/auth_inference.h"

#include "core/openapi/name_text.h"

#include <algorithm>
#include <cctype>

namespace manifold::openapi {
namespace {

void addRequirementNames(const Json& security, std::vector<std::string>& names) {
  if (!security.is_array()) return;
  for (const auto& requirement : security) {
    if (!requirement.is_object()) continue;
    for (auto it = requirement.begin(); it != requirement.end(); ++it) {
      if (std::find(names.begin(), names.end(), it.key()) == names.end()) names.push_back(it.key());
    }
  }
}

std::vector<std::string> scopesOf(const Json& flow) {
  std::vector<std::string> out;
  if (auto scopes = flow.find("scopes"); scopes != flow.end() && scopes->is_object()) {
    for (auto it = scopes->begin(); it != scopes->end(); ++it) out.push_back(it.key());
  }
  return out;
}

}  // namespace

std::vector<AuthScheme> inferAuth(RefResolver& resolver, const OpenApiDocument& document, std::vector<Inference>& inferred,
                                  std::vector<std::string>& notes) {
  const bool swagger = document.version == SpecVersion::Swagger2;
  const char* containerName = swagger ? "securityDefinitions" : "securitySchemes";
  Node schemes = swagger ? resolver.child(resolver.root(), "securityDefinitions")
                         : resolver.child(resolver.child(resolver.root(), "components"), "securitySchemes");
  std::vector<AuthScheme> out;
  if (!schemes || !schemes->is_object() || schemes->empty()) return out;

  // Names in the order the document requires them: global first, then per operation.
  std::vector<std::string> names;
  if (auto global = document.root.find("security"); global != document.root.end()) addRequirementNames(*global, names);
  if (auto paths = document.root.find("paths"); paths != document.root.end() && paths->is_object()) {
    for (const auto& item : *paths) {
      if (!item.is_object()) continue;
      for (const auto& op : item) {
        if (op.is_object()) {
          if (auto security = op.find("security"); security != op.end()) addRequirementNames(*security, names);
        }
      }
    }
  }
  if (names.empty()) {
    for (auto it = schemes->begin(); it != schemes->end(); ++it) names.push_back(it.key());
  }

  for (const auto& name : names) {
    Node scheme = resolver.child(schemes, name);
    const std::string from = std::string(containerName) + "." + name;
    if (!scheme || !scheme->is_object()) {
      notes.push_back("security requirement '" + name + "' names no scheme in " + containerName);
      continue;
    }
    const auto type = stringField(*scheme, "type");
    AuthScheme auth;
    auth.name = name;
    auth.description = stringField(*scheme, "description");
    if (type == "apiKey") {
      auth.kind = AuthKind::ApiKey;
      const auto in = stringField(*scheme, "in");
      auth.fieldName = stringField(*scheme, "name");
      if (auth.fieldName.empty()) {
        notes.push_back("API key scheme '" + name + "' has no parameter name; left out");
        continue;
      }
      if (in == "query") {
        auth.injectInto = "request_parameter";
      } else if (in == "cookie") {
        auth.injectInto = "header";
        auth.cookie = true;
      } else {
        auth.injectInto = "header";
      }
      inferred.push_back({"auth: ApiKeyAuthenticator in " + (in.empty() ? std::string("header") : in) + " '" + auth.fieldName + "'", from});
    } else if (type == "http" && lowerAscii(stringField(*scheme, "scheme")) == "bearer") {
      auth.kind = AuthKind::Bearer;
      inferred.push_back({"auth: BearerAuthenticator", from});
    } else if ((type == "http" && lowerAscii(stringField(*scheme, "scheme")) == "basic") || type == "basic") {
      auth.kind = AuthKind::Basic;
      inferred.push_back({"auth: BasicHttpAuthenticator", from});
    } else if (type == "oauth2") {
      // OpenAPI 3 lists flows by name; Swagger 2 has one flow with its own names for them.
      Json flow;
      std::string flowName;
      if (swagger) {
        flowName = stringField(*scheme, "flow");
        flow = *scheme;
      } else if (auto flows = scheme->find("flows"); flows != scheme->end() && flows->is_object()) {
        for (const char* candidate : {"clientCredentials", "authorizationCode"}) {
          if (auto it = flows->find(candidate); it != flows->end() && it->is_object()) {
            flowName = candidate;
            flow = *it;
            break;
          }
        }
      }
      if (flowName == "application") flowName = "clientCredentials";
      if (flowName == "accessCode") flowName = "authorizationCode";
      auth.tokenUrl = stringField(flow, "refreshUrl").empty() || flowName == "clientCredentials" ? stringField(flow, "tokenUrl")
                                                                                          : stringField(flow, "refreshUrl");
      if ((flowName != "clientCredentials" && flowName != "authorizationCode") || auth.tokenUrl.empty()) {
        notes.push_back("OAuth 2 scheme '" + name + "' has no client-credentials or authorization-code flow with a token URL; " +
                        "left out (add an authenticator by hand)");
        continue;
      }
      auth.kind = flowName == "clientCredentials" ? AuthKind::OAuthClientCredentials : AuthKind::OAuthRefreshToken;
      auth.scopes = scopesOf(flow);
      inferred.push_back({std::string("auth: OAuthAuthenticator (") +
                              (auth.kind == AuthKind::OAuthClientCredentials ? "client credentials" : "refresh token") +
                              "), token_refresh_endpoint " + auth.tokenUrl,
                          from + " (" + flowName + " flow)"});
    } else {
      notes.push_back("security scheme '" + name + "' (" + (type.empty() ? std::string("no type") : type) +
                      ") has no declarative authenticator; left out");
      continue;
    }
    out.push_back(std::move(auth));
  }
  return out;
}

}  // namespace manifold::openapi
