// KeysReplace: old and new are rendered once per record (str() of the value), then applied to
// every key of every nested object.
#include "core/engine/transform/keys_replace.h"

#include "core/text/utf8.h"


namespace manifold::engine {
namespace {

nlohmann::json replaceKeys(nlohmann::json& object, const std::string& oldText, const std::string& newText) {
  nlohmann::json out = nlohmann::json::object();
  for (auto it = object.begin(); it != object.end(); ++it) {
    nlohmann::json value = std::move(it.value());
    if (value.is_object()) value = replaceKeys(value, oldText, newText);
    out[pythonReplace(it.key(), oldText, newText)] = std::move(value);
  }
  return out;
}

}  // namespace

std::string pythonReplace(const std::string& text, const std::string& oldText, const std::string& newText) {
  std::string out;
  if (oldText.empty()) {
    out = newText;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t n = text::utf8CharLength(text, i);
      out.append(text, i, n);
      out += newText;
      i += n;
    }
    return out;
  }
  std::size_t start = 0;
  for (std::size_t at = text.find(oldText); at != std::string::npos; at = text.find(oldText, start)) {
    out.append(text, start, at - start);
    out += newText;
    start = at + oldText.size();
  }
  out.append(text, start, std::string::npos);
  return out;
}

void KeysReplace::transform(nlohmann::json& record, const nlohmann::json& slice) const {
  if (!record.is_object()) return;
  interpolation::Context context;
  context.borrow("config", *config_)
      .borrow("parameters", parameters_)
      .borrow("record", record)
      .borrow("stream_slice", slice)
      .borrow("stream_partition", slice);
  const std::string oldText = evalTextOrThrow(old_, context, "the KeysReplace 'old' value");
  const std::string newText = evalTextOrThrow(new_, context, "the KeysReplace 'new' value");
  record = replaceKeys(record, oldText, newText);
}

}  // namespace manifold::engine
