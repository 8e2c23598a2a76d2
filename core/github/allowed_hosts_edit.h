// Adding hosts to a metadata.yaml's data.allowedHosts.hosts as text, so the contributed file
// keeps the author's comments, order and formatting; only the hosts list changes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manifold::github {

// The text with `hosts` appended to data.allowedHosts.hosts (the list, or allowedHosts itself,
// created when absent). nullopt when the layout is one this edit does not handle (data: in flow
// style, tabs) or the result would not read back with every host: the caller says so instead.
std::optional<std::string> addAllowedHosts(std::string_view metadataText, const std::vector<std::string>& hosts);

}  // namespace manifold::github
