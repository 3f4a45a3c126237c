#include "sim/remote/frame.h"

namespace vsssim::remote {

std::string EncodeFrame(std::string_view body) {
  const auto n = static_cast<std::uint32_t>(body.size());
  std::string out;
  out.reserve(4 + body.size());
  out += static_cast<char>((n >> 24) & 0xff);
  out += static_cast<char>((n >> 16) & 0xff);
  out += static_cast<char>((n >> 8) & 0xff);
  out += static_cast<char>(n & 0xff);
  out.append(body);
  return out;
}

void FrameReader::Feed(const char* data, std::size_t size) {
  if (consumed_ > 0 && consumed_ == buffer_.size()) {
    buffer_.clear();
    consumed_ = 0;
  }
  buffer_.append(data, size);
}

std::optional<std::string> FrameReader::Next() {
  if (failed() || pending() < 4) return std::nullopt;
  const auto* p = reinterpret_cast<const unsigned char*>(buffer_.data() + consumed_);
  const std::uint32_t n = (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
                          (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
  if (n == 0 || n > kMaxFrameBytes) {
    error_ =
        n == 0 ? "frame of length 0" : "frame of " + std::to_string(n) + " bytes (limit 16 MiB)";
    buffer_.clear();
    consumed_ = 0;
    return std::nullopt;
  }
  if (pending() - 4 < n) return std::nullopt;
  std::string body = buffer_.substr(consumed_ + 4, n);
  consumed_ += 4 + n;
  if (consumed_ == buffer_.size()) {
    buffer_.clear();
    consumed_ = 0;
  } else if (consumed_ > 64 * 1024) {  // keep the buffer from growing without bound
    buffer_.erase(0, consumed_);
    consumed_ = 0;
  }
  return body;
}

}  // namespace vsssim::remote
