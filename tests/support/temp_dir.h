// A fresh folder under the system's temporary directory, removed with everything in it.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace manifold::testing {

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "manifold-test") {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& relative) const { return path_ / relative; }

  // Writes a file below the folder, creating its parents.
  void write(const std::string& relative, const std::string& content) const {
    std::filesystem::create_directories((path_ / relative).parent_path());
    std::ofstream(path_ / relative, std::ios::binary) << content;
  }
  std::string read(const std::string& relative) const {
    std::ifstream in(path_ / relative, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  // Replaces the first `from` in a file below the folder with `to`; false when `from` is absent.
  bool replaceFirst(const std::string& relative, const std::string& from, const std::string& to) const {
    std::string text = read(relative);
    const auto at = text.find(from);
    if (at == std::string::npos) return false;
    write(relative, text.replace(at, from.size(), to));
    return true;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace manifold::testing
