// The test panel (bottom dock): pick a stream, press Test, and watch slices, pages, records,
// request, response, schema, state, logs and other requests arrive while the read runs.
#include "ui/testpanel/test_panel.h"

#include "ui/common/combo_popup_name.h"

#include "core/builder/test_read_warnings.h"
#include "ui/bridge/test_read_runner.h"
#include "ui/common/count_text.h"
#include "ui/settings/app_settings.h"
#include "ui/testpanel/auxiliary_requests_view.h"
#include "ui/testpanel/http_message_view.h"
#include "ui/testpanel/json_display.h"
#include "ui/testpanel/logs_view.h"
#include "ui/testpanel/page_navigator.h"
#include "ui/testpanel/records_view.h"
#include "ui/testpanel/schema_view.h"
#include "ui/testpanel/state_view.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace manifold::ui {

namespace {

using Json = nlohmann::json;

const Json& arrayAt(const Json& object, const char* key) {
  static const Json kEmpty = Json::array();
  if (!object.is_object()) return kEmpty;
  auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : kEmpty;
}

int statusOf(const Json& page) {
  if (!page.is_object()) return 0;
  auto response = page.find("response");
  if (response == page.end() || !response->is_object()) return 0;
  auto status = response->find("status");
  return status != response->end() && status->is_number_integer() ? status->get<int>() : 0;
}

bool pageFailed(const Json& page) {
  const int status = statusOf(page);
  return status < 200 || status >= 300;
}

std::vector<Json> recordsOf(const Json& page) {
  const Json& records = arrayAt(page, "records");
  return {records.begin(), records.end()};
}

QSpinBox* limitBox(int maximum, int value, QWidget* parent) {
  auto* box = new QSpinBox(parent);
  box->setRange(1, maximum);
  box->setValue(qBound(1, value, maximum));
  box->setAccelerated(true);
  return box;
}

}  // namespace

TestPanel::TestPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("testPanel"));
  setAccessibleName(tr("Test panel"));
  runner_ = new TestReadRunner(this);

  testAction_ = new QAction(tr("&Test Stream"), this);
  testAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
  testAction_->setShortcutContext(Qt::WindowShortcut);
  testAction_->setToolTip(tr("Test the chosen stream (Ctrl+Enter)"));
  cancelAction_ = new QAction(tr("&Cancel Test"), this);
  cancelAction_->setShortcut(QKeySequence(Qt::Key_Escape));
  cancelAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  cancelAction_->setEnabled(false);
  addAction(testAction_);
  addAction(cancelAction_);
  connect(testAction_, &QAction::triggered, this, &TestPanel::test);
  connect(cancelAction_, &QAction::triggered, this, &TestPanel::cancel);

  buildLayout();

  connect(runner_, &TestReadRunner::sliceStarted, this, &TestPanel::onSliceStarted);
  connect(runner_, &TestReadRunner::pageDone, this, &TestPanel::onPageDone);
  connect(runner_, &TestReadRunner::sliceDone, this, &TestPanel::onSliceDone);
  connect(runner_, &TestReadRunner::logEntry, logs_, &LogsView::addEntry);
  connect(runner_, &TestReadRunner::auxiliaryRequest, auxiliary_, &AuxiliaryRequestsView::addRequest);
  connect(runner_, &TestReadRunner::finished, this, &TestPanel::onFinished);
  connect(navigator_, &PageNavigator::pageSelected, this, &TestPanel::showPage);
  connect(schema_, &SchemaView::useDetectedSchema, this, [this](const Json& schema) {
    emit useDetectedSchemaRequested(readStream_, schema);
  });
  resetResults();
}

TestPanel::~TestPanel() = default;

