// Callback: a move-only `void()` callable for timers, stored inline when it is small.
//
// std::function keeps 16 bytes inline; a lambda capturing `this` and a shared_ptr already
// spills to the heap, and the simulator schedules dozens of such steps per backup. Callback
// keeps up to kInlineBytes (a capture of six pointers) in place and only allocates beyond
// that, or when the callable's move may throw. Any callable converts, std::function included.
//
// Thread safety: none (a value type).
#ifndef VSSSIM_RUNTIME_CALLBACK_H_
#define VSSSIM_RUNTIME_CALLBACK_H_

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace vsssim::runtime {

class Callback {
 public:
  static constexpr std::size_t kInlineBytes = 48;

  Callback() = default;
  template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback> &&
                                              std::is_invocable_r_v<void, std::decay_t<F>&>>>
  Callback(F&& f) {  // NOLINT: implicit, like std::function
    using Fn = std::decay_t<F>;
    if constexpr (kFitsInline<Fn>) {
      ::new (static_cast<void*>(storage_)) Fn(std::forward<F>(f));
      ops_ = &kInlineOps<Fn>;
    } else {
      ::new (static_cast<void*>(storage_)) Fn*(new Fn(std::forward<F>(f)));
      ops_ = &kHeapOps<Fn>;
    }
  }
  Callback(Callback&& other) noexcept { MoveFrom(other); }
  Callback& operator=(Callback&& other) noexcept {
    if (this != &other) {
      Reset();
      MoveFrom(other);
    }
    return *this;
  }
  Callback(const Callback&) = delete;
  Callback& operator=(const Callback&) = delete;
  ~Callback() { Reset(); }

  explicit operator bool() const { return ops_ != nullptr; }
  // REQUIRES: *this holds a callable.
  void operator()() { ops_->invoke(storage_); }
  // Destroys the callable (and whatever it captured); *this becomes empty.
  void Reset() {
    if (ops_ != nullptr) ops_->destroy(storage_);
    ops_ = nullptr;
  }

 private:
  struct Ops {
    void (*invoke)(void* storage);
    void (*move)(void* from, void* to);  // move-constructs into `to`, destroys `from`
    void (*destroy)(void* storage);
  };

  template <class Fn>
  static constexpr bool kFitsInline =
      sizeof(Fn) <= kInlineBytes &&
      alignof(Fn) <= alignof(std::max_align_t) && std::is_nothrow_move_constructible_v<Fn>;

  template <class Fn>
  static constexpr Ops kInlineOps = {
      [](void* s) { (*std::launder(static_cast<Fn*>(s)))(); },
      [](void* from, void* to) {
        Fn* f = std::launder(static_cast<Fn*>(from));
        ::new (to) Fn(std::move(*f));
        f->~Fn();
      },
      [](void* s) { std::launder(static_cast<Fn*>(s))->~Fn(); },
  };
  template <class Fn>
  static constexpr Ops kHeapOps = {
      [](void* s) { (**std::launder(static_cast<Fn**>(s)))(); },
      [](void* from, void* to) { ::new (to) Fn*(*std::launder(static_cast<Fn**>(from))); },
      [](void* s) { delete *std::launder(static_cast<Fn**>(s)); },
  };

  void MoveFrom(Callback& other) noexcept {
    if (other.ops_ == nullptr) return;
    other.ops_->move(other.storage_, storage_);
    ops_ = other.ops_;
    other.ops_ = nullptr;
  }

  alignas(std::max_align_t) unsigned char storage_[kInlineBytes];
  const Ops* ops_ = nullptr;
};

}  // namespace vsssim::runtime

#endif  // VSSSIM_RUNTIME_CALLBACK_H_
