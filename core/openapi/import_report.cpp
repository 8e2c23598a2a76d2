// Report text: plain lines a terminal and a text view both show well.
#include "core/openapi/import_report.h"

#include <algorithm>

namespace manifold::openapi {

std::string formatStreamReport(const CandidateStream& s) {
  std::string out;
  for (const auto& i : s.inferred) out += "  + " + i.what + "  [" + i.from + "]\n";
  for (const auto& n : s.notInferred) out += "  ? " + n + "\n";
  return out;
}

std::string formatDocumentReport(const ImportPlan& plan) {
  std::string out;
  out += "Imported " + (plan.title.empty() ? std::string("an API") : plan.title) +
         (plan.apiVersion.empty() ? "" : " " + plan.apiVersion) + " from " +
         (plan.source.empty() ? std::string("text") : plan.source) + " (" + plan.documentVersion + ")\n";
  for (const auto& i : plan.inferred) out += "  + " + i.what + "  [" + i.from + "]\n";
  if (plan.auth.empty()) out += "  ? auth: the document declares no usable security scheme; requests go unauthenticated\n";
  for (const auto& n : plan.notes) out += "  ! " + n + "\n";
  return out;
}

std::string formatReport(const ImportPlan& plan, const std::vector<std::string>& chosen) {
  std::string out = formatDocumentReport(plan);
  std::size_t used = 0;
  for (const auto& s : plan.streams) {
    const bool in = chosen.empty() || std::find(chosen.begin(), chosen.end(), s.name) != chosen.end();
    if (!in) continue;
    ++used;
    out += "\nStream " + s.name + ": " + s.method + " " + s.path + (s.operationId.empty() ? "" : " (" + s.operationId + ")") + "\n";
    out += formatStreamReport(s);
  }
  std::string left;
  for (const auto& s : plan.streams) {
    if (!chosen.empty() && std::find(chosen.begin(), chosen.end(), s.name) == chosen.end()) {
      left += (left.empty() ? "" : ", ") + s.name;
    }
  }
  out += "\n" + std::to_string(used) + " of " + std::to_string(plan.streams.size()) + " candidate streams written";
  out += left.empty() ? std::string(".\n") : "; left out: " + left + ".\n";
  return out;
}

}  // namespace manifold::openapi
