// The streaming ZIP writer, checked by independent readers: Python's zipfile and Info-ZIP's unzip.

#include "core/export/zip_writer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

using namespace incidoc;

namespace {

struct ProgramRun {
    int code = -1;
    QString out;
};

ProgramRun runProgram(const QString& program, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(300'000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

// testzip() is None, then prints "name<TAB>sha256" of every entry, in order.
ProgramRun pythonListing(const QString& zip)
{
    return runProgram(QStringLiteral("python3"),
                      {QStringLiteral("-c"),
                       QStringLiteral("import sys, zipfile, hashlib\n"
                                      "z = zipfile.ZipFile(sys.argv[1])\n"
                                      "assert z.testzip() is None\n"
                                      "for i in z.infolist():\n"
                                      "    print(i.filename + '\\t' + hashlib.sha256(z.read(i)).hexdigest()"
                                      " + '\\t' + str(i.compress_type))\n"),
                       zip});
}

Status writeZip(const QString& path, const std::vector<ZipEntry>& entries)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return makeError(ErrorCode::Io, QStringLiteral("open"));
    ZipWriter w(fd, QDateTime::currentDateTime());
    for (const auto& e : entries) {
        if (auto s = w.add(e); !s) {
            ::close(fd);
            return s;
        }
    }
    Status s = w.finish();
    ::close(fd);
    return s;
}

QByteArray text(int lines)
{
    QByteArray b;
    for (int i = 0; i < lines; ++i)
        b += "{\"word\": \"Incident\", \"line\": " + QByteArray::number(i) + "},\n";
    return b;
}

QByteArray sha(const QByteArray& b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}

} // namespace

TEST(ZipWriter, ArchiveOpensInPythonAndUnzipWithStoredDeflatedAndFragmentedEntries)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QByteArray json = text(2000);
    QByteArray noise(200'000, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (char& c : noise)
        c = static_cast<char>(rng.bounded(256));
    // A fragmented entry built from pieces compressed separately (as the export does for coco.json).
    FragmentedEntry frag(QStringLiteral("coco.json"));
    QByteArray whole;
    for (int i = 0; i < 5; ++i) {
        const QByteArray piece = text(100 + i * 37);
        whole += piece;
        frag.append(piece, deflateChunk(piece), crc32Of(piece));
    }
    frag.append(QByteArray()); // an empty piece changes nothing
    const QString unicode = QStringLiteral("documents/%1/page-0001.json").arg(QStringLiteral("事故-é"));
    std::vector<ZipEntry> entries{prepareEntry(QStringLiteral("README.md"), json, true),
                                  prepareEntry(QStringLiteral("images/a/page-0001.png"), noise, false),
                                  prepareEntry(QStringLiteral("noise.bin"), noise, true), // deflate would grow it
                                  prepareEntry(QStringLiteral("empty.txt"), QByteArray(), true),
                                  prepareEntry(unicode, json.left(999), true),
                                  frag.finish()};
    EXPECT_TRUE(entries[0].deflated);
    EXPECT_LT(entries[0].data.size(), json.size() / 4);
    EXPECT_FALSE(entries[1].deflated);
    EXPECT_FALSE(entries[2].deflated);
    EXPECT_EQ(entries[5].sha256, sha(whole));
    EXPECT_EQ(entries[5].size, static_cast<quint64>(whole.size()));
    const QString zip = dir.filePath(QStringLiteral("a.zip"));
    ASSERT_TRUE(writeZip(zip, entries).ok());

    const ProgramRun py = pythonListing(zip);
    ASSERT_EQ(py.code, 0) << qPrintable(py.out);
    const QStringList lines = py.out.trimmed().split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 6) << qPrintable(py.out);
    const std::vector<QByteArray> expected{sha(json), sha(noise), sha(noise), sha({}), sha(json.left(999)), sha(whole)};
    const QStringList methods{QStringLiteral("8"), QStringLiteral("0"), QStringLiteral("0"),
                              QStringLiteral("0"), QStringLiteral("8"), QStringLiteral("8")};
    for (int i = 0; i < 6; ++i) {
        const QStringList f = lines[i].split(QLatin1Char('\t'));
        ASSERT_EQ(f.size(), 3);
        EXPECT_EQ(f[0], QString::fromUtf8(entries[i].name));
        EXPECT_EQ(f[1].toLatin1(), expected[i]) << qPrintable(f[0]);
        EXPECT_EQ(f[1].toLatin1(), entries[i].sha256);
        EXPECT_EQ(f[2], methods[i]) << qPrintable(f[0]);
    }
    const ProgramRun unzip = runProgram(QStringLiteral("unzip"), {QStringLiteral("-t"), zip});
    EXPECT_EQ(unzip.code, 0) << qPrintable(unzip.out);
    EXPECT_TRUE(unzip.out.contains(QStringLiteral("No errors detected"))) << qPrintable(unzip.out);
}

