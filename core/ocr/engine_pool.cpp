#include "core/ocr/engine_pool.h"

#include "core/ocr/ppocr_engine.h"
#include "core/ocr/tesseract_engine.h"

#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace incidoc {
namespace {

QString keyOf(const QString& engine, const QString& languages)
{
    return engine + QLatin1Char('\n') + languages;
}

} // namespace

Result<std::vector<WordReading>> OcrEngine::readWords(const QImage& grey, const std::vector<PixelBox>& boxes,
                                                      const CancelToken& cancel)
{
    Q_UNUSED(grey);
    Q_UNUSED(boxes);
    Q_UNUSED(cancel);
    return makeError(ErrorCode::Unsupported, QStringLiteral("%1 does not read single words").arg(description()));
}

/// The pool's state, shared with its leases so an engine given back after the pool is gone is simply
/// destroyed.
struct EngineLease::Return {
    std::mutex mutex;
    bool open = true;
    int maxIdle = 0;
    /// Idle engines, oldest first, with the key they were made for.
    std::deque<std::pair<QString, std::unique_ptr<OcrEngine>>> idle;

    void giveBack(QString key, std::unique_ptr<OcrEngine> engine)
    {
        std::unique_ptr<OcrEngine> evicted; // destroyed outside the lock
        std::lock_guard guard(mutex);
        if (!open)
            return; // `engine` dies here
        idle.emplace_back(std::move(key), std::move(engine));
        if (maxIdle > 0 && static_cast<int>(idle.size()) > maxIdle) {
            evicted = std::move(idle.front().second);
            idle.pop_front();
        }
    }
};

EngineLease::EngineLease(std::unique_ptr<OcrEngine> engine, std::shared_ptr<Return> back, QString key)
    : m_engine(std::move(engine)), m_back(std::move(back)), m_key(std::move(key))
{
}

EngineLease::EngineLease(EngineLease&& other) noexcept = default;

EngineLease& EngineLease::operator=(EngineLease&& other) noexcept
{
    if (this != &other) {
        release();
        m_engine = std::move(other.m_engine);
        m_back = std::move(other.m_back);
        m_key = std::move(other.m_key);
    }
    return *this;
}

EngineLease::~EngineLease()
{
    release();
}

void EngineLease::release()
{
    if (m_engine && m_back)
        m_back->giveBack(std::move(m_key), std::move(m_engine));
    m_engine.reset();
    m_back.reset();
}

struct EnginePool::Impl {
    std::shared_ptr<EngineLease::Return> back = std::make_shared<EngineLease::Return>();
    mutable std::mutex mutex; // guards `families` and `created`
    std::map<QString, std::shared_ptr<const OcrEngineFactory>> families;
    long long created = 0;
};

EnginePool::EnginePool() : EnginePool(Options{}) {}

EnginePool::EnginePool(Options options) : m(std::make_shared<Impl>())
{
    m->back->maxIdle = options.maxIdle;
    m->families[QString::fromLatin1(kTesseract)] = std::make_shared<TesseractEngineFactory>();
    m->families[QString::fromLatin1(kPpocr)] = std::make_shared<PpocrEngineFactory>();
}

EnginePool::~EnginePool()
{
    std::deque<std::pair<QString, std::unique_ptr<OcrEngine>>> idle;
    {
        std::lock_guard guard(m->back->mutex);
        m->back->open = false;
        idle.swap(m->back->idle);
    }
    // `idle` is destroyed here, outside the lock.
}

void EnginePool::registerEngine(const QString& name, std::shared_ptr<const OcrEngineFactory> factory)
{
    {
        std::lock_guard guard(m->mutex);
        m->families[name] = std::move(factory);
    }
    const QString prefix = name + QLatin1Char('\n');
    std::vector<std::unique_ptr<OcrEngine>> dropped; // destroyed outside the lock
    std::lock_guard guard(m->back->mutex);
    auto& idle = m->back->idle;
    for (auto it = idle.begin(); it != idle.end();) {
        if (it->first.startsWith(prefix)) {
            dropped.push_back(std::move(it->second));
            it = idle.erase(it);
        } else {
            ++it;
        }
    }
}

bool EnginePool::hasEngine(const QString& name) const
{
    std::lock_guard guard(m->mutex);
    return m->families.count(name) > 0;
}

QStringList EnginePool::engineNames() const
{
    std::lock_guard guard(m->mutex);
    QStringList names;
    for (const auto& [name, factory] : m->families)
        names << name;
    return names;
}

std::vector<EngineInfo> EnginePool::engines() const
{
    std::vector<std::pair<QString, std::shared_ptr<const OcrEngineFactory>>> families;
    {
        std::lock_guard guard(m->mutex);
        families.assign(m->families.begin(), m->families.end());
    }
    std::vector<EngineInfo> infos; // info() may read files: outside the lock
    for (const auto& [name, factory] : families) {
        EngineInfo info = factory->info();
        info.name = name;
        infos.push_back(std::move(info));
    }
    return infos;
}

Result<EngineLease> EnginePool::acquire(const QString& engine, const QString& languages)
{
    const QString key = keyOf(engine, languages);
    {
        std::lock_guard guard(m->back->mutex);
        auto& idle = m->back->idle;
        // The most recently returned engine first: its memory is the most likely to be warm.
        for (auto it = idle.rbegin(); it != idle.rend(); ++it) {
            if (it->first == key) {
                std::unique_ptr<OcrEngine> found = std::move(it->second);
                idle.erase(std::next(it).base());
                return EngineLease(std::move(found), m->back, key);
            }
        }
    }
    std::shared_ptr<const OcrEngineFactory> factory;
    {
        std::lock_guard guard(m->mutex);
        const auto it = m->families.find(engine);
        if (it == m->families.end())
            return makeError(ErrorCode::InvalidInput, QStringLiteral("no OCR engine named \"%1\"").arg(engine));
        factory = it->second;
    }
    // Made without a lock held: a start-up takes long, and other threads may lease meanwhile.
    auto made = factory->create(languages);
    if (!made)
        return made.error();
    {
        std::lock_guard guard(m->mutex);
        ++m->created;
    }
    return EngineLease(std::move(made).value(), m->back, key);
}

Status EnginePool::preload(const QString& engine, const QString& languages, int count)
{
    // In parallel: a worker with many threads starts in the time of one engine, not of all of them.
    std::vector<Result<EngineLease>> leases;
    for (int i = 0; i < count; ++i)
        leases.emplace_back(makeError(ErrorCode::Internal, QString()));
    std::vector<std::thread> threads;
    for (size_t i = 0; i < leases.size(); ++i)
        threads.emplace_back([&, i] { leases[i] = acquire(engine, languages); });
    for (auto& t : threads)
        t.join();
    for (auto& lease : leases)
        if (!lease)
            return lease.error();
    return okStatus(); // the leases end here: every engine goes back idle
}

int EnginePool::idleCount() const
{
    std::lock_guard guard(m->back->mutex);
    return static_cast<int>(m->back->idle.size());
}

long long EnginePool::created() const
{
    std::lock_guard guard(m->mutex);
    return m->created;
}

} // namespace incidoc
