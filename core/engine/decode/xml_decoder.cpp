// XmlDecoder on libxml2's DOM parser with entity substitution, DTD loading and network access
// off: an entity reference is dropped as xmltodict's disable_entities does, so neither external
// entities (XXE) nor nested internal ones (billion laughs) are ever expanded.
#include "core/engine/decode/xml_decoder.h"

#include "core/engine/read_context.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <mutex>
#include <string>

namespace manifold::engine {
namespace {

using Json = nlohmann::json;

std::string qualifiedName(const xmlChar* name, const xmlNs* ns) {
  std::string out;
  if (ns != nullptr && ns->prefix != nullptr) {
    out = reinterpret_cast<const char*>(ns->prefix);
    out += ':';
  }
  out += reinterpret_cast<const char*>(name);
  return out;
}

// The length of the UTF-8 whitespace character at `s[i]` as Python's str.isspace() sees it, or 0.
std::size_t spaceAt(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) return 1;
  auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  if (c == 0xC2 && (at(1) == 0x85 || at(1) == 0xA0)) return 2;
  if (c == 0xE1 && at(1) == 0x9A && at(2) == 0x80) return 3;  // U+1680
  if (c == 0xE2 && at(1) == 0x80 && ((at(2) >= 0x80 && at(2) <= 0x8A) || at(2) == 0xA8 || at(2) == 0xA9 || at(2) == 0xAF)) {
    return 3;  // U+2000–U+200A, U+2028, U+2029, U+202F
  }
  if (c == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;  // U+3000
  return 0;
}

std::string pythonStrip(const std::string& text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t n = spaceAt(text, begin);
    if (n == 0) break;
    begin += n;
  }
  std::size_t end = text.size();
  while (end > begin) {
    // Step back over one UTF-8 character.
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    if (spaceAt(text, start) != end - start) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

// xmltodict's push_data: a second value under one key turns it into a list.
void pushData(Json& item, const std::string& key, Json value) {
  if (item.is_null()) item = Json::object();
  auto it = item.find(key);
  if (it == item.end()) {
    item.emplace(key, std::move(value));
  } else if (it->is_array()) {
    it->push_back(std::move(value));
  } else {
    Json list = Json::array();
    list.push_back(std::move(*it));
    list.push_back(std::move(value));
    *it = std::move(list);
  }
}

Json convert(const xmlNode* element) {
  Json item;  // null until an attribute or child arrives (xmltodict's item None)
  for (const xmlNs* ns = element->nsDef; ns != nullptr; ns = ns->next) {
    std::string key = ns->prefix ? "@xmlns:" + std::string(reinterpret_cast<const char*>(ns->prefix)) : "@xmlns";
    pushData(item, key, reinterpret_cast<const char*>(ns->href ? ns->href : BAD_CAST ""));
  }
  for (const xmlAttr* attr = element->properties; attr != nullptr; attr = attr->next) {
    std::string value;
    for (const xmlNode* part = attr->children; part != nullptr; part = part->next) {
      if (part->type == XML_TEXT_NODE && part->content) value += reinterpret_cast<const char*>(part->content);
    }
    item[("@" + qualifiedName(attr->name, attr->ns))] = std::move(value);
  }
  std::string data;
  bool hasData = false;
  for (const xmlNode* child = element->children; child != nullptr; child = child->next) {
    switch (child->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (child->content) {
          data += reinterpret_cast<const char*>(child->content);
          hasData = true;
        }
        break;
      case XML_ELEMENT_NODE:
        pushData(item, qualifiedName(child->name, child->ns), convert(child));
        break;
      default:
        break;  // comments, processing instructions and entity references are dropped
    }
  }
  Json text;
  if (hasData) {
    std::string stripped = pythonStrip(data);
    if (!stripped.empty()) text = std::move(stripped);
  }
  if (!item.is_null()) {
    if (!text.is_null()) pushData(item, "#text", std::move(text));
    return item;
  }
  return text;
}

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};

}  // namespace

std::variant<nlohmann::json, std::string> XmlDecoder::parse(std::string_view xml) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (xml.find_first_not_of(" \t\r\n") == std::string_view::npos) return std::string("no element found");
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) return std::string("could not start the XML parser");
  // No XML_PARSE_NOENT (entities are not substituted), no DTDLOAD/DTDATTR, no network.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, options));
  if (!doc || !ctxt->wellFormed) {
    const xmlError* error = xmlCtxtGetLastError(ctxt.get());
    std::string message = error && error->message ? error->message : "not well-formed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (error) message += " (line " + std::to_string(error->line) + ")";
    return message;
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return std::string("no element found");
  Json body = Json::object();
  body[qualifiedName(root->name, root->ns)] = convert(root);
  return body;
}

void XmlDecoder::decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const {
  if (response.body.size() > static_cast<std::size_t>(INT32_MAX)) {
    bodies.emplace_back(nlohmann::json::object());
    return;
  }
  auto parsed = parse(response.body);
  if (auto* message = std::get_if<std::string>(&parsed)) {
    read.log(protocol::LogLevel::Warn, "Stream '" + read.streamName() + "': the response of " + response.request.method +
                                           " " + response.url + " (status " + std::to_string(response.status) +
                                           ") cannot be parsed as XML: " + *message + "; no records were read from it");
    bodies.emplace_back(nlohmann::json::object());
    return;
  }
  bodies.push_back(std::move(std::get<nlohmann::json>(parsed)));
}

}  // namespace manifold::engine
