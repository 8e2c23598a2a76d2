// Completion and hover for the manifest editor, from core's editing context and catalog.
#include "ui/bridge/editing_assist.h"

#include "core/manifest/editing_context.h"

namespace manifold::ui {

CompletionRequest completionsAt(const QString& text, int line, int byteIndex) {
  const QByteArray utf8 = text.toUtf8();
  const std::string_view view(utf8.constData(), static_cast<std::size_t>(utf8.size()));
  const manifest::EditingContext context = manifest::editingContextAt(view, line, byteIndex);
  CompletionRequest request;
  request.prefixBytes = static_cast<int>(context.prefix.size());
  for (const manifest::Completion& c : manifest::completionsFor(context)) {
    UiCompletion item{QString::fromStdString(c.text), QString::fromStdString(c.detail),
                      UiCompletion::Kind::Field};
    if (c.kind == manifest::Completion::Kind::ComponentType) item.kind = UiCompletion::Kind::ComponentType;
    if (c.kind == manifest::Completion::Kind::EnumValue) item.kind = UiCompletion::Kind::EnumValue;
    request.items.append(item);
  }
  return request;
}

QString hoverTextAt(const QString& text, int line, int byteIndex) {
  const QByteArray utf8 = text.toUtf8();
  const auto doc = manifest::hoverTextAt(
      std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), line, byteIndex);
  return doc ? QString::fromStdString(*doc) : QString();
}

}  // namespace manifold::ui
