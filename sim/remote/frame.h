// Frames of the wire protocol (docs/wire-protocol.md "Frames"): a 4-byte big-endian length N,
// 1 <= N <= 16 MiB, then N bytes of JSON. FrameReader takes bytes as they arrive and hands out
// whole bodies; a bad length is an error before any body byte is buffered, so a writer cannot
// make the service allocate more than the limit.
//
// Thread safety: a FrameReader belongs to one connection's reading thread.
#ifndef VSSSIM_SIM_REMOTE_FRAME_H_
#define VSSSIM_SIM_REMOTE_FRAME_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vsssim::remote {

inline constexpr std::uint32_t kMaxFrameBytes = 16u * 1024u * 1024u;  // 16 MiB

// The header and body of one frame. REQUIRES: 1 <= body.size() <= kMaxFrameBytes.
std::string EncodeFrame(std::string_view body);

class FrameReader {
 public:
  // Appends received bytes. REQUIRES: !failed().
  void Feed(const char* data, std::size_t size);
  // The next whole body, if one has arrived; nullopt otherwise (or after an error).
  std::optional<std::string> Next();
  // A length of 0 or above the limit was read: the stream cannot be resynchronised.
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  // Bytes received but not yet handed out (a frame cut short at EOF).
  std::size_t pending() const { return buffer_.size() - consumed_; }

 private:
  std::string buffer_;
  std::size_t consumed_ = 0;
  std::string error_;
};

}  // namespace vsssim::remote

#endif  // VSSSIM_SIM_REMOTE_FRAME_H_
