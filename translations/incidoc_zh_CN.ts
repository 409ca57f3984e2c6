<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>cli</name>
    <message>
        <source>OCR on %1</source>
        <translation>在 %1 上进行 OCR</translation>
    </message>
    <message>
        <source>%1: OCR runs on this machine (--fallback local)</source>
        <translation>%1：OCR 在本机运行（--fallback local）</translation>
    </message>
    <message>
        <source>  FAILED  %1 page %2: %3</source>
        <translation>  失败  %1 第 %2 页：%3</translation>
    </message>
    <message>
        <source>%1 page(s) were OCR&apos;d on this machine: no worker was reachable for them (--fallback local)</source>
        <translation>%1 页在本机进行了 OCR：没有可连接的 worker（--fallback local）</translation>
    </message>
    <message>
        <source>Processed %1 pages in %2 s (%3 pages/s): %4 done, %5 failed, %6 words</source>
        <translation>已处理 %1 页，用时 %2 秒（%3 页/秒）：完成 %4，失败 %5，共 %6 个词</translation>
    </message>
    <message>
        <source>Interrupted: %1 pages stay queued; run `incidoc-cli ocr -p %2` to continue.</source>
        <translation>已中断：%1 页仍在队列中；运行 `incidoc-cli ocr -p %2` 以继续。</translation>
    </message>
    <message>
        <source>error: OCR stopped: %1. %2 page(s) stay queued: run `incidoc-cli ocr -p %3` when a worker is reachable, or add --fallback local to OCR on this machine.</source>
        <translation>错误：OCR 已停止：%1。%2 页仍在队列中：在有 worker 可连接时运行 `incidoc-cli ocr -p %3`，或加上 --fallback local 在本机进行 OCR。</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>error: cannot open project %1: %2</source>
        <translation>错误：无法打开项目 %1：%2</translation>
    </message>
    <message>
        <source>  FAILED  %1: %2</source>
        <translation>  失败  %1：%2</translation>
    </message>
    <message>
        <source>Added %1 file(s) with %2 page(s); %3 already in the project; %4 failed%5</source>
        <translation>已添加 %1 个文件，共 %2 页；%3 个已在项目中；%4 个失败%5</translation>
    </message>
    <message>
        <source>; %1 other file(s) skipped</source>
        <translation>；跳过了 %1 个其他文件</translation>
    </message>
    <message>
        <source>Nothing to do: no queued pages.</source>
        <translation>无事可做：队列中没有页面。</translation>
    </message>
    <message>
        <source>Project:   %1</source>
        <translation>项目：    %1</translation>
    </message>
    <message>
        <source>Documents: %1 (%2 failed to import)</source>
        <translation>文档：    %1（%2 个导入失败）</translation>
    </message>
    <message>
        <source>Pages:     %1 (done %2, queued %3, processing %4, failed %5)</source>
        <translation>页面：    %1（完成 %2，排队 %3，处理中 %4，失败 %5）</translation>
    </message>
    <message>
        <source>Kinds:     scanned %1, text-layer %2, blank %3, not yet known %4</source>
        <translation>类型：    扫描 %1，文本层 %2，空白 %3，尚未确定 %4</translation>
    </message>
    <message>
        <source>Words:     %1</source>
        <translation>词数：    %1</translation>
    </message>
    <message>
        <source>Reviewed:  %1 page(s)</source>
        <translation>已审阅：  %1 页</translation>
    </message>
    <message>
        <source>Failures:</source>
        <translation>失败：</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1：%2</translation>
    </message>
    <message>
        <source>  %1 page %2: %3</source>
        <translation>  %1 第 %2 页：%3</translation>
    </message>
    <message>
        <source>error: dump needs -o DIR</source>
        <translation>错误：dump 需要 -o 目录</translation>
    </message>
    <message>
        <source>Wrote %1 page(s) of %2 document(s) to %3</source>
        <translation>已将 %2 个文档的 %1 页写入 %3</translation>
    </message>
    <message>
        <source>error: export needs -o FILE.zip</source>
        <translation>错误：export 需要 -o 文件.zip</translation>
    </message>
    <message>
        <source>error: cannot open project %1: it does not exist</source>
        <translation>错误：无法打开项目 %1：它不存在</translation>
    </message>
    <message>
        <source>Interrupted: no bundle was written.</source>
        <translation>已中断：未写入任何数据包。</translation>
    </message>
    <message>
        <source>Wrote %1: %2 page(s) of %3 document(s), %4 entries, %5 MB in %6 s (%7 jobs)</source>
        <translation>已写入 %1：%3 个文档的 %2 页，%4 个条目，%5 MB，用时 %6 秒（%7 个并行任务）</translation>
    </message>
    <message>
        <source>files and folders (import)</source>
        <translation>文件和文件夹（import）</translation>
    </message>
    <message>
        <source>Print versions of Incidoc and its engines.</source>
        <translation>显示 Incidoc 及其引擎的版本。</translation>
    </message>
    <message>
        <source>Project file (*.incidoc); created when missing.</source>
        <translation>项目文件（*.incidoc）；不存在时自动创建。</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>机器可读的输出。</translation>
    </message>
    <message>
        <source>Print only errors.</source>
        <translation>只显示错误。</translation>
    </message>
    <message>
        <source>Pages in parallel (default: cores).</source>
        <translation>并行处理的页数（默认：CPU 核心数）。</translation>
    </message>
    <message>
        <source>Render resolution for PDF pages (default 300).</source>
        <translation>PDF 页面的渲染分辨率（默认 300）。</translation>
    </message>
    <message>
        <source>OCR languages, e.g. eng or eng+fra (default eng).</source>
        <translation>OCR 语言，例如 eng 或 eng+chi_sim（默认 eng）。</translation>
    </message>
    <message>
        <source>Binarization for page images: adaptive (default), sauvola, otsu, none.</source>
        <translation>页面图像的二值化方法：adaptive（默认）、sauvola、otsu、none。</translation>
    </message>
    <message>
        <source>ocr: retry failed pages.</source>
        <translation>ocr：重试失败的页面。</translation>
    </message>
    <message>
        <source>ocr: redo every page (words a person edited are kept).</source>
        <translation>ocr：重做所有页面（保留人工编辑过的词）。</translation>
    </message>
    <message>
        <source>dump: output folder; export: the .zip file.</source>
        <translation>dump：输出文件夹；export：.zip 文件。</translation>
    </message>
    <message>
        <source>Seconds a page render may take (default 60).</source>
        <translation>渲染一页允许的秒数（默认 60）。</translation>
    </message>
    <message>
        <source>export: only reviewed pages.</source>
        <translation>export：只导出已审阅的页面。</translation>
    </message>
    <message>
        <source>export: page images binarized (default), original or none.</source>
        <translation>export：页面图像 binarized（默认）、original 或 none。</translation>
    </message>
    <message>
        <source>export: no page visualizations.</source>
        <translation>export：不生成页面可视化。</translation>
    </message>
    <message>
        <source>export: only these document ids.</source>
        <translation>export：只导出这些文档 ID。</translation>
    </message>
    <message>
        <source>OCR on incidoc-worker processes: HOST:PORT[,HOST:PORT...] or dns:///NAME:PORT.</source>
        <translation>在 incidoc-worker 进程上进行 OCR：主机:端口[,主机:端口...] 或 dns:///名称:端口。</translation>
    </message>
    <message>
        <source>File holding the workers&apos; API key (first line).</source>
        <translation>存放 worker API 密钥的文件（第一行）。</translation>
    </message>
    <message>
        <source>Connect to the workers with TLS, checking their certificates against this CA (PEM).</source>
        <translation>使用 TLS 连接 worker，并用此 CA（PEM）验证其证书。</translation>
    </message>
    <message>
        <source>When no worker is reachable: stop (default; pages stay queued) or local (OCR here).</source>
        <translation>没有可连接的 worker 时：stop（默认；页面留在队列中）或 local（在本机 OCR）。</translation>
    </message>
    <message>
        <source>How pages travel to workers: grey8 (raw, default on this machine) or png (default for other machines).</source>
        <translation>页面发送给 worker 的格式：grey8（原始数据，本机默认）或 png（其他机器默认）。</translation>
    </message>
    <message>
        <source>import: larger files are refused (default 2048).</source>
        <translation>import：拒绝更大的文件（默认 2048）。</translation>
    </message>
    <message>
        <source>Send the API key to workers on other machines without TLS (trusted networks only).</source>
        <translation>在没有 TLS 的情况下向其他机器上的 worker 发送 API 密钥（仅限可信网络）。</translation>
    </message>
    <message>
        <source>error: %1
Try &apos;incidoc-cli --help&apos;.</source>
        <translation>错误：%1
请尝试 &apos;incidoc-cli --help&apos;。</translation>
    </message>
    <message>
        <source>error: no command given
Try &apos;incidoc-cli --help&apos;.</source>
        <translation>错误：未指定命令
