// How JSON values read in the test panel: compact cells, pretty bodies, sizes in words.
#include "ui/testpanel/json_display.h"

#include <QLocale>

namespace manifold::ui {

QString fromUtf8(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString compactJson(const nlohmann::json& value, int maxChars) {
  QString text;
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    // Cut the bytes before converting: a 1 MB string cell costs no more than a short one.
    const std::size_t cap = static_cast<std::size_t>(maxChars) * 4 + 4;
    text = fromUtf8(std::string_view(s).substr(0, cap));
    text.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
  } else {
    text = fromUtf8(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  if (text.size() > maxChars) text = text.left(maxChars - 1) + QStringLiteral("…");
  return text;
}

QString prettyBody(std::string_view body) {
  const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return fromUtf8(body);
  return fromUtf8(parsed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

QString prettyJson(const nlohmann::json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return prettyBody(value.get_ref<const std::string&>());
  return fromUtf8(value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

QString byteSize(qint64 bytes) {
  return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

}  // namespace manifold::ui
