// RawRecordExtractor with simdjson's DOM parser (the whole page is validated, UTF-8 included)
// and its minifying serializer: the JsonDecoder rules (a top-level list is one body per
// element, [] and null are {}) and the DpathExtractor rules (a list yields its elements, a
// truthy value itself) on simdjson's tape.
#include "core/engine/selection/raw_record_extractor.h"

#include <simdjson.h>

#include <charconv>

namespace manifold::engine {

struct RawRecordExtractor::Impl {
  std::vector<std::string> fieldPath;
  simdjson::dom::parser parser;
  simdjson::padded_string padded;
  simdjson::internal::string_builder<> builder;
  std::vector<std::pair<std::size_t, std::size_t>> spans;

  void add(simdjson::dom::element element) {
    const std::size_t start = builder.str().size();
    builder.append(element);
    spans.emplace_back(start, builder.str().size() - start);
  }

  static bool truthy(simdjson::dom::element element) {
    using simdjson::dom::element_type;
    switch (element.type()) {
      case element_type::NULL_VALUE: return false;
      case element_type::BOOL: return element.get_bool().value();
      case element_type::INT64: return element.get_int64().value() != 0;
      case element_type::UINT64: return element.get_uint64().value() != 0;
      case element_type::DOUBLE: return element.get_double().value() != 0.0;
      case element_type::STRING: return !element.get_string().value().empty();
      case element_type::ARRAY: return element.get_array().value().size() != 0;
      case element_type::OBJECT: return element.get_object().value().size() != 0;
    }
    return false;
  }

  void extractBody(simdjson::dom::element body) {
    simdjson::dom::element node = body;
    for (const auto& segment : fieldPath) {
      if (node.is_object()) {
        auto child = node.get_object().value().at_key(segment);
        if (child.error()) return;
        node = child.value();
      } else if (node.is_array()) {
        std::size_t index = 0;
        auto [ptr, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), index);
        if (segment.empty() || ec != std::errc() || ptr != segment.data() + segment.size()) return;
        auto child = node.get_array().value().at(index);
        if (child.error()) return;
        node = child.value();
      } else {
        return;
      }
    }
    if (node.is_array()) {
      // Arrays are bound to names first: a range-for over get_array().value() would iterate a
      // handle inside a destroyed temporary.
      const simdjson::dom::array list = node.get_array().value();
      for (simdjson::dom::element element : list) add(element);
    } else if (truthy(node)) {
      add(node);
    }
  }
};

RawRecordExtractor::RawRecordExtractor(std::vector<std::string> fieldPath) : impl_(std::make_unique<Impl>()) {
  impl_->fieldPath = std::move(fieldPath);
}

RawRecordExtractor::~RawRecordExtractor() = default;

bool RawRecordExtractor::extract(std::string_view body, std::vector<std::string_view>& records) {
  auto& impl = *impl_;
  impl.padded = simdjson::padded_string(body);
  simdjson::dom::element root;
  if (impl.parser.parse(impl.padded).get(root) != simdjson::SUCCESS) return false;
  impl.builder.clear();
  impl.spans.clear();
  if (root.is_array()) {
    // JsonDecoder: each element is a body; [] is one {} body, which selects nothing.
    const simdjson::dom::array bodies = root.get_array().value();
    for (simdjson::dom::element element : bodies) impl.extractBody(element);
  } else if (!root.is_null()) {
    impl.extractBody(root);
  }
  const std::string_view text = impl.builder.str();
  records.clear();
  records.reserve(impl.spans.size());
  for (const auto& [start, size] : impl.spans) records.push_back(text.substr(start, size));
  return true;
}

}  // namespace manifold::engine
