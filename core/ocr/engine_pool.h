#pragma once
// One pool of OCR engines for every place that reads text: the pipeline's pages, the worker server's
// calls, a page host's requests and the regions an annotator draws. An engine costs far more to start
// than a page takes to read (Tesseract loads its model), so engines are kept and lent out again; each
// is used by one thread at a time (Tesseract is not thread-safe, but may move between threads).
//
// Engine families are registered by name ("tesseract" from the start); a second family is one
// registerEngine() call, and the remote cluster registers itself the same way.

#include "core/ocr/ocr_engine.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace incidoc {

/// An engine borrowed from an EnginePool, given back when the lease ends (RAII). Move-only. The
/// thread holding the lease is the only one using the engine. A lease may outlive its pool: the engine
/// is then destroyed instead of given back.
class EngineLease {
public:
    EngineLease() = default;
    EngineLease(EngineLease&& other) noexcept;
    EngineLease& operator=(EngineLease&& other) noexcept;
    EngineLease(const EngineLease&) = delete;
    EngineLease& operator=(const EngineLease&) = delete;
    ~EngineLease();

    OcrEngine* get() const { return m_engine.get(); }
    OcrEngine* operator->() const { return m_engine.get(); }
    OcrEngine& operator*() const { return *m_engine; }
    explicit operator bool() const { return m_engine != nullptr; }

    /// Ends the lease now (the engine goes back to the pool).
    void release();

    struct Return; ///< where the engine goes back to (private to engine_pool.cpp)

private:
    friend class EnginePool;
    EngineLease(std::unique_ptr<OcrEngine> engine, std::shared_ptr<Return> back, QString key);

    std::unique_ptr<OcrEngine> m_engine;
    std::shared_ptr<Return> m_back;
    QString m_key;
};

/// Thread contract: every function is thread-safe.
class EnginePool {
public:
    static constexpr const char* kTesseract = "tesseract";
    static constexpr const char* kPpocr = "ppocr";

    struct Options {
        /// Idle engines kept at most, over all families and language sets (the oldest goes first);
        /// 0: no limit (a pool then holds as many engines as were ever in use at once).
        int maxIdle = 0;
    };

    EnginePool(); ///< with "tesseract" and "ppocr" registered
    explicit EnginePool(Options options);
    ~EnginePool(); ///< destroys the idle engines; leases still out destroy theirs when they end
    EnginePool(const EnginePool&) = delete;
    EnginePool& operator=(const EnginePool&) = delete;

    /// Adds (or replaces) an engine family. Idle engines of a replaced family are dropped.
    void registerEngine(const QString& name, std::shared_ptr<const OcrEngineFactory> factory);
    bool hasEngine(const QString& name) const;
    QStringList engineNames() const;
    /// Every registered family's description, in registration-name order, `name` filled in.
    std::vector<EngineInfo> engines() const;

    /// An idle engine of `engine` for `languages`, or a new one. Errors: InvalidInput (no such family),
    /// or what the family's factory returns (a language not installed, a cluster that cannot be reached).
    Result<EngineLease> acquire(const QString& engine, const QString& languages);

    /// Makes `count` engines at once and keeps them idle, so the first calls do not wait for a start-up.
    Status preload(const QString& engine, const QString& languages, int count);

    int idleCount() const;     ///< engines waiting for a lease
    long long created() const; ///< engines made so far (for tests and logs)

private:
    struct Impl;
    std::shared_ptr<Impl> m;
};

} // namespace incidoc
