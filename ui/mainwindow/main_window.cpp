// The Manifold main window: manifest editor in the centre, outline and test-result docks.
#include "ui/mainwindow/main_window.h"

#include "core/config/config_validation.h"
#include "core/config/testing_values.h"
#include "core/version.h"
#include "ui/bridge/detected_schema_writer.h"
#include "ui/bridge/github_bridge.h"
#include "ui/bridge/hosts_bridge.h"
#include "ui/bridge/upstream_bridge.h"
#include "ui/catalog/catalog_browser.h"
#include "ui/catalog/upstream_dialog.h"
#include "ui/common/count_text.h"
#include "ui/common/manifest_templates.h"
#include "ui/contribute/contribute_dialog.h"
#include "ui/editor/completion_assist.h"
#include "ui/editor/diagnostics_decorator.h"
#include "ui/editor/find_replace_bar.h"
#include "ui/editor/live_validator.h"
#include "ui/editor/outline_view.h"
#include "ui/editor/problems_view.h"
#include "ui/editor/reference_navigator.h"
#include "ui/editor/yaml_editor.h"
#include "ui/hosts/hosts_view.h"
#include "ui/mainwindow/window_layout.h"
#include "ui/openapi/openapi_wizard.h"
#include "ui/playground/expression_playground.h"
#include "ui/secrets/keychain_secret_store.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/github_account.h"
#include "ui/settings/catalog_settings_page.h"
#include "ui/settings/github_settings_page.h"
#include "ui/settings/settings_dialog.h"
#include "ui/testpanel/test_panel.h"
#include "ui/testing_values/testing_values_form.h"
#include "ui/testing_values/testing_values_store.h"

#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace manifold::ui {

