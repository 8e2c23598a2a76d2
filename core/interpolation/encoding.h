// Byte encodings and digests the Airbyte filters and macros use.
#pragma once

#include <string>
#include <string_view>

namespace manifold::interpolation {

std::string base64Encode(std::string_view bytes);
// Throws EvalException (ValueError) on malformed input, as Python's b64decode does.
std::string base64Decode(std::string_view text);
// Hex digest of `algorithm` ("md5", "sha1", "sha256", …); throws when the algorithm is unknown.
std::string hexDigest(std::string_view algorithm, std::string_view bytes);
std::string hmacSha256Hex(std::string_view key, std::string_view message);
// urllib.parse.quote: `safe` characters and unreserved ones stay, the rest is %XX.
std::string percentEncode(std::string_view text, std::string_view safe);
std::string uuid4();

}  // namespace manifold::interpolation
