// The Manifold main window: manifest editor in the centre, outline and test-result docks.
#pragma once

#include "ui/common/recovery_store.h"
#include "ui/common/text_file.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QMainWindow>

#include <nlohmann/json.hpp>

class QAction;
class QDockWidget;
class QLabel;
class QFileSystemWatcher;
class QMenu;
class QTimer;

namespace manifold::ui {

class CatalogBrowser;
class CompletionAssist;
class ExpressionPlayground;
class GitHubAccount;
class HostsView;
class SecretStore;
class TestingValuesForm;
class TestingValuesStore;
class DiagnosticsDecorator;
class FindReplaceBar;
class LiveValidator;
class OutlineView;
class ProblemsView;
class ReferenceNavigator;
class TestPanel;
class YamlEditor;
struct ManifestCheck;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // `recovery` holds the autosave copies; tests pass a temporary one.
  explicit MainWindow(RecoveryStore recovery = RecoveryStore(), QWidget* parent = nullptr);

  YamlEditor* editor() const { return editor_; }
  FindReplaceBar* findBar() const { return find_bar_; }
  LiveValidator* liveValidator() const { return live_validator_; }
  DiagnosticsDecorator* diagnosticsDecorator() const { return decorator_; }
  CompletionAssist* completionAssist() const { return completion_; }
  ReferenceNavigator* referenceNavigator() const { return reference_navigator_; }
  ProblemsView* problemsView() const { return problems_; }
  OutlineView* outlineView() const { return outline_; }
  CatalogBrowser* catalogBrowser() const { return catalog_browser_; }
  TestPanel* testPanel() const { return test_panel_; }
  // The Hosts dock's view: contacted hosts against metadata.yaml's allowedHosts.
  HostsView* hostsView() const { return hosts_view_; }
  // The status bar's test read summary ("Read 25 records from 2 pages in 0.4 s").
  QLabel* testStatus() const { return test_status_; }
  QString currentFile() const { return file_path_; }
  const RecoveryStore& recoveryStore() const { return recovery_; }
  TestingValuesForm* testingValuesForm() const { return testing_form_; }
  ExpressionPlayground* playground() const { return playground_; }
  // The folder whose .manifold/testing_values.json holds the testing values; empty when the
  // open manifest is not a connector folder's manifest.yaml (values then last the session).
  QString connectorDir() const { return connector_dir_; }
  // The config a test read uses: the testing values, secrets included.
  nlohmann::json testingValues() const;
  // Where secrets go; by default the OS keychain. Tests set an in-memory store before
  // opening anything. The window takes ownership.
  void setSecretStore(SecretStore* store);
  SecretStore* secretStore();
  // The GitHub sign-in (token in the OS keychain), made on first use.
  GitHubAccount* githubAccount();