void TestPanel::buildLayout() {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->setSpacing(4);

  auto* bar = new QHBoxLayout;
  bar->setSpacing(6);
  auto* streamLabel = new QLabel(tr("&Stream:"), this);
  stream_ = new QComboBox(this);
  stream_->setAccessibleName(tr("Stream"));
  nameComboPopup(stream_);
  stream_->setMinimumContentsLength(16);
  stream_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  streamLabel->setBuddy(stream_);
  testButton_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Test"), this);
  testButton_->setAccessibleName(tr("Test"));
  testButton_->setAccessibleDescription(tr("Runs a test read of the chosen stream (Ctrl+Enter)"));
  testButton_->setToolTip(testAction_->toolTip());
  testButton_->setDefault(false);
  cancelButton_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("Cancel"), this);
  cancelButton_->setAccessibleName(tr("Cancel"));
  cancelButton_->setAccessibleDescription(tr("Stops the running test read (Esc)"));
  cancelButton_->setToolTip(tr("Stop the test read (Esc)"));
  cancelButton_->setEnabled(false);
  connect(testButton_, &QPushButton::clicked, testAction_, &QAction::trigger);
  connect(cancelButton_, &QPushButton::clicked, cancelAction_, &QAction::trigger);

  AppSettings& settings = AppSettings::instance();
  records_ = limitBox(kMaxRecords, settings.testRecordLimit.value(), this);
  pages_ = limitBox(kMaxPages, settings.testPageLimit.value(), this);
  slices_ = limitBox(kMaxSlices, settings.testSliceLimit.value(), this);
  auto* recordsLabel = new QLabel(tr("Record li&mit:"), this);
  auto* pagesLabel = new QLabel(tr("&Page limit:"), this);
  auto* slicesLabel = new QLabel(tr("S&lice limit:"), this);
  recordsLabel->setBuddy(records_);
  pagesLabel->setBuddy(pages_);
  slicesLabel->setBuddy(slices_);
  records_->setAccessibleName(tr("Record limit"));
  pages_->setAccessibleName(tr("Page limit"));
  slices_->setAccessibleName(tr("Slice limit"));
  records_->setToolTip(tr("Stop after this many records (up to %1)").arg(kMaxRecords));
  pages_->setToolTip(tr("Read at most this many pages of each slice (up to %1)").arg(kMaxPages));
  slices_->setToolTip(tr("Read at most this many slices (up to %1)").arg(kMaxSlices));
  connect(records_, &QSpinBox::valueChanged, this, [](int v) { AppSettings::instance().testRecordLimit.setValue(v); });
  connect(pages_, &QSpinBox::valueChanged, this, [](int v) { AppSettings::instance().testPageLimit.setValue(v); });
  connect(slices_, &QSpinBox::valueChanged, this, [](int v) { AppSettings::instance().testSliceLimit.setValue(v); });

  bar->addWidget(streamLabel);
  bar->addWidget(stream_, 1);
  bar->addWidget(testButton_);
  bar->addWidget(cancelButton_);
  bar->addSpacing(12);
  for (auto [label, box] : {std::pair<QLabel*, QSpinBox*>{recordsLabel, records_}, {pagesLabel, pages_}, {slicesLabel, slices_}}) {
    bar->addWidget(label);
    bar->addWidget(box);
  }
  layout->addLayout(bar);

  notice_ = new QLabel(this);
  notice_->setAccessibleDescription(tr("Test read warnings"));
  notice_->setWordWrap(true);
  notice_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  notice_->setFrameShape(QFrame::StyledPanel);
  notice_->setMargin(4);
  notice_->setAutoFillBackground(true);
  notice_->setBackgroundRole(QPalette::AlternateBase);
  notice_->hide();
  layout->addWidget(notice_);

  auto* split = new QSplitter(Qt::Horizontal, this);
  navigator_ = new PageNavigator(split);
  tabs_ = new QTabWidget(split);
  tabs_->setAccessibleName(tr("Test results"));
  tabs_->setDocumentMode(true);
  recordsView_ = new RecordsView(tabs_);
  request_ = new HttpMessageView(HttpMessageView::Side::Request, tr("Request"), tabs_);
  response_ = new HttpMessageView(HttpMessageView::Side::Response, tr("Response"), tabs_);
  schema_ = new SchemaView(tabs_);
  state_ = new StateView(tabs_);
  logs_ = new LogsView(tabs_);
  auxiliary_ = new AuxiliaryRequestsView(tabs_);
  const std::pair<QWidget*, QString> pages[] = {
      {recordsView_, tr("Records")}, {request_, tr("Request")},  {response_, tr("Response")},
      {schema_, tr("Schema")},       {state_, tr("State")},      {logs_, tr("Logs")},
      {auxiliary_, tr("Other requests")}};
  for (const auto& [page, title] : pages) {
    page->setAccessibleName(title);
    tabs_->addTab(page, title);
  }
  request_->setEmptyText(tr("Press Test (Ctrl+Enter) to see the requests of a test read."));
  response_->setEmptyText(tr("No response yet."));
  split->addWidget(navigator_);
  split->addWidget(tabs_);
  split->setStretchFactor(0, 0);
  split->setStretchFactor(1, 1);
  split->setSizes({220, 900});
  split->setChildrenCollapsible(false);
  layout->addWidget(split, 1);

  setTabOrder(stream_, testButton_);
  setTabOrder(testButton_, cancelButton_);
  setTabOrder(cancelButton_, records_);
  setTabOrder(records_, pages_);
  setTabOrder(pages_, slices_);
  setTabOrder(slices_, navigator_);
  setTabOrder(navigator_, tabs_);
}

