// manifold --demo's session: the demo API answers on the port the testing values name, and the
// demo connector is forked once into the demo workspace, keeping the user's edits afterwards.
#include "ui/bridge/demo_session.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include "core/workspace/origin.h"
#include "tests/support/temp_dir.h"

namespace manifold::ui {
namespace {

TEST(DemoSession, ServesTheDemoApiAndForksTheDemoConnectorOnce) {
  testing::TempDir workspace{"manifold-demo-workspace"};
  {
    DemoSession session;
    ASSERT_TRUE(session.start(QString::fromStdString(workspace.path().string()))) << session.error().toStdString();
    EXPECT_EQ(session.connectorDir().toStdString(), (workspace.path() / "demo").string());
    const auto values = session.testingValues();
    EXPECT_EQ(values["api_key"], "manifold-demo-key");
    const std::string baseUrl = values["base_url"];
    ASSERT_EQ(baseUrl.rfind("http://127.0.0.1:", 0), 0u) << baseUrl;
    httplib::Client client(baseUrl);
    const auto health = client.Get("/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    EXPECT_EQ(workspace::readOrigin(workspace.read("demo/metadata.yaml"))->catalog, "bundled");
  }
  workspace.write("demo/manifest.yaml", "# my edits\n");
  DemoSession again;
  ASSERT_TRUE(again.start(QString::fromStdString(workspace.path().string())));
  EXPECT_EQ(workspace.read("demo/manifest.yaml"), "# my edits\n");
}

}  // namespace
}  // namespace manifold::ui
