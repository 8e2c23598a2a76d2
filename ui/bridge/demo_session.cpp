#include "ui/bridge/demo_session.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "core/catalog/bundled_catalog.h"
#include "core/catalog/catalog_fork.h"
#include "core/demo/demo_api_server.h"

namespace manifold::ui {

DemoSession::DemoSession() : server_(std::make_unique<demo::DemoApiServer>()) {}

DemoSession::~DemoSession() = default;

QString DemoSession::defaultWorkspaceDir() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
}

bool DemoSession::start(const QString& workspaceDir) {
  const auto port = server_->start(0);
  if (!port) {
    error_ = QObject::tr("The demo API could not start: %1").arg(QString::fromStdString(port.error().message));
    return false;
  }
  const QString dir = QDir(workspaceDir).filePath(QStringLiteral("demo"));
  if (!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("manifest.yaml")))) {
    const auto bundled = catalog::findBundledCatalog();
    const auto listing = bundled ? catalog::listBundledCatalog(*bundled) : catalog::CatalogListing{};
    const catalog::CatalogEntry* entry = catalog::findEntry(listing, "demo");
    if (entry == nullptr) {
      error_ = QObject::tr("The bundled demo connector is not installed.");
      return false;
    }
    const auto forked = catalog::forkEntry(*entry, catalog::bundledFiles(*entry), workspaceDir.toStdString());
    if (!forked) {
      error_ = QString::fromStdString(forked.error().message);
      return false;
    }
  }
  connector_dir_ = dir;
  return true;
}

nlohmann::json DemoSession::testingValues() const {
  return nlohmann::json{{"base_url", server_->baseUrl()}, {"api_key", std::string(demo::kDemoApiKey)}};
}

}  // namespace manifold::ui
