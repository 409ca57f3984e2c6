#pragma once
// Result<T>: a value or an Error, in the spirit of std::expected (C++23, not in GCC 12).
// Errors travel as values across threads, signals and library boundaries; exceptions never do.

#include <QString>

#include <cassert>
#include <utility>
#include <variant>

namespace incidoc {

/// Why something did not produce a value. `Cancelled` is an outcome of its own, not a failure.
enum class ErrorCode {
    Cancelled,    ///< the user or a caller asked to stop
    InvalidInput, ///< the input is malformed, truncated, or not what it claims to be
    Unsupported,  ///< a valid input we cannot handle (e.g. an encrypted PDF)
    TooLarge,     ///< over a configured size / pixel / memory budget
    Timeout,      ///< over a configured time budget
    NotFound,     ///< a file, row or page that does not exist
    Io,           ///< the file system refused (permissions, full disk, ...)
    Engine,       ///< an OCR or render engine failed
    Unavailable,  ///< a service the work needs cannot be reached (no OCR worker answers): stop, retry later
    Storage,      ///< the project database failed
    Internal,     ///< a bug: should not happen
};

/// A failure with a message a user understands ("encrypted PDF", "not a PDF or image").
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;

    bool isCancelled() const { return code == ErrorCode::Cancelled; }
};

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<0>(m_v);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_v);
    }
    // On a temporary these return the value itself, not a reference into the dying Result, so that
    // `for (auto& x : *store.pages(id))` is safe.
    T value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_v));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T operator*() && { return std::move(*this).value(); }

    const Error& error() const
    {
        assert(!ok());
        return std::get<1>(m_v);
    }

private:
    std::variant<T, Error> m_v;
};

/// Result of an operation that yields nothing but can fail.
struct Unit {};
using Status = Result<Unit>;
inline Status okStatus()
{
    return Unit{};
}

} // namespace incidoc