TEST(ZipWriter, MoreThan65535EntriesGiveAValidZip64Archive)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString zip = dir.filePath(QStringLiteral("many.zip"));
    const int fd = ::open(QFile::encodeName(zip).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    constexpr int kCount = 70'000;
    {
        ZipWriter w(fd, QDateTime::currentDateTime());
        for (int i = 0; i < kCount; ++i) {
            const QByteArray body = "entry " + QByteArray::number(i) + "\n";
            ASSERT_TRUE(
                w.add(prepareEntry(QStringLiteral("d/%1.txt").arg(i, 6, 10, QLatin1Char('0')), body, i % 2 == 0)).ok());
        }
        ASSERT_TRUE(w.finish().ok());
        EXPECT_EQ(w.entryCount(), static_cast<quint64>(kCount));
    }
    ::close(fd);
    const ProgramRun py = runProgram(QStringLiteral("python3"),
                                     {QStringLiteral("-c"),
                                      QStringLiteral("import sys, zipfile\n"
                                                     "z = zipfile.ZipFile(sys.argv[1])\n"
                                                     "assert z.testzip() is None\n"
                                                     "n = z.namelist()\n"
                                                     "assert len(n) == 70000, len(n)\n"
                                                     "assert z.read('d/069999.txt') == b'entry 69999\\n'\n"
                                                     "assert z.read('d/000000.txt') == b'entry 0\\n'\n"
                                                     "raw = open(sys.argv[1], 'rb').read()\n"
                                                     "assert raw.rfind(b'PK\\x06\\x06') > 0, 'no zip64 end record'\n"
                                                     "print('ok')\n"),
                                      zip});
    EXPECT_EQ(py.code, 0) << qPrintable(py.out);
    const ProgramRun unzip = runProgram(QStringLiteral("unzip"), {QStringLiteral("-tq"), zip});
    EXPECT_EQ(unzip.code, 0) << qPrintable(unzip.out.right(2000));
    EXPECT_TRUE(unzip.out.contains(QStringLiteral("No errors detected"))) << qPrintable(unzip.out.right(2000));
}

TEST(ZipWriter, FullDiskIsAClearErrorAndLaterWritesFailToo)
{
    const int fd = ::open("/dev/full", O_WRONLY);
    ASSERT_GE(fd, 0);
    ZipWriter w(fd, QDateTime::currentDateTime());
    QByteArray big(3 << 20, 'x'); // over the writer's buffer: reaches the device at once
    Status s = w.add(prepareEntry(QStringLiteral("big.bin"), big, false));
    if (s.ok())
        s = w.finish();
    ::close(fd);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::Io);
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("No space left"))) << qPrintable(s.error().message);
    EXPECT_FALSE(w.add(prepareEntry(QStringLiteral("next"), "x", false)).ok());
}

TEST(ZipWriter, DeflatedPiecesConcatenateIntoOneStream)
{
    // Pieces deflated separately then joined must inflate to the joined text (checked by python zlib).
    QByteArray joined, raw;
    for (int i = 0; i < 4; ++i) {
        const QByteArray piece = text(i * 50);
        raw += piece;
        joined += deflateChunk(piece);
    }
    joined += QByteArray("\x03\x00", 2);
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("d.bin")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(joined);
    f.close();
    const ProgramRun py =
        runProgram(QStringLiteral("python3"), {QStringLiteral("-c"),
                                               QStringLiteral("import sys, zlib, hashlib\n"
                                                              "d = zlib.decompressobj(-15)\n"
                                                              "out = d.decompress(open(sys.argv[1], 'rb').read())\n"
                                                              "assert d.eof\n"
                                                              "print(hashlib.sha256(out).hexdigest())\n"),
                                               f.fileName()});
    ASSERT_EQ(py.code, 0) << qPrintable(py.out);
    EXPECT_EQ(py.out.trimmed().toLatin1(), sha(raw));
}
