#pragma once

#include "core/model/records.h"
#include "core/util/result.h"

#include <QString>

#include <functional>
#include <memory>

namespace incidoc {

/// The single writer of a pipeline run: a thread of its own with its own connection that commits
/// queued page outcomes in batched transactions (all outcomes waiting when a commit starts go into
/// it, each page's words with its status). Readers on other connections never block it (WAL).
/// Thread-safe: submit() from any thread.
class PageWriter {
public:
    /// Called on the writer thread after each commit, once per outcome, with the commit's status.
    using CommittedFn = std::function<void(const PageOutcome&, const Status&)>;

    static Result<std::unique_ptr<PageWriter>> start(const QString& projectPath, CommittedFn committed);
    ~PageWriter(); ///< flushes and stops

    /// Queue an outcome; blocks while more than `maxQueued` outcomes wait (backpressure).
    void submit(PageOutcome outcome);
    /// Queue a processing claim (status processing, attempts + 1), committed with the next batch.
    void markProcessing(PageId page);
    /// Returns when everything submitted before the call is committed. The first error, if any.
    Status flush();

private:
    struct Impl;
    explicit PageWriter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace incidoc
