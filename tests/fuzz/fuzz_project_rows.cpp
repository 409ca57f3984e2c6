// Fuzz target: a project file whose SQLite structure is sound but whose rows are hostile. Byte-level
// fuzzing of a whole SQLite file (fuzz_project) mostly exercises SQLite's own checks; this target starts
// from a real project (made once per process with ProjectStore: documents, pages, OCR words with
// character boxes, labels and a history of every kind of edit) and lets the input rewrite any cell
// (any type, CHECK constraints bypassed as a hand-edited file would) before the store reads it,
// undoes/redoes an edit group (JSON from the file), and edits words (merge, split, move: character
// blobs from the file).
//
// Input: byte 0 = number of cell writes (mod 32); per write: column (kColumns, or kLaterColumns for
// 240-255), row, value type, value (see applyWrite); then the operation bytes: group, word, word, split
// index.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

#include <climits>
#include <cstring>
#include <string>

#include "tests/fuzz/fuzz_common.h"
#include "tests/fuzz/project_reads.h"

using namespace incidoc;

namespace {

struct Column {
    const char* table;
    const char* column;
};

constexpr Column kColumns[] = {
    {"words", "page_id"},
    {"words", "block"},
    {"words", "line"},
    {"words", "ord"},
    {"words", "text"},
    {"words", "x0"},
    {"words", "y0"},
    {"words", "x1"},
    {"words", "y1"},
    {"words", "confidence"},
    {"words", "source"},
    {"words", "ocr_text"},
    {"words", "label_id"},
    {"words", "reviewed"},
    {"words", "edited"},
    {"words", "chars"},
    {"words", "id"},
    {"pages", "document_id"},
    {"pages", "number"},
    {"pages", "width_pt"},
    {"pages", "height_pt"},
    {"pages", "width_px"},
    {"pages", "height_px"},
    {"pages", "dpi"},
    {"pages", "rotation"},
    {"pages", "kind"},
    {"pages", "status"},
    {"pages", "review"},
    {"pages", "error"},
    {"pages", "attempts"},
    {"pages", "engine"},
    {"pages", "render_ms"},
    {"pages", "total_ms"},
    {"pages", "id"},
    {"documents", "path"},
    {"documents", "name"},
    {"documents", "sha256"},
    {"documents", "size"},
    {"documents", "kind"},
    {"documents", "page_count"},
    {"documents", "imported_at"},
    {"documents", "error"},
    {"documents", "type"},
    {"documents", "id"},
    {"labels", "name"},
    {"labels", "color"},
    {"labels", "shortcut"},
    {"labels", "id"},
    {"edits", "group_id"},
    {"edits", "page_id"},
    {"edits", "word_id"},
    {"edits", "action"},
    {"edits", "before"},
    {"edits", "after"},
    {"edits", "author"},
    {"edits", "at"},
    {"edits", "undone"},
    {"meta", "value"},
    {"edits", "before"},
    {"edits", "after"},
};
constexpr size_t kColumnCount = sizeof kColumns / sizeof kColumns[0];

// Columns added by later schemas, picked by the column bytes 240-255 (kColumns by the others), so that
// the inputs in regressions/ still write the columns they were found with.
constexpr Column kLaterColumns[] = {
    {"pages", "failure"}, {"documents", "failure"},  {"words", "engine"},
    {"words", "flagged"}, {"words", "alternatives"},
};
constexpr size_t kLaterColumnCount = sizeof kLaterColumns / sizeof kLaterColumns[0];
constexpr uint8_t kFirstLaterColumnByte = 240;

// Keys of the edit history's JSON (edit_history.cpp fullWordJson and the page review edit).
constexpr const char* kJsonKeys[] = {"id",    "page_id",  "block",  "line",       "ord",    "text",     "x0",
                                     "y0",    "x1",       "y1",     "confidence", "source", "ocr_text", "label_id",
                                     "label", "reviewed", "edited", "chars",      "review"};
constexpr size_t kJsonKeyCount = sizeof kJsonKeys / sizeof kJsonKeys[0];

constexpr long long kExtremes[] = {0,
                                   -1,
                                   1,
                                   INT_MAX,
                                   INT_MIN,
                                   static_cast<long long>(INT_MAX) + 1,
                                   static_cast<long long>(INT_MIN) - 1,
                                   LLONG_MAX,
                                   LLONG_MIN,
                                   1'000'000'000};

class Input {
public:
    Input(const uint8_t* data, size_t size) : m_data(data), m_size(size) {}
    bool empty() const { return m_pos >= m_size; }
    uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    template <typename T>
    T raw()
    {
        T v{};
        const size_t n = std::min(sizeof(T), m_size - std::min(m_pos, m_size));
        std::memcpy(&v, m_data + m_pos, n);
        m_pos += n;
        return v;
    }
    QByteArray bytes()
    {
        const size_t n = std::min<size_t>(byte(), m_size - std::min(m_pos, m_size));
        QByteArray out(reinterpret_cast<const char*>(m_data + m_pos), static_cast<qsizetype>(n));
        m_pos += n;
        return out;
    }

private:
    const uint8_t* m_data;
    size_t m_size;
    size_t m_pos = 0;
};

QJsonValue jsonValue(Input& in, int depth)
{
    switch (in.byte() % 9) {
    case 0: return static_cast<int>(in.raw<int32_t>());
    case 1: return static_cast<qint64>(kExtremes[in.byte() % (sizeof kExtremes / sizeof kExtremes[0])]);
    case 2: return in.raw<double>();
    case 3: return QString::fromUtf8(in.bytes());
    case 4: return QString::fromLatin1(in.bytes().toBase64()); // a "chars" blob
    case 5: return bool(in.byte() & 1);
    case 6: return QJsonValue(QJsonValue::Null);
    case 7: return depth > 1 ? QJsonValue(QJsonArray{}) : QJsonValue(QJsonArray{jsonValue(in, depth + 1)});
    default: return QJsonObject{};
    }
}

QByteArray jsonObject(Input& in)
{
    QJsonObject o;
    const int keys = in.byte() % 10;
    for (int i = 0; i < keys; ++i)
        o[QLatin1String(kJsonKeys[in.byte() % kJsonKeyCount])] = jsonValue(in, 0);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// One cell write (or row delete) with a value of the input's choosing. Failures (NOT NULL, UNIQUE)
// are simply skipped: the file then keeps the old value.
void applyWrite(sqlite3* db, Input& in)
{
    const uint8_t pick = in.byte();
    const Column& c =
        pick >= kFirstLaterColumnByte ? kLaterColumns[pick % kLaterColumnCount] : kColumns[pick % kColumnCount];
    const long long rowid = in.byte() % 24 + 1;
    const int type = in.byte() % 10;
    const std::string sql = type == 9
                                ? std::string("DELETE FROM ") + c.table + " WHERE rowid = ?2"
                                : std::string("UPDATE ") + c.table + " SET " + c.column + " = ?1 WHERE rowid = ?2";
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return;
    }
    switch (type) {
    case 0: sqlite3_bind_int64(stmt, 1, in.raw<int64_t>()); break;
    case 1: sqlite3_bind_int64(stmt, 1, static_cast<int8_t>(in.byte())); break;
    case 2: sqlite3_bind_int64(stmt, 1, kExtremes[in.byte() % (sizeof kExtremes / sizeof kExtremes[0])]); break;
    case 3: sqlite3_bind_double(stmt, 1, in.raw<double>()); break;
    case 4: {
        const QByteArray b = in.bytes();
        sqlite3_bind_text(stmt, 1, b.constData(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
        break;
    }
    case 5: {
        const QByteArray b = in.bytes();
        sqlite3_bind_blob(stmt, 1, b.constData(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
        break;
    }
    case 6: sqlite3_bind_null(stmt, 1); break;
    case 7:
    case 8: {
        const QByteArray json = jsonObject(in);
        sqlite3_bind_text(stmt, 1, json.constData(), static_cast<int>(json.size()), SQLITE_TRANSIENT);
        break;
    }
    default: break; // delete
    }
    sqlite3_bind_int64(stmt, 2, rowid);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
}

RecognizedWord ocrWord(const QString& text, PixelBox box, int line)
{
    RecognizedWord w;
    w.text = text;
    w.box = box;
    w.confidence = 87.5f;
    w.line = line;
    const int n = static_cast<int>(text.size());
    for (int i = 0; i < n; ++i) {
        const int x0 = box.x0 + box.width() * i / n, x1 = box.x0 + box.width() * (i + 1) / n;
        w.chars.push_back({text.mid(i, 1), {x0, box.y0, x1, box.y1}, 80.f + static_cast<float>(i)});
    }
    return w;
}

// A small real project with one edit of each kind; its bytes are the start of every input.
QByteArray makeTemplate()
{
    const QString path = fuzz::tempFolder() + QStringLiteral("/template.incidoc");
    {
        auto opened = ProjectStore::open(path, OpenMode::ReadWrite);
        if (!opened.ok())
            qFatal("fuzz_project_rows: cannot create the template project: %s", qPrintable(opened.error().message));
        ProjectStore& store = **opened;
        DocumentRecord doc;
        doc.path = QStringLiteral("/data/incident-42.pdf");
        doc.name = QStringLiteral("incident-42.pdf");
        doc.sha256 = QString(64, QLatin1Char('a'));
        doc.size = 12345;
        doc.kind = DocumentKind::Pdf;
        doc.pageCount = 2;
        std::vector<PageInfo> infos(2);
        infos[0] = {1, 612, 792, 0, 0, 0, 0};
        infos[1] = {2, 792, 612, 90, 0, 0, 0};
        const DocumentId docId = *store.addDocument(doc, infos);
        DocumentRecord failed = doc;
        failed.path = QStringLiteral("/data/broken.pdf");
        failed.name = QStringLiteral("broken.pdf");
        failed.sha256 = QString(64, QLatin1Char('b'));
        failed.error = QStringLiteral("damaged PDF: cannot be opened");
        (void)store.addFailedDocument(failed);
        const std::vector<PageRecord> pages = *store.pages(docId);
        std::vector<PageOutcome> outcomes;
        for (const PageRecord& p : pages) {
            PageOutcome o;
            o.pageId = p.id;
            o.kind = PageKind::Scanned;
            o.widthPx = 2550;
            o.heightPx = 3300;
            o.dpi = 300;
            o.engine = QStringLiteral("tesseract 5.3.0 (eng)");
            o.result.lines = {{{100, 100, 900, 140}, 85.f}, {{100, 200, 900, 240}, 85.f}};
            o.result.blocks = {{{100, 100, 900, 240}, 85.f}};
            o.result.words = {ocrWord(QStringLiteral("Incident"), {100, 100, 300, 140}, 0),
                              ocrWord(QStringLiteral("report"), {320, 100, 480, 140}, 0),
                              ocrWord(QStringLiteral("John"), {100, 200, 200, 240}, 1),
                              ocrWord(QStringLiteral("Smith"), {220, 200, 340, 240}, 1),
                              ocrWord(QStringLiteral("12/05/2024"), {360, 200, 600, 240}, 1)};
            // Two readers: every word Tesseract's, two of them flagged with PP-OCR's other reading.
            for (RecognizedWord& w : o.result.words)
                w.engine = QStringLiteral("tesseract");
            for (std::size_t i : {std::size_t{1}, std::size_t{4}}) {
                o.result.words[i].flagged = true;
                o.result.words[i].alternatives.push_back(
                    {QStringLiteral("ppocr"), o.result.words[i].text + 'x', 71.5f});
            }
            outcomes.push_back(o);
        }
        (void)store.markProcessing({pages[0].id, pages[1].id});
        (void)store.storeOutcomes(outcomes);
        const std::vector<WordRecord> words = *store.words(pages[0].id);
        const std::vector<LabelRecord> labels = *store.labels();
        (void)store.updateWordText(words[0].id, QStringLiteral("Incidnet"));
        (void)store.updateWordBox(words[1].id, {318, 98, 482, 142});
        (void)store.setWordLabel(words[2].id, labels[0].id);
        (void)store.setWordsLabel({words[2].id, words[3].id}, labels[0].id);
        (void)store.setWordsReviewed({words[0].id, words[1].id}, true);
        (void)store.setPageReview(pages[0].id, ReviewStatus::InProgress);
        WordRecord drawn;
        drawn.text = QStringLiteral("Main St");
        drawn.box = {620, 200, 800, 240};
        drawn.source = WordSource::User;
        (void)store.addUserWord(pages[0].id, drawn);
        (void)store.mergeWords({words[2].id, words[3].id});
        (void)store.splitWord(words[4].id, 3);
        const std::vector<WordRecord> second = *store.words(pages[1].id);
        (void)store.deleteWord(second[1].id);
        const long long group = *store.beginEditGroup();
        (void)store.updateWordText(second[0].id, QStringLiteral("Incident:"), group);
        (void)store.deleteWords({second[2].id, second[3].id}, group);
        (void)store.undoEditGroup(group);
        (void)store.acceptWord(second[4].id);
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fuzz_project_rows: cannot read the template project");
    const QByteArray bytes = f.readAll();
    f.close();
    QFile::remove(path);
    return bytes;
}

const QByteArray& templateBytes()
{
    static const QByteArray bytes = makeTemplate();
    return bytes;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::initFuzzProcess();
    // run_fuzzers.sh takes the template as a seed of fuzz_project too (a real project with edits).
    if (const QString out = qEnvironmentVariable("INCIDOC_FUZZ_WRITE_TEMPLATE"); !out.isEmpty()) {
        QFile f(out);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(templateBytes()) != templateBytes().size())
            qFatal("fuzz_project_rows: cannot write %s", qPrintable(out));
    }
    (void)templateBytes();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray& base = templateBytes();
    fuzz::TempInput file(reinterpret_cast<const uint8_t*>(base.constData()), static_cast<size_t>(base.size()),
                         QStringLiteral(".incidoc"));
    if (!file.ok())
        return 0;
    Input in(data, size);
    {
        sqlite3* db = nullptr;
        if (sqlite3_open_v2(QFile::encodeName(file.path()).constData(), &db, SQLITE_OPEN_READWRITE, nullptr)
            != SQLITE_OK) {
            sqlite3_close_v2(db);
            return 0;
        }
        // A hand-edited file: values its schema's CHECKs and foreign keys would refuse.
        sqlite3_exec(db, "PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF; BEGIN", nullptr, nullptr,
                     nullptr);
        const int writes = in.byte() % 32;
        for (int i = 0; i < writes && !in.empty(); ++i)
            applyWrite(db, in);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close_v2(db);
    }
    const uint8_t groupSel = in.byte(), wordA = in.byte(), wordB = in.byte(), at = in.byte();

    if (auto store = ProjectStore::open(file.path(), OpenMode::ReadOnly); store.ok())
        (void)fuzz::readProject(**store);
    if (auto opened = ProjectStore::open(file.path(), OpenMode::ReadWrite); opened.ok()) {
        ProjectStore& store = **opened;
        const long long newest = fuzz::readProject(store);
        fuzz::undoRedo(store, groupSel == 0 ? newest : groupSel % 16);
        // Edits that decode and re-encode character blobs and renumber reading order from the file.
        const WordId a = wordA % 24 + 1, b = wordB % 24 + 1;
        (void)store.mergeWords({a, b});
        (void)store.splitWord(a, at % 12);
        (void)store.updateWordBox(b, {10, 10, 60 + at, 40});
        (void)store.acceptWord(b);
        (void)store.updateWordText(a, QStringLiteral("x"));
        (void)store.deleteWords({b});
        (void)store.requeueFailed();
        (void)store.recoverInterrupted();
        (void)fuzz::readProject(store);
    }
    fuzz::removeProjectFiles(file.path());
    return 0;
}
