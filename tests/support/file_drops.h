#pragma once
// What the watch-folder tests share: waiting on a condition while the event loop runs, and small files
// dropped into folders.

#include <QByteArray>
#include <QString>

#include <functional>

namespace incidoc::test {

/// Spins the event loop (every `pollMs`) until `done` holds or `deadlineMs` passes; whether it holds.
/// Tests wait on what they expect with a generous deadline and never assert a duration.
bool waitFor(const std::function<bool()>& done, int deadlineMs, int pollMs = 10);

/// A small grey PNG (64 x 40, "N<n>" drawn on it) whose bytes differ for every `n` below 65,536.
QByteArray smallPng(int n);

/// Writes `bytes` to `path`, making its folders. False when it cannot.
bool writeFile(const QString& path, const QByteArray& bytes);

} // namespace incidoc::test
