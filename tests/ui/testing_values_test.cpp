// The testing-values form as a user fills it: fields found by their accessible names, values
// typed, saved per connector (secrets in the secret store only), reopened, validated.
#include "ui/editor/live_validator.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"
#include "ui/secrets/keychain_secret_store.h"
#include "ui/secrets/memory_secret_store.h"
#include "ui/testing_values/testing_values_form.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using manifold::ui::MainWindow;
using manifold::ui::MemorySecretStore;
using nlohmann::json;

namespace {

constexpr const char* kManifest = R"(version: 6.4.0
type: DeclarativeSource
check:
  type: CheckStream
  stream_names: [items]
streams:
  - type: DeclarativeStream
    name: items
    retriever:
      type: SimpleRetriever
      requester:
        type: HttpRequester
        url_base: "{{ config['base_url'] }}"
        path: /items
      record_selector:
        type: RecordSelector
        extractor:
          type: DpathExtractor
          field_path: []
spec:
  type: Spec
  connection_specification:
    type: object
    required: [api_key, base_url, page_size]
    properties:
      api_key:
        type: string
        title: API key
        airbyte_secret: true
        order: 0
      base_url:
        type: string
        title: Base URL
        pattern: "^https?://"
        examples: ["https://api.example.com"]
        order: 1
      page_size:
        type: integer
        title: Page size
        default: 50
        order: 2
      region:
        type: string
        title: Region
        enum: [eu, us]
        order: 3
      archived:
        type: boolean
        title: Include archived
        order: 4
      tags:
        type: array
        title: Tags
        items:
          type: string
        order: 5
      advanced:
        type: object
        title: Advanced
        order: 6
        properties:
          timeout:
            type: integer
            title: Timeout
      credentials:
        type: object
        title: Authentication
        order: 7
        oneOf:
          - title: Token
            required: [auth_type, token]
            properties:
              auth_type:
                const: token
              token:
                type: string
                title: Access token
                airbyte_secret: true
          - title: Basic
            required: [auth_type, username]
            properties:
              auth_type:
                const: basic
              username:
                type: string
                title: Username
)";

template <typename W>
W* byName(QWidget* root, const QString& name) {
  for (W* w : root->findChildren<W*>()) {
    if (w->accessibleName() == name && w->isVisibleTo(root)) return w;
  }
  return nullptr;
}

void writeConnector(const QString& dir) {
  QFile f(QDir(dir).filePath(QStringLiteral("manifest.yaml")));
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(kManifest);
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A window whose form is built from the connector's spec.
class Window {
 public:
  explicit Window(MemorySecretStore* store) {
    window.setSecretStore(store);
    window.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
  }
  void openAndWaitForForm(const QString& dir) {
    ASSERT_TRUE(window.openConnector(dir));
    ASSERT_TRUE(QTest::qWaitFor([&] { return field<QLineEdit>("API key") != nullptr; }, 10000));
  }
  template <typename W>
  W* field(const char* name) {
    return byName<W>(window.testingValuesForm(), QString::fromUtf8(name));
  }
  void type(const char* name, const QString& text) {
    auto* edit = field<QLineEdit>(name);
    ASSERT_NE(edit, nullptr) << name;
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
  }
  void choose(const char* name, int steps) {
    auto* combo = field<QComboBox>(name);
    ASSERT_NE(combo, nullptr) << name;
    combo->setFocus();
    for (int i = 0; i < steps; ++i) QTest::keyClick(combo, Qt::Key_Down);
  }
  MainWindow window;
};

}  // namespace

TEST(TestingValues, FormFieldsCarryTheSpecTitlesAsAccessibleNames) {
  QTemporaryDir dir;
  writeConnector(dir.path());
  Window w(new MemorySecretStore);
  w.openAndWaitForForm(dir.path());
  auto* apiKey = w.field<QLineEdit>("API key");
  EXPECT_EQ(apiKey->echoMode(), QLineEdit::Password);
  EXPECT_NE(w.field<QLineEdit>("Base URL"), nullptr);
  EXPECT_EQ(w.field<QLineEdit>("Base URL")->placeholderText(), QStringLiteral("https://api.example.com"));
  EXPECT_EQ(w.field<QLineEdit>("Page size")->placeholderText(), QStringLiteral("50"));
  EXPECT_NE(w.field<QComboBox>("Region"), nullptr);
  EXPECT_NE(w.field<QCheckBox>("Include archived"), nullptr);
  EXPECT_NE(w.field<QListWidget>("Tags"), nullptr);
  EXPECT_NE(w.field<QGroupBox>("Advanced"), nullptr);
  EXPECT_NE(w.field<QLineEdit>("Timeout"), nullptr);
  EXPECT_NE(w.field<QComboBox>("Authentication"), nullptr);
  EXPECT_NE(w.field<QLineEdit>("Access token"), nullptr);
  EXPECT_EQ(w.field<QLineEdit>("Username"), nullptr);  // the other option's field is hidden
  EXPECT_TRUE(apiKey->accessibleDescription().startsWith(QStringLiteral("Required")));

  // The show toggle reveals the secret.
  auto* reveal = byName<QAbstractButton>(w.window.testingValuesForm(), QStringLiteral("Show API key"));
  ASSERT_NE(reveal, nullptr);
  QTest::mouseClick(reveal, Qt::LeftButton);
  EXPECT_EQ(apiKey->echoMode(), QLineEdit::Normal);

  // Labels are buddies of their fields, so Alt+mnemonic and screen readers find them.
  bool labelled = false;
  for (QLabel* label : w.window.testingValuesForm()->findChildren<QLabel*>()) {
    if (label->buddy() == apiKey) labelled = label->text() == QStringLiteral("API key *");
  }
  EXPECT_TRUE(labelled);
}

