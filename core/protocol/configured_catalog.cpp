// ConfiguredAirbyteCatalog: which streams a read covers and in which sync mode.
#include "core/protocol/configured_catalog.h"

namespace manifold::protocol {

using nlohmann::json;

namespace {

std::string describe(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 80) text = text.substr(0, 77) + "...";
  return text;
}

std::optional<SyncMode> parseSyncMode(const json& value) {
  if (value == "full_refresh") return SyncMode::FullRefresh;
  if (value == "incremental") return SyncMode::Incremental;
  return std::nullopt;
}

// A list of strings, e.g. cursor_field; nullopt with the error set when it is not one.
std::optional<std::vector<std::string>> stringList(const json& value, const std::string& where,
                                                   std::string& error) {
  if (!value.is_array()) {
    error = where + " must be a list of strings, got " + describe(value);
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string()) {
      error = where + "[" + std::to_string(i) + "] must be a string, got " + describe(value[i]);
      return std::nullopt;
    }
    out.push_back(value[i].get<std::string>());
  }
  return out;
}

}  // namespace

const ConfiguredStream* ConfiguredCatalog::find(std::string_view name,
                                                const std::optional<std::string>& ns) const {
  for (const auto& s : streams) {
    if (s.stream.name == name && (!ns || s.stream.ns == ns)) return &s;
  }
  return nullptr;
}

Result<ConfiguredCatalog> parseConfiguredCatalog(const json& j) {
  auto fail = [](std::string message) { return ProtocolError{"catalog: " + std::move(message)}; };
  if (!j.is_object()) return fail("must be a JSON object with a \"streams\" list, got " + describe(j));
  auto streamsIt = j.find("streams");
  if (streamsIt == j.end()) return fail("missing the \"streams\" list");
  if (!streamsIt->is_array()) return fail("streams must be a list, got " + describe(*streamsIt));

  ConfiguredCatalog catalog;
  for (std::size_t i = 0; i < streamsIt->size(); ++i) {
    const json& entry = (*streamsIt)[i];
    const std::string at = "streams[" + std::to_string(i) + "]";
    if (!entry.is_object()) return fail(at + " must be an object, got " + describe(entry));
    auto streamIt = entry.find("stream");
    if (streamIt == entry.end() || !streamIt->is_object()) {
      return fail(at + ".stream must be an object describing the stream");
    }
    const json& stream = *streamIt;
    auto nameIt = stream.find("name");
    if (nameIt == stream.end() || !nameIt->is_string() || nameIt->get_ref<const std::string&>().empty()) {
      return fail(at + ".stream.name must be a non-empty string");
    }
    ConfiguredStream cs;
    cs.raw = entry;
    cs.stream.name = nameIt->get<std::string>();
    if (auto nsIt = stream.find("namespace"); nsIt != stream.end() && !nsIt->is_null()) {
      if (!nsIt->is_string()) return fail(at + ".stream.namespace must be a string, got " + describe(*nsIt));
      cs.stream.ns = nsIt->get<std::string>();
    }
    if (auto schemaIt = stream.find("json_schema"); schemaIt != stream.end()) {
      if (!schemaIt->is_object()) {
        return fail(at + ".stream.json_schema must be an object, got " + describe(*schemaIt));
      }
      cs.jsonSchema = *schemaIt;
    }
    if (auto modesIt = stream.find("supported_sync_modes"); modesIt != stream.end()) {
      if (!modesIt->is_array()) {
        return fail(at + ".stream.supported_sync_modes must be a list, got " + describe(*modesIt));
      }
      for (std::size_t m = 0; m < modesIt->size(); ++m) {
        auto mode = parseSyncMode((*modesIt)[m]);
        if (!mode) {
          return fail(at + ".stream.supported_sync_modes[" + std::to_string(m) +
                      "] must be \"full_refresh\" or \"incremental\", got " + describe((*modesIt)[m]));
        }
        cs.supportedSyncModes.push_back(*mode);
      }
    }
    auto syncIt = entry.find("sync_mode");
    if (syncIt == entry.end()) return fail(at + " (stream '" + cs.stream.name + "') is missing sync_mode");
    auto mode = parseSyncMode(*syncIt);
    if (!mode) {
      return fail(at + ".sync_mode must be \"full_refresh\" or \"incremental\", got " + describe(*syncIt));
    }
    cs.syncMode = *mode;
    if (auto destIt = entry.find("destination_sync_mode"); destIt != entry.end() && !destIt->is_null()) {
      if (!destIt->is_string()) {
        return fail(at + ".destination_sync_mode must be a string, got " + describe(*destIt));
      }
      cs.destinationSyncMode = destIt->get<std::string>();
    }
    std::string error;
    if (auto cursorIt = entry.find("cursor_field"); cursorIt != entry.end() && !cursorIt->is_null()) {
      auto list = stringList(*cursorIt, at + ".cursor_field", error);
      if (!list) return fail(error);
      cs.cursorField = std::move(*list);
    }
    if (auto pkIt = entry.find("primary_key"); pkIt != entry.end() && !pkIt->is_null()) {
      if (!pkIt->is_array()) {
        return fail(at + ".primary_key must be a list of field paths, got " + describe(*pkIt));
      }
      for (std::size_t k = 0; k < pkIt->size(); ++k) {
        auto path = stringList((*pkIt)[k], at + ".primary_key[" + std::to_string(k) + "]", error);
        if (!path) return fail(error);
        cs.primaryKey.push_back(std::move(*path));
      }
    }
    bool duplicate = false;
    for (const auto& seen : catalog.streams) {
      duplicate = duplicate || (seen.stream == cs.stream);
    }
    if (duplicate) {
      return fail(at + " configures stream '" + cs.stream.name + "' a second time");
    }
    catalog.streams.push_back(std::move(cs));
  }
  return catalog;
}

}  // namespace manifold::protocol
