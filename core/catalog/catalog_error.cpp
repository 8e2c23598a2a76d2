#include "core/catalog/catalog_error.h"

namespace manifold::catalog {

CatalogError fromGitHub(const github::GitHubError& error) {
  using github::GitHubErrorKind;
  CatalogErrorKind kind = CatalogErrorKind::GitHub;
  switch (error.kind) {
    case GitHubErrorKind::NotFound: kind = CatalogErrorKind::NotFound; break;
    case GitHubErrorKind::RateLimited: kind = CatalogErrorKind::RateLimited; break;
    case GitHubErrorKind::Network:
    case GitHubErrorKind::Timeout: kind = CatalogErrorKind::Offline; break;
    case GitHubErrorKind::Cancelled: kind = CatalogErrorKind::Cancelled; break;
    default: break;
  }
  return CatalogError{kind, error.message, ""};
}

CatalogError fromWorkspace(const workspace::WorkspaceError& error) {
  using workspace::WorkspaceErrorKind;
  CatalogErrorKind kind = CatalogErrorKind::Io;
  switch (error.kind) {
    case WorkspaceErrorKind::Exists: kind = CatalogErrorKind::Exists; break;
    case WorkspaceErrorKind::NotFound: kind = CatalogErrorKind::NotFound; break;
    case WorkspaceErrorKind::Invalid: kind = CatalogErrorKind::Invalid; break;
    case WorkspaceErrorKind::Io: kind = CatalogErrorKind::Io; break;
  }
  return CatalogError{kind, error.message, error.suggestedName};
}

}  // namespace manifold::catalog