请尝试 &apos;incidoc-cli --help&apos;。</translation>
    </message>
    <message>
        <source>error: --%1 takes a whole number from 1 to %2</source>
        <translation>错误：--%1 需要 1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>error: --memory-limit-mb takes 0 (none) or a number of MB from 256 up</source>
        <translation>错误：--memory-limit-mb 需要 0（不限）或不小于 256 的 MB 数</translation>
    </message>
    <message>
        <source>error: --binarize takes adaptive, sauvola, otsu or none</source>
        <translation>错误：--binarize 需要 adaptive、sauvola、otsu 或 none</translation>
    </message>
    <message>
        <source>error: --fallback takes stop or local</source>
        <translation>错误：--fallback 需要 stop 或 local</translation>
    </message>
    <message>
        <source>error: --worker-images takes grey8 or png</source>
        <translation>错误：--worker-images 需要 grey8 或 png</translation>
    </message>
    <message>
        <source>error: --api-key-file, --tls-ca and --fallback need --workers</source>
        <translation>错误：--api-key-file、--tls-ca 和 --fallback 需要配合 --workers 使用</translation>
    </message>
    <message>
        <source>error: --images takes binarized, original or none</source>
        <translation>错误：--images 需要 binarized、original 或 none</translation>
    </message>
    <message>
        <source>error: --documents takes document ids (whole numbers), e.g. 1,3</source>
        <translation>错误：--documents 需要文档 ID（整数），例如 1,3</translation>
    </message>
    <message>
        <source>error: -p/--project FILE is required</source>
        <translation>错误：必须指定 -p/--project 文件</translation>
    </message>
    <message>
        <source>error: import needs at least one file or folder</source>
        <translation>错误：import 至少需要一个文件或文件夹</translation>
    </message>
    <message>
        <source>error: %1 takes no paths</source>
        <translation>错误：%1 不接受路径参数</translation>
    </message>
    <message>
        <source>error: Tesseract language data for &apos;%1&apos; is not installed (Debian package %2)</source>
        <translation>错误：未安装 &apos;%1&apos; 的 Tesseract 语言数据（Debian 软件包 %2）</translation>
    </message>
    <message>
        <source>[%1] %2/%3 pages  %4 pages/s  %5 left</source>
        <translation>[%1] %2/%3 页  %4 页/秒  剩余 %5</translation>
    </message>
    <message>
        <source>  (%1 failed)</source>
        <translation>  （%1 页失败）</translation>
    </message>
    <message>
        <source>the page helper incidoc-page-host is missing (looked beside %1 and in ../libexec/incidoc): reinstall incidoc-cli, or run with --no-isolation</source>
        <translation>找不到页面辅助程序 incidoc-page-host（已在 %1 旁边和 ../libexec/incidoc 中查找）：请重新安装 incidoc-cli，或使用 --no-isolation 运行</translation>
    </message>
    <message>
        <source>Seconds OCR of a page may take (default 60).</source>
        <translation>一页 OCR 允许的秒数（默认 60）。</translation>
    </message>
    <message>
        <source>import/ocr: open files and process pages in this process, not in page helper processes (a crash in a page then ends the run).</source>
        <translation>import/ocr：在本进程中打开文件并处理页面，而不是在页面辅助进程中（此时某页崩溃会结束整个运行）。</translation>
    </message>
    <message>
        <source>import/ocr: memory budget of each page helper process (default 4096; 0: none); over it, its page or file is skipped.</source>
        <translation>import/ocr：每个页面辅助进程的内存预算（默认 4096；0：不限）；超出时跳过其页面或文件。</translation>
    </message>
    <message>
        <source>import/ocr: OCR engines for scanned pages: tesseract, ppocr or tesseract+ppocr (default: the profile&apos;s; remembered in the project).</source>
        <translation>import/ocr：扫描页面使用的 OCR 引擎：tesseract、ppocr 或 tesseract+ppocr（默认：由配置档决定；记录在项目中）。</translation>
    </message>
    <message>
        <source>import/ocr: fast (Tesseract alone) or accurate (two readers, the default; remembered in the project).</source>
        <translation>import/ocr：fast（仅 Tesseract）或 accurate（两个识别器，默认；记录在项目中）。</translation>
    </message>
    <message>
        <source>import, ocr, status, dump, export or engines</source>
        <translation>import、ocr、status、dump、export 或 engines</translation>
    </message>
    <message>
        <source>error: --engine takes tesseract, ppocr or tesseract+ppocr</source>
        <translation>错误：--engine 的取值为 tesseract、ppocr 或 tesseract+ppocr</translation>
    </message>
    <message>
        <source>error: --profile takes fast or accurate</source>
        <translation>错误：--profile 的取值为 fast 或 accurate</translation>
    </message>
    <message>
        <source>error: the OCR engine %1 is not available: %2</source>
        <translation>错误：OCR 引擎 %1 不可用：%2</translation>
    </message>
    <message>
        <source>detects</source>
        <translation>检测</translation>
    </message>
    <message>
        <source>recognizes</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <source>  capabilities: %1</source>
        <translation>  能力：%1</translation>
    </message>
    <message>
        <source>  languages:    %1</source>
        <translation>  语言：%1</translation>
    </message>
    <message>
        <source>note: the OCR engine %1 is not available (%2): Tesseract reads alone</source>
        <translation>注意：OCR 引擎 %1 不可用（%2）：仅由 Tesseract 识别</translation>
    </message>
    <message>
        <source>error: remove needs at least one document (its id or path)</source>
        <translation>错误：remove 至少需要一个文档（其 id 或路径）</translation>
    </message>
    <message>
        <source>no such document in the project</source>
        <translation>项目中没有此文档</translation>
    </message>
    <message>
        <source>its pages were read or are waiting to be read: only a document that failed can be removed</source>
        <translation>其页面已识别或正等待识别：只能移除失败的文档</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>已移除 %1</translation>
    </message>
    <message>
        <source>error: %1: %2</source>
        <translation>错误：%1：%2</translation>
    </message>
    <message>
        <source>export: json,coco,labelstudio,hocr,alto,metrics,funsd,page,records,lines,crops (default: all but lines and crops).</source>
        <translation>export：json,coco,labelstudio,hocr,alto,metrics,funsd,page,records,lines,crops（默认：除 lines 和 crops 外全部）。</translation>
    </message>
    <message>
        <source>error: --formats takes a list of json, coco, labelstudio, hocr, alto, metrics, funsd, page, records, lines, crops</source>
        <translation>错误：--formats 接受以下格式的列表：json、coco、labelstudio、hocr、alto、metrics、funsd、page、records、lines、crops</translation>
    </message>
    <message>
        <source>export: write nothing (exit 2) while the checks before export find anything.</source>
        <translation>export：导出前检查发现任何问题时不写出任何内容（退出码 2）。</translation>
    </message>
    <message>
        <source>propose: group words into entities (default: entities and links).</source>
        <translation>propose：将词组合为实体（默认：实体和链接）。</translation>
    </message>
    <message>
        <source>propose: link keys to their values (default: entities and links).</source>
        <translation>propose：将键链接到其值（默认：实体和链接）。</translation>
    </message>
    <message>
        <source>propose: accept the proposals at once.</source>
        <translation>propose：立即接受建议。</translation>
    </message>
    <message>
        <source>import: annotation files (hOCR, ALTO, PAGE, FUNSD, Label Studio) named like the images, in DIR.</source>
        <translation>import：目录中与图像同名的标注文件（hOCR、ALTO、PAGE、FUNSD、Label Studio）。</translation>
    </message>
    <message>
        <source>error: unknown command &apos;%1&apos; (import, ocr, status, dump, export, remove, propose)</source>
        <translation>错误：未知命令 &apos;%1&apos;（import、ocr、status、dump、export、remove、propose）</translation>
    </message>
    <message numerus="yes">
        <source>The checks before export found %n problem(s); nothing was written (--strict):</source>
        <translation>
            <numerusform>导出前检查发现 %n 个问题；未写出任何内容（--strict）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The checks before export found %n problem(s) (--strict refuses to export):</source>
        <translation>
            <numerusform>导出前检查发现 %n 个问题（--strict 会拒绝导出）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more</source>
        <translation>
            <numerusform>  …… 另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>  ANNOTATIONS NOT IMPORTED  %1: %2 (the image is read by OCR)</source>
        <translation>  标注未导入  %1：%2（图像将由 OCR 读取）</translation>
    </message>
    <message>
        <source>Annotations: %1 file(s) imported as their pages&apos; words and forms; %2 refused</source>
        <translation>标注：%1 个文件已作为其页面的词和表单导入；%2 个被拒绝</translation>
    </message>
    <message>
        <source>Forms:     %1 entities (%2 proposed), %3 links (%4 proposed)</source>
        <translation>表单：    %1 个实体（%2 个建议），%3 个链接（%4 个建议）</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>检查：</translation>
    </message>
    <message>
        <source>Checks before export:</source>
        <translation>导出前检查：</translation>
    </message>
    <message>
        <source>error: no document %1 in the project</source>
        <translation>错误：项目中没有文档 %1</translation>
    </message>
    <message>
        <source>error: no document %1 with pages in the project</source>
        <translation>错误：项目中没有带页面的文档 %1</translation>
    </message>
    <message>
        <source>error: document %1 has no accepted entities on its first page to carry</source>
        <translation>错误：文档 %1 的第一页没有可套用的已接受实体</translation>
    </message>
    <message>
        <source>Added %1 entities and %2 links on %3 page(s)</source>
        <translation>已在 %3 页上添加 %1 个实体和 %2 个链接</translation>
    </message>
    <message>
        <source>Proposed %1 entities and %2 links on %3 page(s); accept or reject them in the app</source>
        <translation>已在 %3 页上建议 %1 个实体和 %2 个链接；请在应用中接受或拒绝</translation>
    </message>
    <message>
        <source>types profile: words read below this confidence (0-100) are flagged for review.</source>
        <translation>types profile：置信度低于此值（0-100）的词标记为待复核。</translation>
    </message>
    <message>
        <source>types profile: clear the type&apos;s profile (the project&apos;s choice applies).</source>
        <translation>types profile：清除该类型的配置（采用项目的设置）。</translation>
    </message>
    <message>
        <source>watch: look through the folders every S seconds besides the change notifications (default 30).</source>
        <translation>watch：除变更通知外，每 S 秒遍历一次文件夹（默认 30）。</translation>
    </message>
    <message>
        <source>watch: a file counts as complete once unchanged for MS milliseconds (default 1000).</source>
        <translation>watch：文件保持不变 MS 毫秒后视为完整（默认 1000）。</translation>
    </message>
    <message>
        <source>watch: move imported files (and duplicates) to DIR.</source>
        <translation>watch：将已导入的文件（及重复文件）移到 DIR。</translation>
    </message>
    <message>
        <source>watch: move imported files to a done/ folder in the first watched folder.</source>
        <translation>watch：将已导入的文件移到第一个监视文件夹中的 done/ 文件夹。</translation>
    </message>
    <message>
        <source>error: --review-threshold takes a number from 0 to 100</source>
        <translation>错误：--review-threshold 需要 0 到 100 之间的数</translation>
    </message>
    <message>
        <source>error: types list takes nothing more</source>
        <translation>错误：types list 不接受其他参数</translation>
    </message>
    <message>
        <source>error: types add takes a NAME and an optional TITLE</source>
        <translation>错误：types add 需要一个名称（NAME）和可选的标题（TITLE）</translation>
    </message>
    <message>
        <source>error: types %1 takes one type NAME</source>
        <translation>错误：types %1 需要一个类型名称（NAME）</translation>
    </message>
    <message>
        <source>error: types title takes a NAME and a TITLE</source>
        <translation>错误：types title 需要一个名称（NAME）和一个标题（TITLE）</translation>
    </message>
    <message>
        <source>error: types set takes a TYPE and at least one document (its id or path)</source>
        <translation>错误：types set 需要一个类型（TYPE）和至少一个文档（其 id 或路径）</translation>
    </message>
    <message>
        <source>error: types %1 takes at least one document (its id or path)</source>
        <translation>错误：types %1 需要至少一个文档（其 id 或路径）</translation>
    </message>
    <message>
        <source>error: unknown types command &apos;%1&apos; (list, add, remove, title, profile, set, clear, confirm)</source>
        <translation>错误：未知的 types 命令“%1”（list、add、remove、title、profile、set、clear、confirm）</translation>
    </message>
    <message>
        <source>error: --clear and --review-threshold go with types profile</source>
        <translation>错误：--clear 和 --review-threshold 只用于 types profile</translation>
    </message>
    <message>
        <source>error: types profile --clear takes no other setting</source>
        <translation>错误：types profile --clear 不能与其他设置同用</translation>
    </message>
    <message>
        <source>Incident report form</source>
        <translation>事件报告表</translation>
    </message>
    <message>
        <source>Continuation / narrative sheet</source>
        <translation>续页 / 叙述页</translation>
    </message>
    <message>
        <source>Witness statement</source>
        <translation>证人陈述</translation>
    </message>
    <message>
        <source>Photo of a document</source>
        <translation>文档照片</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Types:     %1 (%2 predicted, %3 untyped)</source>
        <translation>文档类型：  %1（%2 个为预测，%3 个无类型）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>the project&apos;s</source>
        <translation>项目的设置</translation>
    </message>
    <message>
        <source>%1  %2 example(s), %3 predicted  profile: %4  &quot;%5&quot;</source>
        <translation>%1  %2 个示例，%3 个预测  配置：%4  “%5”</translation>
    </message>
    <message>
        <source>the project has no document type &quot;%1&quot;</source>
        <translation>项目中没有文档类型“%1”</translation>
    </message>
    <message>
        <source>%1: profile %2</source>
        <translation>%1：配置 %2</translation>
    </message>
    <message>
        <source>it has no predicted type to confirm</source>
        <translation>它没有可确认的预测类型</translation>
    </message>
    <message>
        <source>%1: no type</source>
        <translation>%1：无类型</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Done: types %1 %2</source>
        <translation>完成：types %1 %2</translation>
    </message>
    <message>
        <source>error: %1: no such document in the project</source>
        <translation>错误：%1：项目中没有此文档</translation>
    </message>
    <message>
        <source>No typed examples yet: type a few documents of each type (incidoc-cli types set TYPE DOC...), then classify. Nothing was predicted; pages are processed with the project&apos;s profile.</source>
        <translation>还没有已标注类型的示例：请先为每种类型标注几个文档（incidoc-cli types set TYPE DOC...），再运行 classify。未做任何预测；页面按项目的配置处理。</translation>
    </message>
    <message>
        <source>Learned from %1 typed document(s) of %2 type(s): %3</source>
        <translation>从 %2 种类型的 %1 个已标注文档中学习：%3</translation>
    </message>
    <message>
        <source>  %1: %2 (%3 %)</source>
        <translation>  %1：%2（%3 %）</translation>
    </message>
    <message>
        <source>, or %1 (%2 %)</source>
        <translation>，或 %1（%2 %）</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) predicted</source>
        <translation>
            <numerusform>已预测 %n 个文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) wait for their first page</source>
        <translation>
            <numerusform>%n 个文档在等待其第一页</numerusform>
        </translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>error: --move-done DIR and --done cannot go together</source>
        <translation>错误：--move-done DIR 与 --done 不能同时使用</translation>
    </message>
    <message>
        <source>error: watch needs at least one folder</source>
        <translation>错误：watch 至少需要一个文件夹</translation>
    </message>
    <message>
        <source>Watched:   %1 file(s) waiting to be complete; %2 imported, %3 already in the project, %4 failed, %5 gone before complete</source>
        <translation>监视：  %1 个文件等待写完；%2 个已导入，%3 个已在项目中，%4 个失败，%5 个在写完前消失</translation>
    </message>
    <message>
        <source>  waiting %1 (%2 bytes, seen %3)</source>
        <translation>  等待 %1（%2 字节，发现于 %3）</translation>
    </message>
    <message>
        <source>  and %1 more</source>
        <translation>  另有 %1 个</translation>
    </message>
    <message>
        <source>note: the folder %1 is missing; it is watched for again</source>
        <translation>注意：文件夹 %1 不存在；将等待它重新出现</translation>
    </message>
    <message>
        <source>note: the folder %1 cannot be read; it is looked at again at every rescan</source>
        <translation>注意：无法读取文件夹 %1；每次重新扫描时会再次查看</translation>
    </message>
    <message>
        <source>note: the folder %1 cannot be resolved (a symbolic link loop or a link to nothing: %2)</source>
        <translation>注意：无法解析文件夹 %1（符号链接循环或指向不存在的链接：%2）</translation>
    </message>
    <message>
        <source>note: the pages wait, queued: %1</source>
        <translation>注意：页面在队列中等待：%1</translation>
    </message>
    <message>
        <source>  done    %1 page %2: %3 word(s)</source>
        <translation>  完成    %1 第 %2 页：%3 个词</translation>
    </message>
    <message numerus="yes">
        <source>  added   %1 (%n page(s))</source>
        <translation>
            <numerusform>  已添加 %1（%n 页）</numerusform>
        </translation>
    </message>
    <message>
        <source>  already in the project: %1</source>
        <translation>  已在项目中：%1</translation>
    </message>
    <message>
        <source>note: the folder %1 is watched again</source>
        <translation>注意：文件夹 %1 重新受到监视</translation>
    </message>
    <message>
        <source>Watching %1 (rescan every %2 s); Ctrl-C stops.</source>
        <translation>正在监视 %1（每 %2 秒重新扫描）；按 Ctrl-C 停止。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) will be read again with their type&apos;s profile: incidoc-cli ocr -p %1 reads them</source>
        <translation>
            <numerusform>%n 页将按其类型的配置重新读取：由 incidoc-cli ocr -p %1 读取</numerusform>
        </translation>
    </message>
    <message>
        <source>  type    %1: %2 (%3 %)</source>
        <translation>  类型    %1：%2（%3 %）</translation>
    </message>
    <message numerus="yes">
        <source>Predicted the type of %n document(s) after their first page</source>
        <translation>
            <numerusform>已在首页完成后预测 %n 个文档的类型</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents of one type only were typed (%1): type a few of another type too, then classify. Nothing was predicted.</source>
        <translation>只有一种类型的文档被标注了类型（%1）：请再为另一种类型标注几个文档，然后分类。未作任何预测。</translation>
    </message>
    <message>
        <source>import, watch: only register the files; capture: only capture.</source>
        <translation>import、watch：只登记文件；capture：只捕获。</translation>
    </message>
    <message>
        <source>propose: carry the form of this document&apos;s first page onto pages with the same layout; capture: the video file or camera (/dev/videoN) to take pages from.</source>
        <translation>propose：将此文档第一页的表单套用到版面相同的页面上；capture：从中获取页面的视频文件或摄像头（/dev/videoN）。</translation>
    </message>
    <message>
        <source>capture: a page held still and sharp this many milliseconds is captured (default 700).</source>
        <translation>capture：页面保持静止且清晰达到此毫秒数即被捕获（默认 700）。</translation>
    </message>
    <message>
        <source>error: capture needs --from FILE or --from /dev/videoN</source>
        <translation>错误：capture 需要 --from 文件 或 --from /dev/videoN</translation>
    </message>
    <message>
        <source>  captured page %1 at %2 s</source>
        <translation>  已在 %2 秒处捕获第 %1 页</translation>
    </message>
    <message>
        <source>error: %1; the %2 page(s) captured before are kept</source>
        <translation>错误：%1；此前捕获的 %2 页已保留</translation>
    </message>
    <message>
        <source>No page captured from %1 (%2 frames analysed, %3 s): none was held still and sharp for %4 ms</source>
        <translation>未从 %1 捕获任何页面（分析了 %2 帧，%3 秒）：没有页面保持静止且清晰达 %4 毫秒</translation>
    </message>
    <message>
        <source>Captured %1 page(s) from %2 (%3 frames analysed, %4 s) into %5</source>
        <translation>已从 %2 捕获 %1 页（分析了 %3 帧，%4 秒），存入 %5</translation>
    </message>
    <message>
        <source>Capturing from %1: hold each page still; Ctrl-C ends the session</source>
        <translation>正在从 %1 捕获：请保持每页静止；按 Ctrl-C 结束本次会话</translation>
    </message>
    <message>
        <source>Interrupted: the captured pages are kept, queued; incidoc-cli ocr -p %1 processes them</source>
        <translation>已中断：捕获的页面已保留并排队；运行 incidoc-cli ocr -p %1 处理它们</translation>
    </message>
    <message>
        <source>Photos:    %1 page(s) flattened (%2 with corners placed by hand), %3 with no page found</source>
        <translation>照片：     已展平 %1 页（其中 %2 页的四角为手动放置），%3 张未找到页面</translation>
    </message>
    <message>
        <source>mark: the page (its id, as dump lists it).</source>
        <translation>mark：页面（其 id，如 dump 所列）。</translation>
    </message>
    <message>
        <source>mark: a word of the page (its id).</source>
        <translation>mark：页面上的一个词（其 id）。</translation>
    </message>
    <message>
        <source>mark: an entity of the page (its id).</source>
        <translation>mark：页面上的一个实体（其 id）。</translation>
    </message>
    <message>
        <source>mark: a region of the page in pixels: x0,y0,x1,y1.</source>
        <translation>mark：页面上的一个区域，以像素计：x0,y0,x1,y1。</translation>
    </message>
    <message>
        <source>mark: what the value is: person_name, date_of_birth, date, phone, address, email, vehicle_plate, vin, id_number, signature, photo or other (default).</source>
        <translation>mark：值的类型：person_name、date_of_birth、date、phone、address、email、vehicle_plate、vin、id_number、signature、photo 或 other（默认）。</translation>
    </message>
    <message>
        <source>mark: not sensitive (overrules what would be redacted there).</source>
        <translation>mark：不敏感（覆盖该处原本会被脱敏的内容）。</translation>
    </message>
    <message>
        <source>error: --%1 takes an id (a whole number from 1 up)</source>
        <translation>错误：--%1 需要一个 id（从 1 起的整数）</translation>
    </message>
    <message>
        <source>error: mark needs --page ID</source>
        <translation>错误：mark 需要 --page ID</translation>
    </message>
    <message>
        <source>error: --region takes x0,y0,x1,y1 in page pixels, with x0 &lt; x1 and y0 &lt; y1</source>
        <translation>错误：--region 需要以页面像素计的 x0,y0,x1,y1，且 x0 &lt; x1、y0 &lt; y1</translation>
    </message>
    <message>
        <source>error: mark needs one of --word ID, --entity ID or --region x0,y0,x1,y1</source>
        <translation>错误：mark 需要 --word ID、--entity ID 或 --region x0,y0,x1,y1 之一</translation>
    </message>
    <message>
        <source>error: --not-sensitive takes no --type</source>
        <translation>错误：--not-sensitive 不接受 --type</translation>
    </message>
    <message>
        <source>error: --type takes one of %1</source>
        <translation>错误：--type 需要以下之一：%1</translation>
    </message>
    <message>
        <source>error: cannot open project %1: no such file</source>
        <translation>错误：无法打开项目 %1：文件不存在</translation>
    </message>
    <message>
        <source>word %1</source>
        <translation>词 %1</translation>
    </message>
    <message>
        <source>entity %1</source>
        <translation>实体 %1</translation>
    </message>
    <message>
        <source>region %1,%2,%3,%4</source>
        <translation>区域 %1,%2,%3,%4</translation>
    </message>
    <message>
        <source>Marked %1 of page %2 sensitive (%3): mark %4</source>
        <translation>已将第 %2 页的%1标为敏感（%3）：标记 %4</translation>
    </message>
    <message>
        <source>Marked %1 of page %2 not sensitive: mark %3</source>
        <translation>已将第 %2 页的%1标为不敏感：标记 %3</translation>
    </message>
    <message>
        <source>export: a redacted bundle (sensitive values as pseudonyms, their areas filled black), read back and refused if any original value is found.</source>
        <translation>export：脱敏数据包（敏感值替换为假名，其区域填充为黑色），写完后回读，若发现任何原始值则拒绝。</translation>
    </message>
    <message>
        <source>Incidoc command line: import incident documents into a project, OCR them, inspect and dump the results.

