// XmlDecoder: the body as xmltodict.parse maps it (REFERENCE-NOTES 11.4): attributes "@name",
// text "#text" beside attributes or children, repeated siblings as a list, empty elements null,
// every value a string, namespace prefixes kept in names. Unparseable XML yields {} and a warning.
#pragma once

#include "core/engine/decode/decoder.h"

#include <string_view>
#include <variant>

namespace manifold::engine {

class XmlDecoder final : public Decoder {
 public:
  void decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const override;
  bool supportsPagination() const override { return true; }

  // The xmltodict value of `xml`, or a message saying why it could not be parsed.
  static std::variant<nlohmann::json, std::string> parse(std::string_view xml);
};

}  // namespace manifold::engine
