// The schema a test read detected, its differences from the stream's declared schema, and the
// action that writes the detected schema into the manifest.
#include "ui/testpanel/schema_view.h"

#include "core/builder/json_schema_diff.h"
#include "core/builder/json_schema_types.h"
#include "ui/common/count_text.h"
#include "ui/editor/json_viewer.h"
#include "ui/testpanel/json_display.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace manifold::ui {

namespace {

QString changeText(builder::SchemaFieldChange::Kind kind) {
  switch (kind) {
    case builder::SchemaFieldChange::Kind::Added: return SchemaView::tr("added");
    case builder::SchemaFieldChange::Kind::Missing: return SchemaView::tr("missing");
    case builder::SchemaFieldChange::Kind::TypeChanged: return SchemaView::tr("type changed");
  }
  return {};
}

// The "type" keyword as the diff reports it ("integer", ["null","string"], {"anyOf": ...}) in words.
QString typeWords(const nlohmann::json& keyword) {
  if (keyword.is_null()) return {};
  const nlohmann::json node = keyword.is_object() ? keyword : nlohmann::json{{"type", keyword}};
  return fromUtf8(builder::typeText(builder::schemaTypes(node)));
}

}  // namespace

SchemaView::SchemaView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* bar = new QHBoxLayout;
  summary_ = new QLabel(this);
  summary_->setWordWrap(true);
  summary_->setAccessibleDescription(tr("Schema summary"));
  use_ = new QPushButton(tr("Use &detected schema"), this);
  use_->setAccessibleName(tr("Use detected schema"));
  use_->setToolTip(tr("Write the detected schema into this stream's inline schema (undo with Ctrl+Z)"));
  bar->addWidget(summary_, 1);
  bar->addWidget(use_);
  layout->addLayout(bar);

  auto* split = new QSplitter(Qt::Horizontal, this);
  diff_ = new QTreeWidget(split);
  diff_->setAccessibleName(tr("Schema differences"));
  diff_->setColumnCount(4);
  diff_->setHeaderLabels({tr("Field"), tr("Change"), tr("Declared"), tr("Detected")});
  diff_->setRootIsDecorated(false);
  diff_->setUniformRowHeights(true);
  diff_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  view_ = new JsonViewer(split);
  view_->setAccessibleName(tr("Detected schema"));
  split->addWidget(diff_);
  split->addWidget(view_);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  layout->addWidget(split, 1);

  connect(use_, &QPushButton::clicked, this, [this] {
    if (detected_.is_object()) emit useDetectedSchema(detected_);
  });
  clear();
}

void SchemaView::clear() {
  detected_ = nullptr;
  diff_->clear();
  view_->clear();
  summary_->setText(tr("Run a test read to detect the schema of the records."));
  use_->setEnabled(false);
}

void SchemaView::setSchemas(const nlohmann::json& detected, const nlohmann::json& declared) {
  diff_->clear();
  detected_ = detected;
  if (!detected.is_object() || detected.empty()) {
    view_->clear();
    summary_->setText(tr("No schema was detected: the read returned no records."));
    use_->setEnabled(false);
    return;
  }
  view_->setText(prettyJson(detected));
  use_->setEnabled(true);

  const auto changes = builder::diffSchemas(declared.is_null() ? nlohmann::json::object() : declared, detected);
  int added = 0;
  int missing = 0;
  int changed = 0;
  for (const auto& change : changes) {
    auto* item = new QTreeWidgetItem(diff_, {fromUtf8(change.path), changeText(change.kind),
                                             typeWords(change.declaredType), typeWords(change.inferredType)});
    switch (change.kind) {
      case builder::SchemaFieldChange::Kind::Added:
        ++added;
        item->setIcon(1, style()->standardIcon(QStyle::SP_FileDialogNewFolder));
        break;
      case builder::SchemaFieldChange::Kind::Missing:
        ++missing;
        item->setIcon(1, style()->standardIcon(QStyle::SP_MessageBoxInformation));
        break;
      case builder::SchemaFieldChange::Kind::TypeChanged:
        ++changed;
        item->setIcon(1, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        break;
    }
  }
  if (declared.is_null()) {
    const auto props = detected.find("properties");
    const int fields = props != detected.end() && props->is_object() ? static_cast<int>(props->size()) : 0;
    summary_->setText(tr("The stream declares no inline schema; the records have %1.")
                          .arg(countText(fields, tr("field"), tr("fields"))));
  } else if (changes.empty()) {
    summary_->setText(tr("The detected schema matches the declared schema."));
  } else {
    summary_->setText(tr("Differs from the declared schema: %1 added, %2 missing, %3 with another type.")
                          .arg(added)
                          .arg(missing)
                          .arg(changed));
  }
}

int SchemaView::differenceCount() const { return diff_->topLevelItemCount(); }

QString SchemaView::summary() const { return summary_->text(); }

}  // namespace manifold::ui
