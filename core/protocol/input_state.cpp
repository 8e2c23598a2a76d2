// Input state (--state): per-stream STREAM messages, a GLOBAL message, or the legacy dict shape.
#include "core/protocol/input_state.h"

namespace manifold::protocol {

using nlohmann::json;

namespace {

std::string describe(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 80) text = text.substr(0, 77) + "...";
  return text;
}

// Reads {"stream_descriptor": {...}, "stream_state": ...} at `at`; returns an error text or "".
std::string readStreamState(const json& j, const std::string& at, StreamStateEntry& out) {
  if (!j.is_object()) return at + " must be an object, got " + describe(j);
  auto descIt = j.find("stream_descriptor");
  if (descIt == j.end() || !descIt->is_object()) {
    return at + ".stream_descriptor must be an object with the stream's name";
  }
  auto nameIt = descIt->find("name");
  if (nameIt == descIt->end() || !nameIt->is_string()) {
    return at + ".stream_descriptor.name must be a string";
  }
  out.stream.name = nameIt->get<std::string>();
  if (auto nsIt = descIt->find("namespace"); nsIt != descIt->end() && !nsIt->is_null()) {
    if (!nsIt->is_string()) return at + ".stream_descriptor.namespace must be a string";
    out.stream.ns = nsIt->get<std::string>();
  }
  if (auto stateIt = j.find("stream_state"); stateIt != j.end() && !stateIt->is_null()) {
    if (!stateIt->is_object()) {
      return at + ".stream_state must be an object, got " + describe(*stateIt);
    }
    out.state = *stateIt;
  }
  return {};
}

std::string readLegacyDict(const json& dict, const std::string& at, InputState& out) {
  for (const auto& [name, value] : dict.items()) {
    if (!value.is_null() && !value.is_object()) {
      return at + "[\"" + name + "\"] must be a state object, got " + describe(value);
    }
    out.streams.push_back(StreamStateEntry{StreamDescriptor{name, std::nullopt}, value});
  }
  return {};
}

}  // namespace

const json* InputState::find(std::string_view name, const std::optional<std::string>& ns) const {
  for (const auto& e : streams) {
    if (e.stream.name == name && (!ns || e.stream.ns == ns)) return &e.state;
  }
  return nullptr;
}

Result<InputState> parseInputState(const json& j) {
  auto fail = [](std::string message) { return ProtocolError{std::move(message)}; };
  InputState state;
  if (j.is_null()) return state;
  if (j.is_object()) {
    // The pre-per-stream shape: {"users": {"updated_at": "..."}}.
    state.legacy = true;
    if (auto err = readLegacyDict(j, "state", state); !err.empty()) return fail(err);
    return state;
  }
  if (!j.is_array()) {
    return fail("state must be a list of state messages or an object, got " + describe(j));
  }
  for (std::size_t i = 0; i < j.size(); ++i) {
    const json& message = j[i];
    const std::string at = "state[" + std::to_string(i) + "]";
    if (!message.is_object()) return fail(at + " must be a state message object, got " + describe(message));
    std::string type;
    if (auto typeIt = message.find("type"); typeIt != message.end() && !typeIt->is_null()) {
      if (!typeIt->is_string()) return fail(at + ".type must be a string, got " + describe(*typeIt));
      type = typeIt->get<std::string>();
      if (type != "STREAM" && type != "GLOBAL" && type != "LEGACY") {
        return fail(at + ".type must be STREAM, GLOBAL or LEGACY, got \"" + type + "\"");
      }
    }
    auto streamIt = message.find("stream");
    auto globalIt = message.find("global");
    auto dataIt = message.find("data");
    const bool hasStream = streamIt != message.end() && !streamIt->is_null();
    const bool hasGlobal = globalIt != message.end() && !globalIt->is_null();
    const bool hasData = dataIt != message.end() && !dataIt->is_null();
    if ((type == "STREAM" || type.empty()) && hasStream) {
      StreamStateEntry entry;
      if (auto err = readStreamState(*streamIt, at + ".stream", entry); !err.empty()) return fail(err);
      state.streams.push_back(std::move(entry));
    } else if ((type == "GLOBAL" || type.empty()) && hasGlobal) {
      const json& global = *globalIt;
      if (!global.is_object()) return fail(at + ".global must be an object, got " + describe(global));
      state.global = true;
      if (auto sharedIt = global.find("shared_state"); sharedIt != global.end()) state.sharedState = *sharedIt;
      auto listIt = global.find("stream_states");
      if (listIt == global.end() || !listIt->is_array()) {
        return fail(at + ".global.stream_states must be a list");
      }
      for (std::size_t k = 0; k < listIt->size(); ++k) {
        StreamStateEntry entry;
        const std::string where = at + ".global.stream_states[" + std::to_string(k) + "]";
        if (auto err = readStreamState((*listIt)[k], where, entry); !err.empty()) return fail(err);
        state.streams.push_back(std::move(entry));
      }
    } else if ((type == "LEGACY" || type.empty()) && hasData) {
      if (!dataIt->is_object()) return fail(at + ".data must be an object, got " + describe(*dataIt));
      state.legacy = true;
      if (auto err = readLegacyDict(*dataIt, at + ".data", state); !err.empty()) return fail(err);
    } else if (type.empty()) {
      return fail(at + " must contain a stream, global or data field");
    } else {
      const char* field = type == "STREAM" ? "stream" : type == "GLOBAL" ? "global" : "data";
      return fail(at + " has type " + type + " but no \"" + field + "\" field");
    }
  }
  return state;
}

}  // namespace manifold::protocol
