// The Manifold main window: manifest editor in the centre, outline and test-result docks.
#include "ui/mainwindow/main_window.h"

#include "core/version.h"
#include "ui/editor/yaml_editor.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeWidget>

namespace manifold::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/manifold.svg")));
  editor_ = new YamlEditor(this);
  setCentralWidget(editor_);
  createDocks();
  createActions();
  connect(editor_, &QsciScintilla::modificationChanged, this, &QMainWindow::setWindowModified);
  statusBar()->showMessage(tr("Ready"));
  resize(1200, 800);
  updateTitle();
}

void MainWindow::createDocks() {
  outline_dock_ = new QDockWidget(tr("Streams"), this);
  outline_dock_->setObjectName(QStringLiteral("streamsDock"));
  auto* outline = new QTreeWidget(outline_dock_);
  outline->setHeaderHidden(true);
  outline->setAccessibleName(tr("Connector outline"));
  outline_dock_->setWidget(outline);
  addDockWidget(Qt::LeftDockWidgetArea, outline_dock_);

  results_dock_ = new QDockWidget(tr("Test results"), this);
  results_dock_->setObjectName(QStringLiteral("testResultsDock"));
  auto* placeholder = new QLabel(tr("No test read yet."), results_dock_);
  placeholder->setAlignment(Qt::AlignCenter);
  placeholder->setEnabled(false);
  results_dock_->setWidget(placeholder);
  addDockWidget(Qt::BottomDockWidgetArea, results_dock_);
  resizeDocks({outline_dock_}, {260}, Qt::Horizontal);
  resizeDocks({results_dock_}, {240}, Qt::Vertical);
}

void MainWindow::createActions() {
  QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
  fileMenu->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openWithDialog);
  fileMenu->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
  fileMenu->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
  fileMenu->addSeparator();
  fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
  editMenu->addAction(tr("&Undo"), QKeySequence::Undo, editor_, &QsciScintilla::undo);
  editMenu->addAction(tr("&Redo"), QKeySequence::Redo, editor_, &QsciScintilla::redo);

  QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
  viewMenu->addAction(outline_dock_->toggleViewAction());
  viewMenu->addAction(results_dock_->toggleViewAction());

  QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
  helpMenu->addAction(tr("&About Manifold"), this, [this] {
    QMessageBox::about(this, tr("About Manifold"),
                       tr("%1\nA native IDE for declarative HTTP API connectors.")
                           .arg(QString::fromUtf8(versionLine().data(),
                                                  static_cast<qsizetype>(versionLine().size()))));
  });
}

bool MainWindow::openFile(const QString& path) {
  const TextFileResult result = readTextFile(path);
  if (!result.ok) {
    showError(tr("Cannot open file"), result.error);
    return false;
  }
  file_format_ = result.file;
  editor_->setEolMode(result.file.usesCrLf ? QsciScintilla::EolWindows : QsciScintilla::EolUnix);
  editor_->setText(result.file.text);
  editor_->setModified(false);
  file_format_.text.clear();
  setCurrentFile(path);
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
  editor_->setModified(false);
  setCurrentFile(path);
  statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
  return true;
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
  return answer == QMessageBox::Discard;
}

void MainWindow::openWithDialog() {
  if (!maybeSave()) return;
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open manifest"), QFileInfo(file_path_).absolutePath(),
      tr("YAML manifests (*.yaml *.yml);;All files (*)"));
  if (!path.isEmpty()) openFile(path);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (maybeSave()) {
    event->accept();
  } else {
    event->ignore();
  }
}

}  // namespace manifold::ui
