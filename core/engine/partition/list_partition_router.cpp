// ListPartitionRouter: partitions are built once, since values and cursor_field only see config.
#include "core/engine/partition/list_partition_router.h"

#include "core/interpolation/value.h"
#include "core/text/utf8.h"

namespace manifold::engine {

ListPartitionRouter::ListPartitionRouter(std::vector<nlohmann::json> values, std::string cursorField,
                                         std::optional<RequestOption> option)
    : cursorField_(std::move(cursorField)), option_(std::move(option)) {
  partitions_.reserve(values.size());
  for (auto& value : values) partitions_.emplace_back(nlohmann::json{{cursorField_, std::move(value)}}, nlohmann::json::object());
}

bool ListPartitionRouter::forEachPartition(ReadContext&, nlohmann::json&, const PartitionCallback& onPartition) const {
  for (const auto& partition : partitions_) {
    if (!onPartition(partition)) return false;
  }
  return true;
}

RequestOptions ListPartitionRouter::requestOptions(const StreamSlice& slice) const {
  RequestOptions options;
  if (!option_ || option_->isPath()) return options;
  auto it = slice.merged().find(cursorField_);
  if (it != slice.merged().end() && interpolation::Value::borrow(*it).truthy()) option_->inject(options, *it);
  return options;
}

std::optional<std::vector<nlohmann::json>> ListPartitionRouter::iterate(const nlohmann::json& rendered) {
  std::vector<nlohmann::json> values;
  if (rendered.is_array()) {
    values.assign(rendered.begin(), rendered.end());
  } else if (rendered.is_object()) {
    for (const auto& [key, value] : rendered.items()) values.emplace_back(key);
  } else if (rendered.is_string()) {
    // Python iterates a str by code point.
    const auto& text = rendered.get_ref<const std::string&>();
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t length = text::utf8CharLength(text, i);
      values.emplace_back(text.substr(i, length));
      i += length;
    }
  } else {
    return std::nullopt;
  }
  return values;
}

}  // namespace manifold::engine