TEST(TestingValues, FilledValuesAreSavedAndComeBackSecretsOnlyInTheSecretStore) {
  QTemporaryDir dir;
  writeConnector(dir.path());
  auto* store = new MemorySecretStore;
  Window w(store);
  w.openAndWaitForForm(dir.path());
  w.type("API key", QStringLiteral("s3cret-key"));
  w.type("Base URL", QStringLiteral("https://api.example.com"));
  w.type("Page size", QStringLiteral("25"));
  w.choose("Region", 2);  // (not set) → eu → us
  w.type("Timeout", QStringLiteral("30"));
  w.choose("Authentication", 1);  // Token → Basic
  ASSERT_TRUE(QTest::qWaitFor([&] { return w.field<QLineEdit>("Username") != nullptr; }, 2000));
  w.type("Username", QStringLiteral("ada"));
  QTest::mouseClick(w.field<QCheckBox>("Include archived"), Qt::LeftButton);

  const json expected = {{"api_key", "s3cret-key"}, {"base_url", "https://api.example.com"}, {"page_size", 25},
                         {"region", "us"}, {"archived", true}, {"advanced", {{"timeout", 30}}},
                         {"credentials", {{"auth_type", "basic"}, {"username", "ada"}}}};
  EXPECT_EQ(w.window.testingValues(), expected);
  // Saved after a pause in typing.
  const QString file = QDir(dir.path()).filePath(QStringLiteral(".manifold/testing_values.json"));
  ASSERT_TRUE(QTest::qWaitFor([&] { return QFile::exists(file); }, 5000));
  w.window.saveTestingValues();
  const QByteArray saved = readAll(file);
  EXPECT_FALSE(saved.contains("s3cret-key")) << saved.toStdString();
  json withoutSecret = expected;
  withoutSecret.erase("api_key");
  EXPECT_EQ(json::parse(saved.toStdString()), withoutSecret);
  const QString key = QDir(dir.path()).absolutePath() + QStringLiteral("#/api_key");
  EXPECT_EQ(store->entries().value(key), QStringLiteral("\"s3cret-key\""));

  // A later session: the keychain still holds the secret; the folder holds the rest.
  auto* later = new MemorySecretStore;
  for (auto it = store->entries().begin(); it != store->entries().end(); ++it) later->write(it.key(), it.value());
  Window again(later);
  again.openAndWaitForForm(dir.path());
  ASSERT_TRUE(QTest::qWaitFor([&] { return again.field<QLineEdit>("API key")->text() == "s3cret-key"; }, 5000));
  EXPECT_EQ(again.window.testingValues(), expected);
  EXPECT_EQ(again.field<QComboBox>("Region")->currentText(), QStringLiteral("us"));
  EXPECT_EQ(again.field<QComboBox>("Authentication")->currentText(), QStringLiteral("Basic"));
  EXPECT_EQ(again.field<QLineEdit>("Username")->text(), QStringLiteral("ada"));

  // Clearing the secret removes it from the store.
  again.type("API key", QString());
  QTest::keyClick(again.field<QLineEdit>("API key"), Qt::Key_Delete);
  again.window.saveTestingValues();
  EXPECT_FALSE(later->entries().contains(key));
}

TEST(TestingValues, TheFormKeepsValuesWhenTheSpecChanges) {
  QTemporaryDir dir;
  writeConnector(dir.path());
  Window w(new MemorySecretStore);
  w.openAndWaitForForm(dir.path());
  w.type("Base URL", QStringLiteral("https://kept.example.com"));
  // The user renames a title in the editor: the form is rebuilt with the typed value.
  w.window.editor()->setText(QString::fromUtf8(kManifest).replace(QStringLiteral("title: Base URL"),
                                                                  QStringLiteral("title: Server address")));
  ASSERT_TRUE(QTest::qWaitFor([&] { return w.field<QLineEdit>("Server address") != nullptr; }, 10000));
  EXPECT_EQ(w.field<QLineEdit>("Server address")->text(), QStringLiteral("https://kept.example.com"));
}