namespace {

QByteArray hashOfFile(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  QCryptographicHash hash(QCryptographicHash::Sha256);
  hash.addData(&f);
  return hash.result();
}

QString fromView(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// A connector folder holds its manifest as manifest.yaml; other files have no project folder.
QString connectorDirOf(const QString& manifestPath) {
  const QFileInfo info(manifestPath);
  return info.fileName() == QLatin1String("manifest.yaml") ? info.absolutePath() : QString();
}

nlohmann::json plainJson(const nlohmann::ordered_json& ordered) { return nlohmann::json::parse(ordered.dump()); }

}  // namespace

MainWindow::MainWindow(RecoveryStore recovery, QWidget* parent)
    : QMainWindow(parent), recovery_(std::move(recovery)) {
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/manifold.svg")));
  untitled_key_ = QStringLiteral("untitled-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  editor_ = new YamlEditor(central);
  find_bar_ = new FindReplaceBar(editor_, central);
  layout->addWidget(editor_, 1);
  layout->addWidget(find_bar_);
  setCentralWidget(central);
  reference_navigator_ = new ReferenceNavigator(editor_);

  createDocks();
  createActions();
  connect(editor_, &QsciScintilla::modificationChanged, this, &QMainWindow::setWindowModified);

  decorator_ = new DiagnosticsDecorator(editor_);
  completion_ = new CompletionAssist(editor_);
  connect(reference_navigator_, &ReferenceNavigator::failed, this,
          [this](const QString& message) { statusBar()->showMessage(message, 8000); });
  connect(reference_navigator_, &ReferenceNavigator::followed, this, [this](const QString& reference, int line) {
    statusBar()->showMessage(tr("%1 is at line %2").arg(reference).arg(line), 5000);
  });
  live_validator_ = new LiveValidator(editor_, this);
  connect(live_validator_, &LiveValidator::checked, this, &MainWindow::showCheck);
  connect(live_validator_, &LiveValidator::started, this,
          [this] { validation_status_->setText(tr("Checking…")); });
  connect(problems_, &ProblemsView::jumpRequested, this, &MainWindow::goToPosition);
  connect(outline_, &OutlineView::jumpRequested, this, &MainWindow::goToPosition);
  connect(testing_form_, &TestingValuesForm::edited, this, [this] {
    playground_->setConfig(testingValues());
    refreshHosts();
    if (!connector_dir_.isEmpty()) values_save_timer_->start();
  });
  values_save_timer_ = new QTimer(this);
  values_save_timer_->setSingleShot(true);
  values_save_timer_->setInterval(400);
  connect(values_save_timer_, &QTimer::timeout, this, &MainWindow::saveTestingValues);
  validation_status_ = new QLabel(this);
  // No accessible names: a named QLabel reads as its name only, and users need the status text.
  test_status_ = new QLabel(this);
  statusBar()->addPermanentWidget(test_status_);
  statusBar()->addPermanentWidget(validation_status_);
  connect(test_panel_, &TestPanel::summaryChanged, test_status_, &QLabel::setText);
  connect(test_panel_, &TestPanel::useDetectedSchemaRequested, this, &MainWindow::useDetectedSchema);
  // Each finished read is recorded in the connector folder for Contribute's reviewer checks.
  connect(test_panel_, &TestPanel::readFinished, this,
          [this](const QString& stream, const QString& manifest, int records, bool passed) {
            const nlohmann::json& streamRead = test_panel_->streamRead();
            for (const QString& host : hostsOfStreamRead(streamRead)) {
              if (!session_hosts_.contains(host)) session_hosts_ << host;
            }
            refreshHosts();
            if (connector_dir_.isEmpty()) return;
            (void)QtConcurrent::run([dir = connector_dir_, manifest, stream, records, passed, streamRead] {
              recordTestRead(dir, manifest, stream, records, passed, streamRead);
            });
          });
  connect(editor_, &QsciScintilla::cursorPositionChanged, this, &MainWindow::followCaretStream);
  connect(test_panel_, &TestPanel::lastPageChanged, this, [this] {
    // `response` in a template is the decoded body; the page keeps it as text.
    const nlohmann::json& response = test_panel_->lastResponse();
    nlohmann::json body = response.is_object() ? response.value("body", nlohmann::json()) : nlohmann::json();
    if (body.is_string()) {
      nlohmann::json decoded = nlohmann::json::parse(body.get<std::string>(), nullptr, false);
      if (!decoded.is_discarded()) body = std::move(decoded);
    }
    playground_->setResponse(body);
    playground_->setHeaders(response.is_object() ? response.value("headers", nlohmann::json()) : nlohmann::json());
    playground_->setRecord(test_panel_->lastRecord());
  });
  test_panel_->setReadGate([this] { return confirmCredentialHosts(); });
  test_panel_->setInputsProvider([this] {
    TestInputs inputs;
    inputs.manifestText = editor_->text();
    if (!file_path_.isEmpty()) inputs.manifestDir = QFileInfo(file_path_).absolutePath();
    inputs.config = testingValues();
    return inputs;
  });

  watcher_ = new QFileSystemWatcher(this);
  connect(watcher_, &QFileSystemWatcher::fileChanged, this, &MainWindow::onFileChangedOnDisk);

  autosave_timer_ = new QTimer(this);
  autosave_timer_->setInterval(AppSettings::instance().autosaveSeconds.value() * 1000);
  connect(autosave_timer_, &QTimer::timeout, this, &MainWindow::autosave);
  autosave_timer_->start();

  statusBar()->showMessage(tr("Ready"));
  restoreWindowLayout(*this, {outline_dock_, testing_dock_, results_dock_});
  updateTitle();
}

void MainWindow::createDocks() {
  outline_dock_ = new QDockWidget(tr("Streams"), this);
  outline_dock_->setObjectName(QStringLiteral("streamsDock"));
  outline_ = new OutlineView(outline_dock_);
  outline_dock_->setWidget(outline_);
  addDockWidget(Qt::LeftDockWidgetArea, outline_dock_);

  results_dock_ = new QDockWidget(tr("Test results"), this);
  results_dock_->setObjectName(QStringLiteral("testResultsDock"));
  test_panel_ = new TestPanel(results_dock_);
  results_dock_->setWidget(test_panel_);
  addDockWidget(Qt::BottomDockWidgetArea, results_dock_);

  problems_dock_ = new QDockWidget(tr("Problems"), this);
  problems_dock_->setObjectName(QStringLiteral("problemsDock"));
  problems_ = new ProblemsView(problems_dock_);
  problems_dock_->setWidget(problems_);
  addDockWidget(Qt::BottomDockWidgetArea, problems_dock_);
  tabifyDockWidget(results_dock_, problems_dock_);
  createTestingValuesDock();
  createPlaygroundDock();
  createHostsDock();
  results_dock_->raise();
}

void MainWindow::createHostsDock() {
  hosts_dock_ = new QDockWidget(tr("Hosts"), this);
  hosts_dock_->setObjectName(QStringLiteral("hostsDock"));
  hosts_dock_->setAccessibleName(tr("Hosts"));
  hosts_view_ = new HostsView(hosts_dock_);
  hosts_dock_->setWidget(hosts_view_);
  addDockWidget(Qt::BottomDockWidgetArea, hosts_dock_);
  tabifyDockWidget(problems_dock_, hosts_dock_);
  connect(hosts_view_, &HostsView::jumpRequested, this, &MainWindow::goToPosition);
  hosts_timer_ = new QTimer(this);
  hosts_timer_->setSingleShot(true);
  hosts_timer_->setInterval(300);
  connect(hosts_timer_, &QTimer::timeout, this, [this] {
    const quint64 generation = ++hosts_generation_;
    auto* watcher = new QFutureWatcher<UiHostReport>(this);
    connect(watcher, &QFutureWatcher<UiHostReport>::finished, this, [this, watcher] {
      watcher->deleteLater();
      const UiHostReport report = watcher->result();
      if (report.generation != hosts_generation_) return;  // a newer one is on its way
      hosts_view_->showReport(report);
      hosts_dock_->setWindowTitle(report.warnings.isEmpty() ? tr("Hosts")
                                                            : tr("Hosts (%1)").arg(report.warnings.size()));
    });
    watcher->setFuture(QtConcurrent::run(
        [dir = connector_dir_, text = editor_->text(), config = testingValues(), seen = session_hosts_, generation] {
          return hostReportFor(dir, text, config, seen, generation);
        }));
  });
}

void MainWindow::refreshHosts() { hosts_timer_->start(); }

void MainWindow::createTestingValuesDock() {
  testing_dock_ = new QDockWidget(tr("Testing values"), this);
  testing_dock_->setObjectName(QStringLiteral("testingValuesDock"));
  testing_dock_->setAccessibleName(tr("Testing values"));
  auto* panel = new QWidget(testing_dock_);
  auto* layout = new QVBoxLayout(panel);
  layout->setContentsMargins(0, 0, 0, 0);
  secrets_notice_ = new QLabel(panel);
  secrets_notice_->setObjectName(QStringLiteral("secretsNotice"));
  secrets_notice_->setWordWrap(true);
  secrets_notice_->setMargin(6);
  secrets_notice_->setFrameShape(QFrame::StyledPanel);
  secrets_notice_->hide();
  layout->addWidget(secrets_notice_);
  testing_form_ = new TestingValuesForm(panel);
  layout->addWidget(testing_form_, 1);
  auto* check = new QPushButton(tr("&Check values"), panel);
  check->setAccessibleName(tr("Check values"));
  check->setToolTip(tr("Check the testing values against the spec"));
  connect(check, &QPushButton::clicked, testing_form_, [this] {
    const auto problems = testing_form_->validate();
    statusBar()->showMessage(problems.empty() ? tr("The testing values fit the spec")
                                              : QString::fromStdString(config::describeProblems(problems)),
                             5000);
  });
  layout->addWidget(check, 0, Qt::AlignRight);
  testing_dock_->setWidget(panel);
  addDockWidget(Qt::RightDockWidgetArea, testing_dock_);
}

void MainWindow::createPlaygroundDock() {
  playground_dock_ = new QDockWidget(tr("Expression playground"), this);
  playground_dock_->setObjectName(QStringLiteral("playgroundDock"));
  playground_dock_->setAccessibleName(tr("Expression playground"));
  playground_ = new ExpressionPlayground(playground_dock_);
  playground_dock_->setWidget(playground_);
  addDockWidget(Qt::BottomDockWidgetArea, playground_dock_);
  tabifyDockWidget(problems_dock_, playground_dock_);
}

nlohmann::json MainWindow::testingValues() const { return testing_form_->values(); }

void MainWindow::setSecretStore(SecretStore* store) {
  store->setParent(this);
  delete values_store_;
  delete secret_store_;
  secret_store_ = store;
  values_store_ = new TestingValuesStore(store, this);
  connect(store, &SecretStore::unavailable, this, [this](const QString& reason) {
    secrets_notice_->setText(QStringLiteral("ℹ ") + reason);
    secrets_notice_->show();
    statusBar()->showMessage(reason, 10000);
  });
}

GitHubAccount* MainWindow::githubAccount() {
  if (!github_account_) {
    github_account_ = new GitHubAccount(new KeychainSecretStore(QStringLiteral("Manifold GitHub"), this),
                                        AppSettings::instance().githubApiUrl.value(), this);
    github_account_->load();
  }
  return github_account_;
}

void MainWindow::showSettings(const QString& page) {
  auto* dialog = new SettingsDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->addPage(new GitHubSettingsPage(githubAccount(), dialog));  // other areas add their pages here
  dialog->addPage(new CatalogSettingsPage(dialog));
  if (!page.isEmpty()) dialog->showPage(page);
  dialog->open();
}

void MainWindow::showContribute() {
  if (connector_dir_.isEmpty()) {
    showError(tr("Contribute"), tr("Open a connector folder first (File › Catalog… or manifold DIR): a contribution "
                                   "sends the folder's manifest.yaml, metadata.yaml, README.md and icon."));
    return;
  }
  // The contribution sends the files on disk, so unsaved edits would silently stay behind.
  if (editor_->isModified()) {
    const auto answer = QMessageBox::question(this, tr("Contribute"),
                                              tr("The manifest has unsaved changes. Save them before contributing?"),
                                              QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
    if (answer != QMessageBox::Save || !save()) return;
  }
  ContributeSetup setup;
  setup.connectorDir = connector_dir_;
  setup.repository = AppSettings::instance().contributeRepository.value();
  setup.baseBranch = AppSettings::instance().contributeBaseBranch.value();
  setup.layout = catalogLayoutFor(AppSettings::instance().contributeLayouts.value(), setup.repository);
  setup.secretValues = secretTestingValues(editor_->text(), testingValues());
  auto* dialog = new ContributeDialog(std::move(setup), githubAccount(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &ContributeDialog::signInRequested, this, [this] { showSettings(tr("GitHub")); });
  dialog->open();
}

SecretStore* MainWindow::secretStore() {
  if (!secret_store_) setSecretStore(new KeychainSecretStore(QStringLiteral("Manifold testing values")));
  return secret_store_;
}

bool MainWindow::openConnector(const QString& dir) {
  const QString manifest = QDir(dir).filePath(QStringLiteral("manifest.yaml"));
  if (!QFileInfo(manifest).isFile()) {
    showError(tr("Cannot open connector"),
              tr("%1 is not a connector folder: it has no manifest.yaml.").arg(QDir::toNativeSeparators(dir)));
    return false;
  }
  return openFile(manifest);
}

void MainWindow::setTestingValues(const nlohmann::json& values) {
  testing_form_->setValues(values);
  playground_->setConfig(testingValues());
}

void MainWindow::setConnectorDir(const QString& dir) {
  if (values_save_timer_->isActive()) saveTestingValues();  // the previous connector's
  connector_dir_ = dir;
  nlohmann::json values = nlohmann::json::object();
  if (!dir.isEmpty()) {
    secretStore();
    const TestingValuesStore::Loaded loaded = values_store_->loadValues(dir);
    if (!loaded.error.isEmpty()) statusBar()->showMessage(loaded.error, 10000);
    values = loaded.values;
  }
  setTestingValues(values);
  session_hosts_.clear();
  // Secrets are read once the new manifest's spec is known (showCheck).
  updateUpstreamActions();
}

bool MainWindow::confirmCredentialHosts() {
  if (credential_question_open_) return false;
  if (connector_dir_.isEmpty() || !forked_) return true;
  if (!accepted_loaded_) {
    test_when_accepted_loaded_ = true;  // asked again once the accepted hosts are read
    return false;
  }
  const QList<UiCredentialHost> pending =
      credentialHostsToConfirm(editor_->text(), testingValues(), accepted_credential_hosts_);
  if (pending.isEmpty()) return true;

  QStringList hosts;
  QStringList lines;
  for (const UiCredentialHost& host : pending) {
    hosts << host.host;
    QString what;
    switch (host.kind) {
      case UiCredentialHost::Kind::OAuthTokenEndpoint: what = tr("your client secret and refresh token"); break;
      case UiCredentialHost::Kind::SessionLogin: what = tr("your login credentials"); break;
      case UiCredentialHost::Kind::SessionApi: what = tr("your username and password"); break;
    }
    const QString api = host.apiHosts.isEmpty() ? tr("the API's url_base, which the testing values do not render yet")
                                                : host.apiHosts.join(QStringLiteral(", "));
    lines << tr("This connector sends %1 to %2 (its %3), which is not the API's host (%4).")
                 .arg(what, host.host, host.source, api);
  }
  auto* box = new QMessageBox(QMessageBox::Warning, tr("Credentials go to another host"),
                              lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n") +
                                  tr("The connector was forked from a catalog; check that you trust this host "
                                     "before the first test read sends it your testing values."),
                              QMessageBox::NoButton, this);
  box->setObjectName(QStringLiteral("credentialHostsQuestion"));
  box->setAccessibleName(tr("Credentials go to another host"));
  QPushButton* proceed = box->addButton(tr("&Trust and Test"), QMessageBox::AcceptRole);
  proceed->setObjectName(QStringLiteral("credentialHostsTrust"));
  QPushButton* cancel = box->addButton(QMessageBox::Cancel);
  cancel->setObjectName(QStringLiteral("credentialHostsCancel"));
  box->setDefaultButton(cancel);
  box->setEscapeButton(cancel);
  box->setAttribute(Qt::WA_DeleteOnClose);
  credential_question_open_ = true;
  connect(box, &QMessageBox::finished, this, [this, box, proceed, hosts] {
    credential_question_open_ = false;
    if (box->clickedButton() != proceed) {
      statusBar()->showMessage(tr("Test read cancelled: the credentials' host was not accepted"), 8000);
      return;
    }
    for (const QString& host : hosts) {
      if (!accepted_credential_hosts_.contains(host)) accepted_credential_hosts_ << host;
    }
    // Kept for this session at once; written to .manifold/ off the GUI thread.
    auto* writer = new QFutureWatcher<QString>(this);
    connect(writer, &QFutureWatcher<QString>::finished, this, [this, writer] {
      writer->deleteLater();
      if (const QString error = writer->result(); !error.isEmpty()) {
        statusBar()->showMessage(tr("The accepted host is kept for this session only: %1").arg(error), 10000);
      }
    });
    writer->setFuture(QtConcurrent::run([dir = connector_dir_, hosts] { return acceptCredentialHosts(dir, hosts); }));
    test_panel_->test();
  });
  box->open();
  return false;
}

void MainWindow::updateUpstreamActions() {
  const bool forked = isForkedConnector(connector_dir_);
  if (forked != forked_ || accepted_dir_ != connector_dir_) loadAcceptedCredentialHosts(forked);
  compare_upstream_->setEnabled(forked);
  update_upstream_->setEnabled(forked);
}

void MainWindow::loadAcceptedCredentialHosts(bool forked) {
  forked_ = forked;
  accepted_dir_ = connector_dir_;
  accepted_credential_hosts_.clear();
  accepted_loaded_ = !forked;
  if (!forked) return;
  // Read off the GUI thread; a Test pressed meanwhile waits for it (confirmCredentialHosts).
  auto* watcher = new QFutureWatcher<QStringList>(this);
  const QString dir = connector_dir_;
  connect(watcher, &QFutureWatcher<QStringList>::finished, this, [this, watcher, dir] {
    watcher->deleteLater();
    if (dir != accepted_dir_) return;  // another connector was opened meanwhile
    for (const QString& host : watcher->result()) {
      if (!accepted_credential_hosts_.contains(host)) accepted_credential_hosts_ << host;
    }
    accepted_loaded_ = true;
    if (std::exchange(test_when_accepted_loaded_, false)) test_panel_->test();
  });
  watcher->setFuture(QtConcurrent::run([dir] { return acceptedCredentialHosts(dir); }));
}

void MainWindow::showUpstream(bool startUpdate) {
  if (!isForkedConnector(connector_dir_)) {
    showError(tr("Not a forked connector"),
              tr("Compare and update need a connector forked from a catalog (File › Catalog…): its "
                 "metadata.yaml records where it came from."));
    return;
  }
  if (editor_->isModified()) {
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"),
        tr("Compare and update work on the saved files. Save the manifest first?"),
        QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
    if (answer != QMessageBox::Save || !save()) return;
  }
  auto* dialog = new UpstreamDialog(CatalogSettings::fromAppSettings(), connector_dir_, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &UpstreamDialog::connectorUpdated, this, [this](const QString& dir) {
    // The merge replaced the files: show the merged manifest (it was saved, so nothing is lost).
    if (dir == connector_dir_ && !editor_->isModified()) openConnector(dir);
  });
  dialog->show();
  if (startUpdate) {
    dialog->update();
  } else {
    dialog->compare();
  }
}

void MainWindow::loadSecrets() {
  if (connector_dir_.isEmpty()) return;
  secretStore();
  const QString dir = connector_dir_;
  values_store_->loadSecrets(dir, plainJson(testing_form_->spec()), testingValues(), this,
                             [this, dir](const std::string& pointer, const nlohmann::json& value) {
                               if (dir != connector_dir_) return;
                               nlohmann::json values = testingValues();
                               const nlohmann::json::json_pointer at(pointer);
                               if (values.contains(at) && !values[at].is_null() && values[at] != "") return;
                               config::putSecret(values, {pointer, value});
                               setTestingValues(values);
                             });
}

void MainWindow::saveTestingValues() {
  values_save_timer_->stop();
  if (connector_dir_.isEmpty()) return;
  secretStore();
  const QString error = values_store_->save(connector_dir_, plainJson(testing_form_->spec()), testingValues());
  if (!error.isEmpty()) statusBar()->showMessage(tr("Testing values not saved: %1").arg(error), 10000);
}

void MainWindow::createActions() {
  QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
  fileMenu->addAction(tr("&New"), QKeySequence::New, this, [this] { newFromTemplate(QStringLiteral("empty")); });
  QMenu* templateMenu = fileMenu->addMenu(tr("New from &Template"));
  for (const ManifestTemplate& t : manifestTemplates()) {
    QAction* action = templateMenu->addAction(t.title, this, [this, id = t.id] { newFromTemplate(id); });
    action->setToolTip(t.description);
    action->setStatusTip(t.description);
  }
  fileMenu->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openWithDialog);
  fileMenu->addAction(tr("New Connector from Open&API…"), this, &MainWindow::newFromOpenApi);
  recent_menu_ = fileMenu->addMenu(tr("Open &Recent"));
  connect(recent_menu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
  rebuildRecentMenu();
  fileMenu->addAction(tr("&Catalog…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                      &MainWindow::showCatalog);
  compare_upstream_ = fileMenu->addAction(tr("Compare with &Upstream…"), this, [this] { showUpstream(false); });
  compare_upstream_->setStatusTip(tr("Show how this forked connector differs from the catalog it came from"));
  update_upstream_ = fileMenu->addAction(tr("Update from Upstrea&m…"), this, [this] { showUpstream(true); });
  update_upstream_->setStatusTip(tr("Merge the catalog's changes since the fork into this connector"));
  compare_upstream_->setEnabled(false);
  update_upstream_->setEnabled(false);
  fileMenu->addAction(tr("Con&tribute…"), this, &MainWindow::showContribute);
  fileMenu->addSeparator();
  fileMenu->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
  fileMenu->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
  fileMenu->addSeparator();
  fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
  editMenu->addAction(tr("&Undo"), QKeySequence::Undo, editor_, &QsciScintilla::undo);
  editMenu->addAction(tr("&Redo"), QKeySequence::Redo, editor_, &QsciScintilla::redo);
  editMenu->addSeparator();
  editMenu->addAction(tr("&Find…"), QKeySequence::Find, find_bar_, &FindReplaceBar::showFind);
  editMenu->addAction(tr("Find &Next"), QKeySequence::FindNext, find_bar_, &FindReplaceBar::findNext);
  editMenu->addAction(tr("Find Pre&vious"), QKeySequence::FindPrevious, find_bar_,
                      &FindReplaceBar::findPrevious);
  editMenu->addAction(tr("R&eplace…"), QKeySequence(Qt::CTRL | Qt::Key_H), find_bar_,
                      &FindReplaceBar::showReplace);
  editMenu->addAction(tr("&Go to Line…"), QKeySequence(Qt::CTRL | Qt::Key_L), this,
                      &MainWindow::askGoToLine);
  editMenu->addAction(tr("Toggle &Comment"), QKeySequence(Qt::CTRL | Qt::Key_Slash), editor_,
                      &YamlEditor::toggleComment);
  editMenu->addAction(reference_navigator_->goToDefinitionAction());

  editMenu->addSeparator();
  editMenu->addAction(tr("Se&ttings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, [this] { showSettings(); });

  QMenu* runMenu = menuBar()->addMenu(tr("&Run"));
  runMenu->addAction(test_panel_->testAction());
  // Esc cancels inside the panel only; from the menu, a plain action does it anywhere.
  QAction* cancelTest = runMenu->addAction(tr("&Cancel Test"), test_panel_, &TestPanel::cancel);
  cancelTest->setEnabled(false);
  connect(test_panel_, &TestPanel::runningChanged, cancelTest, &QAction::setEnabled);

  QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
  viewMenu->addAction(outline_dock_->toggleViewAction());
  viewMenu->addAction(results_dock_->toggleViewAction());
  viewMenu->addAction(problems_dock_->toggleViewAction());
  viewMenu->addAction(hosts_dock_->toggleViewAction());
  viewMenu->addAction(testing_dock_->toggleViewAction());
  viewMenu->addAction(playground_dock_->toggleViewAction());
  viewMenu->addSeparator();
  // Each panel can be reached from the keyboard (docs/accessibility.md lists these shortcuts).
  viewMenu->addAction(tr("Go to &Editor"), QKeySequence(Qt::CTRL | Qt::Key_1), this, [this] {
    editor_->setFocus(Qt::ShortcutFocusReason);
  });
  viewMenu->addAction(tr("Go to &Outline"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), this,
                      [this] { focusDock(outline_dock_); });
  viewMenu->addAction(tr("Go to &Test Results"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), this,
                      [this] { focusDock(results_dock_); });
  viewMenu->addAction(tr("Go to &Problems"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), this,
                      [this] { focusDock(problems_dock_); });
  viewMenu->addAction(tr("Go to &Hosts"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), this,
                      [this] { focusDock(hosts_dock_, hosts_view_->tree()); });
  viewMenu->addAction(tr("Go to Testing &Values"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), this,
                      [this] { focusDock(testing_dock_, testing_form_); });
  viewMenu->addAction(tr("Go to E&xpression Playground"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this,
                      [this] { focusDock(playground_dock_, playground_->expressionEdit()); });
  viewMenu->addSeparator();
  viewMenu->addAction(tr("&Next Problem"), QKeySequence(Qt::Key_F8), this, [this] { goToAdjacentProblem(true); });
  viewMenu->addAction(tr("P&revious Problem"), QKeySequence(Qt::SHIFT | Qt::Key_F8), this,
                      [this] { goToAdjacentProblem(false); });

  QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
  helpMenu->addAction(tr("&About Manifold"), this, [this] {
    QMessageBox::about(this, tr("About Manifold"),
                       tr("%1\nA native IDE for declarative HTTP API connectors.")
                           .arg(fromView(versionLine())));
  });
}

void MainWindow::showCatalog() {
  if (catalog_browser_ == nullptr) {
    catalog_browser_ = new CatalogBrowser(CatalogSettings::fromAppSettings(), this);
    connect(catalog_browser_, &CatalogBrowser::openConnectorRequested, this, [this](const QString& dir) {
      if (openConnector(dir)) catalog_browser_->hide();
    });
  } else {
    catalog_browser_->refreshWorkspace();
  }
  catalog_browser_->show();
  catalog_browser_->raise();
  catalog_browser_->activateWindow();
}

void MainWindow::focusDock(QDockWidget* dock, QWidget* target) {
  dock->show();
  dock->raise();
  if (target == nullptr) target = dock->widget();
  if (target != nullptr) target->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::goToAdjacentProblem(bool forward) {
  int line = 0;
  int index = 0;
  editor_->getCursorPosition(&line, &index);
  if (!problems_->goToAdjacent(line + 1, index + 1, forward)) {
    statusBar()->showMessage(tr("No problems in this manifest"), 3000);
  }
}

void MainWindow::rebuildRecentMenu() {
  recent_menu_->clear();
  const QStringList files = AppSettings::instance().recentFiles.value();
  for (const QString& path : files) {
    recent_menu_->addAction(QDir::toNativeSeparators(path), this, [this, path] {
      if (maybeSave()) openFile(path);
    });
  }
  recent_menu_->setEnabled(!files.isEmpty());
}

bool MainWindow::openFile(const QString& path) {
  const TextFileResult result = readTextFile(path);
  if (!result.ok) {
    showError(tr("Cannot open file"), result.error);
    return false;
  }
  recovery_.discard(documentKey());
  file_format_ = result.file;
  file_format_.text.clear();
  editor_->setEolMode(result.file.usesCrLf ? QsciScintilla::EolWindows : QsciScintilla::EolUnix);
  editor_->setText(result.file.text);
  editor_->setModified(false);
  setCurrentFile(path);
  disk_hash_ = hashOfFile(path);
  watchCurrentFile();
  AppSettings::instance().addRecentFile(path);
  setConnectorDir(connectorDirOf(path));
  completion_->setConnectionSpecification({});
  live_validator_->validateNow();
  statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
  return true;
}

bool MainWindow::save() {
  if (file_path_.isEmpty()) return saveAs();
  return saveToFile(file_path_);
}

bool MainWindow::saveAs() {
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Save manifest"), file_path_.isEmpty() ? QStringLiteral("manifest.yaml") : file_path_,
      tr("YAML manifests (*.yaml *.yml);;All files (*)"));
  if (path.isEmpty()) return false;
  return saveToFile(path);
}

bool MainWindow::saveToFile(const QString& path) {
  TextFile out = file_format_;
  out.text = editor_->text();
  const QString error = writeTextFile(path, out);
  if (!error.isEmpty()) {
    showError(tr("Cannot save file"), error + tr("\nYour changes are still in the editor."));
    return false;
  }
  recovery_.discard(documentKey());
  editor_->setModified(false);
  setCurrentFile(path);
  disk_hash_ = hashOfFile(path);
  watchCurrentFile();
  AppSettings::instance().addRecentFile(path);
  if (const QString dir = connectorDirOf(path); dir != connector_dir_) {
    // Saved as a connector's manifest.yaml: the testing values typed so far go with it.
    saveTestingValues();
    connector_dir_ = dir;
    saveTestingValues();
    updateUpstreamActions();
  }
  statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
  return true;
}

QString MainWindow::documentKey() const {
  return file_path_.isEmpty() ? untitled_key_ : QFileInfo(file_path_).absoluteFilePath();
}

void MainWindow::autosave() {
  if (!editor_->isModified()) return;
  const QString error = recovery_.save(documentKey(), file_path_, editor_->text());
  if (!error.isEmpty()) statusBar()->showMessage(error, 10000);
}

void MainWindow::offerRecovery() {
  const QList<RecoveryStore::Entry> entries = recovery_.entries();
  if (entries.isEmpty()) return;
  const RecoveryStore::Entry& newest = entries.first();
  const QString name = newest.originalPath.isEmpty() ? tr("an untitled manifest")
                                                     : QDir::toNativeSeparators(newest.originalPath);
  const auto answer = QMessageBox::question(
      this, tr("Recover unsaved changes"),
      tr("Manifold found unsaved changes to %1 from %2, left by a session that did not end "
         "normally. Restore them?")
          .arg(name, QLocale().toString(newest.savedAt.toLocalTime(), QLocale::ShortFormat)),
      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
  if (answer == QMessageBox::Yes) {
    restoreRecovered(newest);
  } else {
    QFile::remove(newest.recoveryFile);
  }
}

void MainWindow::restoreRecovered(const RecoveryStore::Entry& entry) {
  if (!entry.originalPath.isEmpty() && QFileInfo::exists(entry.originalPath)) {
    openFile(entry.originalPath);  // takes the file's BOM and line endings
  }
  setCurrentFile(entry.originalPath);
  editor_->setText(entry.text);
  editor_->setModified(true);
  QFile::remove(entry.recoveryFile);
  autosave();  // the restored buffer is protected again under its own key
  statusBar()->showMessage(tr("Restored unsaved changes"), 5000);
}

void MainWindow::goToLine(int line) {
  const int target = qBound(0, line - 1, qMax(0, editor_->lines() - 1));
  editor_->setCursorPosition(target, 0);
  editor_->ensureLineVisible(target);
  editor_->setFocus();
}

void MainWindow::goToPosition(int line, int column) {
  if (line <= 0) return;
  goToLine(line);
  if (column > 1) editor_->setCursorPosition(line - 1, column - 1);
}

void MainWindow::showCheck(const ManifestCheck& check) {
  decorator_->show(check.diagnostics);
  problems_->diagnosticsModel()->setDiagnostics(check.diagnostics);
  outline_->showStreams(check.streams);
  test_panel_->setStreams(check.streams);
  testing_form_->setSpec(check.connectionSpecification);
  // Half-typed YAML does not parse: completion keeps the config keys of the last good check.
  if (!check.connectionSpecification.is_null()) completion_->setConnectionSpecification(check.connectionSpecification);
  loadSecrets();
  refreshHosts();
  const int errors = check.errorCount();
  const int warnings = check.warningCount();
  if (errors == 0 && warnings == 0) {
    validation_status_->setText(tr("✔ No problems"));
  } else {
    validation_status_->setText(countText(errors, tr("error"), tr("errors")) + QStringLiteral(", ") +
                                countText(warnings, tr("warning"), tr("warnings")));
  }
  problems_dock_->setWindowTitle(errors + warnings > 0
                                     ? tr("Problems (%1)").arg(errors + warnings)
                                     : tr("Problems"));
}

void MainWindow::followCaretStream() {
  int line = 0;
  int index = 0;
  editor_->getCursorPosition(&line, &index);
  const QString stream = outline_->streamAt(line + 1);
  if (stream.isEmpty() || stream == caret_stream_) return;
  caret_stream_ = stream;
  test_panel_->setCurrentStream(stream);
}

void MainWindow::useDetectedSchema(const QString& stream, const nlohmann::json& schema) {
  const QString error = writeDetectedSchema(editor_, stream, schema);
  if (!error.isEmpty()) {
    showError(tr("Cannot write the detected schema"), error);
    return;
  }
  editor_->setFocus();
  statusBar()->showMessage(tr("Wrote the detected schema of %1 into the manifest; Undo (Ctrl+Z) takes it back")
                               .arg(stream),
                           10000);
}

void MainWindow::askGoToLine() {
  int line = 0;
  int index = 0;
  editor_->getCursorPosition(&line, &index);
  bool ok = false;
  const int chosen = QInputDialog::getInt(this, tr("Go to Line"),
                                          tr("Line (1–%1):").arg(editor_->lines()), line + 1, 1,
                                          qMax(1, editor_->lines()), 1, &ok);
  if (ok) goToLine(chosen);
}

void MainWindow::watchCurrentFile() {
  if (!watcher_->files().isEmpty()) watcher_->removePaths(watcher_->files());
  if (!file_path_.isEmpty()) watcher_->addPath(file_path_);
}

void MainWindow::onFileChangedOnDisk(const QString& path) {
  if (path != file_path_) return;
  // Atomic saves by other programs replace the file, which drops it from the watcher.
  if (QFileInfo::exists(path) && !watcher_->files().contains(path)) watcher_->addPath(path);
  const QByteArray now = hashOfFile(path);
  if (now == disk_hash_ || reload_prompt_open_) return;
  if (now.isEmpty()) {
    statusBar()->showMessage(tr("%1 was removed or renamed on disk; save to write it again")
                                 .arg(QDir::toNativeSeparators(path)));
    editor_->setModified(true);
    return;
  }
  if (!editor_->isModified()) {
    openFile(path);
    statusBar()->showMessage(tr("Reloaded %1: it changed on disk").arg(QDir::toNativeSeparators(path)),
                             5000);
    return;
  }
  reload_prompt_open_ = true;
  auto* box = new QMessageBox(
      QMessageBox::Warning, tr("File changed on disk"),
      tr("%1 changed on disk, and the editor has unsaved changes.\nReload it and lose your "
         "changes, or keep the editor's version?")
          .arg(QDir::toNativeSeparators(path)),
      QMessageBox::NoButton, this);
  box->setObjectName(QStringLiteral("reloadPrompt"));
  box->setAccessibleName(tr("File changed on disk"));
  QAbstractButton* reload = box->addButton(tr("Reload"), QMessageBox::DestructiveRole);
  box->addButton(tr("Keep my version"), QMessageBox::RejectRole);
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::finished, this, [this, box, reload, path, now] {
    reload_prompt_open_ = false;
    if (box->clickedButton() == reload) {
      openFile(path);
    } else {
      disk_hash_ = now;  // do not ask again for this version of the file
    }
  });
  box->open();
}

void MainWindow::showError(const QString& title, const QString& message) {
  // Window-modal but not blocking, so the event loop (and tests) keep running.
  auto* box = new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, this);
  box->setObjectName(QStringLiteral("errorMessage"));
  box->setAccessibleName(title);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
  statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), 10000);
}

void MainWindow::setCurrentFile(const QString& path) {
  if (path != file_path_) recovery_.discard(documentKey());
  file_path_ = path;
  updateTitle();
}

void MainWindow::updateTitle() {
  const QString name = file_path_.isEmpty() ? tr("untitled") : QFileInfo(file_path_).fileName();
  setWindowTitle(QStringLiteral("%1[*] — Manifold").arg(name));
  setWindowModified(editor_->isModified());
}

bool MainWindow::maybeSave() {
  if (!editor_->isModified()) return true;
  const auto answer = QMessageBox::warning(
      this, tr("Unsaved changes"), tr("The manifest has unsaved changes. Save them?"),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  if (answer == QMessageBox::Discard) {
    recovery_.discard(documentKey());
    return true;
  }
  return false;
}

void MainWindow::openWithDialog() {
  if (!maybeSave()) return;
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open manifest"), QFileInfo(file_path_).absolutePath(),
      tr("YAML manifests (*.yaml *.yml);;All files (*)"));
  if (!path.isEmpty()) openFile(path);
}

void MainWindow::newFromOpenApi() {
  auto* wizard = new OpenApiWizard(this);
  wizard->setAttribute(Qt::WA_DeleteOnClose);
  connect(wizard, &OpenApiWizard::manifestCreated, this,
          [this](const QString& yamlText) { openGeneratedManifest(yamlText); });
  wizard->open();
}

void MainWindow::openGeneratedManifest(const QString& yamlText) {
  openNewBuffer(yamlText, tr("New connector from OpenAPI: fill in the spec's values, then save it"));
}

bool MainWindow::newFromTemplate(const QString& id) {
  for (const ManifestTemplate& t : manifestTemplates()) {
    if (t.id != id) continue;
    return openNewBuffer(t.text(), tr("New manifest from the template “%1”: save it to keep it")
                                       .arg(QString(t.title).remove(QLatin1Char('&'))));
  }
  return false;
}

bool MainWindow::openNewBuffer(const QString& yamlText, const QString& message) {
  if (!maybeSave()) return false;
  recovery_.discard(documentKey());
  file_format_ = TextFile();
  setCurrentFile(QString());
  setConnectorDir(QString());
  editor_->setText(yamlText);
  editor_->setModified(true);
  disk_hash_.clear();
  watchCurrentFile();
  updateTitle();
  completion_->setConnectionSpecification({});
  live_validator_->validateNow();
  statusBar()->showMessage(message, 10000);
  return true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (maybeSave()) {
    if (values_save_timer_->isActive()) saveTestingValues();
    saveWindowLayout(*this);
    event->accept();
  } else {
    event->ignore();
  }
}

}  // namespace manifold::ui
