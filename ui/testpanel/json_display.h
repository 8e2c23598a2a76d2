// How JSON values read in the test panel: compact cells, pretty bodies, sizes in words.
#pragma once

#include <nlohmann/json.hpp>

#include <QString>

#include <string_view>

namespace manifold::ui {

// A value as one line: strings as they are, everything else as compact JSON, cut to `maxChars`
// with an ellipsis so that a huge nested value never slows a table down.
QString compactJson(const nlohmann::json& value, int maxChars = 200);

// A body as a person reads it: JSON re-indented with two spaces, any other text as it is.
QString prettyBody(std::string_view body);

// A JSON value that may be a string holding JSON (bodies in StreamRead are strings).
QString prettyJson(const nlohmann::json& value);

// "512 bytes", "12.3 KB", "4.0 MB".
QString byteSize(qint64 bytes);

// Converts UTF-8 text from core without a std::string copy.
QString fromUtf8(std::string_view text);

}  // namespace manifold::ui
