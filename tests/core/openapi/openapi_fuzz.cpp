// libFuzzer target: any bytes through parseOpenApi, planImport and writeManifest must end in a
// message or a manifest, never a crash or a hang; and every manifest written must load with no
// errors in the manifest validator.
#include "core/manifest/manifest_loader.h"
#include "core/openapi/manifest_writer.h"
#include "core/openapi/openapi_importer.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace manifold::openapi;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto document = parseOpenApi(text, "fuzz.yaml");
  if (!document) return 0;
  auto plan = planImport(document.value());
  if (!plan) return 0;
  auto manifest = writeManifest(plan.value());
  if (!manifest) __builtin_trap();  // all streams chosen: cannot fail
  const auto loaded = manifold::manifest::loadManifest(manifest.value());
  if (!loaded.ok()) __builtin_trap();
  return 0;
}