Commands:
  import PATH...   add PDFs, images and folders, then render, classify and OCR new pages
  ocr              process queued or interrupted pages (--failed: retry failed; --all: redo all)
  status           documents, pages by status and kind, words, failures
  dump -o DIR      write every page as incidoc.page/1 JSON
  export -o F.zip  write an incidoc.bundle/1 ZIP dataset (images, visualizations, JSON, COCO,
                   Label Studio, hOCR, ALTO, metrics)
  redactions       what a redacted export (export --redact) would redact: type, source, document, page, text
  engines          the OCR engines: version, languages, capabilities, availability
  propose [DOC...] propose entities and key -&gt; value links from the layout (--entities, --links; --accept)
  remove DOC...    take documents that failed (by id or path, as status lists them) out of the project
  types [add NAME [TITLE] | remove NAME | title NAME TITLE | profile NAME | set TYPE DOC... |
         clear DOC... | confirm DOC...]
                   the document types (with examples, profile, title), or change them or a
                   document&apos;s type
  classify [DOC...] predict the type of documents not typed by a person (--all: predict again)
  watch DIR...     import the files that land in these folders once they are complete, until stopped
  capture --from SOURCE  take a page from a video file or a camera (/dev/videoN) each time one is held
                   still and sharp, as the pages of one document, then OCR them
  mark --page ID (--word ID | --entity ID | --region X0,Y0,X1,Y1) [--type TYPE | --not-sensitive]
                   mark a word, an entity or a region sensitive for a redacted export, or not

OCR on a cluster: start incidoc-worker processes and add --workers HOST:PORT,... (or dns:///NAME:PORT)
to import or ocr; pages in flight default to the workers&apos; total threads.</source>
        <translation>Incidoc 命令行：将事件文档导入项目、进行 OCR、检查并导出结果。

命令：
  import PATH...   添加 PDF、图像和文件夹，然后渲染、分类并 OCR 新页面
  ocr              处理排队中或被中断的页面（--failed：重试失败的页面；--all：全部重做）
  status           文档、按状态和种类统计的页面、词、失败
  dump -o DIR      将每一页写成 incidoc.page/1 JSON
  export -o F.zip  写出 incidoc.bundle/1 ZIP 数据集（图像、可视化、JSON、COCO、
                   Label Studio、hOCR、ALTO、指标）
  redactions       脱敏导出（export --redact）将脱敏的内容：类型、来源、文档、页、文本
  engines          OCR 引擎：版本、语言、能力、可用性
  propose [DOC...] 根据版面提议实体和 键 -&amp;gt; 值 链接（--entities、--links；--accept）
  remove DOC...    将失败的文档（按 status 列出的 id 或路径）移出项目
  types [add NAME [TITLE] | remove NAME | title NAME TITLE | profile NAME | set TYPE DOC... |
         clear DOC... | confirm DOC...]
                   文档类型（含示例数、配置、标题），或修改类型，或修改
                   某个文档的类型
  classify [DOC...] 预测未经人工标注类型的文档的类型（--all：重新预测）
  watch DIR...     导入放入这些文件夹的文件（写完后），直到停止
  capture --from SOURCE  每当页面保持静止且清晰时，从视频文件或摄像头（/dev/videoN）获取一页，
                   作为同一文档的各页，然后进行 OCR
  mark --page ID (--word ID | --entity ID | --region X0,Y0,X1,Y1) [--type TYPE | --not-sensitive]
                   将一个词、一个实体或一个区域标为敏感（用于脱敏导出），或标为不敏感

在集群上 OCR：启动 incidoc-worker 进程，并在 import 或 ocr 时加上 --workers HOST:PORT,...（或 dns:///NAME:PORT）；
同时处理的页面数默认为各 worker 线程总数。</translation>
    </message>
    <message>
        <source>Redacted: %1 value(s) on %2 page(s), %3 word(s) rewritten, %4 area(s) filled; checked in %5 s</source>
        <translation>已脱敏：%2 页上 %1 个值，改写 %3 个词，填充 %4 个区域；检查用时 %5 秒</translation>
    </message>
    <message>
        <source>Nothing to redact.</source>
        <translation>没有需要脱敏的内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) of %1 distinct value(s).</source>
        <translation>
            <numerusform>%n 处发现，共 %1 个不同的值。</numerusform>
        </translation>
    </message>
    <message>
        <source>error: --tesseract-model %1: %2</source>
        <translation>错误：--tesseract-model %1：%2</translation>
    </message>
    <message>
        <source>import/ocr: Tesseract&apos;s English model: fast (Debian&apos;s tessdata_fast, the default) or best_int (about 1 point more words right on noisy forms, about 20 % slower; English only).</source>
        <translation>import/ocr：Tesseract 的英文模型：fast（Debian 的 tessdata_fast，默认）或 best_int（在有噪声的表单上正确单词约多 1 个百分点，慢约 20%；仅英文）。</translation>
    </message>
    <message>
        <source>error: --tesseract-model takes fast or best_int</source>
        <translation>错误：--tesseract-model 只接受 fast 或 best_int</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::AboutDialog</name>
    <message>
        <source>About Incidoc</source>
        <translation>关于 Incidoc</translation>
    </message>
    <message>
        <source>Qt %1
%2
Tesseract %3
Leptonica %4
%5</source>
        <translation>Qt %1
