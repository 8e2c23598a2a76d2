// Compare with Upstream and Update from Upstream for a forked connector.
#include "ui/catalog/upstream_dialog.h"

#include "ui/common/count_text.h"
#include "ui/editor/code_editor.h"

#include <Qsci/qscilexerdiff.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace manifold::ui {

namespace {

QString statusWord(UpstreamFileResult::Status status) {
  using S = UpstreamFileResult::Status;
  switch (status) {
    case S::Unchanged: return QObject::tr("unchanged");
    case S::Updated: return QObject::tr("updated");
    case S::Added: return QObject::tr("added");
    case S::KeptOurs: return QObject::tr("kept yours");
    case S::Conflict: return QObject::tr("conflict");
  }
  return {};
}

}  // namespace

UpstreamDialog::UpstreamDialog(CatalogSettings settings, QString connectorDir, QWidget* parent)
    : QDialog(parent), settings_(std::move(settings)), dir_(std::move(connectorDir)) {
  setObjectName(QStringLiteral("upstreamDialog"));
  const QString name = QFileInfo(dir_).fileName();
  setWindowTitle(tr("Compare with Upstream — %1").arg(name));
  setAccessibleName(tr("Compare with upstream"));
  resize(900, 640);

  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout;
  auto* againstLabel = new QLabel(tr("&Compare with:"), this);
  against_ = new QComboBox(this);
  against_->addItem(tr("The version you forked (your changes)"));
  against_->addItem(tr("Upstream now (every difference)"));
  against_->setAccessibleName(tr("Compare with"));
  againstLabel->setBuddy(against_);
  top->addWidget(againstLabel);
  top->addWidget(against_, 1);
  layout->addLayout(top);

  status_ = new QLabel(this);
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(status_);

  diff_ = new CodeEditor(this);
  diff_->setLexer(new QsciLexerDiff(diff_));
  diff_->setReadOnly(true);
  diff_->setAccessibleName(tr("Upstream diff"));
  diff_->setAccessibleDescription(tr("Unified diff from upstream to your connector's files, or the conflicts of an update"));
  layout->addWidget(diff_, 1);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  update_ = buttons->addButton(tr("&Update from Upstream"), QDialogButtonBox::ActionRole);
  update_->setAccessibleName(tr("Update from upstream"));
  update_->setToolTip(tr("Merge upstream's changes since you forked into your files; nothing changes if you "
                         "and upstream edited the same lines"));
  buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(update_, &QPushButton::clicked, this, &UpstreamDialog::update);
  layout->addWidget(buttons);

  compareWatcher_ = new QFutureWatcher<UpstreamDiff>(this);
  updateWatcher_ = new QFutureWatcher<UpstreamUpdate>(this);
  connect(compareWatcher_, &QFutureWatcher<UpstreamDiff>::finished, this, [this] {
    comparing_ = false;
    if (compareWatcher_->property("generation").toInt() == generation_) showComparison(compareWatcher_->result());
    setBusy(isBusy());
  });
  connect(updateWatcher_, &QFutureWatcher<UpstreamUpdate>::finished, this, [this] {
    updating_ = false;
    showUpdate(updateWatcher_->result());
  });
  connect(against_, &QComboBox::currentIndexChanged, this, &UpstreamDialog::compare);
}

UpstreamDialog::~UpstreamDialog() {
  stop_.request_stop();
  compareWatcher_->waitForFinished();
  updateWatcher_->waitForFinished();
}

bool UpstreamDialog::isBusy() const { return comparing_ || updating_; }

void UpstreamDialog::setBusy(bool busy) {
  update_->setEnabled(!busy);
  against_->setEnabled(!updating_);
}

void UpstreamDialog::compare() {
  if (updating_) return;
  const bool upstreamNow = against_->currentIndex() == 1;
  const int generation = ++generation_;
  status_->setText(prefixed(upstreamNow ? tr("Fetching upstream…") : tr("Comparing with the version you forked…")));
  setBusy(true);
  compareWatcher_->setProperty("generation", generation);
  comparing_ = true;
  compareWatcher_->setFuture(QtConcurrent::run([settings = settings_, dir = dir_, upstreamNow, stop = stop_.get_token()] {
    return compareConnectorWithUpstream(settings, dir, upstreamNow, stop);
  }));
}

QString UpstreamDialog::prefixed(const QString& text) const {
  return note_.isEmpty() ? text : note_ + QLatin1Char(' ') + text;
}

void UpstreamDialog::showComparison(const UpstreamDiff& result) {
  const bool mine = against_->currentIndex() == 0;
  QString text;
  if (!result.error.isEmpty()) {
    text = tr("Cannot compare: %1").arg(result.error);
  } else if (result.diff.isEmpty()) {
    text = mine ? tr("No changes since you forked %1.").arg(result.against)
                : tr("Your files are the same as upstream (%1).").arg(result.against);
  } else {
    text = mine ? tr("Your changes since you forked %1 (− upstream, + yours):").arg(result.against)
                : tr("How your files differ from upstream %1 (− upstream, + yours):").arg(result.against);
  }
  diff_->setText(result.diff);
  status_->setText(prefixed(text));
  note_.clear();  // an update's outcome is shown with the one comparison that follows it
}

void UpstreamDialog::update() {
  if (isBusy()) return;
  ++generation_;  // a comparison asked for before the update is out of date
  setWindowTitle(tr("Update from Upstream — %1").arg(QFileInfo(dir_).fileName()));
  status_->setText(tr("Fetching upstream and merging its changes…"));
  updating_ = true;
  setBusy(true);
  updateWatcher_->setFuture(QtConcurrent::run([settings = settings_, dir = dir_, stop = stop_.get_token()] {
    return updateConnectorFromUpstream(settings, dir, stop);
  }));
}

void UpstreamDialog::showUpdate(const UpstreamUpdate& result) {
  setBusy(false);
  if (!result.error.isEmpty()) {
    status_->setText(tr("Cannot update: %1").arg(result.error));
    return;
  }
  QStringList parts;
  for (const UpstreamFileResult& f : result.files) parts << QStringLiteral("%1 %2").arg(f.file, statusWord(f.status));
  if (result.applied) {
    note_ = tr("Updated from upstream: %1. Your previous files are in %2.")
                .arg(parts.join(QStringLiteral(", ")), QDir::toNativeSeparators(result.backupDir));
    emit connectorUpdated(dir_);
    against_->setCurrentIndex(0);
    compare();  // what is left of the user's own changes, on the new base
    return;
  }
  status_->setText(tr("Not updated: %1 where you and upstream changed the same lines. Your files are unchanged; "
                      "below are the merged files with both versions between <<<<<<< and >>>>>>> markers, also "
                      "saved in .manifold/merge/.")
                       .arg(countText(result.conflicts, tr("conflict"), tr("conflicts"))));
  diff_->setText(result.conflictText);
}

}  // namespace manifold::ui
