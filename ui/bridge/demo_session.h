// `manifold --demo`: the built-in demo API on a free port and the bundled demo connector in a
// demo workspace, with the testing values that make its first Test work offline.
#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include <memory>

namespace manifold::demo {
class DemoApiServer;
}

namespace manifold::ui {

class DemoSession {
 public:
  DemoSession();
  ~DemoSession();  // stops the demo API
  DemoSession(const DemoSession&) = delete;
  DemoSession& operator=(const DemoSession&) = delete;

  // Starts the demo API on 127.0.0.1 and puts the demo connector in <workspaceDir>/demo
  // (forked from the bundled catalog the first time; an existing folder and the user's edits
  // in it are kept). False with error() set when either fails.
  bool start(const QString& workspaceDir);

  QString connectorDir() const { return connector_dir_; }
  // {"base_url": "http://127.0.0.1:PORT", "api_key": "manifold-demo-key"}
  // In the shape MainWindow::setTestingValues takes.
  nlohmann::json testingValues() const;
  QString error() const { return error_; }

  // <AppDataLocation>/demo: where --demo keeps its connector.
  static QString defaultWorkspaceDir();

 private:
  std::unique_ptr<demo::DemoApiServer> server_;
  QString connector_dir_;
  QString error_;
};

}  // namespace manifold::ui