%2
Tesseract %3
Leptonica %4
%5</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Incidoc %1&lt;/h2&gt;&lt;p&gt;Review and label OCR of incident documents.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;&lt;b&gt;OCR engines&lt;/b&gt;&lt;br&gt;%3&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Incidoc %1&lt;/h2&gt;&lt;p&gt;审阅和标注事件文档的 OCR 结果。&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;&lt;b&gt;OCR 引擎&lt;/b&gt;&lt;br&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <source>%1 %2 (%3) — %4: %5</source>
        <translation>%1 %2（%3）— %4：%5</translation>
    </message>
    <message>
        <source>no languages</source>
        <translation>无语言</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::AppSettings</name>
    <message>
        <source>%1 is not available (%2): Tesseract reads alone.</source>
        <translation>%1 不可用（%2）：仅由 Tesseract 识别。</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::CaptureDialog</name>
    <message>
        <source>Capture</source>
        <translation>拍摄</translation>
    </message>
    <message>
        <source>The camera to capture from</source>
        <translation>用于拍摄的摄像头</translation>
    </message>
    <message>
        <source>Start &amp;Camera</source>
        <translation>启动摄像头(&amp;C)</translation>
    </message>
    <message>
        <source>Shows what the chosen camera sees; pages held still are captured by themselves</source>
        <translation>显示所选摄像头的画面；保持静止的页面会自动拍摄</translation>
    </message>
    <message>
        <source>From &amp;Video File…</source>
        <translation>从视频文件(&amp;V)…</translation>
    </message>
    <message>
        <source>Plays a video file through the same capture, as if it were a camera</source>
        <translation>像摄像头一样，通过同一拍摄流程播放视频文件</translation>
    </message>
    <message>
        <source>Ca&amp;pture</source>
        <translation>拍摄(&amp;P)</translation>
    </message>
    <message>
        <source>Takes the frame on screen as the next page now (Space)</source>
        <translation>立即将屏幕上的画面作为下一页（空格键）</translation>
    </message>
    <message>
        <source>&amp;Undo Last Capture</source>
        <translation>撤销上次拍摄(&amp;U)</translation>
    </message>
    <message>
        <source>Takes the last captured page back out of the project (Ctrl+Z); again for the one before</source>
        <translation>从项目中撤回最后拍摄的一页（Ctrl+Z）；再按一次撤回前一页</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Stops capturing; the pages captured stay in the project</source>
        <translation>停止拍摄；已拍摄的页面保留在项目中</translation>
    </message>
    <message>
        <source>No camera found. Connect a camera and it appears here, or capture from a video file (From Video File…).</source>
        <translation>未找到摄像头。连接摄像头后它会显示在这里，或从视频文件拍摄（从视频文件…）。</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
    <message numerus="yes">
        <source>The camera “%1” was disconnected. The %n page(s) captured are kept; connect it again and press Start Camera, or capture from a video file.</source>
        <translation>
            <numerusform>摄像头“%1”已断开。已拍摄的 %n 页均已保留；请重新连接并点击“启动摄像头”，或从视频文件拍摄。</numerusform>
        </translation>
    </message>
    <message>
        <source>A camera is connected: press Start Camera.</source>
        <translation>已连接摄像头：请点击“启动摄像头”。</translation>
    </message>
    <message numerus="yes">
        <source>The camera “%1” stopped: %2. The %n page(s) captured are kept.</source>
        <translation>
            <numerusform>摄像头“%1”已停止：%2。已拍摄的 %n 页均已保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Capture from Video File</source>
        <translation>从视频文件拍摄</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.webm *.avi *.mov *.m4v *.mpg *.mpeg *.ogv)</source>
        <translation>视频 (*.mp4 *.mkv *.webm *.avi *.mov *.m4v *.mpg *.mpeg *.ogv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 cannot be found.</source>
        <translation>找不到 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%1 cannot be played: %2. The %n page(s) captured are kept.</source>
        <translation>
            <numerusform>无法播放 %1：%2。已拍摄的 %n 页均已保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>not a video this computer can read</source>
        <translation>这不是本机能够读取的视频</translation>
    </message>
    <message>
        <source>%1 cannot be played: not a video this computer can read.</source>
        <translation>无法播放 %1：这不是本机能够读取的视频。</translation>
    </message>
    <message>
        <source>%1 has no video stream (sound only?): there is nothing to capture from.</source>
        <translation>%1 没有视频流（只有声音？）：没有可拍摄的内容。</translation>
    </message>
    <message numerus="yes">
        <source>End of %1: %n page(s) captured so far.</source>
        <translation>
            <numerusform>%1 已播放完毕：目前已拍摄 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>Capture — %1</source>
        <translation>拍摄 — %1</translation>
    </message>
    <message>
        <source>The capture could not be saved: %1</source>
        <translation>无法保存拍摄内容：%1</translation>
    </message>
    <message>
        <source>The last capture could not be taken back: %1</source>
        <translation>无法撤回上次拍摄：%1</translation>
    </message>
    <message>
        <source>No page in view</source>
        <translation>画面中没有页面</translation>
    </message>
    <message>
        <source>Page found</source>
        <translation>已找到页面</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>稳定</translation>
    </message>
    <message>
        <source>moving</source>
        <translation>移动中</translation>
    </message>
    <message>
        <source>sharp</source>
        <translation>清晰</translation>
    </message>
    <message>
        <source>blurred</source>
        <translation>模糊</translation>
    </message>
    <message>
        <source>captured: bring the next page</source>
        <translation>已拍摄：请放入下一页</translation>
    </message>
    <message numerus="yes">
        <source>%n capture(s)</source>
        <translation>
            <numerusform>已拍摄 %n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>incidoc::ui::ChecksPanel</name>
    <message>
        <source>Invalid value</source>
        <translation>无效值</translation>
    </message>
    <message>
        <source>Case number differs</source>
        <translation>案件编号不一致</translation>
    </message>
    <message>
        <source>Date of birth differs</source>
        <translation>出生日期不一致</translation>
    </message>
    <message>
        <source>Dates out of order</source>
        <translation>日期顺序不合理</translation>
    </message>
    <message>
        <source>Dangling link</source>
        <translation>悬空链接</translation>
    </message>
    <message>
        <source>Unlabelled entity</source>
        <translation>未标注的实体</translation>
    </message>
    <message>
        <source>Empty word</source>
        <translation>空词</translation>
    </message>
    <message>
        <source>Duplicate word</source>
        <translation>重复的词</translation>
    </message>
    <message>
        <source>Word outside its line</source>
        <translation>词超出其所在行</translation>
    </message>
    <message>
        <source>Tiny box</source>
        <translation>过小的框</translation>
    </message>
    <message>
        <source>Box outside the page</source>
        <translation>框超出页面</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Return shows the finding on its page</source>
        <translation>按回车键在其页面上显示该问题</translation>
    </message>
    <message>
        <source>The checks could not be read: %1</source>
        <translation>无法读取检查结果：%1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n finding(s))</source>
        <translation>
            <numerusform>%1（%n 个问题）</numerusform>
        </translation>
    </message>
    <message>
        <source>No findings: the forms pass every check.</source>
        <translation>没有问题：表单通过了所有检查。</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>incidoc::ui::DocumentTypeText</name>
    <message>
        <source>Incident report form</source>
        <translation>事件报告表</translation>
    </message>
    <message>
        <source>Continuation / narrative sheet</source>
        <translation>续页 / 叙述页</translation>
    </message>
    <message>
        <source>Witness statement</source>
        <translation>证人陈述</translation>
    </message>
    <message>
        <source>Photo of a document</source>
        <translation>文档照片</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1? %2 %</source>
        <translation>%1？%2 %</translation>
    </message>
    <message>
        <source>No type yet: Document › Type sets one.</source>
        <translation>尚无类型：用“文档 › 类型”设置。</translation>
    </message>
    <message>
        <source>Predicted from the documents typed so far (confidence %1 %): Ctrl+Shift+T confirms it, F9 or Document › Type corrects it.</source>
        <translation>根据已标注类型的文档预测（置信度 %1 %）：Ctrl+Shift+T 确认，F9 或“文档 › 类型”更正。</translation>
    </message>
    <message>
        <source>%1, set by a person.</source>
        <translation>%1，由人工设置。</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::DocumentTypesDialog</name>
    <message>
        <source>(the project&apos;s)</source>
        <translation>（项目的设置）</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Document Types</source>
        <translation>文档类型</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>(the engines&apos; rule)</source>
        <translation>（引擎的规则）</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Engines:</source>
        <translation>引擎(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <source>PDF &amp;resolution:</source>
        <translation>PDF 分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Binarization:</source>
        <translation>二值化(&amp;B)：</translation>
    </message>
    <message>
        <source>Review &amp;below confidence:</source>
        <translation>低于此置信度时复核(&amp;B)：</translation>
    </message>
    <message>
        <source>Pages of documents of this type are processed with these settings; what is left at &quot;the project&apos;s&quot; follows the project.</source>
        <translation>此类型文档的页面按这些设置处理；保留为“项目的设置”的项目跟随项目。</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>添加(&amp;D)…</translation>
    </message>
    <message>
        <source>Add a Document Type</source>
        <translation>添加文档类型</translation>
    </message>
    <message>
        <source>Name (lower-case letters, digits and _, e.g. parking_ticket):</source>
        <translation>名称（小写字母、数字和 _，例如 parking_ticket）：</translation>
    </message>
    <message>
        <source>Remove a Document Type</source>
        <translation>移除文档类型</translation>
    </message>
    <message>
        <source>Remove the type &quot;%1&quot;? Documents of this type will have no type.</source>
        <translation>移除类型“%1”？此类型的文档将没有类型。</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::DocumentsModel</name>
    <message>
        <source>page %1: %2</source>
        <translation>第 %1 页：%2</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) failed</source>
        <translation>
            <numerusform>%n 页失败</numerusform>
        </translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::ExportDialog</name>
    <message>
        <source>Page images</source>
        <translation>页面图像</translation>
    </message>
    <message>
        <source>Visualizations</source>
        <translation>可视化</translation>
    </message>
    <message>
        <source>Page JSON</source>
        <translation>页面 JSON</translation>
    </message>
    <message>
        <source>COCO</source>
        <translation>COCO</translation>
    </message>
    <message>
        <source>Label Studio</source>
        <translation>Label Studio</translation>
    </message>
    <message>
        <source>hOCR</source>
        <translation>hOCR</translation>
    </message>
    <message>
        <source>ALTO</source>
        <translation>ALTO</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>README, manifest, combined files</source>
        <translation>README、清单、合并文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Reviewed pages only</source>
        <translation>仅已审阅页面(&amp;R)</translation>
    </message>
    <message>
        <source>Page &amp;JSON</source>
        <translation>页面 &amp;JSON</translation>
    </message>
    <message>
        <source>&amp;Visualizations (pages with their boxes drawn)</source>
        <translation>可视化(&amp;V)（绘制了框的页面）</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Cancel Export</source>
        <translation>取消导出(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Show in Folder</source>
        <translation>在文件夹中显示(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>目标位置(&amp;D)：</translation>
    </message>
    <message>
        <source>D&amp;ocuments:</source>
        <translation>文档(&amp;O)：</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n page(s))</source>
        <translation>
            <numerusform>%1（%n 页）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (import failed)</source>
        <translation>%1（导入失败）</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>incidoc.page/1, one file per page: always written, the other formats are made from it.</source>
        <translation>incidoc.page/1，每页一个文件：始终写出，其他格式均由它生成。</translation>
    </message>
    <message>
        <source>&amp;COCO (detection boxes)</source>
        <translation>&amp;COCO（检测框）</translation>
    </message>
    <message>
        <source>&amp;Label Studio (OCR template)</source>
        <translation>&amp;Label Studio（OCR 模板）</translation>
    </message>
    <message>
        <source>&amp;hOCR</source>
        <translation>&amp;hOCR</translation>
    </message>
    <message>
        <source>&amp;ALTO v4</source>
        <translation>&amp;ALTO v4</translation>
    </message>
    <message>
        <source>&amp;Metrics (pages.csv, summary.json)</source>
        <translation>指标(&amp;M)（pages.csv、summary.json）</translation>
    </message>
    <message>
        <source>&amp;Binarized (1-bit PNG)</source>
        <translation>二值化(&amp;B)（1 位 PNG）</translation>
    </message>
    <message>
        <source>&amp;Original (grey PNG)</source>
        <translation>原始(&amp;O)（灰度 PNG）</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>无(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Jobs:</source>
        <translation>并行任务(&amp;J)：</translation>
    </message>
    <message>
        <source>Pages prepared in parallel.</source>
        <translation>并行准备的页数。</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>ZIP 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>This is a folder: add a file name.</source>
        <translation>这是一个文件夹：请加上文件名。</translation>
    </message>
    <message>
        <source>%1 exists: it is replaced only once the new bundle is complete.</source>
        <translation>%1 已存在：只有在新数据包完成后才会替换它。</translation>
    </message>
    <message>
        <source>Reading the project…</source>
        <translation>正在读取项目…</translation>
    </message>
    <message>
        <source>Choose the file to write the bundle to.</source>
        <translation>请选择要写入数据包的文件。</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a file name for the bundle.</source>
        <translation>%1 是一个文件夹：请为数据包选择文件名。</translation>
    </message>
    <message>
        <source>The bundle cannot replace the project file itself: choose another name.</source>
        <translation>数据包不能替换项目文件本身：请选择其他名称。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 of %2 · %3</source>
        <translation>%1 / %2 · %3</translation>
    </message>
    <message>
        <source>%1 of %2 pages in the archive · %3 entries · %4 written</source>
        <translation>已归档 %1 / %2 页 · %3 个条目 · 已写入 %4</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n page(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 页导出到 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s), %1 words, %2 entries, %3, in %4 s with %5 jobs.</source>
        <translation>
            <numerusform>%n 个文档，%1 个词，%2 个条目，%3，用时 %4 秒，%5 个并行任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>The export failed: %1
Nothing was written to the destination.</source>
        <translation>导出失败：%1
未向目标位置写入任何内容。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written, and a file that was already at %1 is unchanged.</source>
        <translation>导出已取消：未写入任何内容，%1 处原有的文件保持不变。</translation>
    </message>
    <message>
        <source>The progress of each part of the bundle shows here during an export.</source>
        <translation>导出期间，此处显示数据包各部分的进度。</translation>
    </message>
    <message>
        <source>FUNSD</source>
        <translation>FUNSD</translation>
    </message>
    <message>
        <source>PAGE XML</source>
        <translation>PAGE XML</translation>
    </message>
    <message>
        <source>Incident records</source>
        <translation>事件记录</translation>
    </message>
    <message>
        <source>Line images</source>
        <translation>文本行图像</translation>
    </message>
    <message>
        <source>Word crops</source>
        <translation>单词裁剪图</translation>
    </message>
    <message>
        <source>&amp;FUNSD (form entities and links)</source>
        <translation>&amp;FUNSD（表单实体和链接）</translation>
    </message>
    <message>
        <source>&amp;PAGE XML 2019</source>
        <translation>&amp;PAGE XML 2019</translation>
    </message>
    <message>
        <source>&amp;Incident records (JSON, CSV)</source>
        <translation>事件记录（JSON、CSV）(&amp;I)</translation>
    </message>
    <message>
        <source>Line images for &amp;Tesseract training</source>
        <translation>用于 Tesseract 训练的文本行图像(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Word crops for recognition training</source>
        <translation>用于识别训练的单词裁剪图(&amp;W)</translation>
    </message>
    <message>
        <source>Cut from the page images; each document goes whole into train (80 %), val (10 %) or test (10 %).</source>
        <translation>从页面图像中裁剪；每个文档整体归入 train（80%）、val（10%）或 test（10%）。</translation>
    </message>
    <message>
        <source>The checks could not be read: %1</source>
        <translation>无法读取检查结果：%1</translation>
    </message>
    <message>
        <source>Checks before export: no document chosen.</source>
        <translation>导出前检查：未选择文档。</translation>
    </message>
    <message>
        <source>%1, page %2: %3 — %4</source>
        <translation>%1，第 %2 页：%3 — %4</translation>
    </message>
    <message>
        <source>Checks before export: nothing to fix.</source>
        <translation>导出前检查：没有需要修正的问题。</translation>
    </message>
    <message numerus="yes">
        <source>Checks before export: %n finding(s) to look at (View › Checks).</source>
        <translation>
            <numerusform>导出前检查：%n 个问题需要查看（视图 › 检查）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;dact personal data (pseudonymised copy)</source>
        <translation>脱敏个人数据（假名化副本）(&amp;D)</translation>
    </message>
    <message>
        <source>Names, dates, phones, addresses, plates and IDs become consistent fake values; their areas of the images are filled; no source files. Checked before it is kept.</source>
        <translation>姓名、日期、电话、地址、车牌和证件号被替换为一致的虚构值；图像中的相应区域被填充；不含源文件。保存前会经过检查。</translation>
    </message>
    <message numerus="yes">
        <source>Redacted: %n word(s) replaced by pseudonyms, %1 area(s) filled on %2 page(s); read back and checked in %3 s.</source>
        <translation>
            <numerusform>已脱敏：%n 个词替换为假名，%2 页上填充 %1 个区域；已回读并在 %3 秒内检查完毕。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>incidoc::ui::FailureText</name>
    <message>
        <source>could not be processed</source>
        <translation>无法处理</translation>
    </message>
    <message>
        <source>crashed the renderer or OCR engine and was skipped</source>
        <translation>导致渲染器或 OCR 引擎崩溃，已跳过</translation>
    </message>
    <message>
        <source>took longer than its time budget (the renderer or OCR engine hung) and was skipped</source>
        <translation>超出其时间预算（渲染器或 OCR 引擎无响应），已跳过</translation>
    </message>
    <message>
        <source>used more memory than its budget and was skipped</source>
        <translation>使用的内存超出其预算，已跳过</translation>
    </message>
    <message>
        <source>was cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>could not be imported</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>opening it crashed the reader; it was skipped</source>
        <translation>打开时导致读取器崩溃，已跳过</translation>
    </message>
    <message>
        <source>opening it took longer than its time budget; it was skipped</source>
        <translation>打开时超出其时间预算，已跳过</translation>
    </message>
    <message>
        <source>opening it used more memory than its budget; it was skipped</source>
        <translation>打开时使用的内存超出其预算，已跳过</translation>
    </message>
    <message>
        <source>its import was cancelled</source>
        <translation>其导入已取消</translation>
    </message>
    <message>
        <source>Processing this page crashed the renderer or OCR engine; it was skipped and is not shown here.</source>
        <translation>处理此页面时渲染器或 OCR 引擎崩溃；已跳过该页面，此处不予显示。</translation>
    </message>
    <message>
        <source>Processing this page took longer than its time budget (the renderer or OCR engine hung); it was skipped and is not shown here.</source>
        <translation>处理此页面超出其时间预算（渲染器或 OCR 引擎无响应）；已跳过该页面，此处不予显示。</translation>
    </message>
    <message>
        <source>Processing this page used more memory than its budget; it was skipped and is not shown here.</source>
        <translation>处理此页面使用的内存超出其预算；已跳过该页面，此处不予显示。</translation>
    </message>
    <message>
        <source>This page is not shown.</source>
        <translation>此页面不予显示。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a failure: what happened (the reason the engine gave)</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::FieldsPanel</name>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>事件日期</translation>
    </message>
    <message>
        <source>Incident time</source>
        <translation>事件时间</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>警员</translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <source>Person name</source>
        <translation>人员姓名</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>车辆识别号 (VIN)</translation>
    </message>
    <message>
        <source>Make and model</source>
        <translation>品牌和型号</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>经过陈述</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>（无标签）</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Question (key)</source>
        <translation>问题（键）</translation>
    </message>
    <message>
        <source>Answer (value)</source>
        <translation>回答（值）</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>&amp;Patterns…</source>
        <translation>模式(&amp;P)…</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Return shows the value&apos;s words on the page; Tab goes to its field, label and text.</source>
        <translation>按回车键在页面上显示该值的词；按 Tab 键转到其字段、标签和文本。</translation>
    </message>
    <message>
        <source>(no field)</source>
        <translation>（无字段）</translation>
    </message>
    <message>
        <source>The value&apos;s text; Enter saves it</source>
        <translation>该值的文本；按回车键保存</translation>
    </message>
    <message>
        <source>The project&apos;s patterns of case numbers and vehicle plates</source>
        <translation>本项目的案件编号和车牌号模式</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>字段(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>值(&amp;V)：</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Proposed: not accepted yet</source>
        <translation>建议：尚未接受</translation>
    </message>
    <message>
        <source>No page shown.</source>
        <translation>未显示页面。</translation>
    </message>
    <message>
        <source>No entities on this page yet: group words on the page into entities.</source>
        <translation>此页面尚无实体：请将页面上的词分组为实体。</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n 个链接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entity(ies)</source>
        <translation>
            <numerusform>%n 个实体</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid value(s)</source>
        <translation>
            <numerusform>%n 个无效值</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the patterns: %1</source>
        <translation>无法保存模式：%1</translation>
    </message>
    <message>
        <source>Field Patterns</source>
        <translation>字段模式</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <source>Regular expressions a whole value must match. Empty: any usual shape.</source>
        <translation>整个值必须匹配的正则表达式。留空：接受任何常见格式。</translation>
    </message>
    <message>
        <source>&amp;Case number:</source>
        <translation>案件编号(&amp;C)：</translation>
    </message>
    <message>
        <source>Vehicle &amp;plate:</source>
        <translation>车牌号(&amp;P)：</translation>
    </message>
    <message>
        <source>Not a valid pattern: %1</source>
        <translation>无效的模式：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::FormLayer</name>
    <message>
        <source>&amp;Group Words</source>
        <translation>组合词(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Ungroup</source>
        <translation>取消组合(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Select Entity</source>
        <translation>选择实体(&amp;S)</translation>
    </message>
    <message>
        <source>Label Entity &amp;Header</source>
        <translation>将实体标为标题(&amp;H)</translation>
    </message>
    <message>
        <source>Label Entity &amp;Question</source>
        <translation>将实体标为问题(&amp;Q)</translation>
    </message>
    <message>
        <source>Label Entity &amp;Answer</source>
        <translation>将实体标为答案(&amp;A)</translation>
    </message>
    <message>
        <source>Label Entity &amp;Other</source>
        <translation>将实体标为其他(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Clear Entity Label</source>
        <translation>清除实体标签(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Link to Entity…</source>
        <translation>链接到实体(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Next Proposal</source>
        <translation>下一个建议(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Proposal</source>
        <translation>上一个建议(&amp;P)</translation>
    </message>
    <message>
        <source>Accept Proposal and Go &amp;On</source>
        <translation>接受建议并继续(&amp;O)</translation>
    </message>
    <message>
        <source>Re&amp;ject Proposal and Go On</source>
        <translation>拒绝建议并继续(&amp;J)</translation>
    </message>
    <message>
        <source>Accept All Proposals on &amp;Page</source>
        <translation>接受本页全部建议(&amp;A)</translation>
    </message>
    <message>
        <source>Reject All Proposals on Pa&amp;ge</source>
        <translation>拒绝本页全部建议(&amp;R)</translation>
    </message>
    <message>
        <source>Show &amp;Form (Entities and Links)</source>
        <translation>显示表单（实体和链接）(&amp;F)</translation>
    </message>
    <message>
        <source>Select the words to group first.</source>
        <translation>请先选择要组合的词。</translation>
    </message>
    <message>
        <source>These words are already the entity %1.</source>
        <translation>这些词已经是实体 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Grouped %n word(s) into an entity: Alt+Shift+H, Q, A or O labels it.</source>
        <translation>
            <numerusform>已将 %n 个词组合为一个实体：Alt+Shift+H、Q、A 或 O 为其加标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>The selected words are in no entity.</source>
        <translation>所选的词不属于任何实体。</translation>
    </message>
    <message>
        <source>Select the words of an entity to label it.</source>
        <translation>请选择一个实体的词来为其加标签。</translation>
    </message>
    <message>
        <source>Select the words of one entity to link from (Ctrl+G groups words).</source>
        <translation>请选择作为链接起点的实体的词（Ctrl+G 组合词）。</translation>
    </message>
    <message>
        <source>There is no other entity on this page to link to.</source>
        <translation>本页没有其他可链接的实体。</translation>
    </message>
    <message>
        <source>Return removes the link</source>
        <translation>回车删除该链接</translation>
    </message>
    <message>
        <source>Return links</source>
        <translation>回车建立链接</translation>
    </message>
    <message>
        <source>Link %1 → %2: Tab or the arrows pick another entity, %3, Esc cancels; or click an entity.</source>
        <translation>链接 %1 → %2：Tab 或方向键选择其他实体，%3，Esc 取消；也可单击一个实体。</translation>
    </message>
    <message>
        <source>Pick another entity to link to, or Esc to cancel.</source>
        <translation>请选择另一个要链接的实体，或按 Esc 取消。</translation>
    </message>
    <message>
        <source>Link %1 → %2 removed.</source>
        <translation>已删除链接 %1 → %2。</translation>
    </message>
    <message>
        <source>Linked %1 → %2.</source>
        <translation>已链接 %1 → %2。</translation>
    </message>
    <message>
        <source>Link cancelled.</source>
        <translation>已取消链接。</translation>
    </message>
    <message>
        <source>Select the words of one entity to remove its links.</source>
        <translation>请选择一个实体的词以删除其链接。</translation>
    </message>
    <message>
        <source>The entity %1 has no links.</source>
        <translation>实体 %1 没有链接。</translation>
    </message>
    <message>
        <source>No proposals on this page.</source>
        <translation>本页没有建议。</translation>
    </message>
    <message>
        <source>Proposal %1 of %2: Alt+Return accepts, Alt+Delete rejects, F8 skips.</source>
        <translation>建议 %1 / %2：Alt+回车 接受，Alt+Delete 拒绝，F8 跳过。</translation>
    </message>
    <message numerus="yes">
        <source>%n proposal(s) left on this page.</source>
        <translation>
            <numerusform>本页还剩 %n 个建议。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a proposal first (F8 goes to the next one).</source>
        <translation>请先选择一个建议（F8 转到下一个）。</translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n proposal(s).</source>
        <translation>
            <numerusform>已接受 %n 个建议。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n proposal(s).</source>
        <translation>
            <numerusform>已拒绝 %n 个建议。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the Entity’s &amp;Links</source>
        <translation>删除实体的链接(&amp;K)</translation>
    </message>
    <message>
        <source>No proposals in this document.</source>
        <translation>本文档中没有建议。</translation>
    </message>
    <message>
        <source>No proposals left in this document.</source>
        <translation>本文档中已没有剩余的建议。</translation>
    </message>
    <message>
        <source>Link &amp;Type…</source>
        <translation>链接类型(&amp;T)…</translation>
    </message>
    <message>
        <source>Linked %1 → %2 (%3).</source>
        <translation>已链接 %1 → %2（%3）。</translation>
    </message>
    <message>
        <source>Link Type</source>
        <translation>链接类型</translation>
    </message>
    <message>
        <source>Type of the links Ctrl+K makes (type a new name to add one):</source>
        <translation>Ctrl+K 创建的链接类型（输入新名称即可添加）：</translation>
    </message>
    <message>
        <source>Links made with Ctrl+K are now of type %1.</source>
        <translation>Ctrl+K 创建的链接现在的类型为 %1。</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::InlineEditor</name>
    <message>
        <source>Tab: %1</source>
        <translation>Tab：%1</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::InspectorWidget</name>
    <message>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>PDF text layer</source>
        <translation>PDF 文本层</translation>
    </message>
    <message>
        <source>drawn by a person</source>
        <translation>人工绘制</translation>
    </message>
    <message>
        <source>The word&apos;s text; Enter saves it</source>
        <translation>词的文本；按 Enter 保存</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation>置信度：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>OCR read:</source>
        <translation>OCR 识别：</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Box (x0, y0, x1, y1):</source>
        <translation>框 (x0, y0, x1, y1)：</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>（无标签）</translation>
    </message>
    <message>
        <source>%1  [%2]</source>
        <translation>%1  [%2]</translation>
    </message>
    <message>
        <source>No word selected</source>
        <translation>未选择词</translation>
    </message>
    <message>
        <source>1 word selected</source>
        <translation>已选择 1 个词</translation>
    </message>
    <message numerus="yes">
        <source>%n words selected</source>
        <translation>
            <numerusform>已选择 %n 个词</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Take Other Reading</source>
        <translation>采用另一识别结果</translation>
    </message>
    <message>
        <source>Use the other engine&apos;s reading as the word&apos;s text (Ctrl+Shift+O)</source>
        <translation>将另一引擎的识别结果作为该词的文本（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>The word is right as it reads: it no longer needs review (Ctrl+Shift+A)</source>
        <translation>该词识别正确：不再需要审阅（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>Readings:</source>
        <translation>识别结果：</translation>
    </message>
    <message>
        <source>%1 read %2</source>
        <translation>%1 识别为 %2</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::LabelManagerDialog</name>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Shortcut</source>
        <translation>快捷键(&amp;S)</translation>
    </message>
    <message>
        <source>Double-click to choose a colour</source>
        <translation>双击选择颜色</translation>
    </message>
    <message>
        <source>LABEL %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>%1 的颜色</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>No word is labelled %1.</source>
        <translation>没有词带有标签 %1。</translation>
    </message>
    <message>
        <source>1 word labelled %1 will have no label.</source>
        <translation>1 个带有标签 %1 的词将不再有标签。</translation>
    </message>
    <message numerus="yes">
        <source>%n words labelled %1 will have no label.</source>
        <translation>
            <numerusform>%n 个带有标签 %1 的词将不再有标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>Their text and boxes stay. Deleting a label cannot be undone.</source>
        <translation>它们的文本和框保持不变。删除标签无法撤销。</translation>
    </message>
    <message>
        <source>Delete label %1?</source>
        <translation>删除标签 %1？</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::Language</name>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>意大利语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>荷兰语</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>波兰语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>乌克兰语</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>土耳其语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>希伯来语</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>印地语</translation>
    </message>
    <message>
        <source>Chinese (Simplified)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Chinese (Traditional)</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>越南语</translation>
    </message>
    <message>
        <source>Orientation and script detection</source>
        <translation>方向和文字检测</translation>
    </message>
    <message>
        <source>Math equations</source>
        <translation>数学公式</translation>
    </message>
    <message>
        <source>vertical</source>
        <translation>竖排</translation>
    </message>
    <message>
        <source>Fraktur</source>
        <translation>德文尖角体</translation>
    </message>
    <message>
        <source>historic</source>
        <translation>古体</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>language, variant</comment>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>language name (Tesseract code)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::MainWindow</name>
    <message>
        <source>Word: %1</source>
        <translation>词：%1</translation>
    </message>
    <message>
        <source>Confidence: %1</source>
        <translation>置信度：%1</translation>
    </message>
    <message>
        <source>Confidence: —</source>
        <translation>置信度：—</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>无项目</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;已打开&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>标签(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Find in Project…</source>
        <translation>在项目中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Filter Words…</source>
        <translation>筛选词(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审阅(&amp;R)</translation>
    </message>
    <message>
        <source>Next &amp;Unreviewed Page</source>
        <translation>下一个未审阅页面(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Mark Page Reviewed</source>
        <translation>将页面标记为已审阅(&amp;M)</translation>
    </message>
    <message>
        <source>Next Pa&amp;ge</source>
        <translation>下一页(&amp;G)</translation>
    </message>
    <message>
        <source>Previous P&amp;age</source>
        <translation>上一页(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Processing</source>
        <translation>处理(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Re-OCR Page</source>
        <translation>重新 OCR 此页(&amp;R)</translation>
    </message>
    <message>
        <source>Re-OCR with &amp;Settings…</source>
        <translation>按设置重新 OCR(&amp;S)…</translation>
    </message>
    <message>
        <source>Retry &amp;Failed Pages</source>
        <translation>重试失败的页面(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Cancel Processing</source>
        <translation>取消处理(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Incidoc</source>
        <translation>关于 Incidoc(&amp;A)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>Project is read-only</source>
        <translation>项目为只读</translation>
    </message>
    <message>
        <source>%1 cannot be opened for editing:
%2

Open it read-only?</source>
        <translation>%1 无法以编辑方式打开：
%2

以只读方式打开吗？</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>%1 cannot be opened:
%2</source>
        <translation>%1 无法打开：
%2</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>无法创建项目</translation>
    </message>
    <message>
        <source>%1 already exists. Use Open to open it.</source>
        <translation>%1 已存在。请用“打开”来打开它。</translation>
    </message>
    <message>
        <source>Edit not saved</source>
        <translation>修改未保存</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>Incidoc</source>
        <translation>Incidoc</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>%1 — Incidoc</source>
        <translation>%1 — Incidoc</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source> (waiting to be processed)</source>
        <translation>（等待处理）</translation>
    </message>
    <message>
        <source> (processing)</source>
        <translation>（处理中）</translation>
    </message>
    <message>
        <source> (failed: %1)</source>
        <translation>（失败：%1）</translation>
    </message>
    <message>
        <source>%1 · page %2 / %3%4</source>
        <translation>%1 · 第 %2 / %3 页%4</translation>
    </message>
    <message>
        <source>No page</source>
        <translation>无页面</translation>
    </message>
    <message>
        <source>No project — File › Open or drop files here</source>
        <translation>无项目 — 文件 › 打开，或将文件拖放到此处</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Filter: %1 of %2 words</source>
        <translation>筛选：%1 / %2 个词</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Incidoc projects (*.incidoc)</source>
        <translation>Incidoc 项目 (*.incidoc)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Incidoc projects (*.incidoc);;All files (*)</source>
        <translation>Incidoc 项目 (*.incidoc);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>文档 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Open or create a project first (File › New Project).</source>
        <translation>请先打开或创建一个项目（文件 › 新建项目）。</translation>
    </message>
    <message>
        <source>The project is open read-only: nothing can be imported.</source>
        <translation>项目以只读方式打开：无法导入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n item(s)…</source>
        <translation>
            <numerusform>正在导入 %n 项…</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <source>The word is hidden by the word filter (View › Filter Words…).</source>
        <translation>该词被词筛选器隐藏（视图 › 筛选词…）。</translation>
    </message>
    <message>
        <source>Every processed page is reviewed.</source>
        <translation>所有已处理的页面均已审阅。</translation>
    </message>
    <message>
        <source>Page marked reviewed.</source>
        <translation>页面已标记为已审阅。</translation>
    </message>
    <message>
        <source>The page is read again; words you edited are kept.</source>
        <translation>正在重新识别此页；您编辑过的词会保留。</translation>
    </message>
    <message>
        <source>Re-OCR</source>
        <translation>重新 OCR</translation>
    </message>
    <message>
        <source>The project is open read-only: nothing can be read again.</source>
        <translation>项目以只读方式打开：无法重新识别。</translation>
    </message>
    <message>
        <source>The page is read again (%1, %2 dpi); words you edited are kept.</source>
        <translation>正在重新识别此页（%1，%2 dpi）；您编辑过的词会保留。</translation>
    </message>
    <message>
        <source>&amp;Next Word to Review</source>
        <translation>下一个待审阅词(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Word to Review</source>
        <translation>上一个待审阅词(&amp;P)</translation>
    </message>
    <message>
        <source>Take &amp;Other Reading</source>
        <translation>采用另一识别结果(&amp;O)</translation>
    </message>
    <message>
        <source>A&amp;ccept Word</source>
        <translation>接受该词(&amp;C)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>No project open that can be written.</source>
        <translation>没有打开可写入的项目。</translation>
    </message>
    <message>
        <source>Accept Word and &amp;Go On</source>
        <translation>接受单词并继续(&amp;G)</translation>
    </message>
    <message>
        <source>No word left to check that the filter shows.</source>
        <translation>筛选显示的单词中已没有待检查的单词。</translation>
    </message>
    <message>
        <source>No word left to check: the review queue is empty.</source>
        <translation>没有待检查的单词：审阅队列为空。</translation>
    </message>
    <message>
        <source>Wrapped around: back to the first word to check of the project.</source>
        <translation>已循环：回到项目中第一个待检查的单词。</translation>
    </message>
    <message>
        <source>Wrapped around: back to the last word to check of the project.</source>
        <translation>已循环：回到项目中最后一个待检查的单词。</translation>
    </message>
    <message>
        <source>Nothing left to check</source>
        <translation>没有待检查的内容</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) to check in this document</source>
        <translation>
            <numerusform>本文档中有 %n 个单词待检查</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n in the project</source>
        <translation>
            <numerusform>，项目中共 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Remove Document…</source>
        <translation>移除文档(&amp;R)…</translation>
    </message>
    <message>
        <source>Show &amp;Docks</source>
        <translation>显示停靠面板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>%1 is a document to import, not an Incidoc project.</source>
        <translation>%1 是待导入的文档，不是 Incidoc 项目。</translation>
    </message>
    <message>
        <source>%1 is a document, not an Incidoc project, and the open project is read-only: it cannot be imported into it.</source>
        <translation>%1 是文档，不是 Incidoc 项目，而当前打开的项目是只读的：无法导入其中。</translation>
    </message>
    <message>
        <source>Import a Document</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <source>%1 is a document, not an Incidoc project.</source>
        <translation>%1 是文档，不是 Incidoc 项目。</translation>
    </message>
    <message>
        <source>Import it into %1?</source>
        <translation>将其导入 %1？</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Documents are imported into a project: create a project (or open one) first. A new project will import this document.</source>
        <translation>文档需导入到项目中：请先新建（或打开）一个项目。新建的项目将导入此文档。</translation>
    </message>
    <message>
        <source>Removes the document from the project (Delete).</source>
        <translation>从项目中移除该文档（Delete）。</translation>
    </message>
    <message>
        <source>Only a document that failed can be removed.</source>
        <translation>只能移除失败的文档。</translation>
    </message>
    <message>
        <source>Remove Document</source>
        <translation>移除文档</translation>
    </message>
    <message>
        <source>The project is open read-only: nothing can be removed.</source>
        <translation>项目以只读方式打开：无法移除任何内容。</translation>
    </message>
    <message>
        <source>%1 was imported and has pages that were read or are waiting to be read. Only a document that failed (its file could not be imported, or every page failed) can be removed.</source>
        <translation>%1 已导入，其页面已识别或正等待识别。只能移除失败的文档（文件无法导入，或所有页面均失败）。</translation>
    </message>
    <message>
        <source>Remove %1 from the project?</source>
        <translation>从项目中移除 %1？</translation>
    </message>
    <message>
        <source>Every page of it failed.</source>
        <translation>其所有页面均失败。</translation>
    </message>
    <message>
        <source>Its import failed: %1.</source>
        <translation>其导入失败：%1。</translation>
    </message>
    <message>
        <source>The document and its pages leave the project; the file on disk is not touched. This cannot be undone: import the file again to bring it back.</source>
        <translation>该文档及其页面将从项目中移除；磁盘上的文件不受影响。此操作无法撤销：重新导入该文件即可找回。</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Document removed.</source>
        <translation>文档已移除。</translation>
    </message>
    <message>
        <source>F&amp;orm</source>
        <translation>表单(&amp;O)</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>&amp;Propose Entities and Links on This Page</source>
        <translation>在此页建议实体和链接(&amp;P)</translation>
    </message>
    <message>
        <source>Proposed %1 entities and %2 links: F8 walks them, Alt+Return accepts, Alt+Delete rejects</source>
        <translation>已建议 %1 个实体和 %2 个链接：F8 逐个浏览，Alt+回车 接受，Alt+Delete 拒绝</translation>
    </message>
    <message>
        <source>&amp;Carry This Page&apos;s Form to Pages with the Same Layout</source>
        <translation>将此页的表单套用到版面相同的页面(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>Carried the form onto %n page(s): %1 entities and %2 links to accept or reject</source>
        <translation>
            <numerusform>已将表单套用到 %n 页：%1 个实体和 %2 个链接待接受或拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Confirm Predicted Type</source>
        <translation>确认预测的类型(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Predict Types</source>
        <translation>预测类型(&amp;P)</translation>
    </message>
    <message>
        <source>Document T&amp;ypes…</source>
        <translation>文档类型(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;No Type</source>
        <translation>无类型(&amp;N)</translation>
    </message>
    <message>
        <source>No type for %1</source>
        <translation>%1 无类型</translation>
    </message>
    <message>
        <source>Confirm type %1 of %2</source>
        <translation>确认 %2 的类型 %1</translation>
    </message>
    <message>
        <source>Type %1 for %2</source>
        <translation>将 %2 设为类型 %1</translation>
    </message>
    <message>
        <source>This document has no predicted type to confirm: F9 chooses one.</source>
        <translation>此文档没有可确认的预测类型：按 F9 选择一个。</translation>
    </message>
    <message>
        <source>Predicting document types…</source>
        <translation>正在预测文档类型…</translation>
    </message>
    <message>
        <source>Predict Types</source>
        <translation>预测类型</translation>
    </message>
    <message>
        <source>No typed examples yet: set the type of a few documents of each type (F9), then predict. Nothing was predicted.</source>
        <translation>还没有已标注类型的示例：请先为每种类型的几个文档设置类型（F9），然后再预测。未做任何预测。</translation>
    </message>
    <message numerus="yes">
        <source>Predicted the type of %n document(s), learned from %1 typed by people.</source>
        <translation>
            <numerusform>已预测 %n 个文档的类型，学习自 %1 个人工标注的文档。</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;hoose Type…</source>
        <translation>选择类型(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Watch Folders…</source>
        <translation>监视文件夹(&amp;W)…</translation>
    </message>
    <message>
        <source>Watch Folders</source>
        <translation>监视文件夹</translation>
    </message>
    <message>
        <source>Files that land in these folders (and their subfolders) are imported into this project once they are complete. One folder per line; none: nothing is watched.</source>
        <translation>放入这些文件夹（及其子文件夹）的文件在写完后导入此项目。每行一个文件夹；留空：不监视任何文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>Watching %n folder(s)</source>
        <translation>
            <numerusform>正在监视 %n 个文件夹</numerusform>
        </translation>
    </message>
    <message>
        <source>No folder is watched</source>
        <translation>没有监视任何文件夹</translation>
    </message>
    <message>
        <source>Documents of one type only were typed: set the type of a few documents of another type too (F9), then predict. Nothing was predicted.</source>
        <translation>只有一种类型的文档被标注了类型：请再为另一种类型的几个文档设置类型（F9），然后预测。未作任何预测。</translation>
    </message>
    <message>
        <source>P&amp;age</source>
        <translation>页面(&amp;A)</translation>
    </message>
    <message>
        <source>Page &amp;Corners…</source>
        <translation>页面四角(&amp;C)…</translation>
    </message>
    <message>
        <source>This page is being processed: its corners can be placed once it is done.</source>
        <translation>此页正在处理中：处理完成后才能放置其四角。</translation>
    </message>
    <message>
        <source>Page corners of page %1</source>
        <translation>第 %1 页的页面四角</translation>
    </message>
    <message>
        <source>Read page %1 as it is</source>
        <translation>按原样读取第 %1 页</translation>
    </message>
    <message>
        <source>The page is read again with its new corners; words you edited are kept.</source>
        <translation>按新的四角重新读取此页；您编辑过的词会保留。</translation>
    </message>
    <message>
        <source> · photo, corners placed by hand</source>
        <translation> · 照片，四角由人工放置</translation>
    </message>
    <message>
        <source> · photo, flattened</source>
        <translation> · 照片，已校正</translation>
    </message>
    <message>
        <source> · photo, no page found (read as it is)</source>
        <translation> · 照片，未找到页面（按原样读取）</translation>
    </message>
    <message>
        <source>Ca&amp;pture…</source>
        <translation>拍摄(&amp;P)…</translation>
    </message>
    <message>
        <source>Captures pages with a camera: each page held still in view becomes the next page of a capture document</source>
        <translation>用摄像头拍摄页面：画面中保持静止的每一页都会成为拍摄文档的下一页</translation>
    </message>
    <message>
        <source>Capture from &amp;Video File…</source>
        <translation>从视频文件拍摄(&amp;V)…</translation>
    </message>
    <message>
        <source>Captures pages from a video file, as if it were a camera</source>
        <translation>像摄像头一样从视频文件拍摄页面</translation>
    </message>
    <message>
        <source>Redaction</source>
        <translation>脱敏</translation>
    </message>
    <message>
        <source>Re&amp;daction</source>
        <translation>脱敏(&amp;D)</translation>
    </message>
    <message>
        <source>Mark &amp;Sensitive</source>
        <translation>标记为敏感(&amp;S)</translation>
    </message>
    <message>
        <source>The selected words (or entity) are redacted as what they look like</source>
        <translation>按所选词（或实体）看起来的类型进行脱敏</translation>
    </message>
    <message>
        <source>Mark Sensitive &amp;As</source>
        <translation>标记为敏感类型(&amp;A)</translation>
    </message>
    <message>
        <source>Mark &amp;Not Sensitive</source>
        <translation>标记为不敏感(&amp;N)</translation>
    </message>
    <message>
        <source>The selected words are kept as they are, whatever was found in them</source>
        <translation>所选词保持原样，无论其中检测到什么</translation>
    </message>
    <message>
        <source>&amp;Clear Redaction Mark</source>
        <translation>清除脱敏标记(&amp;C)</translation>
    </message>
    <message>
        <source>Mark &amp;Region Sensitive</source>
        <translation>标记敏感区域(&amp;R)</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Show Redaction &amp;Panel</source>
        <translation>显示脱敏面板(&amp;P)</translation>
    </message>
    <message>
        <source>Select the words or the entity to mark sensitive first</source>
        <translation>请先选择要标记为敏感的词或实体</translation>
    </message>
    <message>
        <source>Marked sensitive: %1</source>
        <translation>已标记为敏感：%1</translation>
    </message>
    <message>
        <source>Select the words or the entity to mark not sensitive first</source>
        <translation>请先选择要标记为不敏感的词或实体</translation>
    </message>
    <message>
        <source>No redaction mark on the selection</source>
        <translation>所选内容上没有脱敏标记</translation>
    </message>
    <message numerus="yes">
        <source>Clear %n redaction mark(s)</source>
        <translation>
            <numerusform>清除 %n 个脱敏标记</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark region sensitive (%1)</source>
        <translation>标记敏感区域（%1）</translation>
    </message>
    <message>
        <source>Region marked sensitive: %1</source>
        <translation>区域已标记为敏感：%1</translation>
    </message>
    <message>
        <source>Mark %1 sensitive (%2)</source>
        <translation>将 %1 标记为敏感（%2）</translation>
    </message>
    <message>
        <source>Mark %1 not sensitive</source>
        <translation>将 %1 标记为不敏感</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::PageCornersDialog</name>
    <message>
        <source>Page corners</source>
        <translation>页面四角</translation>
    </message>
    <message>
        <source>Page Corners</source>
        <translation>页面四角</translation>
    </message>
    <message>
        <source>&amp;Detect Again</source>
        <translation>重新检测(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Read As It Is</source>
        <translation>按原样读取(&amp;R)</translation>
    </message>
    <message>
        <source>Read the image with no flattening, as a scan</source>
        <translation>不做透视校正，按扫描件读取图像</translation>
    </message>
    <message>
        <source>The photo cannot be read: %1</source>
        <translation>无法读取照片：%1</translation>
    </message>
    <message>
        <source>No page was found in this photo: place the corners yourself.</source>
        <translation>在这张照片中没有找到页面：请自行放置四角。</translation>
    </message>
    <message>
        <source>No page was found in this photo (%1): place the corners yourself.</source>
        <translation>在这张照片中没有找到页面（%1）：请自行放置四角。</translation>
    </message>
    <message>
        <source>The page found does not have four usable corners: place them yourself.</source>
        <translation>找到的页面没有四个可用的角：请自行放置。</translation>
    </message>
    <message>
        <source>top left</source>
        <translation>左上</translation>
    </message>
    <message>
        <source>top right</source>
        <translation>右上</translation>
    </message>
    <message>
        <source>bottom right</source>
        <translation>右下</translation>
    </message>
    <message>
        <source>bottom left</source>
        <translation>左下</translation>
    </message>
    <message>
        <source>Corner: %1 at %2, %3 (photo %4 × %5). Drag the corners, or Tab to choose one and the arrow keys to move it (Shift: 10 pixels); Return reads the page flattened.</source>
        <translation>角：%1，位于 %2, %3（照片 %4 × %5）。拖动四角，或按 Tab 选择一个角并用方向键移动（Shift：10 像素）；按回车按校正后的页面读取。</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::PageListModel</name>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>Page %1 · %2</source>
        <translation>第 %1 页 · %2</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>processing…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>kind not yet known</source>
        <translation>类型尚未确定</translation>
    </message>
    <message>
        <source>scanned</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>text layer</source>
        <translation>文本层</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>空白</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::PageView</name>
    <message>
        <source>The page image cannot be shown: %1</source>
        <translation>无法显示页面图像：%1</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100 %)</source>
        <translation>实际大小(&amp;A)（100%）</translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation>适应宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation>适应页面(&amp;P)</translation>
    </message>
    <message>
        <source>Show &amp;Words</source>
        <translation>显示词(&amp;W)</translation>
    </message>
    <message>
        <source>Show &amp;Lines</source>
        <translation>显示行(&amp;L)</translation>
    </message>
    <message>
        <source>Show &amp;Blocks</source>
        <translation>显示块(&amp;B)</translation>
    </message>
    <message>
        <source>Show Recognized &amp;Text Above Boxes</source>
        <translation>在框上方显示识别的文本(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Edit Text</source>
        <translation>编辑文本(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Draw Box</source>
        <translation>绘制框(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete Words</source>
        <translation>删除词(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Merge Words</source>
        <translation>合并词(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Split Word</source>
        <translation>拆分词(&amp;S)</translation>
    </message>
    <message>
        <source>Select &amp;All Words</source>
        <translation>选择所有词(&amp;A)</translation>
    </message>
    <message>
        <source>Assign Label %1</source>
        <translation>分配标签 %1</translation>
    </message>
    <message>
        <source>Clear Label</source>
        <translation>清除标签</translation>
    </message>
    <message>
        <source>Page %1 no longer exists.</source>
        <translation>第 %1 页已不存在。</translation>
    </message>
    <message>
        <source>Draw mode: drag a box around a word (B or Esc to leave)</source>
        <translation>绘制模式：围绕一个词拖出一个框（按 B 或 Esc 退出）</translation>
    </message>
    <message>
        <source>The project is open read-only: words cannot be changed.</source>
        <translation>项目以只读方式打开：无法修改词。</translation>
    </message>
    <message>
        <source>Select two or more words to merge.</source>
        <translation>请选择两个或更多要合并的词。</translation>
    </message>
    <message>
        <source>A word of one character cannot be split.</source>
        <translation>单个字符的词无法拆分。</translation>
    </message>
    <message>
        <source>No label has the key %1.</source>
        <translation>没有标签使用按键 %1。</translation>
    </message>
    <message>
        <source>Reading the new box…</source>
        <translation>正在识别新框…</translation>
    </message>
    <message>
        <source>New box added; no text was read in it (F2 to type it).</source>
        <translation>已添加新框；其中未识别出文本（按 F2 输入）。</translation>
    </message>
    <message>
        <source>New box added: “%1”</source>
        <translation>已添加新框：“%1”</translation>
    </message>
    <message>
        <source>The project is open read-only: nothing can be read again.</source>
        <translation>项目以只读方式打开：无法重新识别。</translation>
    </message>
    <message>
        <source>Reading the selection again…</source>
        <translation>正在重新识别所选内容…</translation>
    </message>
    <message>
        <source>The selection could not be read again: %1</source>
        <translation>无法重新识别所选内容：%1</translation>
    </message>
    <message>
        <source>Read again: %1 word(s) replaced by %2; %3 edited word(s) kept.</source>
        <translation>重新识别：%1 个词被替换为 %2 个；保留了 %3 个编辑过的词。</translation>
    </message>
    <message>
        <source>Edit &amp;Line</source>
        <translation>编辑整行(&amp;L)</translation>
    </message>
    <message>
        <source>Label “%1”</source>
        <translation>标签“%1”</translation>
    </message>
    <message>
        <source>Boxes hidden while Ctrl+H is held.</source>
        <translation>按住 Ctrl+H 时隐藏框。</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <source>F&amp;orm</source>
        <translation>表单(&amp;O)</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::PipelineController</name>
    <message>
        <source>Connecting to the OCR workers at %1…</source>
        <translation>正在连接 %1 上的 OCR worker…</translation>
    </message>
    <message>
        <source>OCR on %1</source>
        <translation>在 %1 上进行 OCR</translation>
    </message>
    <message>
        <source>%1: OCR runs on this computer.</source>
        <translation>%1：OCR 在本机运行。</translation>
    </message>
    <message>
        <source>OCR workers cannot be used: %1. Pages stay queued.</source>
        <translation>无法使用 OCR worker：%1。页面仍留在队列中。</translation>
    </message>
    <message>
        <source>Pages cannot be processed now: %1</source>
        <translation>现在无法处理页面：%1</translation>
    </message>
    <message>
        <source>The project is open read-only: nothing can be imported.</source>
        <translation>项目以只读方式打开：无法导入任何内容。</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added</source>
        <translation>
            <numerusform>已添加 %n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the project</source>
        <translation>
            <numerusform>，%n 个已在项目中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed (%1)</source>
        <translation>
            <numerusform>，%n 个失败（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>; the project could not be written: %1</source>
        <translation>；无法写入项目：%1</translation>
    </message>
    <message numerus="yes">
        <source>OCR stopped: %1. %n page(s) stay queued.</source>
        <translation>
            <numerusform>OCR 已停止：%1。%n 页仍在队列中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n annotation file(s) imported</source>
        <translation>
            <numerusform>；已导入 %n 个标注文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n annotation file(s) refused (%1), their images are read by OCR</source>
        <translation>
            <numerusform>；%n 个标注文件被拒绝（%1），其图像将由 OCR 读取</numerusform>
        </translation>
    </message>
    <message>
        <source>Pages cannot be processed again: %1</source>
        <translation>无法重新处理页面：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) will be processed again with their document type&apos;s profile.</source>
        <translation>
            <numerusform>将按文档类型的处理配置重新处理 %n 个页面。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>incidoc::ui::ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop starting new pages; resume later</source>
        <translation>不再开始处理新页面；稍后继续</translation>
    </message>
    <message>
        <source>Stop processing; unprocessed pages stay queued in the project</source>
        <translation>停止处理；未处理的页面留在项目队列中</translation>
    </message>
    <message>
        <source>Nothing to process</source>
        <translation>没有要处理的内容</translation>
    </message>
    <message>
        <source>%1 / %2 pages · %3 pages/s</source>
        <translation>%1 / %2 页 · %3 页/秒</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::ProjectSession</name>
    <message>
        <source>Could not read the documents: %1</source>
        <translation>无法读取文档：%1</translation>
    </message>
    <message>
        <source>Could not read the pages: %1</source>
        <translation>无法读取页面：%1</translation>
    </message>
    <message>
        <source>Could not read the words of the page: %1</source>
        <translation>无法读取该页的词：%1</translation>
    </message>
    <message>
        <source>Could not read the labels: %1</source>
        <translation>无法读取标签：%1</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>The project is open read-only: changes cannot be saved.</source>
        <translation>项目以只读方式打开：无法保存更改。</translation>
    </message>
    <message>
        <source>Could not add the label: %1</source>
        <translation>无法添加标签：%1</translation>
    </message>
    <message>
        <source>Could not change the label: %1</source>
        <translation>无法修改标签：%1</translation>
    </message>
    <message>
        <source>Could not find the next flagged word: %1</source>
        <translation>找不到下一个标记的词：%1</translation>
    </message>
    <message>
        <source>The words of this line are no longer on the page.</source>
        <translation>这一行的词已不在该页上。</translation>
    </message>
    <message>
        <source>Could not delete the label: %1</source>
        <translation>无法删除标签：%1</translation>
    </message>
    <message>
        <source>Could not find the next word to check: %1</source>
        <translation>找不到下一个待检查的单词：%1</translation>
    </message>
    <message>
        <source>Only a document that failed can be removed.</source>
        <translation>只能移除失败的文档。</translation>
    </message>
    <message>
        <source>Could not remove the document: %1</source>
        <translation>无法移除文档：%1</translation>
    </message>
    <message>
        <source>an entity</source>
        <translation>一个实体</translation>
    </message>
    <message>
        <source>Could not group the words: word %1 no longer exists</source>
        <translation>无法组合这些词：词 %1 已不存在</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>组合 %1</translation>
    </message>
    <message>
        <source>Ungroup %1</source>
        <translation>取消组合 %1</translation>
    </message>
    <message numerus="yes">
        <source>Ungroup %n entities</source>
        <translation>
            <numerusform>取消组合 %n 个实体</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n 个实体</numerusform>
        </translation>
    </message>
    <message>
        <source>No label on %1</source>
        <translation>移除 %1 的标签</translation>
    </message>
    <message>
        <source>Label %1 on %2</source>
        <translation>为 %2 加上标签 %1</translation>
    </message>
    <message>
        <source>No field on %1</source>
        <translation>移除 %1 的字段</translation>
    </message>
    <message>
        <source>Field %1 on %2</source>
        <translation>为 %2 设置字段 %1</translation>
    </message>
    <message>
        <source>Link %1 → %2</source>
        <translation>链接 %1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n link(s)</source>
        <translation>
            <numerusform>删除 %n 个链接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n proposal(s)</source>
        <translation>
            <numerusform>接受 %n 个建议</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n proposal(s)</source>
        <translation>
            <numerusform>拒绝 %n 个建议</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not flag the words for review: %1</source>
        <translation>无法将词标记为待审阅：%1</translation>
    </message>
    <message>
        <source>Propose entities and links</source>
        <translation>建议实体和链接</translation>
    </message>
    <message>
        <source>Could not carry the form: %1</source>
        <translation>无法套用表单：%1</translation>
    </message>
    <message>
        <source>Carry the form to pages with the same layout</source>
        <translation>将表单套用到版面相同的页面</translation>
    </message>
    <message>
        <source>A link type is made of lower-case letters, digits and _: %1</source>
        <translation>链接类型只能由小写字母、数字和 _ 组成：%1</translation>
    </message>
    <message>
        <source>Could not save the link types: %1</source>
        <translation>无法保存链接类型：%1</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::ReOcrDialog</name>
    <message>
        <source>The whole &amp;page</source>
        <translation>整页(&amp;P)</translation>
    </message>
    <message numerus="yes">
        <source>The &amp;selected words (%n)</source>
        <translation>
            <numerusform>所选的词(&amp;S)（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-OCR with Settings</source>
        <translation>按设置重新 OCR</translation>
    </message>
    <message>
        <source>Read again:</source>
        <translation>重新识别：</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Small print reads better at a higher resolution. A page with words you edited keeps its resolution.</source>
        <translation>小字号在更高分辨率下识别效果更好。含有您编辑过的词的页面保持原分辨率。</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>Words you edited or drew are kept as they are.</source>
        <translation>您编辑或绘制的词将保持不变。</translation>
    </message>
    <message>
        <source>&amp;Read Again</source>
        <translation>重新识别(&amp;R)</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::RedactionLayer</name>
    <message>
        <source>Show &amp;Redaction</source>
        <translation>显示脱敏(&amp;R)</translation>
    </message>
    <message>
        <source>Shows what a redacted export replaces: hatched, sensitive; dashed, marked not sensitive</source>
        <translation>显示脱敏导出将替换的内容：阴影为敏感；虚线为已标记不敏感</translation>
    </message>
    <message>
        <source>Redacted: %1</source>
        <translation>将脱敏：%1</translation>
    </message>
    <message>
        <source>Marked not sensitive: kept in a redacted export</source>
        <translation>已标记为不敏感：在脱敏导出中保留</translation>
    </message>
    <message>
        <source>Drag a rectangle over the %1 to redact; Escape cancels</source>
        <translation>在要脱敏的区域（%1）上拖出矩形；按 Esc 取消</translation>
    </message>
    <message>
        <source>Region marking cancelled</source>
        <translation>已取消区域标记</translation>
    </message>
    <message>
        <source>Region marking cancelled: the rectangle is too small</source>
        <translation>已取消区域标记：矩形太小</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::RedactionPanel</name>
    <message>
        <source>Person name</source>
        <translation>人名</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>车辆识别号</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Key → value</source>
        <translation>键 → 值</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Mention</source>
        <translation>提及</translation>
    </message>
    <message>
        <source>Marked</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Return shows the finding on its page</source>
        <translation>按回车在页面上显示该结果</translation>
    </message>
    <message>
        <source>Looking for personal data…</source>
        <translation>正在查找个人数据…</translation>
    </message>
    <message>
        <source>The personal data could not be looked for: %1</source>
        <translation>无法查找个人数据：%1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>（区域）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n finding(s))</source>
        <translation>
            <numerusform>%1（%n 项）</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to redact: no personal data found or marked.</source>
        <translation>无需脱敏：未发现或标记任何个人数据。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) to redact</source>
        <translation>
            <numerusform>%n 项待脱敏</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::RegionOcr</name>
    <message>
        <source>the region is outside the page</source>
        <translation>该区域在页面之外</translation>
    </message>
    <message>
        <source>the region could not be read</source>
        <translation>无法识别该区域</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::SearchPanel</name>
    <message>
        <source>Search the project…</source>
        <translation>在项目中搜索…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>词</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message numerus="yes">
        <source>First %n results</source>
        <translation>
            <numerusform>前 %n 个结果</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 个结果</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>incidoc::ui::SetDocumentTypeCommand</name>
    <message>
        <source>The document&apos;s type could not be changed: %1</source>
        <translation>无法更改文档的类型：%1</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::SetLineTextCommand</name>
    <message>
        <source>Line &apos;%1&apos; → &apos;%2&apos;</source>
        <translation>行“%1”→“%2”</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::SettingsDialog</name>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>测试连接(&amp;N)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Processing (applies to pages processed from now on)</source>
        <translation>处理（适用于此后处理的页面）</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Render &amp;resolution:</source>
        <translation>渲染分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>Adaptive Gaussian</source>
        <translation>自适应高斯</translation>
    </message>
    <message>
        <source>Sauvola</source>
        <translation>Sauvola</translation>
    </message>
    <message>
        <source>Otsu</source>
        <translation>Otsu</translation>
    </message>
    <message>
        <source>None (keep grey)</source>
        <translation>无（保留灰度）</translation>
    </message>
    <message>
        <source>&amp;Binarization:</source>
        <translation>二值化(&amp;B)：</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <translation>OCR 语言</translation>
    </message>
    <message>
        <source>The languages Tesseract reads the pages in; the first checked one is the main language. More are installed with the tesseract-ocr-LANG packages.</source>
        <translation>Tesseract 识别页面所用的语言；第一个勾选的为主要语言。更多语言可通过 tesseract-ocr-语言 软件包安装。</translation>
    </message>
    <message>
        <source>%1 — not installed</source>
        <translation>%1 — 未安装</translation>
    </message>
    <message>
        <source>OCR &amp;languages:</source>
        <translation>OCR 语言(&amp;L)：</translation>
    </message>
    <message>
        <source>auto: one per core (%1), or the workers&apos; threads</source>
        <translation>自动：每个核心一个（%1），或 worker 的线程数</translation>
    </message>
    <message>
        <source>Parallel &amp;jobs:</source>
        <translation>并行任务(&amp;J)：</translation>
    </message>
    <message>
        <source>Review and appearance</source>
        <translation>审阅与外观</translation>
    </message>
    <message>
        <source>Words read with less confidence than this are marked for review</source>
        <translation>置信度低于此值的词会被标记为待审阅</translation>
    </message>
    <message>
        <source>Low-&amp;confidence threshold:</source>
        <translation>低置信度阈值(&amp;C)：</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>Applies the next time Incidoc starts.</source>
        <translation>下次启动 Incidoc 时生效。</translation>
    </message>
    <message>
        <source>Interface lan&amp;guage:</source>
        <translation>界面语言(&amp;G)：</translation>
    </message>
    <message>
        <source>OCR workers</source>
        <translation>OCR worker</translation>
    </message>
    <message>
        <source>127.0.0.1:50051, … or dns:///workers:50051; empty: OCR on this computer</source>
        <translation>127.0.0.1:50051, … 或 dns:///workers:50051；留空：在本机进行 OCR</translation>
    </message>
    <message>
        <source>incidoc-worker addresses, separated by commas, or one DNS name that lists them</source>
        <translation>incidoc-worker 地址，以逗号分隔，或一个列出它们的 DNS 名称</translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation>Worker(&amp;W)：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>浏览%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>A file holding the key the workers require (sent as x-api-key)</source>
        <translation>存放 worker 所需密钥的文件（以 x-api-key 发送）</translation>
    </message>
    <message>
        <source>API &amp;key file:</source>
        <translation>API 密钥文件(&amp;K)：</translation>
    </message>
    <message>
        <source>API key file</source>
        <translation>API 密钥文件</translation>
    </message>
    <message>
        <source>API Key File</source>
        <translation>API 密钥文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>none: no TLS</source>
        <translation>无：不使用 TLS</translation>
    </message>
    <message>
        <source>The CA certificate (PEM) that signed the workers&apos; certificates; TLS is on when set</source>
        <translation>签发 worker 证书的 CA 证书（PEM）；设置后启用 TLS</translation>
    </message>
    <message>
        <source>TLS CA f&amp;ile:</source>
        <translation>TLS CA 文件(&amp;I)：</translation>
    </message>
    <message>
        <source>TLS CA file</source>
        <translation>TLS CA 文件</translation>
    </message>
    <message>
        <source>TLS CA Certificate</source>
        <translation>TLS CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>When no worker is reachable</source>
        <translation>没有可连接的 worker 时</translation>
    </message>
    <message>
        <source>Stop and keep pages queued</source>
        <translation>停止并将页面留在队列中</translation>
    </message>
    <message>
        <source>OCR on this computer</source>
        <translation>在本机进行 OCR</translation>
    </message>
    <message>
        <source>When no worker is reac&amp;hable:</source>
        <translation>没有可连接的 worker 时(&amp;H)：</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>连接测试结果</translation>
    </message>
    <message>
        <source>No workers set: OCR runs on this computer.</source>
        <translation>未设置 worker：OCR 在本机运行。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>已连接：%1</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
    <message>
        <source>OCR engines (this project)</source>
        <translation>OCR 引擎（本项目）</translation>
    </message>
    <message>
        <source>OCR engines on this computer</source>
        <translation>本机上的 OCR 引擎</translation>
    </message>
    <message>
        <source>Installed:</source>
        <translation>已安装：</translation>
    </message>
    <message>
        <source>OCR engines for this project</source>
        <translation>本项目的 OCR 引擎</translation>
    </message>
    <message>
        <source>As the profile says</source>
        <translation>由配置档决定</translation>
    </message>
    <message>
        <source>%1 — not available</source>
        <translation>%1 — 不可用</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <source>&amp;Engines:</source>
        <translation>引擎(&amp;E)：</translation>
    </message>
    <message>
        <source>OCR profile for this project</source>
        <translation>本项目的 OCR 配置档</translation>
    </message>
    <message>
        <source>Accurate: two readers, disagreements flagged</source>
        <translation>精确：两个识别器，标记分歧</translation>
    </message>
    <message>
        <source>Fast: Tesseract alone</source>
        <translation>快速：仅 Tesseract</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>配置档(&amp;P)：</translation>
    </message>
    <message>
        <source>Kept in the project; applies to pages processed from now on.</source>
        <translation>保存在项目中；对此后处理的页面生效。</translation>
    </message>
    <message>
        <source>Open a project that can be written to choose its engines.</source>
        <translation>打开一个可写入的项目以选择其引擎。</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Do not zoom</source>
        <translation>不缩放</translation>
    </message>
    <message>
        <source>Tab and search zoom in until the word is this tall on screen</source>
        <translation>Tab 和搜索会放大，直到单词在屏幕上达到此高度</translation>
    </message>
    <message>
        <source>&amp;Zoom words to a height of:</source>
        <translation>将单词缩放到高度(&amp;Z)：</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Box &amp;opacity:</source>
        <translation>框不透明度(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Type on the selected word: edit it, starting with that character (letters, digits, punctuation: never a command)</source>
        <translation>在选中的单词上直接输入：从该字符开始编辑（字母、数字、标点：绝不会触发命令）</translation>
    </message>
    <message>
        <source>any character</source>
        <translation>任意字符</translation>
    </message>
    <message>
        <source>In the word editor: store and go on to the next word to check</source>
        <translation>在单词编辑器中：保存并转到下一个待检查的单词</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>回车</translation>
    </message>
    <message>
        <source>In the word editor: store and stay</source>
        <translation>在单词编辑器中：保存并停留</translation>
    </message>
    <message>
        <source>Shift+Return</source>
        <translation>Shift+回车</translation>
    </message>
    <message>
        <source>In the word editor: take the suggestion</source>
        <translation>在单词编辑器中：采用建议</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>In the word editor: split the word at the caret</source>
        <translation>在单词编辑器中：在光标处拆分单词</translation>
    </message>
    <message>
        <source>Alt+S</source>
        <translation>Alt+S</translation>
    </message>
    <message>
        <source>In the word editor: cancel</source>
        <translation>在单词编辑器中：取消</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Select the word before / after</source>
        <translation>选择上一个 / 下一个单词</translation>
    </message>
    <message>
        <source>Left, Right</source>
        <translation>左、右</translation>
    </message>
    <message>
        <source>Select the word of the line above / below</source>
        <translation>选择上一行 / 下一行的单词</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>上、下</translation>
    </message>
    <message>
        <source>Extend the selection word by word</source>
        <translation>逐词扩展选择</translation>
    </message>
    <message>
        <source>Shift+Left, Shift+Right</source>
        <translation>Shift+左、Shift+右</translation>
    </message>
    <message>
        <source>Move the selected boxes by one pixel</source>
        <translation>将选中的框移动一个像素</translation>
    </message>
    <message>
        <source>Alt+arrows</source>
        <translation>Alt+方向键</translation>
    </message>
    <message>
        <source>Resize the selected boxes by one pixel</source>
        <translation>将选中的框调整一个像素</translation>
    </message>
    <message>
        <source>Alt+Shift+arrows</source>
        <translation>Alt+Shift+方向键</translation>
    </message>
    <message>
        <source>Pan the page</source>
        <translation>平移页面</translation>
    </message>
    <message>
        <source>Ctrl+arrows, or Space held and drag</source>
        <translation>Ctrl+方向键，或按住空格拖动</translation>
    </message>
    <message>
        <source>Hide every box while held</source>
        <translation>按住时隐藏所有框</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>The words&apos; menu</source>
        <translation>单词菜单</translation>
    </message>
    <message>
        <source>Menu, Shift+F10</source>
        <translation>菜单键、Shift+F10</translation>
    </message>
    <message>
        <source>Clear the selection, leave draw mode</source>
        <translation>清除选择，退出绘制模式</translation>
    </message>
    <message>
        <source>Linking: pick another entity, nearest first</source>
        <translation>链接时：选择另一个实体，最近的优先</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab, arrows</source>
        <translation>Tab、Shift+Tab、方向键</translation>
    </message>
    <message>
        <source>Linking: link to the highlighted entity (removes the link when it exists)</source>
        <translation>链接时：链接到高亮的实体（若链接已存在则删除）</translation>
    </message>
    <message>
        <source>Linking: link to an entity</source>
        <translation>链接时：链接到某个实体</translation>
    </message>
    <message>
        <source>click it</source>
        <translation>单击它</translation>
    </message>
    <message>
        <source>Linking: cancel</source>
        <translation>链接时：取消</translation>
    </message>
    <message>
        <source>Select the words of an entity</source>
        <translation>选择一个实体的词</translation>
    </message>
    <message>
        <source>double click its outline</source>
        <translation>双击其轮廓</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::StoreEditCommand</name>
    <message>
        <source>Could not save the change (%1): %2</source>
        <translation>无法保存更改（%1）：%2</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>编辑文本</translation>
    </message>
    <message>
        <source>Set label</source>
        <translation>设置标签</translation>
    </message>
    <message>
        <source>Add box</source>
        <translation>添加框</translation>
    </message>
    <message numerus="yes">
        <source>Merge %n words</source>
        <translation>
            <numerusform>合并 %n 个词</numerusform>
        </translation>
    </message>
    <message>
        <source>Split word</source>
        <translation>拆分词</translation>
    </message>
    <message>
        <source>Mark page reviewed</source>
        <translation>将页面标记为已审阅</translation>
    </message>
    <message>
        <source>Mark page in progress</source>
        <translation>将页面标记为进行中</translation>
    </message>
    <message>
        <source>Mark page new</source>
        <translation>将页面标记为新</translation>
    </message>
    <message>
        <source>Accept word</source>
        <translation>接受该词</translation>
    </message>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>%n 个词</numerusform>
        </translation>
    </message>
    <message>
        <source>a word</source>
        <translation>一个词</translation>
    </message>
    <message>
        <source>Text %1 → %2</source>
        <translation>文本 %1 → %2</translation>
    </message>
    <message>
        <source>Box of %1</source>
        <translation>%1 的框</translation>
    </message>
    <message>
        <source>Boxes of %1</source>
        <translation>%1 的框</translation>
    </message>
    <message>
        <source>Clear label on %1</source>
        <translation>清除 %1 的标签</translation>
    </message>
    <message>
        <source>Label %1 on %2</source>
        <translation>为 %2 设置标签 %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Merge %1</source>
        <translation>合并 %1</translation>
    </message>
    <message>
        <source>Split %1 → %2 + %3</source>
        <translation>拆分 %1 → %2 + %3</translation>
    </message>
    <message>
        <source>Mark page %1 reviewed</source>
        <translation>将第 %1 页标记为已审阅</translation>
    </message>
    <message>
        <source>Mark page %1 in progress</source>
        <translation>将第 %1 页标记为进行中</translation>
    </message>
    <message>
        <source>Mark page %1 new</source>
        <translation>将第 %1 页标记为新</translation>
    </message>
    <message>
        <source>Accept %1</source>
        <translation>接受 %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message numerus="yes">
        <source>Re-OCR: add %n word(s)</source>
        <translation>
            <numerusform>重新 OCR：添加 %n 个词</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-OCR %1</source>
        <translation>重新 OCR %1</translation>
    </message>
    <message>
        <source>Mark %1 reviewed</source>
        <translation>将 %1 标记为已审阅</translation>
    </message>
    <message>
        <source>Mark %1 not reviewed</source>
        <translation>将 %1 标记为未审阅</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::WatchController</name>
    <message>
        <source>The watched folders could not be saved: %1</source>
        <translation>无法保存监视的文件夹：%1</translation>
    </message>
    <message>
        <source>Watched folder: %1 imported</source>
        <translation>监视文件夹：已导入 %1</translation>
    </message>
    <message>
        <source>Watched folder: %1 is already in the project</source>
        <translation>监视文件夹：%1 已在项目中</translation>
    </message>
    <message>
        <source>Watched folder: %1 could not be imported: %2</source>
        <translation>监视文件夹：无法导入 %1：%2</translation>
    </message>
    <message>
        <source>Watched folder %1 is missing; it is watched for again</source>
        <translation>监视文件夹 %1 不存在；将等待它重新出现</translation>
    </message>
    <message>
        <source>Watched folder %1 cannot be read</source>
        <translation>无法读取监视文件夹 %1</translation>
    </message>
    <message>
        <source>Watched folder %1 cannot be resolved (a symbolic link loop or a link to nothing)</source>
        <translation>无法解析监视文件夹 %1（符号链接循环或指向不存在的链接）</translation>
    </message>
    <message>
        <source>Watched folder %1 is back</source>
        <translation>监视文件夹 %1 已恢复</translation>
    </message>
    <message>
        <source>The watched folders cannot be watched: %1</source>
        <translation>无法监视这些文件夹：%1</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::WordFilterBar</name>
    <message>
        <source>Word Filter</source>
        <translation>词筛选器</translation>
    </message>
    <message>
        <source>Show only the words with this label</source>
        <translation>只显示带有此标签的词</translation>
    </message>
    <message>
        <source>Show only the words whose confidence is at least this (0: no lower limit)</source>
        <translation>只显示置信度不低于此值的词（0：无下限）</translation>
    </message>
    <message>
        <source>Show only the words whose confidence is below this (100: no upper limit)</source>
        <translation>只显示置信度低于此值的词（100：无上限）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every word again</source>
        <translation>重新显示所有词</translation>
    </message>
    <message>
        <source>Filter words: label </source>
        <translation>筛选词：标签 </translation>
    </message>
    <message>
        <source>  confidence at least </source>
        <translation>  置信度至少 </translation>
    </message>
    <message>
        <source> and below </source>
        <translation> 且低于 </translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>No label</source>
        <translation>无标签</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Review and label OCR of incident documents.</source>
        <translation>审阅和标注事件文档的 OCR 结果。</translation>
    </message>
    <message>
        <source>Open the project read-only.</source>
        <translation>以只读方式打开项目。</translation>
    </message>
    <message>
        <source>An .incidoc project to open.</source>
        <translation>要打开的 .incidoc 项目。</translation>
    </message>
</context>
</TS>