TEST(TestingValues, ValidationShowsMessagesNextToFieldsAndASummary) {
  QTemporaryDir dir;
  writeConnector(dir.path());
  Window w(new MemorySecretStore);
  w.openAndWaitForForm(dir.path());
  w.type("Base URL", QStringLiteral("https://api.example.com"));
  w.type("Page size", QStringLiteral("many"));
  auto* check = byName<QPushButton>(&w.window, QStringLiteral("Check values"));
  ASSERT_NE(check, nullptr);
  QTest::mouseClick(check, Qt::LeftButton);

  const auto visibleTexts = [&] {
    QStringList texts;
    for (QLabel* l : w.window.testingValuesForm()->findChildren<QLabel*>()) {
      if (l->isVisibleTo(w.window.testingValuesForm())) texts << l->text();
    }
    return texts.join(QLatin1Char('\n'));
  };
  const QString shown = visibleTexts();
  EXPECT_TRUE(shown.contains(QStringLiteral("⚠ API key is required"))) << shown.toStdString();
  EXPECT_TRUE(shown.contains(QStringLiteral("⚠ Page size must be a whole number, not \"many\""))) << shown.toStdString();
  EXPECT_TRUE(shown.contains(QStringLiteral("2 problems in the testing values"))) << shown.toStdString();

  // The message sits in the field's own row, right under the field.
  auto* pageSize = w.field<QLineEdit>("Page size");
  QLabel* beside = nullptr;
  for (QLabel* l : pageSize->parentWidget()->parentWidget()->findChildren<QLabel*>()) {
    if (l->text().contains(QStringLiteral("whole number"))) beside = l;
  }
  ASSERT_NE(beside, nullptr);
  EXPECT_EQ(beside->accessibleName(), QStringLiteral("Page size must be a whole number, not \"many\""));

  // Problems follow the edits once shown.
  w.type("Page size", QStringLiteral("10"));
  w.type("API key", QStringLiteral("k"));
  EXPECT_FALSE(visibleTexts().contains(QStringLiteral("⚠")));
}

TEST(TestingValues, OpeningAFolderOpensItsManifestAndAFolderWithoutOneIsRefused) {
  QTemporaryDir dir;
  writeConnector(dir.path());
  Window w(new MemorySecretStore);
  ASSERT_TRUE(w.window.openConnector(dir.path()));
  EXPECT_EQ(QFileInfo(w.window.currentFile()).fileName(), QStringLiteral("manifest.yaml"));
  EXPECT_EQ(w.window.connectorDir(), QFileInfo(dir.path()).absoluteFilePath());
  EXPECT_TRUE(w.window.editor()->text().contains(QStringLiteral("connection_specification")));
  QTemporaryDir empty;
  EXPECT_FALSE(w.window.openConnector(empty.path()));
  EXPECT_EQ(QFileInfo(w.window.currentFile()).fileName(), QStringLiteral("manifest.yaml"));  // unchanged
}

TEST(TestingValues, SetTestingValuesFillsTheFormWithoutWritingAnything) {
  QTemporaryDir dir;
  writeConnector(dir.path());
  auto* store = new MemorySecretStore;
  Window w(store);
  w.openAndWaitForForm(dir.path());
  w.window.setTestingValues({{"api_key", "demo-key"}, {"base_url", "http://127.0.0.1:1"}, {"extra", 1}});
  EXPECT_EQ(w.field<QLineEdit>("API key")->text(), QStringLiteral("demo-key"));
  EXPECT_EQ(w.field<QLineEdit>("Base URL")->text(), QStringLiteral("http://127.0.0.1:1"));
  EXPECT_EQ(w.window.testingValues()["extra"], 1);  // keys the spec does not declare are kept
  QTest::qWait(600);
  EXPECT_FALSE(QFile::exists(QDir(dir.path()).filePath(QStringLiteral(".manifold/testing_values.json"))));
  EXPECT_TRUE(store->entries().isEmpty());
}

TEST(TestingValues, WithoutAKeychainSecretsStayInMemoryAndTheUserIsToldOnce) {
  // The test environment has no D-Bus session, so QtKeychain has no backend.
  qunsetenv("DBUS_SESSION_BUS_ADDRESS");
  manifold::ui::KeychainSecretStore store(QStringLiteral("Manifold tests"));
  QSignalSpy unavailable(&store, &manifold::ui::SecretStore::unavailable);
  QObject context;
  std::optional<std::optional<QString>> first;
  store.read(QStringLiteral("k1"), &context, [&](std::optional<QString> v) { first = v; });
  ASSERT_TRUE(QTest::qWaitFor([&] { return first.has_value(); }, 10000));
  EXPECT_FALSE(first->has_value());
  if (store.isPersistent()) GTEST_SKIP() << "a keychain service is available here";
  store.write(QStringLiteral("k1"), QStringLiteral("v1"));
  std::optional<std::optional<QString>> second;
  store.read(QStringLiteral("k1"), &context, [&](std::optional<QString> v) { second = v; });
  ASSERT_TRUE(QTest::qWaitFor([&] { return second.has_value(); }, 5000));
  EXPECT_EQ(second->value_or(QString()), QStringLiteral("v1"));
  EXPECT_EQ(unavailable.count(), 1);
  const QString notice = unavailable.first().first().toString();
  EXPECT_TRUE(notice.contains(QStringLiteral("for this session only"))) << notice.toStdString();
  EXPECT_TRUE(notice.contains(QStringLiteral("keychain"))) << "says why";
  EXPECT_FALSE(notice.contains(QStringLiteral("Unknown error"))) << notice.toStdString();
}
