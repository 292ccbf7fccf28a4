// A small typed observer: views subscribe to a model's messages and are
// unsubscribed when their Subscription goes out of scope (after Audacity's
// lib-utility Observer.h). Single-threaded, like the models that use it.
#pragma once

#include <functional>
#include <memory>
#include <vector>

namespace focal {

template <typename Message>
class Publisher {
 public:
  using Callback = std::function<void(const Message&)>;

  class Subscription {
   public:
    Subscription() = default;
    Subscription(Subscription&&) noexcept = default;
    Subscription& operator=(Subscription&& other) noexcept {
      reset();
      slot_ = std::move(other.slot_);
      return *this;
    }
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;
    ~Subscription() { reset(); }
    void reset() {
      if (auto slot = slot_.lock()) slot->callback = nullptr;
      slot_.reset();
    }

   private:
    friend class Publisher;
    struct Slot {
      Callback callback;
    };
    explicit Subscription(std::weak_ptr<Slot> slot) : slot_(std::move(slot)) {}
    std::weak_ptr<Slot> slot_;
  };

  [[nodiscard]] Subscription subscribe(Callback callback) {
    auto slot = std::make_shared<typename Subscription::Slot>();
    slot->callback = std::move(callback);
    slots_.push_back(slot);
    return Subscription(slot);
  }

  void publish(const Message& message) {
    // Copy: a callback may subscribe or unsubscribe while we iterate.
    auto slots = slots_;
    for (const auto& slot : slots)
      if (slot->callback) slot->callback(message);
    std::erase_if(slots_, [](const auto& slot) { return !slot->callback; });
  }

 private:
  std::vector<std::shared_ptr<typename Subscription::Slot>> slots_;
};

}  // namespace focal
