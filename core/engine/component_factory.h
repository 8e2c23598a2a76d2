// ComponentFactory: builds runtime components from the resolved manifest, dispatching on each
// component's `type` family by family; unsupported types and custom (class_name) components
// are build errors that name the JSON pointer.
#pragma once

#include "core/engine/auth/authenticator.h"
#include "core/engine/auth/oauth_authenticator.h"
#include "core/engine/component_node.h"
#include "core/engine/declarative_source.h"
#include "core/engine/decode/decoder.h"
#include "core/engine/errors/backoff_strategy.h"
#include "core/engine/errors/error_handler.h"
#include "core/engine/pagination/paginator.h"
#include "core/engine/partition/partition_router.h"
#include "core/engine/partition/substream_partition_router.h"
#include "core/engine/template_eval.h"
#include "core/engine/transform/transformation.h"

#include <memory>
#include <vector>

namespace manifold::engine {

class ComponentFactory {
 public:
  ComponentFactory(SharedConfig config, SourceBuildOptions options)
      : config_(std::move(config)), options_(std::move(options)) {}

  // Each throws BuildException (message + pointer) on a problem.
  std::unique_ptr<DeclarativeStream> buildStream(const ComponentNode& node) const;
  std::unique_ptr<SimpleRetriever> buildRetriever(const ComponentNode& node,
                                                  std::vector<std::unique_ptr<RecordTransformation>> transformations,
                                                  bool clientSideIncremental = false) const;
  std::unique_ptr<HttpRequester> buildRequester(const ComponentNode& node) const;
  // `urlBase` is the requester's url_base template (a LegacySessionTokenAuthenticator prefixes its URLs with it).
  std::unique_ptr<Authenticator> buildAuthenticator(const ComponentNode& node, const std::string& urlBase = {}) const;
  std::unique_ptr<ErrorHandler> buildErrorHandler(const ComponentNode& node) const;
  std::unique_ptr<BackoffStrategy> buildBackoffStrategy(const ComponentNode& node) const;
  std::unique_ptr<Paginator> buildPaginator(const ComponentNode& node) const;
  std::unique_ptr<PaginationStrategy> buildPaginationStrategy(const ComponentNode& node) const;
  std::unique_ptr<Decoder> buildDecoder(const ComponentNode& node) const;
  std::unique_ptr<PartitionRouter> buildPartitionRouter(const ComponentNode& node) const;
  ParentStreamConfig buildParentStreamConfig(const ComponentNode& node) const;
  std::unique_ptr<IncrementalSync> buildIncrementalSync(const ComponentNode& node) const;
  std::unique_ptr<RecordTransformation> buildTransformation(const ComponentNode& node) const;
  std::unique_ptr<SchemaLoader> buildSchemaLoader(const ComponentNode& node, const std::string& streamName) const;

  // The message for a component this engine cannot build: custom Python code, or a type the
  // engine does not implement in this family.
  [[noreturn]] static void unsupported(const ComponentNode& node, std::string_view family);

 private:
  // A number field that may be a template (rendered with config and parameters now).
  double numberAt(const ComponentNode& node, std::string_view key, double fallback) const;
  std::optional<std::int64_t> integerAt(const ComponentNode& node, std::string_view key) const;
  // A template field rendered now with config and parameters, as text (Python str() of non-strings).
  std::string textAt(const ComponentNode& node, std::string_view key) const;
  // The same for a template inside `owner` (an element of a list field) at `pointer`.
  std::string renderConfigTemplate(const ComponentNode& owner, const std::string& pointer, const std::string& text) const;
  // Authenticators with builders of their own (component_factory_auth.cpp).
  std::unique_ptr<Authenticator> buildSessionTokenAuthenticator(const ComponentNode& node) const;
  std::unique_ptr<Authenticator> buildJwtAuthenticator(const ComponentNode& node) const;
  std::unique_ptr<Authenticator> buildSelectiveAuthenticator(const ComponentNode& node, const std::string& urlBase) const;
  std::unique_ptr<Authenticator> buildLegacySessionTokenAuthenticator(const ComponentNode& node, const std::string& urlBase) const;
  // OAuthAuthenticator's refresh_token_updater; sets the refresh token's name in `spec` too.
  OAuthAuthenticator::Spec::TokenUpdater buildTokenUpdater(const ComponentNode& node, OAuthAuthenticator::Spec& spec) const;

  SharedConfig config_;
  SourceBuildOptions options_;
};

}  // namespace manifold::engine
