#include "core/airbyte/publish_flow.h"

#include <algorithm>
#include <set>
#include <thread>
#include <utility>

#include "core/config/config_field.h"
#include "core/config/config_validation.h"
#include "core/protocol/spec_secrets.h"

namespace manifold::airbyte {

namespace {

using State = PublishProgress::State;
using Clock = std::chrono::steady_clock;

std::string jobSummary(const Job& job) {
  std::string text = "job " + std::to_string(job.jobId) + " " + job.status;
  if (job.rowsSynced || job.bytesSynced) {
    text += " (";
    if (job.rowsSynced) text += std::to_string(*job.rowsSynced) + " records";
    if (job.rowsSynced && job.bytesSynced) text += ", ";
    if (job.bytesSynced) text += std::to_string(*job.bytesSynced) + " bytes";
    text += ")";
  }
  return text;
}

}  // namespace

std::string_view publishStepName(PublishStep step) {
  switch (step) {
    case PublishStep::Check: return "check";
    case PublishStep::Definition: return "definition";
    case PublishStep::Source: return "source";
    case PublishStep::Connections: return "connections";
    case PublishStep::Sync: return "sync";
    case PublishStep::Job: return "job";
  }
  return "unknown";
}

std::string PublishFailure::describe() const {
  std::vector<std::string> done;
  if (artifacts.definitionCreated) {
    done.push_back("created the declarative source definition '" + artifacts.definitionName + "' (id " +
                   artifacts.definitionId + ", version " + std::to_string(artifacts.version) + ")");
  }
  if (artifacts.definitionUpdated) {
    done.push_back("updated the declarative source definition '" + artifacts.definitionName + "' (id " +
                   artifacts.definitionId + ") to version " + std::to_string(artifacts.version));
  }
  if (artifacts.sourceCreated) done.push_back("created the source " + artifacts.sourceId);
  if (artifacts.job) done.push_back("started " + jobSummary(*artifacts.job));
  std::string text = error.message;
  if (done.empty()) return text + "; nothing was created or changed on Airbyte";
  std::string list;
  for (const auto& item : done) list += (list.empty() ? "" : "; ") + item;
  text += "; already done on Airbyte: " + list;
  if ((artifacts.definitionCreated || artifacts.definitionUpdated) && !artifacts.recordWritten) {
    text += " (not recorded in " + std::string(kPublicationFile) + ": publishing again would create a duplicate)";
  }
  return text;
}

PublishFlow::PublishFlow(AirbyteClient& client) : client_(client) {}

std::variant<PublishResult, PublishFailure> PublishFlow::run(const PublishRequest& request,
                                                             const PublishProgressCallback& progress,
                                                             std::stop_token stop) {
  PublishResult result;
  PublishArtifacts& artifacts = result.artifacts;
  const auto fail = [&](AirbyteError error, bool canPublishAnew = false) {
    error.message = client_.mask(error.message);
    error.airbyteMessage = client_.mask(error.airbyteMessage);
    return PublishFailure{std::move(error), artifacts, result.warnings, canPublishAnew};
  };
  const auto report = [&](PublishStep step, State state, std::string message, std::optional<Job> job = std::nullopt) {
    if (progress) progress(PublishProgress{step, state, client_.mask(message), std::move(job)});
  };
  const std::string apiUrl = normalizedApiUrl(client_.options().apiUrl);
  const std::string& workspaceId = request.workspaceId;

  // 1. Check: nothing goes out unless the manifest is one Airbyte's engine will take.
  report(PublishStep::Check, State::Started, "Checking " + (request.connectorDir / "manifest.yaml").string());
  if (workspaceId.empty()) return fail(makeError(AirbyteErrorKind::Refused, "no workspace given: name the Airbyte workspace id"));
  auto prepared = preparePublish(request.connectorDir);
  if (!prepared) return fail(prepared.error());
  PublishPreparation preparation = std::move(prepared.value());
  result.warnings = preparation.warnings;
  auto record = readPublicationRecord(request.connectorDir);
  if (!record) return fail(record.error());
  if (request.createSource) {
    // Secrets leave only in the source's configuration, to Airbyte; no message may echo them.
    if (preparation.connectionSpecification.is_object()) {
      for (const auto& secret : protocol::secretsFromConfig(preparation.connectionSpecification,
                                                            request.sourceConfiguration)) {
        client_.addSecret(secret);
      }
      const auto spec = config::parseConnectionSpecification(preparation.connectionSpecification);
      const auto problems = config::validateConfig(spec, request.sourceConfiguration);
      if (!problems.empty()) {
        return fail(makeError(AirbyteErrorKind::Refused,
                              "cannot create a source: " + config::describeProblems(problems) +
                                  "; fill the testing values first"));
      }
    }
  }
  for (const auto& warning : result.warnings) report(PublishStep::Check, State::Note, "warning: " + warning);
  report(PublishStep::Check, State::Done, "manifest.yaml is ready to publish");

  // 2. Definition: update the recorded one, else create one under a name the workspace lacks.
  const Publication* recorded = request.publishAnew ? nullptr : record->find(apiUrl, workspaceId);
  const std::string name = !request.name.empty() ? request.name
                           : recorded != nullptr ? recorded->name
                                                 : preparation.defaultName;
  report(PublishStep::Definition, State::Started, "Listing the declarative source definitions of workspace " + workspaceId);
  auto definitions = client_.listDeclarativeSourceDefinitions(workspaceId, stop);
  if (!definitions) {
    AirbyteError error = definitions.error();
    if (error.kind == AirbyteErrorKind::NotFound) {
      error.message = "workspace " + workspaceId + " is not found at " + apiUrl +
                      " (404); check the workspace id (it is in the web app's address bar) and the API URL";
    }
    return fail(error);
  }
  DeclarativeSourceDefinition published;
  if (recorded != nullptr) {
    const auto it = std::find_if(definitions->begin(), definitions->end(),
                                 [&](const auto& d) { return d.id == recorded->definitionId; });
    const auto gone = [&] {
      return makeError(AirbyteErrorKind::NotFound,
                       "the declarative source definition '" + recorded->name + "' (id " + recorded->definitionId +
                           ") that this folder was published as is no longer in workspace " + workspaceId +
                           " (deleted in Airbyte?); publish anew to create a new definition");
    };
    if (it == definitions->end()) return fail(gone(), true);
    if (!request.name.empty() && request.name != it->name) {
      result.warnings.push_back("the definition keeps its name '" + it->name +
                                "': Airbyte's API updates a definition's manifest, not its name");
      report(PublishStep::Definition, State::Note, "warning: " + result.warnings.back());
    }
    artifacts.previousVersion = it->version;
    report(PublishStep::Definition, State::Started,
           "Updating the definition '" + it->name + "' (id " + it->id + ", version " + std::to_string(it->version) + ")");
    auto updated = client_.updateDeclarativeSourceDefinition(workspaceId, recorded->definitionId, preparation.manifest, stop);
    if (!updated) {
      if (updated.error().kind == AirbyteErrorKind::NotFound) return fail(gone(), true);
      return fail(updated.error());
    }
    published = std::move(updated.value());
    if (published.name.empty()) published.name = it->name;
    artifacts.definitionUpdated = true;
  } else {
    const auto same = std::find_if(definitions->begin(), definitions->end(), [&](const auto& d) { return d.name == name; });
    if (same != definitions->end()) {
      return fail(makeError(AirbyteErrorKind::Conflict,
                            "workspace " + workspaceId + " already has a declarative source definition named '" + name +
                                "' (id " + same->id + ", version " + std::to_string(same->version) +
                                ") that this folder did not publish; choose another name, or delete that one in Airbyte"));
    }
    report(PublishStep::Definition, State::Started, "Creating the definition '" + name + "'");
    auto created = client_.createDeclarativeSourceDefinition(workspaceId, name, preparation.manifest, stop);
    if (!created) return fail(created.error());
    published = std::move(created.value());
    if (published.name.empty()) published.name = name;
    artifacts.definitionCreated = true;
  }
  artifacts.definitionId = published.id;
  artifacts.definitionName = published.name;
  artifacts.version = published.version;

  Publication publication;
  publication.apiUrl = apiUrl;
  publication.workspaceId = workspaceId;
  publication.definitionId = published.id;
  publication.name = published.name;
  publication.version = published.version;
  publication.publishedAt = utcTimestampNow();
  if (recorded != nullptr) publication.sourceId = recorded->sourceId;
  if (request.publishAnew) record->remove(apiUrl, workspaceId);
  record->put(publication);
  if (auto written = writePublicationRecord(request.connectorDir, record.value()); !written) {
    return fail(written.error());
  }
  artifacts.recordWritten = true;
  report(PublishStep::Definition, State::Done,
         (artifacts.definitionCreated ? "Created the definition '" : "Updated the definition '") + published.name +
             "' (id " + published.id + ", version " + std::to_string(published.version) + ")");
  result.definitionUrl = workspaceSourcesUrl(apiUrl, workspaceId);

  // 3. Source, from the definition and the testing values.
  if (request.createSource) {
    const std::string sourceName = request.sourceName.empty() ? published.name : request.sourceName;
    report(PublishStep::Source, State::Started, "Creating the source '" + sourceName + "'");
    auto source = client_.createSource(workspaceId, published.id, sourceName, request.sourceConfiguration, stop);
    if (!source) return fail(source.error());
    artifacts.sourceId = source->sourceId;
    artifacts.sourceCreated = true;
    publication.sourceId = source->sourceId;
    record->put(publication);
    if (auto written = writePublicationRecord(request.connectorDir, record.value()); !written) {
      return fail(written.error());
    }
    report(PublishStep::Source, State::Done, "Created the source '" + sourceName + "' (id " + source->sourceId + ")");
  }

  // 4. Connections that read a source of this definition (they run the new version from now on).
  report(PublishStep::Connections, State::Started, "Listing the connections that use this definition");
  auto sources = client_.listSources(workspaceId, stop);
  auto connections = sources ? client_.listConnections(workspaceId, stop) : Result<std::vector<Connection>>(sources.error());
  if (!connections) {
    if (connections.error().kind == AirbyteErrorKind::Cancelled) return fail(connections.error());
    result.warnings.push_back("the connections using this definition are unknown: " + client_.mask(connections.error().message));
    report(PublishStep::Connections, State::Note, "warning: " + result.warnings.back());
  } else {
    std::set<std::string> ours;
    for (const auto& s : sources.value()) {
      if (s.definitionId == published.id) ours.insert(s.sourceId);
    }
    if (!artifacts.sourceId.empty()) ours.insert(artifacts.sourceId);
    for (const auto& c : connections.value()) {
      if (ours.contains(c.sourceId)) result.connections.push_back(c);
    }
    report(PublishStep::Connections, State::Done,
           std::to_string(result.connections.size()) + (result.connections.size() == 1 ? " connection uses" : " connections use") +
               " this definition");
  }

  // 5. Sync, and 6. follow the job.
  if (request.syncConnectionId.empty()) return result;
  if (connections && std::none_of(result.connections.begin(), result.connections.end(),
                                  [&](const auto& c) { return c.connectionId == request.syncConnectionId; })) {
    result.warnings.push_back("connection " + request.syncConnectionId +
                              " does not read a source of this definition; its sync will not run the published manifest");
    report(PublishStep::Sync, State::Note, "warning: " + result.warnings.back());
  }
  report(PublishStep::Sync, State::Started, "Starting a sync of connection " + request.syncConnectionId);
  auto job = client_.triggerSync(request.syncConnectionId, stop);
  if (!job) return fail(job.error());
  artifacts.job = job.value();
  result.jobUrl = connectionJobsUrl(apiUrl, workspaceId, request.syncConnectionId);
  report(PublishStep::Sync, State::Done, "Started " + jobSummary(job.value()), job.value());
  if (!request.waitForSync) return result;

  const JobWaitPolicy& wait = request.jobWait;
  const auto now = wait.now ? wait.now : [] { return Clock::now(); };
  const auto sleep = wait.sleep ? wait.sleep : [](std::chrono::milliseconds delay, std::stop_token token) {
    const auto until = Clock::now() + delay;
    while (!token.stop_requested() && Clock::now() < until) {
      std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(delay, std::chrono::milliseconds(50)));
    }
  };
  const auto deadline = now() + wait.timeout;
  Job current = job.value();
  report(PublishStep::Job, State::Started, "Following " + jobSummary(current), current);
  while (!current.finished()) {
    if (now() >= deadline) {
      return fail(makeError(AirbyteErrorKind::Timeout,
                            "job " + std::to_string(current.jobId) + " is still " + current.status + " after " +
                                std::to_string(std::chrono::duration_cast<std::chrono::seconds>(wait.timeout).count()) +
                                " s; it goes on in Airbyte: " + result.jobUrl));
    }
    sleep(wait.interval, stop);
    if (stop.stop_requested()) {
      return fail(makeError(AirbyteErrorKind::Cancelled, "stopped following job " + std::to_string(current.jobId) +
                                                             "; it goes on in Airbyte: " + result.jobUrl));
    }
    auto polled = client_.getJob(current.jobId, stop);
    if (!polled) return fail(polled.error());
    const bool changed = polled->status != current.status || polled->rowsSynced != current.rowsSynced ||
                         polled->bytesSynced != current.bytesSynced;
    current = polled.value();
    artifacts.job = current;
    if (changed) report(PublishStep::Job, State::Note, jobSummary(current), current);
  }
  if (current.status != "succeeded") {
    return fail(makeError(AirbyteErrorKind::JobFailed,
                          "the sync " + jobSummary(current) + "; see its logs in Airbyte: " + result.jobUrl));
  }
  report(PublishStep::Job, State::Done, jobSummary(current), current);
  return result;
}

}  // namespace manifold::airbyte
