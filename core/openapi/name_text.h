// Small text helpers the import rules share: reading string fields and comparing names.
#pragma once

#include "core/openapi/openapi_document.h"

#include <string>
#include <string_view>

namespace manifold::openapi {

// The string at node[key], or "" when absent or not a string.
std::string stringField(const Json& node, const char* key);

// ASCII lower case.
std::string lowerAscii(std::string text);

// Lower-case letters and digits only, so next_cursor, nextCursor and NEXT-CURSOR compare equal.
std::string normalizedName(std::string_view name);

// True for a name a template can reach with a dot: letters, digits and '_', not starting with a digit.
bool isIdentifier(std::string_view key);

// A Jinja string literal in single quotes, with quotes and backslashes escaped.
std::string quotedLiteral(std::string_view text);

// How a template reads member `key` of an object: ".key" for an identifier, "['key']" otherwise.
std::string memberAccess(std::string_view key);

}  // namespace manifold::openapi
