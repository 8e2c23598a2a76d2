// Completion, hover and go-to-definition for the manifest editor, from core's editing context and catalog.
#include "ui/bridge/editing_assist.h"

#include "core/manifest/editing_context.h"
#include "core/manifest/reference_target.h"
#include "core/manifest/template_completion.h"

namespace manifold::ui {

namespace {

UiCompletion::Kind uiKind(manifest::Completion::Kind kind) {
  using K = manifest::Completion::Kind;
  switch (kind) {
    case K::Field: return UiCompletion::Kind::Field;
    case K::ComponentType: return UiCompletion::Kind::ComponentType;
    case K::EnumValue: return UiCompletion::Kind::EnumValue;
    case K::Variable: return UiCompletion::Kind::Variable;
    case K::Macro: return UiCompletion::Kind::Macro;
    case K::Filter: return UiCompletion::Kind::Filter;
    case K::ConfigKey: return UiCompletion::Kind::ConfigKey;
  }
  return UiCompletion::Kind::Field;
}

std::string_view lineOf(std::string_view text, int line) {
  std::size_t start = 0;
  for (int i = 0; i < line; ++i) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  return text.substr(start, text.find('\n', start) - start);
}

}  // namespace

CompletionRequest completionsAt(const QString& text, int line, int byteIndex,
                                const nlohmann::ordered_json& connectionSpecification) {
  const QByteArray utf8 = text.toUtf8();
  const std::string_view view(utf8.constData(), static_cast<std::size_t>(utf8.size()));
  const manifest::EditingContext context = manifest::editingContextAt(view, line, byteIndex);
  CompletionRequest request;
  std::vector<manifest::Completion> found;
  if (const auto caret = manifest::templateCaretAt(lineOf(view, line), byteIndex)) {
    found = manifest::templateCompletions(*caret, manifest::templateFieldOf(context), connectionSpecification);
    request.prefixBytes = static_cast<int>(caret->prefix.size());
  } else {
    found = manifest::completionsFor(context);
    request.prefixBytes = static_cast<int>(context.prefix.size());
  }
  for (const manifest::Completion& c : found) {
    UiCompletion item{QString::fromStdString(c.text), QString::fromStdString(c.detail), uiKind(c.kind),
                      QString::fromStdString(c.suffix)};
    // A field name gets its colon; a value replaces the typed part as is.
    if (item.kind == UiCompletion::Kind::Field) item.suffix = QStringLiteral(": ");
    request.items.append(item);
  }
  return request;
}

QString hoverTextAt(const QString& text, int line, int byteIndex) {
  const QByteArray utf8 = text.toUtf8();
  const std::string_view view(utf8.constData(), static_cast<std::size_t>(utf8.size()));
  auto doc = manifest::templateHoverAt(lineOf(view, line), byteIndex);
  if (!doc) doc = manifest::hoverTextAt(view, line, byteIndex);
  return doc ? QString::fromStdString(*doc) : QString();
}

std::optional<UiReferenceTarget> referenceTargetAt(const QString& text, int line, int byteIndex) {
  const QByteArray utf8 = text.toUtf8();
  const auto target = manifest::referenceTargetAt(
      std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), line, byteIndex);
  if (!target) return std::nullopt;
  UiReferenceTarget out;
  out.reference = QString::fromStdString(target->reference);
  out.error = QString::fromStdString(target->error);
  if (target->position.known()) {
    out.line = target->position.line;
    out.column = target->position.column;
  }
  return out;
}

}  // namespace manifold::ui
