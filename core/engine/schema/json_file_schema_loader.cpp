// JsonFileSchemaLoader: the reference's default path is ./source_<name>/schemas/<stream>.json
// inside a Python package; a Manifold project keeps schemas/ beside manifest.yaml.
#include "core/engine/schema/json_file_schema_loader.h"

#include <fstream>
#include <sstream>

namespace manifold::engine {

std::variant<nlohmann::json, std::string> JsonFileSchemaLoader::load() const {
  std::filesystem::path full = path_;
  if (full.is_relative()) {
    if (manifestDir_.empty()) {
      return "schema file '" + path_.string() + "' cannot be found: the manifest's folder is unknown (use --manifest PATH or an InlineSchemaLoader)";
    }
    full = manifestDir_ / path_;
  }
  std::ifstream in(full, std::ios::binary);
  if (!in) return "schema file '" + full.string() + "' cannot be read";
  std::ostringstream text;
  text << in.rdbuf();
  auto schema = nlohmann::json::parse(text.str(), nullptr, false);
  if (schema.is_discarded()) return "schema file '" + full.string() + "' is not valid JSON";
  return schema;
}

}  // namespace manifold::engine
