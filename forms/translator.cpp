#include "forms/translator.h"

#include <libintl.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <vector>

namespace focal {

namespace {

namespace fs = std::filesystem;

// gettext's name of a catalog: Chinese is zh_CN (Simplified).
std::string catalogName(const std::string& language) { return language == "zh" ? "zh_CN" : language; }

// Reads a GNU .mo file (little or big endian); null when it is absent or damaged.
std::shared_ptr<const Translator::Catalog> readMo(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return nullptr;
  const std::vector<char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.size() < 28) return nullptr;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
  std::uint32_t magic = 0;
  std::memcpy(&magic, bytes, 4);
  const bool swap = magic == 0xde120495u;
  if (!swap && magic != 0x950412deu) return nullptr;
  auto word = [&](std::size_t at) -> std::uint32_t {
    if (at + 4 > data.size()) return 0;
    std::uint32_t w;
    std::memcpy(&w, bytes + at, 4);
    return swap ? __builtin_bswap32(w) : w;
  };
  auto string = [&](std::size_t table, std::uint32_t i, std::string& out) {
    const std::uint32_t length = word(table + 8u * i), offset = word(table + 8u * i + 4);
    if (static_cast<std::size_t>(offset) + length > data.size()) return false;
    out.assign(data.data() + offset, length);
    return true;
  };
  const std::uint32_t count = word(8), originals = word(12), translations = word(16);
  if (static_cast<std::size_t>(originals) + 8ull * count > data.size() ||
      static_cast<std::size_t>(translations) + 8ull * count > data.size())
    return nullptr;
  auto catalog = std::make_shared<Translator::Catalog>();
  std::string id, text;
  for (std::uint32_t i = 0; i < count; ++i)
    if (string(originals, i, id) && string(translations, i, text) && !id.empty() && !text.empty())
      catalog->messages.emplace(id, text);
  return catalog;
}

// The plural form index of `n` in `language`, as its catalog's Plural-Forms says.
std::size_t pluralIndex(const std::string& language, std::size_t n) {
  if (language == "zh" || language == "zh_CN" || language == "ja") return 0;
  if (language == "fr") return n > 1 ? 1 : 0;
  if (language == "ru") {
    if (n % 10 == 1 && n % 100 != 11) return 0;
    if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20)) return 1;
    return 2;
  }
  if (language == "ar") {
    if (n == 0) return 0;
    if (n == 1) return 1;
    if (n == 2) return 2;
    if (n % 100 >= 3 && n % 100 <= 10) return 3;
    if (n % 100 >= 11) return 4;
    return 5;
  }
  return n == 1 ? 0 : 1;
}

std::mutex& cacheMutex() {
  static std::mutex m;
  return m;
}
std::map<std::string, std::shared_ptr<const Translator::Catalog>>& cache() {
  static std::map<std::string, std::shared_ptr<const Translator::Catalog>> c;
  return c;
}

}  // namespace

std::string localeDirectory() {
  auto holds = [](const fs::path& dir) {
    std::error_code ec;
    return !dir.empty() && fs::exists(dir / "fr" / "LC_MESSAGES" / "focal.mo", ec);
  };
  std::error_code ec;
  if (const char* env = std::getenv("FOCAL_LOCALE_DIR"); env && fs::is_directory(env, ec)) return env;
  if (const char* bound = bindtextdomain("focal", nullptr); bound && holds(bound)) return bound;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    for (const char* relative : {"../locale", "../../locale", "../../../locale", "../share/locale"}) {
      const fs::path candidate = exe.parent_path() / relative;
      if (holds(candidate)) return fs::weakly_canonical(candidate, ec).string();
    }
  return "/usr/share/locale";
}

Translator Translator::fromDirectory(const std::string& language, const std::string& directory) {
  Translator t;
  if (language.empty() || language == "en") return t;
  t.language_ = language;
  const std::string key = directory + "\n" + language;
  std::lock_guard<std::mutex> lock(cacheMutex());
  auto it = cache().find(key);
  if (it == cache().end())
    it = cache()
             .emplace(key, readMo(fs::path(directory) / catalogName(language) / "LC_MESSAGES" / "focal.mo"))
             .first;
  t.catalog_ = it->second;
  return t;
}

Translator Translator::forLanguage(const std::string& language) {
  return fromDirectory(language, localeDirectory());
}

const char* Translator::tr(const char* message) const {
  if (!catalog_ || !message) return message;
  auto it = catalog_->messages.find(std::string_view(message));
  return it == catalog_->messages.end() ? message : it->second.c_str();
}

std::string Translator::plural(std::size_t count, const char* one, const char* many) const {
  const char* word = count == 1 ? one : many;
  if (catalog_) {
    std::string key(one);
    key += '\0';
    key += many;
    if (auto it = catalog_->messages.find(key); it != catalog_->messages.end()) {
      // The forms, separated by NUL; the one the count needs, else the last.
      std::size_t index = pluralIndex(language_, count), start = 0;
      const std::string& forms = it->second;
      for (std::size_t i = 0; i < index; ++i) {
        const std::size_t next = forms.find('\0', start);
        if (next == std::string::npos) break;
        start = next + 1;
      }
      const std::size_t end = forms.find('\0', start);
      return std::to_string(count) + " " + forms.substr(start, end == std::string::npos ? end : end - start);
    }
  }
  return std::to_string(count) + " " + word;
}

}  // namespace focal
