// PublishFlow: a connector folder's manifest becomes (or updates) a declarative source
// definition in an Airbyte workspace, optionally with a source and a followed sync.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/airbyte/airbyte_client.h"
#include "core/airbyte/publication_record.h"
#include "core/airbyte/publish_checks.h"

namespace manifold::airbyte {

enum class PublishStep { Check, Definition, Source, Connections, Sync, Job };
std::string_view publishStepName(PublishStep step);

struct PublishProgress {
  PublishStep step;
  enum class State { Started, Done, Note } state;
  std::string message;  // "Updating definition 'demo' (version 2 → 3)", never a secret
  std::optional<Job> job;  // Job step: the job as last polled
};
using PublishProgressCallback = std::function<void(const PublishProgress&)>;

// How a started sync is followed. The clock and sleep are injectable so tests run instantly;
// sleep returns early when the stop token is triggered.
struct JobWaitPolicy {
  std::chrono::milliseconds interval{5000};
  std::chrono::milliseconds timeout{std::chrono::hours(2)};
  std::function<std::chrono::steady_clock::time_point()> now;
  std::function<void(std::chrono::milliseconds, std::stop_token)> sleep;
};

struct PublishRequest {
  std::filesystem::path connectorDir{};
  std::string workspaceId{};
  std::string name{};        // empty: the recorded name, else metadata.yaml's data.name, else the folder's
  bool publishAnew = false;  // forget the recorded definition (gone from Airbyte) and create a new one
  bool createSource = false;
  std::string sourceName{};  // empty: the definition's name
  // The source's configuration (testing values with their secrets): sent only to Airbyte,
  // never written anywhere, and masked out of every message.
  nlohmann::json sourceConfiguration = nlohmann::json::object();
  std::string syncConnectionId{};  // empty: no sync
  bool waitForSync = false;
  JobWaitPolicy jobWait{};
};

// What exists on Airbyte because of this run, so a failure never leaves anything silently.
struct PublishArtifacts {
  std::string definitionId;
  std::string definitionName;
  std::int64_t version = 0;
  std::int64_t previousVersion = 0;  // the version before an update
  bool definitionCreated = false;
  bool definitionUpdated = false;
  std::string sourceId;
  bool sourceCreated = false;
  std::optional<Job> job;      // the started sync, as last seen
  bool recordWritten = false;  // .manifold/airbyte_publication.json holds the definition
};

struct PublishResult {
  PublishArtifacts artifacts;
  std::vector<Connection> connections;  // the workspace's connections reading a source of this definition
  std::vector<std::string> warnings;
  std::string definitionUrl;  // Airbyte's web app: the workspace's sources
  std::string jobUrl;         // Airbyte's web app: the synced connection's job history
};

struct PublishFailure {
  AirbyteError error;
  PublishArtifacts artifacts;
  std::vector<std::string> warnings;
  bool canPublishAnew = false;  // the recorded definition is gone: run again with publishAnew
  std::string describe() const;  // the error, then what was created or changed on Airbyte
};

class PublishFlow {
 public:
  explicit PublishFlow(AirbyteClient& client);

  // Check, definition (create or update, never a duplicate name), record, then optionally
  // source, connections, sync and job. Progress is reported on the caller's thread.
  std::variant<PublishResult, PublishFailure> run(const PublishRequest& request,
                                                  const PublishProgressCallback& progress = {},
                                                  std::stop_token stop = {});

 private:
  AirbyteClient& client_;
};

}  // namespace manifold::airbyte