 public slots:
  // Loads `path` into the editor; on failure shows why and keeps the current buffer.
  bool openFile(const QString& path);
  // Opens dir/manifest.yaml as a connector, with the testing values saved for it.
  bool openConnector(const QString& dir);
  // Fills the testing-values form (e.g. the demo's address and key). Nothing is written until
  // the user edits a value, so secrets given here stay in this session.
  void setTestingValues(const nlohmann::json& values);
  // Writes the testing values of the open connector now (edits are saved after a pause).
  void saveTestingValues();
  // Saves to the current file, asking for a name when there is none yet.
  bool save();
  bool saveAs();
  // Writes the buffer to `path` atomically; on failure shows why and keeps the buffer modified.
  bool saveToFile(const QString& path);
  // Writes a recovery copy of a modified buffer now (the timer calls this periodically).
  void autosave();
  // Offers the recovery copies an earlier session left behind; restores the one chosen.
  void offerRecovery();
  // Puts a recovered buffer into the editor, marked modified, bound to its original file.
  void restoreRecovered(const RecoveryStore::Entry& entry);
  void goToLine(int line);
  // The catalog browser (File > Catalog…, Ctrl+Shift+O); forking or opening a connector there
  // opens it here.
  void showCatalog();
  // Moves the caret to a 1-based line and column, as diagnostics and the outline report them.
  void goToPosition(int line, int column);
  // File > New Connector from OpenAPI…: the wizard's manifest opens as a new, unsaved buffer.
  void newFromOpenApi();
  void openGeneratedManifest(const QString& yamlText);
  // File › Compare with Upstream… / Update from Upstream… for a connector forked from a catalog.
  void showUpstream(bool startUpdate);
  // File › New (Ctrl+N, the "empty" template) and File › New from Template: the template's
  // manifest (ui/common/manifest_templates.h) opens as a new, unsaved buffer.
  bool newFromTemplate(const QString& id);
  // Edit › Settings… (Ctrl+,), opened at the page titled `page` when given.
  void showSettings(const QString& page = {});
  // File › Contribute…: a pull request with the open connector folder.
  void showContribute();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createActions();
  void createDocks();
  void showError(const QString& title, const QString& message);
  bool openNewBuffer(const QString& yamlText, const QString& message);
  void setCurrentFile(const QString& path);
  void updateTitle();
  void rebuildRecentMenu();
  bool maybeSave();
  void openWithDialog();
  void askGoToLine();
  void watchCurrentFile();
  void onFileChangedOnDisk(const QString& path);
  QString documentKey() const;
  void showCheck(const ManifestCheck& check);
  void followCaretStream();
  void useDetectedSchema(const QString& stream, const nlohmann::json& schema);
  void createTestingValuesDock();
  void createPlaygroundDock();
  void createHostsDock();
  // Recomputes the Hosts view off the GUI thread (after a pause, so typing does not pile up).
  void refreshHosts();
  // Before a test read of a forked connector: asks the user when the manifest sends credentials
  // to a host other than url_base's that they have not accepted yet. True: read now.
  bool confirmCredentialHosts();
  // Reads the credential hosts accepted for the open connector (off the GUI thread).
  void loadAcceptedCredentialHosts(bool forked);
  void setConnectorDir(const QString& dir);
  void updateUpstreamActions();
  void loadSecrets();
  // Shows a dock, brings it to the front and puts the keyboard focus in `target` (default: its widget).
  void focusDock(QDockWidget* dock, QWidget* target = nullptr);
  // F8 / Shift+F8: the caret goes to the next or previous problem, wrapping around.
  void goToAdjacentProblem(bool forward);

  YamlEditor* editor_ = nullptr;
  FindReplaceBar* find_bar_ = nullptr;
  QDockWidget* outline_dock_ = nullptr;
  QDockWidget* results_dock_ = nullptr;
  QDockWidget* problems_dock_ = nullptr;
  QDockWidget* testing_dock_ = nullptr;
  QDockWidget* playground_dock_ = nullptr;
  QDockWidget* hosts_dock_ = nullptr;
  HostsView* hosts_view_ = nullptr;
  QTimer* hosts_timer_ = nullptr;
  quint64 hosts_generation_ = 0;
  QStringList session_hosts_;  // hosts this session's test reads contacted
  bool forked_ = false;                    // the open connector has origin: provenance
  QString accepted_dir_;                   // the connector accepted_credential_hosts_ belongs to
  QStringList accepted_credential_hosts_;  // credential hosts the user accepted for it
  bool accepted_loaded_ = true;            // false while they are read from .manifold/
  bool test_when_accepted_loaded_ = false; // Test was pressed before they were read
  bool credential_question_open_ = false;
  TestingValuesForm* testing_form_ = nullptr;
  QLabel* secrets_notice_ = nullptr;
  ExpressionPlayground* playground_ = nullptr;
  SecretStore* secret_store_ = nullptr;
  GitHubAccount* github_account_ = nullptr;
  TestingValuesStore* values_store_ = nullptr;
  QTimer* values_save_timer_ = nullptr;
  QString connector_dir_;
  LiveValidator* live_validator_ = nullptr;
  DiagnosticsDecorator* decorator_ = nullptr;
  CompletionAssist* completion_ = nullptr;
  ReferenceNavigator* reference_navigator_ = nullptr;
  ProblemsView* problems_ = nullptr;
  OutlineView* outline_ = nullptr;
  QLabel* validation_status_ = nullptr;
  TestPanel* test_panel_ = nullptr;
  QLabel* test_status_ = nullptr;
  QString caret_stream_;  // the stream the caret was last in, so moving within it changes nothing
  QMenu* recent_menu_ = nullptr;
  CatalogBrowser* catalog_browser_ = nullptr;
  QAction* compare_upstream_ = nullptr;
  QAction* update_upstream_ = nullptr;
  QTimer* autosave_timer_ = nullptr;
  QFileSystemWatcher* watcher_ = nullptr;
  RecoveryStore recovery_;
  QString file_path_;
  QString untitled_key_;      // recovery key of a buffer that has no file yet
  TextFile file_format_;      // BOM and line-ending style of the open file, kept on save
  QByteArray disk_hash_;      // hash of the bytes last read or written, to spot outside edits
  bool reload_prompt_open_ = false;
};

}  // namespace manifold::ui
