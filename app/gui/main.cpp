// manifold: the desktop IDE. Parses arguments, then opens the main window.
#include "core/version.h"
#include "ui/bridge/demo_session.h"
#include "ui/mainwindow/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QStringList>
#include <QTimer>

#include <cstdio>

namespace {

QString fromView(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

}  // namespace

int main(int argc, char** argv) {
  // --help and --version are answered before QApplication exists, so they need no display.
  QStringList arguments;
  for (int i = 0; i < argc; ++i) arguments << QString::fromLocal8Bit(argv[i]);

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("Manifold — a native IDE for declarative HTTP API connectors."));
  const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                      QStringLiteral("Show this help and exit."));
  const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                         QStringLiteral("Show the version and exit."));
  const QCommandLineOption demoOption(
      QStringLiteral("demo"),
      QStringLiteral("Start the built-in demo API and open the demo connector with its testing values."));
  parser.addOption(helpOption);
  parser.addOption(demoOption);
  parser.addOption(versionOption);
  parser.addPositionalArgument(
      QStringLiteral("path"),
      QStringLiteral("A manifest to open, or a connector folder (its manifest.yaml, with the "
                     "testing values saved in its .manifold folder)."),
      QStringLiteral("[FILE.yaml|DIR]"));
  if (!parser.parse(arguments)) {
    std::fprintf(stderr, "manifold: %s\nRun 'manifold --help' for usage.\n",
                 qPrintable(parser.errorText()));
    return 2;
  }
  if (parser.isSet(helpOption)) {
    std::fputs(qPrintable(parser.helpText()), stdout);
    return 0;
  }
  if (parser.isSet(versionOption)) {
    std::printf("%s\n", qPrintable(fromView(manifold::versionLine())));
    return 0;
  }
  if (parser.positionalArguments().size() > 1) {
    std::fprintf(stderr, "manifold: expected at most one file or folder to open\n");
    return 2;
  }

  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Manifold"));
  QApplication::setOrganizationName(QStringLiteral("Manifold"));
  QApplication::setApplicationVersion(fromView(manifold::kVersion));
  QApplication::setDesktopFileName(QStringLiteral("io.github.manifold_ide.Manifold"));

  manifold::ui::MainWindow window;
  // Lives as long as the window: the demo API serves until the app quits.
  manifold::ui::DemoSession demo;
  if (parser.isSet(demoOption)) {
    if (demo.start(manifold::ui::DemoSession::defaultWorkspaceDir())) {
      // The demo key and the port the demo API took: the first Test works without typing anything.
      if (window.openConnector(demo.connectorDir())) window.setTestingValues(demo.testingValues());
    } else {
      std::fprintf(stderr, "manifold: %s\n", qPrintable(demo.error()));
    }
  } else if (!parser.positionalArguments().isEmpty()) {
    const QString path = parser.positionalArguments().first();
    if (QFileInfo(path).isDir()) {
      window.openConnector(path);
    } else {
      window.openFile(path);
    }
  }
  window.show();
  QTimer::singleShot(0, &window, &manifold::ui::MainWindow::offerRecovery);
  return QApplication::exec();
}