void TestPanel::setInputsProvider(std::function<TestInputs()> provider) { provider_ = std::move(provider); }

void TestPanel::setStreams(const QList<UiStreamSummary>& streams) {
  streams_ = streams;
  const QString chosen = currentStream();
  {
    const QSignalBlocker block(stream_);
    stream_->clear();
    for (const UiStreamSummary& s : streams) {
      if (!s.name.isEmpty()) stream_->addItem(s.name);
    }
    const int index = stream_->findText(chosen);
    stream_->setCurrentIndex(index >= 0 ? index : (stream_->count() > 0 ? 0 : -1));
  }
  // The declared schema and the definition may have changed: the diff and the warnings follow.
  if (!readStream_.isEmpty() && !isRunning()) {
    refreshSchema();
    refreshWarnings();
  }
}

void TestPanel::setCurrentStream(const QString& name) {
  const int index = stream_->findText(name);
  if (index >= 0) stream_->setCurrentIndex(index);
}

QString TestPanel::currentStream() const { return stream_->currentText(); }

bool TestPanel::isRunning() const { return runner_->isRunning(); }

const UiStreamSummary* TestPanel::summaryOf(const QString& name) const {
  for (const UiStreamSummary& s : streams_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

void TestPanel::setReadGate(std::function<bool()> gate) { gate_ = std::move(gate); }

void TestPanel::test() {
  const QString stream = currentStream();
  if (stream.isEmpty()) {
    warnings_ = {tr("The manifest has no stream to test yet: add one under streams.")};
    notice_->setText(QStringLiteral("⚠ ") + warnings_.first());
    notice_->show();
    return;
  }
  if (gate_ && !gate_()) return;
  TestInputs inputs = provider_ ? provider_() : TestInputs{};
  resetResults();
  readStream_ = stream;
  if (const UiStreamSummary* s = summaryOf(stream)) testedFingerprints_[stream] = s->fingerprint;

  TestReadSpec spec;
  readManifest_ = inputs.manifestText;
  spec.manifestText = std::move(inputs.manifestText);
  spec.manifestDir = std::move(inputs.manifestDir);
  spec.config = std::move(inputs.config);
  spec.stream = stream;
  spec.state = state_->inputState();
  spec.recordLimit = records_->value();
  spec.pageLimit = pages_->value();
  spec.sliceLimit = slices_->value();
  clock_.start();
  runner_->start(spec);
  setRunning(true);
  setSummary(tr("Reading %1…").arg(stream));
}

void TestPanel::showStreamRead(const QString& stream, const Json& streamRead) {
  runner_->cancel();
  setRunning(false);
  resetResults();
  readStream_ = stream;
  setCurrentStream(stream);
  if (const UiStreamSummary* s = summaryOf(stream)) testedFingerprints_[stream] = s->fingerprint;
  TestReadOutcome outcome;
  outcome.streamRead = streamRead;
  clock_.invalidate();
  onFinished(outcome);
}

void TestPanel::cancel() {
  if (!isRunning()) return;
  runner_->cancel();
  cancelled_ = true;
  seconds_ = static_cast<double>(clock_.elapsed()) / 1000.0;
  setRunning(false);
  setSummary(tr("Cancelled after %1").arg(countsText()));
  refreshWarnings();
}

void TestPanel::setRunning(bool running) {
  testButton_->setEnabled(!running);
  cancelButton_->setEnabled(running);
  cancelAction_->setEnabled(running);
  // The Test shortcut stays on: pressing it while a read runs starts over with the newest text.
  if (running) {
    cancelButton_->setFocus(Qt::OtherFocusReason);
  } else if (cancelButton_->hasFocus()) {
    testButton_->setFocus(Qt::OtherFocusReason);
  }
  emit runningChanged(running);
}

void TestPanel::setSummary(const QString& text) {
  summary_ = text;
  emit summaryChanged(text);
}

void TestPanel::resetResults() {
  streamRead_ = Json{{"logs", Json::array()}, {"slices", Json::array()}, {"auxiliary_requests", Json::array()}};
  lastResponse_ = nullptr;
  lastRecord_ = nullptr;
  error_.reset();
  cancelled_ = false;
  seconds_ = 0;
  warnings_.clear();
  notice_->hide();
  navigator_->clearPages();
  navigator_->setTotalRecords(0);
  recordsView_->clear();
  request_->showMessage(nullptr);
  response_->showMessage(nullptr);
  schema_->clear();
  state_->setState(nullptr);
  logs_->clear();
  auxiliary_->clear();
}

Json& TestPanel::sliceAt(int slice) {
  Json& slices = streamRead_["slices"];
  while (static_cast<int>(slices.size()) <= slice) {
    slices.push_back(Json{{"slice_descriptor", nullptr}, {"pages", Json::array()}, {"state", nullptr}});
  }
  return slices[static_cast<std::size_t>(slice)];
}

void TestPanel::onSliceStarted(int slice, const Json& descriptor) {
  sliceAt(slice)["slice_descriptor"] = descriptor;
  navigator_->addSlice(slice, descriptor);
}

void TestPanel::addPage(int slice, const Json& page) {
  Json& pages = sliceAt(slice)["pages"];
  pages.push_back(page);
  const int pageIndex = static_cast<int>(pages.size()) - 1;
  PageNavigator::PageSummary summary;
  summary.status = statusOf(page);
  summary.recordCount = static_cast<int>(arrayAt(page, "records").size());
  summary.failed = pageFailed(page);
  if (page.is_object() && page.contains("response") && page["response"].is_object()) {
    summary.timeMs = page["response"].value("time_ms", -1.0);
  }
  navigator_->addPage(slice, pageIndex, summary);
  navigator_->setTotalRecords(recordCount());
  if (navigator_->currentSlice() == PageNavigator::kAll) {
    recordsView_->appendRecords(recordsOf(page));
    request_->showMessage(page.value("request", Json()));
    response_->showMessage(page.value("response", Json()));
  }
  lastResponse_ = page.value("response", Json());
  const Json& records = arrayAt(page, "records");
  if (!records.empty()) lastRecord_ = records.back();
}

void TestPanel::onPageDone(int slice, const Json& page) {
  if (!page.is_object()) return;
  addPage(slice, page);
  setSummary(tr("Reading %1: %2…").arg(readStream_, countsText()));
  emit lastPageChanged();
}

void TestPanel::onSliceDone(int slice, const Json& state) {
  sliceAt(slice)["state"] = state;
  if (navigator_->currentSlice() == PageNavigator::kAll || navigator_->currentSlice() == slice) state_->setState(state);
}

void TestPanel::rebuildFrom(const Json& slices) {
  streamRead_["slices"] = Json::array();
  navigator_->clearPages();
  recordsView_->clear();
  for (std::size_t s = 0; s < slices.size(); ++s) {
    const int slice = static_cast<int>(s);
    onSliceStarted(slice, slices[s].value("slice_descriptor", Json()));
    for (const Json& page : arrayAt(slices[s], "pages")) addPage(slice, page);
  }
}

void TestPanel::onFinished(const TestReadOutcome& outcome) {
  seconds_ = clock_.isValid() ? static_cast<double>(clock_.elapsed()) / 1000.0 : 0.0;
  error_ = outcome.error;
  cancelled_ = outcome.cancelled;
  if (outcome.streamRead.is_object()) {
    const Json& final = outcome.streamRead;
    const Json& finalSlices = arrayAt(final, "slices");
    int finalPages = 0;
    for (const Json& slice : finalSlices) finalPages += static_cast<int>(arrayAt(slice, "pages").size());
    // The events normally brought every page already; if not, the final result is the truth.
    if (finalPages != pageCount()) rebuildFrom(finalSlices);
    for (std::size_t i = 0; i < finalSlices.size(); ++i) {
      if (finalSlices[i].is_object()) sliceAt(static_cast<int>(i))["state"] = finalSlices[i].value("state", Json());
    }
    for (auto it = final.begin(); it != final.end(); ++it) {
      if (it.key() != "slices") streamRead_[it.key()] = it.value();
    }
    if (logs_->entryCount() == 0) {
      for (const Json& entry : arrayAt(final, "logs")) logs_->addEntry(entry);
    }
    if (auxiliary_->requestCount() == 0) {
      for (const Json& aux : arrayAt(final, "auxiliary_requests")) auxiliary_->addRequest(aux);
    }
  }
  const Json& slices = arrayAt(streamRead_, "slices");
  state_->setState(slices.empty() ? Json() : slices.back().value("state", Json()));
  setRunning(false);

  QString text;
  if (error_) {
    text = tr("Test read of %1 failed after %2: %3").arg(readStream_, countsText(), error_->section(QLatin1Char('\n'), 0, 0));
  } else if (cancelled_) {
    text = tr("Cancelled after %1").arg(countsText());
  } else {
    text = tr("Read %1").arg(countsText());
    if (streamRead_.value("test_read_limit_reached", false)) text += tr(" (limit reached)");
  }
  setSummary(text);
  refreshSchema();
  refreshWarnings();
  showFailure();
  if (clock_.isValid() && !cancelled_) {
    bool failedPage = false;
    for (const Json& slice : arrayAt(streamRead_, "slices")) {
      for (const Json& page : arrayAt(slice, "pages")) failedPage = failedPage || pageFailed(page);
    }
    emit readFinished(readStream_, readManifest_, recordCount(), !error_ && !failedPage);
  }
}

void TestPanel::showFailure() {
  const Json& slices = arrayAt(streamRead_, "slices");
  for (int s = static_cast<int>(slices.size()) - 1; s >= 0; --s) {
    const Json& pages = arrayAt(slices[static_cast<std::size_t>(s)], "pages");
    for (int p = static_cast<int>(pages.size()) - 1; p >= 0; --p) {
      if (!pageFailed(pages[static_cast<std::size_t>(p)])) continue;
      navigator_->selectPage(s, p);
      tabs_->setCurrentWidget(response_);
      return;
    }
  }
  if (error_) {
    tabs_->setCurrentWidget(logs_);
    logs_->selectLastError();
  }
}

void TestPanel::showPage(int slice, int page) {
  const Json& slices = arrayAt(streamRead_, "slices");
  if (slice == PageNavigator::kAll) {
    std::vector<Json> all;
    const Json* latest = nullptr;
    for (const Json& s : slices) {
      for (const Json& p : arrayAt(s, "pages")) {
        const Json& records = arrayAt(p, "records");
        all.insert(all.end(), records.begin(), records.end());
        latest = &p;
      }
    }
    recordsView_->setRecords(std::move(all));
    request_->showMessage(latest ? latest->value("request", Json()) : Json());
    response_->showMessage(latest ? latest->value("response", Json()) : Json());
    state_->setState(slices.empty() ? Json() : slices.back().value("state", Json()));
    return;
  }
  if (slice < 0 || slice >= static_cast<int>(slices.size())) return;
  const Json& s = slices[static_cast<std::size_t>(slice)];
  const Json& pages = arrayAt(s, "pages");
  state_->setState(s.value("state", Json()));
  if (page == PageNavigator::kAll) {
    std::vector<Json> all;
    for (const Json& p : pages) {
      const Json& records = arrayAt(p, "records");
      all.insert(all.end(), records.begin(), records.end());
    }
    recordsView_->setRecords(std::move(all));
    request_->showMessage(pages.empty() ? Json() : pages.front().value("request", Json()));
    response_->showMessage(pages.empty() ? Json() : pages.front().value("response", Json()));
    return;
  }
  if (page < 0 || page >= static_cast<int>(pages.size())) return;
  const Json& p = pages[static_cast<std::size_t>(page)];
  recordsView_->setRecords(recordsOf(p));
  request_->showMessage(p.value("request", Json()));
  response_->showMessage(p.value("response", Json()));
}

void TestPanel::refreshSchema() {
  const Json detected = streamRead_.value("inferred_schema", Json());
  if (detected.is_null()) {
    schema_->clear();
    return;
  }
  const UiStreamSummary* s = summaryOf(readStream_);
  const Json declared = s ? builder::expectationsOf(s->definition).declaredSchema : Json();
  schema_->setSchemas(detected, declared);
}

void TestPanel::refreshWarnings() {
  warnings_.clear();
  QStringList lines;
  if (error_) lines << QStringLiteral("✖ ") + tr("Error: %1").arg(*error_);
  const UiStreamSummary* s = summaryOf(readStream_);
  if (s != nullptr && testedFingerprints_.value(readStream_) != s->fingerprint) {
    warnings_ << tr("Stream %1 changed since this test read; test it again before publishing.").arg(readStream_);
  }
  if (!cancelled_) {
    const builder::StreamExpectations expected = s ? builder::expectationsOf(s->definition) : builder::StreamExpectations{};
    for (const builder::TestReadWarning& w : builder::checkTestRead(streamRead_, expected)) {
      warnings_ << fromUtf8(w.message);
    }
  }
  for (const QString& w : warnings_) lines << QStringLiteral("⚠ ") + w;
  notice_->setText(lines.join(QLatin1Char('\n')));
  notice_->setVisible(!lines.isEmpty());
}

int TestPanel::pageCount() const {
  int pages = 0;
  for (const Json& s : arrayAt(streamRead_, "slices")) pages += static_cast<int>(arrayAt(s, "pages").size());
  return pages;
}

int TestPanel::recordCount() const {
  int records = 0;
  for (const Json& s : arrayAt(streamRead_, "slices")) {
    for (const Json& p : arrayAt(s, "pages")) records += static_cast<int>(arrayAt(p, "records").size());
  }
  return records;
}

QString TestPanel::countsText() const {
  QString text = tr("%1 from %2").arg(countText(recordCount(), tr("record"), tr("records")),
                                      countText(pageCount(), tr("page"), tr("pages")));
  if (seconds_ > 0) text += tr(" in %1 s").arg(seconds_, 0, 'f', 1);
  return text;
}

}  // namespace manifold::ui
