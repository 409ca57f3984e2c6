<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>cli</name>
    <message>
        <source>OCR on %1</source>
        <translation>OCR sur %1</translation>
    </message>
    <message>
        <source>%1: OCR runs on this machine (--fallback local)</source>
        <translation>%1&#xa0;: l’OCR s’exécute sur cette machine (--fallback local)</translation>
    </message>
    <message>
        <source>  FAILED  %1 page %2: %3</source>
        <translation>  ÉCHEC  %1 page %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 page(s) were OCR&apos;d on this machine: no worker was reachable for them (--fallback local)</source>
        <translation>%1 page(s) traitée(s) par OCR sur cette machine&#xa0;: aucun worker n’était joignable (--fallback local)</translation>
    </message>
    <message>
        <source>Processed %1 pages in %2 s (%3 pages/s): %4 done, %5 failed, %6 words</source>
        <translation>%1 pages traitées en %2 s (%3 pages/s)&#xa0;: %4 terminées, %5 en échec, %6 mots</translation>
    </message>
    <message>
        <source>Interrupted: %1 pages stay queued; run `incidoc-cli ocr -p %2` to continue.</source>
        <translation>Interrompu&#xa0;: %1 pages restent en attente&#xa0;; lancez `incidoc-cli ocr -p %2` pour continuer.</translation>
    </message>
    <message>
        <source>error: OCR stopped: %1. %2 page(s) stay queued: run `incidoc-cli ocr -p %3` when a worker is reachable, or add --fallback local to OCR on this machine.</source>
        <translation>erreur&#xa0;: OCR arrêtée&#xa0;: %1. %2 page(s) restent en attente&#xa0;: lancez `incidoc-cli ocr -p %3` quand un worker est joignable, ou ajoutez --fallback local pour faire l’OCR sur cette machine.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>error: cannot open project %1: %2</source>
        <translation>erreur&#xa0;: impossible d’ouvrir le projet %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>  FAILED  %1: %2</source>
        <translation>  ÉCHEC  %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Added %1 file(s) with %2 page(s); %3 already in the project; %4 failed%5</source>
        <translation>%1 fichier(s) ajouté(s), %2 page(s)&#xa0;; %3 déjà dans le projet&#xa0;; %4 en échec%5</translation>
    </message>
    <message>
        <source>; %1 other file(s) skipped</source>
        <translation>&#xa0;; %1 autre(s) fichier(s) ignoré(s)</translation>
    </message>
    <message>
        <source>Nothing to do: no queued pages.</source>
        <translation>Rien à faire&#xa0;: aucune page en attente.</translation>
    </message>
    <message>
        <source>Project:   %1</source>
        <translation>Projet&#xa0;:      %1</translation>
    </message>
    <message>
        <source>Documents: %1 (%2 failed to import)</source>
        <translation>Documents&#xa0;:   %1 (%2 non importés)</translation>
    </message>
    <message>
        <source>Pages:     %1 (done %2, queued %3, processing %4, failed %5)</source>
        <translation>Pages&#xa0;:       %1 (terminées %2, en attente %3, en cours %4, en échec %5)</translation>
    </message>
    <message>
        <source>Kinds:     scanned %1, text-layer %2, blank %3, not yet known %4</source>
        <translation>Types&#xa0;:       numérisées %1, couche texte %2, vierges %3, pas encore connu %4</translation>
    </message>
    <message>
        <source>Words:     %1</source>
        <translation>Mots&#xa0;:        %1</translation>
    </message>
    <message>
        <source>Reviewed:  %1 page(s)</source>
        <translation>Relues&#xa0;:      %1 page(s)</translation>
    </message>
    <message>
        <source>Failures:</source>
        <translation>Échecs&#xa0;:</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>  %1 page %2: %3</source>
        <translation>  %1 page %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>error: dump needs -o DIR</source>
        <translation>erreur&#xa0;: dump demande -o DOSSIER</translation>
    </message>
    <message>
        <source>Wrote %1 page(s) of %2 document(s) to %3</source>
        <translation>%1 page(s) de %2 document(s) écrite(s) dans %3</translation>
    </message>
    <message>
        <source>error: export needs -o FILE.zip</source>
        <translation>erreur&#xa0;: export demande -o FICHIER.zip</translation>
    </message>
    <message>
        <source>error: cannot open project %1: it does not exist</source>
        <translation>erreur&#xa0;: impossible d’ouvrir le projet %1&#xa0;: il n’existe pas</translation>
    </message>
    <message>
        <source>Interrupted: no bundle was written.</source>
        <translation>Interrompu&#xa0;: aucun lot n’a été écrit.</translation>
    </message>
    <message>
        <source>Wrote %1: %2 page(s) of %3 document(s), %4 entries, %5 MB in %6 s (%7 jobs)</source>
        <translation>%1 écrit&#xa0;: %2 page(s) de %3 document(s), %4 entrées, %5 Mo en %6 s (%7 tâches)</translation>
    </message>
    <message>
        <source>files and folders (import)</source>
        <translation>fichiers et dossiers (import)</translation>
    </message>
    <message>
        <source>Print versions of Incidoc and its engines.</source>
        <translation>Affiche les versions d’Incidoc et de ses moteurs.</translation>
    </message>
    <message>
        <source>Project file (*.incidoc); created when missing.</source>
        <translation>Fichier de projet (*.incidoc)&#xa0;; créé s’il n’existe pas.</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>Sortie lisible par une machine.</translation>
    </message>
    <message>
        <source>Print only errors.</source>
        <translation>N’affiche que les erreurs.</translation>
    </message>
    <message>
        <source>Pages in parallel (default: cores).</source>
        <translation>Pages traitées en parallèle (par défaut&#xa0;: nombre de cœurs).</translation>
    </message>
    <message>
        <source>Render resolution for PDF pages (default 300).</source>
        <translation>Résolution de rendu des pages PDF (300 par défaut).</translation>
    </message>
    <message>
        <source>OCR languages, e.g. eng or eng+fra (default eng).</source>
        <translation>Langues de l’OCR, p. ex. eng ou eng+fra (eng par défaut).</translation>
    </message>
    <message>
        <source>Binarization for page images: adaptive (default), sauvola, otsu, none.</source>
        <translation>Binarisation des images de page&#xa0;: adaptive (par défaut), sauvola, otsu, none.</translation>
    </message>
    <message>
        <source>ocr: retry failed pages.</source>
        <translation>ocr&#xa0;: réessayer les pages en échec.</translation>
    </message>
    <message>
        <source>ocr: redo every page (words a person edited are kept).</source>
        <translation>ocr&#xa0;: refaire toutes les pages (les mots corrigés à la main sont conservés).</translation>
    </message>
    <message>
        <source>dump: output folder; export: the .zip file.</source>
        <translation>dump&#xa0;: dossier de sortie&#xa0;; export&#xa0;: le fichier .zip.</translation>
    </message>
    <message>
        <source>Seconds a page render may take (default 60).</source>
        <translation>Durée maximale du rendu d’une page en secondes (60 par défaut).</translation>
    </message>
    <message>
        <source>export: only reviewed pages.</source>
        <translation>export&#xa0;: seulement les pages relues.</translation>
    </message>
    <message>
        <source>export: page images binarized (default), original or none.</source>
        <translation>export&#xa0;: images de page binarized (par défaut), original ou none.</translation>
    </message>
    <message>
        <source>export: no page visualizations.</source>
        <translation>export&#xa0;: sans visualisations des pages.</translation>
    </message>
    <message>
        <source>export: only these document ids.</source>
        <translation>export&#xa0;: seulement ces identifiants de documents.</translation>
    </message>
    <message>
        <source>OCR on incidoc-worker processes: HOST:PORT[,HOST:PORT...] or dns:///NAME:PORT.</source>
        <translation>OCR sur des processus incidoc-worker&#xa0;: HÔTE:PORT[,HÔTE:PORT...] ou dns:///NOM:PORT.</translation>
    </message>
    <message>
        <source>File holding the workers&apos; API key (first line).</source>
        <translation>Fichier contenant la clé d’API des workers (première ligne).</translation>
    </message>
    <message>
        <source>Connect to the workers with TLS, checking their certificates against this CA (PEM).</source>
        <translation>Se connecter aux workers en TLS, en vérifiant leurs certificats avec cette AC (PEM).</translation>
    </message>
    <message>
        <source>When no worker is reachable: stop (default; pages stay queued) or local (OCR here).</source>
        <translation>Si aucun worker n’est joignable&#xa0;: stop (par défaut&#xa0;; les pages restent en attente) ou local (OCR ici).</translation>
    </message>
    <message>
        <source>How pages travel to workers: grey8 (raw, default on this machine) or png (default for other machines).</source>
        <translation>Format des pages envoyées aux workers&#xa0;: grey8 (brut, par défaut sur cette machine) ou png (par défaut pour les autres machines).</translation>
    </message>
    <message>
        <source>import: larger files are refused (default 2048).</source>
        <translation>import&#xa0;: les fichiers plus gros sont refusés (2048 par défaut).</translation>
    </message>
    <message>
        <source>Send the API key to workers on other machines without TLS (trusted networks only).</source>
        <translation>Envoyer la clé d’API aux workers d’autres machines sans TLS (réseaux de confiance uniquement).</translation>
    </message>
    <message>
        <source>error: %1
Try &apos;incidoc-cli --help&apos;.</source>
        <translation>erreur&#xa0;: %1
Essayez « incidoc-cli --help ».</translation>
    </message>
    <message>
        <source>error: no command given
Try &apos;incidoc-cli --help&apos;.</source>
        <translation>erreur&#xa0;: aucune commande indiquée
Essayez « incidoc-cli --help ».</translation>
    </message>
    <message>
        <source>error: --%1 takes a whole number from 1 to %2</source>
        <translation>erreur&#xa0;: --%1 attend un nombre entier de 1 à %2</translation>
    </message>
    <message>
        <source>error: --memory-limit-mb takes 0 (none) or a number of MB from 256 up</source>
        <translation>erreur&#xa0;: --memory-limit-mb attend 0 (aucune limite) ou un nombre de Mo à partir de 256</translation>
    </message>
    <message>
        <source>error: --binarize takes adaptive, sauvola, otsu or none</source>
        <translation>erreur&#xa0;: --binarize attend adaptive, sauvola, otsu ou none</translation>
    </message>
    <message>
        <source>error: --fallback takes stop or local</source>
        <translation>erreur&#xa0;: --fallback attend stop ou local</translation>
    </message>
    <message>
        <source>error: --worker-images takes grey8 or png</source>
        <translation>erreur&#xa0;: --worker-images attend grey8 ou png</translation>
    </message>
    <message>
        <source>error: --api-key-file, --tls-ca and --fallback need --workers</source>
        <translation>erreur&#xa0;: --api-key-file, --tls-ca et --fallback demandent --workers</translation>
    </message>
    <message>
        <source>error: --images takes binarized, original or none</source>
        <translation>erreur&#xa0;: --images attend binarized, original ou none</translation>
    </message>
    <message>
        <source>error: --documents takes document ids (whole numbers), e.g. 1,3</source>
        <translation>erreur&#xa0;: --documents attend des identifiants de documents (nombres entiers), p. ex. 1,3</translation>
    </message>
    <message>
        <source>error: -p/--project FILE is required</source>
        <translation>erreur&#xa0;: -p/--project FICHIER est obligatoire</translation>
    </message>
    <message>
        <source>error: import needs at least one file or folder</source>
        <translation>erreur&#xa0;: import demande au moins un fichier ou un dossier</translation>
    </message>
    <message>
        <source>error: %1 takes no paths</source>
        <translation>erreur&#xa0;: %1 n’accepte pas de chemins</translation>
    </message>
    <message>
        <source>error: Tesseract language data for &apos;%1&apos; is not installed (Debian package %2)</source>
        <translation>erreur&#xa0;: les données de langue Tesseract pour « %1 » ne sont pas installées (paquet Debian %2)</translation>
    </message>
    <message>
        <source>[%1] %2/%3 pages  %4 pages/s  %5 left</source>
        <translation>[%1] %2/%3 pages  %4 pages/s  reste %5</translation>
    </message>
    <message>
        <source>  (%1 failed)</source>
        <translation>  (%1 en échec)</translation>
    </message>
    <message>
        <source>the page helper incidoc-page-host is missing (looked beside %1 and in ../libexec/incidoc): reinstall incidoc-cli, or run with --no-isolation</source>
        <translation>l’assistant de pages incidoc-page-host est introuvable (cherché à côté de %1 et dans ../libexec/incidoc)&#xa0;: réinstallez incidoc-cli, ou lancez avec --no-isolation</translation>
    </message>
    <message>
        <source>Seconds OCR of a page may take (default 60).</source>
        <translation>Durée maximale de l’OCR d’une page en secondes (60 par défaut).</translation>
    </message>
    <message>
        <source>import/ocr: open files and process pages in this process, not in page helper processes (a crash in a page then ends the run).</source>
        <translation>import/ocr&#xa0;: ouvrir les fichiers et traiter les pages dans ce processus, pas dans des processus assistants (un plantage sur une page arrête alors tout).</translation>
    </message>
    <message>
        <source>import/ocr: memory budget of each page helper process (default 4096; 0: none); over it, its page or file is skipped.</source>
        <translation>import/ocr&#xa0;: mémoire allouée à chaque processus assistant de pages (4096 par défaut&#xa0;; 0&#xa0;: aucune limite)&#xa0;; au-delà, sa page ou son fichier est ignoré.</translation>
    </message>
    <message>
        <source>import/ocr: OCR engines for scanned pages: tesseract, ppocr or tesseract+ppocr (default: the profile&apos;s; remembered in the project).</source>
        <translation>import/ocr&#xa0;: moteurs d’OCR des pages numérisées&#xa0;: tesseract, ppocr ou tesseract+ppocr (par défaut&#xa0;: ceux du profil&#xa0;; mémorisé dans le projet).</translation>
    </message>
    <message>
        <source>import/ocr: fast (Tesseract alone) or accurate (two readers, the default; remembered in the project).</source>
        <translation>import/ocr&#xa0;: fast (Tesseract seul) ou accurate (deux lecteurs, par défaut&#xa0;; mémorisé dans le projet).</translation>
    </message>
    <message>
        <source>import, ocr, status, dump, export or engines</source>
        <translation>import, ocr, status, dump, export ou engines</translation>
    </message>
    <message>
        <source>error: --engine takes tesseract, ppocr or tesseract+ppocr</source>
        <translation>erreur&#xa0;: --engine attend tesseract, ppocr ou tesseract+ppocr</translation>
    </message>
    <message>
        <source>error: --profile takes fast or accurate</source>
        <translation>erreur&#xa0;: --profile attend fast ou accurate</translation>
    </message>
    <message>
        <source>error: the OCR engine %1 is not available: %2</source>
        <translation>erreur&#xa0;: le moteur d’OCR %1 n’est pas disponible&#xa0;: %2</translation>
    </message>
    <message>
        <source>detects</source>
        <translation>détecte</translation>
    </message>
    <message>
        <source>recognizes</source>
        <translation>reconnaît</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>not available: %1</source>
        <translation>non disponible&#xa0;: %1</translation>
    </message>
    <message>
        <source>  capabilities: %1</source>
        <translation>  capacités&#xa0;: %1</translation>
    </message>
    <message>
        <source>  languages:    %1</source>
        <translation>  langues&#xa0;:   %1</translation>
    </message>
    <message>
        <source>note: the OCR engine %1 is not available (%2): Tesseract reads alone</source>
        <translation>remarque&#xa0;: le moteur d’OCR %1 n’est pas disponible (%2)&#xa0;: Tesseract lit seul</translation>
    </message>
    <message>
        <source>error: remove needs at least one document (its id or path)</source>
        <translation>erreur&#xa0;: remove demande au moins un document (son id ou son chemin)</translation>
    </message>
    <message>
        <source>no such document in the project</source>
        <translation>aucun document de ce nom dans le projet</translation>
    </message>
    <message>
        <source>its pages were read or are waiting to be read: only a document that failed can be removed</source>
        <translation>ses pages ont été lues ou attendent de l’être&#xa0;: seul un document en échec peut être retiré</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>%1 retiré</translation>
    </message>
    <message>
        <source>error: %1: %2</source>
        <translation>erreur&#xa0;: %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>export: json,coco,labelstudio,hocr,alto,metrics,funsd,page,records,lines,crops (default: all but lines and crops).</source>
        <translation>export&#xa0;: json,coco,labelstudio,hocr,alto,metrics,funsd,page,records,lines,crops (par défaut&#xa0;: tous sauf lines et crops).</translation>
    </message>
    <message>
        <source>error: --formats takes a list of json, coco, labelstudio, hocr, alto, metrics, funsd, page, records, lines, crops</source>
        <translation>erreur&#xa0;: --formats attend une liste parmi json, coco, labelstudio, hocr, alto, metrics, funsd, page, records, lines, crops</translation>
    </message>
    <message>
        <source>export: write nothing (exit 2) while the checks before export find anything.</source>
        <translation>export : ne rien écrire (code 2) tant que les vérifications avant export trouvent un problème.</translation>
    </message>
    <message>
        <source>propose: group words into entities (default: entities and links).</source>
        <translation>propose : regrouper les mots en entités (par défaut : entités et liens).</translation>
    </message>
    <message>
        <source>propose: link keys to their values (default: entities and links).</source>
        <translation>propose : relier les clés à leurs valeurs (par défaut : entités et liens).</translation>
    </message>
    <message>
        <source>propose: accept the proposals at once.</source>
        <translation>propose : accepter aussitôt les propositions.</translation>
    </message>
    <message>
        <source>import: annotation files (hOCR, ALTO, PAGE, FUNSD, Label Studio) named like the images, in DIR.</source>
        <translation>import : fichiers d’annotations (hOCR, ALTO, PAGE, FUNSD, Label Studio) nommés comme les images, dans DOSSIER.</translation>
    </message>
    <message>
        <source>error: unknown command &apos;%1&apos; (import, ocr, status, dump, export, remove, propose)</source>
        <translation>erreur&#xa0;: commande inconnue « %1 » (import, ocr, status, dump, export, remove, propose)</translation>
    </message>
    <message numerus="yes">
        <source>The checks before export found %n problem(s); nothing was written (--strict):</source>
        <translation>
            <numerusform>Les vérifications avant export ont trouvé %n problème ; rien n’a été écrit (--strict) :</numerusform>
            <numerusform>Les vérifications avant export ont trouvé %n problèmes ; rien n’a été écrit (--strict) :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The checks before export found %n problem(s) (--strict refuses to export):</source>
        <translation>
            <numerusform>Les vérifications avant export ont trouvé %n problème (--strict refuse d’exporter) :</numerusform>
            <numerusform>Les vérifications avant export ont trouvé %n problèmes (--strict refuse d’exporter) :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more</source>
        <translation>
            <numerusform>  … et %n autre</numerusform>
            <numerusform>  … et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>  ANNOTATIONS NOT IMPORTED  %1: %2 (the image is read by OCR)</source>
        <translation>  ANNOTATIONS NON IMPORTÉES  %1 : %2 (l’image est lue par l’OCR)</translation>
    </message>
    <message>
        <source>Annotations: %1 file(s) imported as their pages&apos; words and forms; %2 refused</source>
        <translation>Annotations : %1 fichier(s) importé(s) comme mots et formulaires de leurs pages ; %2 refusé(s)</translation>
    </message>
    <message>
        <source>Forms:     %1 entities (%2 proposed), %3 links (%4 proposed)</source>
        <translation>Formulaires : %1 entités (%2 proposées), %3 liens (%4 proposés)</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>Vérifications :</translation>
    </message>
    <message>
        <source>Checks before export:</source>
        <translation>Vérifications avant export :</translation>
    </message>
    <message>
        <source>error: no document %1 in the project</source>
        <translation>erreur : aucun document %1 dans le projet</translation>
    </message>
    <message>
        <source>error: no document %1 with pages in the project</source>
        <translation>erreur : aucun document %1 avec des pages dans le projet</translation>
    </message>
    <message>
        <source>error: document %1 has no accepted entities on its first page to carry</source>
        <translation>erreur : la première page du document %1 n’a aucune entité acceptée à reporter</translation>
    </message>
    <message>
        <source>Added %1 entities and %2 links on %3 page(s)</source>
        <translation>%1 entités et %2 liens ajoutés sur %3 page(s)</translation>
    </message>
    <message>
        <source>Proposed %1 entities and %2 links on %3 page(s); accept or reject them in the app</source>
        <translation>%1 entités et %2 liens proposés sur %3 page(s) ; acceptez-les ou rejetez-les dans l’application</translation>
    </message>
    <message>
        <source>types profile: words read below this confidence (0-100) are flagged for review.</source>
        <translation>types profile : les mots lus sous cette confiance (0-100) sont signalés pour relecture.</translation>
    </message>
    <message>
        <source>types profile: clear the type&apos;s profile (the project&apos;s choice applies).</source>
        <translation>types profile : effacer le profil du type (le choix du projet s’applique).</translation>
    </message>
    <message>
        <source>watch: look through the folders every S seconds besides the change notifications (default 30).</source>
        <translation>watch&#xa0;: parcourir les dossiers toutes les S secondes en plus des notifications de changement (30 par défaut).</translation>
    </message>
    <message>
        <source>watch: a file counts as complete once unchanged for MS milliseconds (default 1000).</source>
        <translation>watch&#xa0;: un fichier est complet une fois inchangé pendant MS millisecondes (1000 par défaut).</translation>
    </message>
    <message>
        <source>watch: move imported files (and duplicates) to DIR.</source>
        <translation>watch&#xa0;: déplacer les fichiers importés (et les doublons) dans DOSSIER.</translation>
    </message>
    <message>
        <source>watch: move imported files to a done/ folder in the first watched folder.</source>
        <translation>watch&#xa0;: déplacer les fichiers importés dans un dossier done/ du premier dossier surveillé.</translation>
    </message>
    <message>
        <source>error: --review-threshold takes a number from 0 to 100</source>
        <translation>erreur : --review-threshold attend un nombre de 0 à 100</translation>
    </message>
    <message>
        <source>error: types list takes nothing more</source>
        <translation>erreur : types list n’accepte rien de plus</translation>
    </message>
    <message>
        <source>error: types add takes a NAME and an optional TITLE</source>
        <translation>erreur : types add attend un NOM et un TITRE facultatif</translation>
    </message>
    <message>
        <source>error: types %1 takes one type NAME</source>
        <translation>erreur : types %1 attend un NOM de type</translation>
    </message>
    <message>
        <source>error: types title takes a NAME and a TITLE</source>
        <translation>erreur : types title attend un NOM et un TITRE</translation>
    </message>
    <message>
        <source>error: types set takes a TYPE and at least one document (its id or path)</source>
        <translation>erreur : types set attend un TYPE et au moins un document (son id ou son chemin)</translation>
    </message>
    <message>
        <source>error: types %1 takes at least one document (its id or path)</source>
        <translation>erreur : types %1 attend au moins un document (son id ou son chemin)</translation>
    </message>
    <message>
        <source>error: unknown types command &apos;%1&apos; (list, add, remove, title, profile, set, clear, confirm)</source>
        <translation>erreur : commande types inconnue « %1 » (list, add, remove, title, profile, set, clear, confirm)</translation>
    </message>
    <message>
        <source>error: --clear and --review-threshold go with types profile</source>
        <translation>erreur : --clear et --review-threshold vont avec types profile</translation>
    </message>
    <message>
        <source>error: types profile --clear takes no other setting</source>
        <translation>erreur : types profile --clear n’accepte aucun autre réglage</translation>
    </message>
    <message>
        <source>Incident report form</source>
        <translation>Formulaire de rapport d’incident</translation>
    </message>
    <message>
        <source>Continuation / narrative sheet</source>
        <translation>Feuille de suite / récit</translation>
    </message>
    <message>
        <source>Witness statement</source>
        <translation>Déposition de témoin</translation>
    </message>
    <message>
        <source>Photo of a document</source>
        <translation>Photo d’un document</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Télécopie</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Types:     %1 (%2 predicted, %3 untyped)</source>
        <translation>Types de document : %1 (%2 prédits, %3 sans type)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>the project&apos;s</source>
        <translation>celui du projet</translation>
    </message>
    <message>
        <source>%1  %2 example(s), %3 predicted  profile: %4  &quot;%5&quot;</source>
        <translation>%1  %2 exemple(s), %3 prédit(s)  profil : %4  « %5 »</translation>
    </message>
    <message>
        <source>the project has no document type &quot;%1&quot;</source>
        <translation>le projet n’a pas de type de document « %1 »</translation>
    </message>
    <message>
        <source>%1: profile %2</source>
        <translation>%1 : profil %2</translation>
    </message>
    <message>
        <source>it has no predicted type to confirm</source>
        <translation>il n’a pas de type prédit à confirmer</translation>
    </message>
    <message>
        <source>%1: no type</source>
        <translation>%1 : sans type</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Done: types %1 %2</source>
        <translation>Fait : types %1 %2</translation>
    </message>
    <message>
        <source>error: %1: no such document in the project</source>
        <translation>erreur : %1 : aucun document de ce nom dans le projet</translation>
    </message>
    <message>
        <source>No typed examples yet: type a few documents of each type (incidoc-cli types set TYPE DOC...), then classify. Nothing was predicted; pages are processed with the project&apos;s profile.</source>
        <translation>Pas encore d’exemples typés : donnez leur type à quelques documents de chaque type (incidoc-cli types set TYPE DOC...), puis lancez classify. Rien n’a été prédit ; les pages sont traitées avec le profil du projet.</translation>
    </message>
    <message>
        <source>Learned from %1 typed document(s) of %2 type(s): %3</source>
        <translation>Appris de %1 document(s) typé(s) de %2 type(s) : %3</translation>
    </message>
    <message>
        <source>  %1: %2 (%3 %)</source>
        <translation>  %1 : %2 (%3 %)</translation>
    </message>
    <message>
        <source>, or %1 (%2 %)</source>
        <translation>, ou %1 (%2 %)</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) predicted</source>
        <translation>
            <numerusform>%n document prédit</numerusform>
            <numerusform>%n documents prédits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) wait for their first page</source>
        <translation>
            <numerusform>%n document attend sa première page</numerusform>
            <numerusform>%n documents attendent leur première page</numerusform>
        </translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>remarque&#xa0;: %1</translation>
    </message>
    <message>
        <source>error: --move-done DIR and --done cannot go together</source>
        <translation>erreur&#xa0;: --move-done DOSSIER et --done ne peuvent pas aller ensemble</translation>
    </message>
    <message>
        <source>error: watch needs at least one folder</source>
        <translation>erreur&#xa0;: watch demande au moins un dossier</translation>
    </message>
    <message>
        <source>Watched:   %1 file(s) waiting to be complete; %2 imported, %3 already in the project, %4 failed, %5 gone before complete</source>
        <translation>Surveillés&#xa0;: %1 fichier(s) en attente d’être complets&#xa0;; %2 importé(s), %3 déjà dans le projet, %4 en échec, %5 disparu(s) avant d’être complets</translation>
    </message>
    <message>
        <source>  waiting %1 (%2 bytes, seen %3)</source>
        <translation>  en attente %1 (%2 octets, vu le %3)</translation>
    </message>
    <message>
        <source>  and %1 more</source>
        <translation>  et %1 de plus</translation>
    </message>
    <message>
        <source>note: the folder %1 is missing; it is watched for again</source>
        <translation>remarque&#xa0;: le dossier %1 est absent&#xa0;; on guette son retour</translation>
    </message>
    <message>
        <source>note: the folder %1 cannot be read; it is looked at again at every rescan</source>
        <translation>remarque&#xa0;: le dossier %1 ne peut pas être lu&#xa0;; il est réexaminé à chaque parcours</translation>
    </message>
    <message>
        <source>note: the folder %1 cannot be resolved (a symbolic link loop or a link to nothing: %2)</source>
        <translation>remarque&#xa0;: le dossier %1 ne peut pas être résolu (boucle de liens symboliques ou lien vers rien&#xa0;: %2)</translation>
    </message>
    <message>
        <source>note: the pages wait, queued: %1</source>
        <translation>remarque&#xa0;: les pages restent en attente&#xa0;: %1</translation>
    </message>
    <message>
        <source>  done    %1 page %2: %3 word(s)</source>
        <translation>  terminé %1 page %2&#xa0;: %3 mot(s)</translation>
    </message>
    <message numerus="yes">
        <source>  added   %1 (%n page(s))</source>
        <translation>
            <numerusform>  ajouté %1 (%n page)</numerusform>
            <numerusform>  ajouté %1 (%n pages)</numerusform>
        </translation>
    </message>
    <message>
        <source>  already in the project: %1</source>
        <translation>  déjà dans le projet&#xa0;: %1</translation>
    </message>
    <message>
        <source>note: the folder %1 is watched again</source>
        <translation>remarque&#xa0;: le dossier %1 est de nouveau surveillé</translation>
    </message>
    <message>
        <source>Watching %1 (rescan every %2 s); Ctrl-C stops.</source>
        <translation>Surveillance de %1 (parcours toutes les %2 s)&#xa0;; Ctrl-C arrête.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) will be read again with their type&apos;s profile: incidoc-cli ocr -p %1 reads them</source>
        <translation>
            <numerusform>%n page sera relue avec le profil de son type : incidoc-cli ocr -p %1 la lit</numerusform>
            <numerusform>%n pages seront relues avec le profil de leur type : incidoc-cli ocr -p %1 les lit</numerusform>
        </translation>
    </message>
    <message>
        <source>  type    %1: %2 (%3 %)</source>
        <translation>  type    %1 : %2 (%3 %)</translation>
    </message>
    <message numerus="yes">
        <source>Predicted the type of %n document(s) after their first page</source>
        <translation>
            <numerusform>Type de %n document prédit après sa première page</numerusform>
            <numerusform>Type de %n documents prédit après leur première page</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents of one type only were typed (%1): type a few of another type too, then classify. Nothing was predicted.</source>
        <translation>Seuls des documents d’un même type ont été typés (%1) : typez-en aussi quelques-uns d’un autre type, puis classez. Rien n’a été prédit.</translation>
    </message>
    <message>
        <source>import, watch: only register the files; capture: only capture.</source>
        <translation>import, watch&#xa0;: enregistrer les fichiers seulement&#xa0;; capture&#xa0;: capturer seulement.</translation>
    </message>
    <message>
        <source>propose: carry the form of this document&apos;s first page onto pages with the same layout; capture: the video file or camera (/dev/videoN) to take pages from.</source>
        <translation>propose&#xa0;: reporter le formulaire de la première page de ce document sur les pages de même mise en page&#xa0;; capture&#xa0;: le fichier vidéo ou la caméra (/dev/videoN) d’où prendre les pages.</translation>
    </message>
    <message>
        <source>capture: a page held still and sharp this many milliseconds is captured (default 700).</source>
        <translation>capture&#xa0;: une page tenue immobile et nette pendant ce nombre de millisecondes est capturée (700 par défaut).</translation>
    </message>
    <message>
        <source>error: capture needs --from FILE or --from /dev/videoN</source>
        <translation>erreur&#xa0;: capture demande --from FICHIER ou --from /dev/videoN</translation>
    </message>
    <message>
        <source>  captured page %1 at %2 s</source>
        <translation>  page %1 capturée à %2 s</translation>
    </message>
    <message>
        <source>error: %1; the %2 page(s) captured before are kept</source>
        <translation>erreur&#xa0;: %1&#xa0;; les %2 page(s) capturée(s) auparavant sont gardée(s)</translation>
    </message>
    <message>
        <source>No page captured from %1 (%2 frames analysed, %3 s): none was held still and sharp for %4 ms</source>
        <translation>Aucune page capturée depuis %1 (%2 images analysées, %3 s)&#xa0;: aucune n’a été tenue immobile et nette pendant %4 ms</translation>
    </message>
    <message>
        <source>Captured %1 page(s) from %2 (%3 frames analysed, %4 s) into %5</source>
        <translation>%1 page(s) capturée(s) depuis %2 (%3 images analysées, %4 s) dans %5</translation>
    </message>
    <message>
        <source>Capturing from %1: hold each page still; Ctrl-C ends the session</source>
        <translation>Capture depuis %1&#xa0;: tenez chaque page immobile&#xa0;; Ctrl-C termine la séance</translation>
    </message>
    <message>
        <source>Interrupted: the captured pages are kept, queued; incidoc-cli ocr -p %1 processes them</source>
        <translation>Interrompu&#xa0;: les pages capturées sont gardées, en file d’attente&#xa0;; incidoc-cli ocr -p %1 les traite</translation>
    </message>
    <message>
        <source>Photos:    %1 page(s) flattened (%2 with corners placed by hand), %3 with no page found</source>
        <translation>Photos :   %1 page(s) redressée(s) (%2 aux coins placés à la main), %3 sans page trouvée</translation>
    </message>
    <message>
        <source>mark: the page (its id, as dump lists it).</source>
        <translation>mark : la page (son id, comme dump la liste).</translation>
    </message>
    <message>
        <source>mark: a word of the page (its id).</source>
        <translation>mark : un mot de la page (son id).</translation>
    </message>
    <message>
        <source>mark: an entity of the page (its id).</source>
        <translation>mark : une entité de la page (son id).</translation>
    </message>
    <message>
        <source>mark: a region of the page in pixels: x0,y0,x1,y1.</source>
        <translation>mark : une région de la page en pixels : x0,y0,x1,y1.</translation>
    </message>
    <message>
        <source>mark: what the value is: person_name, date_of_birth, date, phone, address, email, vehicle_plate, vin, id_number, signature, photo or other (default).</source>
        <translation>mark : ce qu’est la valeur : person_name, date_of_birth, date, phone, address, email, vehicle_plate, vin, id_number, signature, photo ou other (par défaut).</translation>
    </message>
    <message>
        <source>mark: not sensitive (overrules what would be redacted there).</source>
        <translation>mark : non sensible (l’emporte sur ce qui y serait caviardé).</translation>
    </message>
    <message>
        <source>error: --%1 takes an id (a whole number from 1 up)</source>
        <translation>erreur : --%1 prend un id (un nombre entier à partir de 1)</translation>
    </message>
    <message>
        <source>error: mark needs --page ID</source>
        <translation>erreur : mark demande --page ID</translation>
    </message>
    <message>
        <source>error: --region takes x0,y0,x1,y1 in page pixels, with x0 &lt; x1 and y0 &lt; y1</source>
        <translation>erreur : --region prend x0,y0,x1,y1 en pixels de la page, avec x0 &lt; x1 et y0 &lt; y1</translation>
    </message>
    <message>
        <source>error: mark needs one of --word ID, --entity ID or --region x0,y0,x1,y1</source>
        <translation>erreur : mark demande l’un de --word ID, --entity ID ou --region x0,y0,x1,y1</translation>
    </message>
    <message>
        <source>error: --not-sensitive takes no --type</source>
        <translation>erreur : --not-sensitive ne prend pas de --type</translation>
    </message>
    <message>
        <source>error: --type takes one of %1</source>
        <translation>erreur : --type prend l’un de %1</translation>
    </message>
    <message>
        <source>error: cannot open project %1: no such file</source>
        <translation>erreur : impossible d’ouvrir le projet %1 : fichier introuvable</translation>
    </message>
    <message>
        <source>word %1</source>
        <translation>le mot %1</translation>
    </message>
    <message>
        <source>entity %1</source>
        <translation>l’entité %1</translation>
    </message>
    <message>
        <source>region %1,%2,%3,%4</source>
        <translation>la région %1,%2,%3,%4</translation>
    </message>
    <message>
        <source>Marked %1 of page %2 sensitive (%3): mark %4</source>
        <translation>%1 de la page %2 marqué(e) sensible (%3) : marque %4</translation>
    </message>
    <message>
        <source>Marked %1 of page %2 not sensitive: mark %3</source>
        <translation>%1 de la page %2 marqué(e) non sensible : marque %3</translation>
    </message>
    <message>
        <source>export: a redacted bundle (sensitive values as pseudonyms, their areas filled black), read back and refused if any original value is found.</source>
        <translation>export : un lot caviardé (valeurs sensibles remplacées par des pseudonymes, leurs zones remplies de noir), relu et refusé si une valeur d’origine y est trouvée.</translation>
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
        <translation>Ligne de commande d’Incidoc : importer des documents d’incident dans un projet, les passer à l’OCR, examiner et extraire les résultats.

Commandes :
  import CHEMIN... ajouter des PDF, des images et des dossiers, puis rendre, classer et passer à l’OCR les nouvelles pages
  ocr              traiter les pages en attente ou interrompues (--failed : réessayer les échecs ; --all : tout refaire)
  status           documents, pages par état et par sorte, mots, échecs
  dump -o DOSSIER  écrire chaque page en JSON incidoc.page/1
  export -o F.zip  écrire un jeu de données ZIP incidoc.bundle/1 (images, visualisations, JSON, COCO,
                   Label Studio, hOCR, ALTO, métriques)
  redactions       ce qu’un export caviardé (export --redact) caviarderait : type, source, document, page, texte
  engines          les moteurs d’OCR : version, langues, capacités, disponibilité
  propose [DOC...] proposer des entités et des liens clé -&amp;gt; valeur d’après la mise en page (--entities, --links ; --accept)
  remove DOC...    retirer du projet des documents en échec (par id ou chemin, comme status les liste)
  types [add NOM [TITRE] | remove NOM | title NOM TITRE | profile NOM | set TYPE DOC... |
         clear DOC... | confirm DOC...]
                   les types de document (avec exemples, profil, titre), ou les modifier, ou le
                   type d’un document
  classify [DOC...] prédire le type des documents qu’aucune personne n’a typés (--all : prédire de nouveau)
  watch DIR...     importer les fichiers déposés dans ces dossiers une fois complets, jusqu’à l’arrêt
  capture --from SOURCE  prendre une page d’un fichier vidéo ou d’une caméra (/dev/videoN) chaque fois
                   qu’une page est tenue immobile et nette, comme pages d’un document, puis l’OCR
  mark --page ID (--word ID | --entity ID | --region X0,Y0,X1,Y1) [--type TYPE | --not-sensitive]
                   marquer un mot, une entité ou une région comme sensible pour un export caviardé, ou non

OCR sur une grappe : lancez des processus incidoc-worker et ajoutez --workers HÔTE:PORT,... (ou dns:///NOM:PORT)
à import ou ocr ; les pages en cours valent par défaut le total des fils des workers.</translation>
    </message>
    <message>
        <source>Redacted: %1 value(s) on %2 page(s), %3 word(s) rewritten, %4 area(s) filled; checked in %5 s</source>
        <translation>Caviardé : %1 valeur(s) sur %2 page(s), %3 mot(s) réécrit(s), %4 zone(s) remplie(s) ; vérifié en %5 s</translation>
    </message>
    <message>
        <source>Nothing to redact.</source>
        <translation>Rien à caviarder.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) of %1 distinct value(s).</source>
        <translation>
            <numerusform>%n trouvaille de %1 valeur(s) distincte(s).</numerusform>
            <numerusform>%n trouvailles de %1 valeur(s) distincte(s).</numerusform>
        </translation>
    </message>
    <message>
        <source>error: --tesseract-model %1: %2</source>
        <translation>erreur : --tesseract-model %1 : %2</translation>
    </message>
    <message>
        <source>import/ocr: Tesseract&apos;s English model: fast (Debian&apos;s tessdata_fast, the default) or best_int (about 1 point more words right on noisy forms, about 20 % slower; English only).</source>
        <translation>import/ocr : modèle anglais de Tesseract : fast (tessdata_fast de Debian, par défaut) ou best_int (environ 1 point de mots justes en plus sur les formulaires bruités, environ 20 % plus lent ; anglais seulement).</translation>
    </message>
    <message>
        <source>error: --tesseract-model takes fast or best_int</source>
        <translation>erreur : --tesseract-model accepte fast ou best_int</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::AboutDialog</name>
    <message>
        <source>About Incidoc</source>
        <translation>À propos d’Incidoc</translation>
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
        <translation>&lt;h2&gt;Incidoc %1&lt;/h2&gt;&lt;p&gt;Relecture et étiquetage de l’OCR des documents d’incident.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Moteurs d’OCR&lt;/b&gt;&lt;br&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>not available: %1</source>
        <translation>non disponible&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 %2 (%3) — %4: %5</source>
        <translation>%1 %2 (%3) — %4&#xa0;: %5</translation>
    </message>
    <message>
        <source>no languages</source>
        <translation>aucune langue</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::AppSettings</name>
    <message>
        <source>%1 is not available (%2): Tesseract reads alone.</source>
        <translation>%1 n’est pas disponible (%2)&#xa0;: Tesseract lit seul.</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::CaptureDialog</name>
    <message>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>The camera to capture from</source>
        <translation>La caméra à utiliser pour la capture</translation>
    </message>
    <message>
        <source>Start &amp;Camera</source>
        <translation>Démarrer la &amp;caméra</translation>
    </message>
    <message>
        <source>Shows what the chosen camera sees; pages held still are captured by themselves</source>
        <translation>Affiche ce que voit la caméra choisie&#xa0;; les pages tenues immobiles sont capturées d’elles-mêmes</translation>
    </message>
    <message>
        <source>From &amp;Video File…</source>
        <translation>Depuis un fichier &amp;vidéo…</translation>
    </message>
    <message>
        <source>Plays a video file through the same capture, as if it were a camera</source>
        <translation>Lit un fichier vidéo par la même capture, comme s’il s’agissait d’une caméra</translation>
    </message>
    <message>
        <source>Ca&amp;pture</source>
        <translation>Ca&amp;pturer</translation>
    </message>
    <message>
        <source>Takes the frame on screen as the next page now (Space)</source>
        <translation>Prend maintenant l’image à l’écran comme page suivante (Espace)</translation>
    </message>
    <message>
        <source>&amp;Undo Last Capture</source>
        <translation>&amp;Annuler la dernière capture</translation>
    </message>
    <message>
        <source>Takes the last captured page back out of the project (Ctrl+Z); again for the one before</source>
        <translation>Retire du projet la dernière page capturée (Ctrl+Z)&#xa0;; encore une fois pour la précédente</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Stops capturing; the pages captured stay in the project</source>
        <translation>Arrête la capture&#xa0;; les pages capturées restent dans le projet</translation>
    </message>
    <message>
        <source>No camera found. Connect a camera and it appears here, or capture from a video file (From Video File…).</source>
        <translation>Aucune caméra trouvée. Branchez une caméra et elle apparaîtra ici, ou capturez depuis un fichier vidéo (Depuis un fichier vidéo…).</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Aucune caméra</translation>
    </message>
    <message numerus="yes">
        <source>The camera “%1” was disconnected. The %n page(s) captured are kept; connect it again and press Start Camera, or capture from a video file.</source>
        <translation>
            <numerusform>La caméra «&#xa0;%1&#xa0;» a été débranchée. La page capturée (%n) est conservée&#xa0;; rebranchez-la et cliquez sur Démarrer la caméra, ou capturez depuis un fichier vidéo.</numerusform>
            <numerusform>La caméra «&#xa0;%1&#xa0;» a été débranchée. Les %n pages capturées sont conservées&#xa0;; rebranchez-la et cliquez sur Démarrer la caméra, ou capturez depuis un fichier vidéo.</numerusform>
        </translation>
    </message>
    <message>
        <source>A camera is connected: press Start Camera.</source>
        <translation>Une caméra est branchée&#xa0;: cliquez sur Démarrer la caméra.</translation>
    </message>
    <message numerus="yes">
        <source>The camera “%1” stopped: %2. The %n page(s) captured are kept.</source>
        <translation>
            <numerusform>La caméra «&#xa0;%1&#xa0;» s’est arrêtée&#xa0;: %2. La page capturée (%n) est conservée.</numerusform>
            <numerusform>La caméra «&#xa0;%1&#xa0;» s’est arrêtée&#xa0;: %2. Les %n pages capturées sont conservées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Capture from Video File</source>
        <translation>Capturer depuis un fichier vidéo</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.webm *.avi *.mov *.m4v *.mpg *.mpeg *.ogv)</source>
        <translation>Vidéos (*.mp4 *.mkv *.webm *.avi *.mov *.m4v *.mpg *.mpeg *.ogv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 cannot be found.</source>
        <translation>%1 est introuvable.</translation>
    </message>
    <message numerus="yes">
        <source>%1 cannot be played: %2. The %n page(s) captured are kept.</source>
        <translation>
            <numerusform>%1 ne peut pas être lu&#xa0;: %2. La page capturée (%n) est conservée.</numerusform>
            <numerusform>%1 ne peut pas être lu&#xa0;: %2. Les %n pages capturées sont conservées.</numerusform>
        </translation>
    </message>
    <message>
        <source>not a video this computer can read</source>
        <translation>ce n’est pas une vidéo que cet ordinateur sait lire</translation>
    </message>
    <message>
        <source>%1 cannot be played: not a video this computer can read.</source>
        <translation>%1 ne peut pas être lu&#xa0;: ce n’est pas une vidéo que cet ordinateur sait lire.</translation>
    </message>
    <message>
        <source>%1 has no video stream (sound only?): there is nothing to capture from.</source>
        <translation>%1 n’a pas de flux vidéo (du son seulement&#xa0;?)&#xa0;: il n’y a rien à capturer.</translation>
    </message>
    <message numerus="yes">
        <source>End of %1: %n page(s) captured so far.</source>
        <translation>
            <numerusform>Fin de %1&#xa0;: %n page capturée jusqu’ici.</numerusform>
            <numerusform>Fin de %1&#xa0;: %n pages capturées jusqu’ici.</numerusform>
        </translation>
    </message>
    <message>
        <source>Capture — %1</source>
        <translation>Capture — %1</translation>
    </message>
    <message>
        <source>The capture could not be saved: %1</source>
        <translation>La capture n’a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The last capture could not be taken back: %1</source>
        <translation>La dernière capture n’a pas pu être annulée&#xa0;: %1</translation>
    </message>
    <message>
        <source>No page in view</source>
        <translation>Aucune page en vue</translation>
    </message>
    <message>
        <source>Page found</source>
        <translation>Page trouvée</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>immobile</translation>
    </message>
    <message>
        <source>moving</source>
        <translation>en mouvement</translation>
    </message>
    <message>
        <source>sharp</source>
        <translation>nette</translation>
    </message>
    <message>
        <source>blurred</source>
        <translation>floue</translation>
    </message>
    <message>
        <source>captured: bring the next page</source>
        <translation>capturée&#xa0;: présentez la page suivante</translation>
    </message>
    <message numerus="yes">
        <source>%n capture(s)</source>
        <translation>
            <numerusform>%n capture</numerusform>
            <numerusform>%n captures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>incidoc::ui::ChecksPanel</name>
    <message>
        <source>Invalid value</source>
        <translation>Valeur non valide</translation>
    </message>
    <message>
        <source>Case number differs</source>
        <translation>Numéro de dossier différent</translation>
    </message>
    <message>
        <source>Date of birth differs</source>
        <translation>Date de naissance différente</translation>
    </message>
    <message>
        <source>Dates out of order</source>
        <translation>Dates dans un ordre impossible</translation>
    </message>
    <message>
        <source>Dangling link</source>
        <translation>Lien orphelin</translation>
    </message>
    <message>
        <source>Unlabelled entity</source>
        <translation>Entité sans étiquette</translation>
    </message>
    <message>
        <source>Empty word</source>
        <translation>Mot vide</translation>
    </message>
    <message>
        <source>Duplicate word</source>
        <translation>Mot en double</translation>
    </message>
    <message>
        <source>Word outside its line</source>
        <translation>Mot hors de sa ligne</translation>
    </message>
    <message>
        <source>Tiny box</source>
        <translation>Boîte minuscule</translation>
    </message>
    <message>
        <source>Box outside the page</source>
        <translation>Boîte hors de la page</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Return shows the finding on its page</source>
        <translation>Entrée montre le problème sur sa page</translation>
    </message>
    <message>
        <source>The checks could not be read: %1</source>
        <translation>Les vérifications n’ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n finding(s))</source>
        <translation>
            <numerusform>%1 (%n problème)</numerusform>
            <numerusform>%1 (%n problèmes)</numerusform>
        </translation>
    </message>
    <message>
        <source>No findings: the forms pass every check.</source>
        <translation>Aucun problème : les formulaires passent toutes les vérifications.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>incidoc::ui::DocumentTypeText</name>
    <message>
        <source>Incident report form</source>
        <translation>Formulaire de rapport d’incident</translation>
    </message>
    <message>
        <source>Continuation / narrative sheet</source>
        <translation>Feuille de suite / récit</translation>
    </message>
    <message>
        <source>Witness statement</source>
        <translation>Déposition de témoin</translation>
    </message>
    <message>
        <source>Photo of a document</source>
        <translation>Photo d’un document</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Télécopie</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>%1? %2 %</source>
        <translation>%1 ? %2 %</translation>
    </message>
    <message>
        <source>No type yet: Document › Type sets one.</source>
        <translation>Pas encore de type : Document › Type en donne un.</translation>
    </message>
    <message>
        <source>Predicted from the documents typed so far (confidence %1 %): Ctrl+Shift+T confirms it, F9 or Document › Type corrects it.</source>
        <translation>Prédit d’après les documents déjà typés (confiance %1 %) : Ctrl+Maj+T le confirme, F9 ou Document › Type le corrige.</translation>
    </message>
    <message>
        <source>%1, set by a person.</source>
        <translation>%1, donné par une personne.</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::DocumentTypesDialog</name>
    <message>
        <source>(the project&apos;s)</source>
        <translation>(celui du projet)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Document Types</source>
        <translation>Types de document</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> ppp</translation>
    </message>
    <message>
        <source>(the engines&apos; rule)</source>
        <translation>(la règle des moteurs)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Engines:</source>
        <translation>&amp;Moteurs :</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>&amp;Vitesse :</translation>
    </message>
    <message>
        <source>PDF &amp;resolution:</source>
        <translation>&amp;Résolution des PDF :</translation>
    </message>
    <message>
        <source>&amp;Binarization:</source>
        <translation>&amp;Binarisation :</translation>
    </message>
    <message>
        <source>Review &amp;below confidence:</source>
        <translation>Relire &amp;sous la confiance :</translation>
    </message>
    <message>
        <source>Pages of documents of this type are processed with these settings; what is left at &quot;the project&apos;s&quot; follows the project.</source>
        <translation>Les pages des documents de ce type sont traitées avec ces réglages ; ce qui reste à « celui du projet » suit le projet.</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>Add a Document Type</source>
        <translation>Ajouter un type de document</translation>
    </message>
    <message>
        <source>Name (lower-case letters, digits and _, e.g. parking_ticket):</source>
        <translation>Nom (minuscules, chiffres et _, p. ex. parking_ticket) :</translation>
    </message>
    <message>
        <source>Remove a Document Type</source>
        <translation>Retirer un type de document</translation>
    </message>
    <message>
        <source>Remove the type &quot;%1&quot;? Documents of this type will have no type.</source>
        <translation>Retirer le type « %1 » ? Les documents de ce type n’auront plus de type.</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::DocumentsModel</name>
    <message>
        <source>page %1: %2</source>
        <translation>page %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Problèmes&#xa0;:</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) failed</source>
        <translation>
            <numerusform>%n page en échec</numerusform>
            <numerusform>%n pages en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>relu</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::ExportDialog</name>
    <message>
        <source>Page images</source>
        <translation>Images des pages</translation>
    </message>
    <message>
        <source>Visualizations</source>
        <translation>Visualisations</translation>
    </message>
    <message>
        <source>Page JSON</source>
        <translation>JSON des pages</translation>
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
        <translation>Métriques</translation>
    </message>
    <message>
        <source>README, manifest, combined files</source>
        <translation>README, manifeste, fichiers combinés</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Reviewed pages only</source>
        <translation>Pages &amp;relues seulement</translation>
    </message>
    <message>
        <source>Page &amp;JSON</source>
        <translation>&amp;JSON des pages</translation>
    </message>
    <message>
        <source>&amp;Visualizations (pages with their boxes drawn)</source>
        <translation>&amp;Visualisations (pages avec leurs cadres dessinés)</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Contenu à exporter</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>&amp;Cancel Export</source>
        <translation>&amp;Annuler l’export</translation>
    </message>
    <message>
        <source>&amp;Show in Folder</source>
        <translation>&amp;Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Exporter %1</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Destination&#xa0;:</translation>
    </message>
    <message>
        <source>D&amp;ocuments:</source>
        <translation>D&amp;ocuments&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n page(s))</source>
        <translation>
            <numerusform>%1 (%n page)</numerusform>
            <numerusform>%1 (%n pages)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (import failed)</source>
        <translation>%1 (échec de l’import)</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <source>incidoc.page/1, one file per page: always written, the other formats are made from it.</source>
        <translation>incidoc.page/1, un fichier par page&#xa0;: toujours écrit, les autres formats en sont tirés.</translation>
    </message>
    <message>
        <source>&amp;COCO (detection boxes)</source>
        <translation>&amp;COCO (cadres de détection)</translation>
    </message>
    <message>
        <source>&amp;Label Studio (OCR template)</source>
        <translation>&amp;Label Studio (modèle OCR)</translation>
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
        <translation>&amp;Métriques (pages.csv, summary.json)</translation>
    </message>
    <message>
        <source>&amp;Binarized (1-bit PNG)</source>
        <translation>&amp;Binarisées (PNG 1 bit)</translation>
    </message>
    <message>
        <source>&amp;Original (grey PNG)</source>
        <translation>&amp;Originales (PNG en niveaux de gris)</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Aucune</translation>
    </message>
    <message>
        <source>&amp;Jobs:</source>
        <translation>&amp;Tâches&#xa0;:</translation>
    </message>
    <message>
        <source>Pages prepared in parallel.</source>
        <translation>Pages préparées en parallèle.</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>Archives ZIP (*.zip)</translation>
    </message>
    <message>
        <source>This is a folder: add a file name.</source>
        <translation>C’est un dossier&#xa0;: ajoutez un nom de fichier.</translation>
    </message>
    <message>
        <source>%1 exists: it is replaced only once the new bundle is complete.</source>
        <translation>%1 existe&#xa0;: il ne sera remplacé qu’une fois le nouveau lot terminé.</translation>
    </message>
    <message>
        <source>Reading the project…</source>
        <translation>Lecture du projet…</translation>
    </message>
    <message>
        <source>Choose the file to write the bundle to.</source>
        <translation>Choisissez le fichier où écrire le lot.</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a file name for the bundle.</source>
        <translation>%1 est un dossier&#xa0;: choisissez un nom de fichier pour le lot.</translation>
    </message>
    <message>
        <source>The bundle cannot replace the project file itself: choose another name.</source>
        <translation>Le lot ne peut pas remplacer le fichier du projet lui-même&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>%1 of %2 · %3</source>
        <translation>%1 sur %2 · %3</translation>
    </message>
    <message>
        <source>%1 of %2 pages in the archive · %3 entries · %4 written</source>
        <translation>%1 pages sur %2 dans l’archive · %3 entrées · %4 écrits</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n page(s) to %1.</source>
        <translation>
            <numerusform>%n page exportée dans %1.</numerusform>
            <numerusform>%n pages exportées dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s), %1 words, %2 entries, %3, in %4 s with %5 jobs.</source>
        <translation>
            <numerusform>%n document, %1 mots, %2 entrées, %3, en %4 s avec %5 tâches.</numerusform>
            <numerusform>%n documents, %1 mots, %2 entrées, %3, en %4 s avec %5 tâches.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>The export failed: %1
Nothing was written to the destination.</source>
        <translation>L’export a échoué&#xa0;: %1
Rien n’a été écrit à la destination.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written, and a file that was already at %1 is unchanged.</source>
        <translation>Export annulé&#xa0;: rien n’a été écrit, et le fichier qui se trouvait déjà à %1 est inchangé.</translation>
    </message>
    <message>
        <source>The progress of each part of the bundle shows here during an export.</source>
        <translation>La progression de chaque partie du paquet s’affiche ici pendant un export.</translation>
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
        <translation>Fiches d’incident</translation>
    </message>
    <message>
        <source>Line images</source>
        <translation>Images de lignes</translation>
    </message>
    <message>
        <source>Word crops</source>
        <translation>Découpes de mots</translation>
    </message>
    <message>
        <source>&amp;FUNSD (form entities and links)</source>
        <translation>&amp;FUNSD (entités et liens des formulaires)</translation>
    </message>
    <message>
        <source>&amp;PAGE XML 2019</source>
        <translation>PAGE &amp;XML 2019</translation>
    </message>
    <message>
        <source>&amp;Incident records (JSON, CSV)</source>
        <translation>F&amp;iches d’incident (JSON, CSV)</translation>
    </message>
    <message>
        <source>Line images for &amp;Tesseract training</source>
        <translation>Images de li&amp;gnes pour l’entraînement de Tesseract</translation>
    </message>
    <message>
        <source>&amp;Word crops for recognition training</source>
        <translation>Découpes de mot&amp;s pour l’entraînement de la reconnaissance</translation>
    </message>
    <message>
        <source>Cut from the page images; each document goes whole into train (80 %), val (10 %) or test (10 %).</source>
        <translation>Découpées dans les images des pages&#xa0;; chaque document va en entier dans train (80&#xa0;%), val (10&#xa0;%) ou test (10&#xa0;%).</translation>
    </message>
    <message>
        <source>The checks could not be read: %1</source>
        <translation>Les vérifications n’ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>Checks before export: no document chosen.</source>
        <translation>Vérifications avant l’export : aucun document choisi.</translation>
    </message>
    <message>
        <source>%1, page %2: %3 — %4</source>
        <translation>%1, page %2 : %3 — %4</translation>
    </message>
    <message>
        <source>Checks before export: nothing to fix.</source>
        <translation>Vérifications avant l’export : rien à corriger.</translation>
    </message>
    <message numerus="yes">
        <source>Checks before export: %n finding(s) to look at (View › Checks).</source>
        <translation>
            <numerusform>Vérifications avant l’export : %n problème à examiner (Affichage › Vérifications).</numerusform>
            <numerusform>Vérifications avant l’export : %n problèmes à examiner (Affichage › Vérifications).</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;dact personal data (pseudonymised copy)</source>
        <translation>&amp;Caviarder les données personnelles (copie pseudonymisée)</translation>
    </message>
    <message>
        <source>Names, dates, phones, addresses, plates and IDs become consistent fake values; their areas of the images are filled; no source files. Checked before it is kept.</source>
        <translation>Noms, dates, téléphones, adresses, plaques et identifiants deviennent des valeurs fictives cohérentes&#xa0;; leurs zones des images sont remplies&#xa0;; aucun fichier source. Vérifié avant d’être conservé.</translation>
    </message>
    <message numerus="yes">
        <source>Redacted: %n word(s) replaced by pseudonyms, %1 area(s) filled on %2 page(s); read back and checked in %3 s.</source>
        <translation>
            <numerusform>Caviardé&#xa0;: %n mot remplacé par un pseudonyme, %1 zone(s) remplie(s) sur %2 page(s)&#xa0;; relu et vérifié en %3 s.</numerusform>
            <numerusform>Caviardé&#xa0;: %n mots remplacés par des pseudonymes, %1 zone(s) remplie(s) sur %2 page(s)&#xa0;; relu et vérifié en %3 s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>incidoc::ui::FailureText</name>
    <message>
        <source>could not be processed</source>
        <translation>n’a pas pu être traitée</translation>
    </message>
    <message>
        <source>crashed the renderer or OCR engine and was skipped</source>
        <translation>a fait planter le moteur de rendu ou d’OCR et a été ignorée</translation>
    </message>
    <message>
        <source>took longer than its time budget (the renderer or OCR engine hung) and was skipped</source>
        <translation>a dépassé son budget de temps (le moteur de rendu ou d’OCR ne répondait plus) et a été ignorée</translation>
    </message>
    <message>
        <source>used more memory than its budget and was skipped</source>
        <translation>a utilisé plus de mémoire que son budget et a été ignorée</translation>
    </message>
    <message>
        <source>was cancelled</source>
        <translation>a été annulée</translation>
    </message>
    <message>
        <source>could not be imported</source>
        <translation>n’a pas pu être importé</translation>
    </message>
    <message>
        <source>opening it crashed the reader; it was skipped</source>
        <translation>son ouverture a fait planter le lecteur&#xa0;; il a été ignoré</translation>
    </message>
    <message>
        <source>opening it took longer than its time budget; it was skipped</source>
        <translation>son ouverture a dépassé son budget de temps&#xa0;; il a été ignoré</translation>
    </message>
    <message>
        <source>opening it used more memory than its budget; it was skipped</source>
        <translation>son ouverture a utilisé plus de mémoire que son budget&#xa0;; il a été ignoré</translation>
    </message>
    <message>
        <source>its import was cancelled</source>
        <translation>son import a été annulé</translation>
    </message>
    <message>
        <source>Processing this page crashed the renderer or OCR engine; it was skipped and is not shown here.</source>
        <translation>Le traitement de cette page a fait planter le moteur de rendu ou d’OCR&#xa0;; elle a été ignorée et n’est pas affichée ici.</translation>
    </message>
    <message>
        <source>Processing this page took longer than its time budget (the renderer or OCR engine hung); it was skipped and is not shown here.</source>
        <translation>Le traitement de cette page a dépassé son budget de temps (le moteur de rendu ou d’OCR ne répondait plus)&#xa0;; elle a été ignorée et n’est pas affichée ici.</translation>
    </message>
    <message>
        <source>Processing this page used more memory than its budget; it was skipped and is not shown here.</source>
        <translation>Le traitement de cette page a utilisé plus de mémoire que son budget&#xa0;; elle a été ignorée et n’est pas affichée ici.</translation>
    </message>
    <message>
        <source>This page is not shown.</source>
        <translation>Cette page n’est pas affichée.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a failure: what happened (the reason the engine gave)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::FieldsPanel</name>
    <message>
        <source>Case number</source>
        <translation>Numéro de dossier</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>Date de l’incident</translation>
    </message>
    <message>
        <source>Incident time</source>
        <translation>Heure de l’incident</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation>Numéro de matricule</translation>
    </message>
    <message>
        <source>Person name</source>
        <translation>Nom de la personne</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>Plaque d’immatriculation</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>NIV (VIN)</translation>
    </message>
    <message>
        <source>Make and model</source>
        <translation>Marque et modèle</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Récit</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>Date du rapport</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(sans étiquette)</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>Question (key)</source>
        <translation>Question (clé)</translation>
    </message>
    <message>
        <source>Answer (value)</source>
        <translation>Réponse (valeur)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>&amp;Patterns…</source>
        <translation>&amp;Motifs…</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Return shows the value&apos;s words on the page; Tab goes to its field, label and text.</source>
        <translation>Entrée montre les mots de la valeur sur la page ; Tab va à son champ, son étiquette et son texte.</translation>
    </message>
    <message>
        <source>(no field)</source>
        <translation>(aucun champ)</translation>
    </message>
    <message>
        <source>The value&apos;s text; Enter saves it</source>
        <translation>Le texte de la valeur ; Entrée l’enregistre</translation>
    </message>
    <message>
        <source>The project&apos;s patterns of case numbers and vehicle plates</source>
        <translation>Les motifs du projet pour les numéros de dossier et les plaques d’immatriculation</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Champ :</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>É&amp;tiquette :</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Valeur :</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Proposed: not accepted yet</source>
        <translation>Proposé : pas encore accepté</translation>
    </message>
    <message>
        <source>No page shown.</source>
        <translation>Aucune page affichée.</translation>
    </message>
    <message>
        <source>No entities on this page yet: group words on the page into entities.</source>
        <translation>Aucune entité sur cette page : regroupez des mots de la page en entités.</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n lien</numerusform>
            <numerusform>%n liens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entity(ies)</source>
        <translation>
            <numerusform>%n entité</numerusform>
            <numerusform>%n entités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid value(s)</source>
        <translation>
            <numerusform>%n valeur non valide</numerusform>
            <numerusform>%n valeurs non valides</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the patterns: %1</source>
        <translation>Impossible d’enregistrer les motifs : %1</translation>
    </message>
    <message>
        <source>Field Patterns</source>
        <translation>Motifs des champs</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <source>Regular expressions a whole value must match. Empty: any usual shape.</source>
        <translation>Expressions régulières auxquelles toute la valeur doit correspondre. Vide : toute forme habituelle.</translation>
    </message>
    <message>
        <source>&amp;Case number:</source>
        <translation>Numéro de &amp;dossier :</translation>
    </message>
    <message>
        <source>Vehicle &amp;plate:</source>
        <translation>&amp;Plaque d’immatriculation :</translation>
    </message>
    <message>
        <source>Not a valid pattern: %1</source>
        <translation>Motif non valide : %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::FormLayer</name>
    <message>
        <source>&amp;Group Words</source>
        <translation>&amp;Grouper les mots</translation>
    </message>
    <message>
        <source>&amp;Ungroup</source>
        <translation>&amp;Dégrouper</translation>
    </message>
    <message>
        <source>&amp;Select Entity</source>
        <translation>&amp;Sélectionner l’entité</translation>
    </message>
    <message>
        <source>Label Entity &amp;Header</source>
        <translation>Étiqueter l’entité &amp;En-tête</translation>
    </message>
    <message>
        <source>Label Entity &amp;Question</source>
        <translation>Étiqueter l’entité &amp;Question</translation>
    </message>
    <message>
        <source>Label Entity &amp;Answer</source>
        <translation>Étiqueter l’entité &amp;Réponse</translation>
    </message>
    <message>
        <source>Label Entity &amp;Other</source>
        <translation>Étiqueter l’entité &amp;Autre</translation>
    </message>
    <message>
        <source>&amp;Clear Entity Label</source>
        <translation>Retirer l’étiquette de l’en&amp;tité</translation>
    </message>
    <message>
        <source>&amp;Link to Entity…</source>
        <translation>&amp;Lier à une entité…</translation>
    </message>
    <message>
        <source>&amp;Next Proposal</source>
        <translation>Proposition &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous Proposal</source>
        <translation>Proposition &amp;précédente</translation>
    </message>
    <message>
        <source>Accept Proposal and Go &amp;On</source>
        <translation>Accepter la proposition et &amp;continuer</translation>
    </message>
    <message>
        <source>Re&amp;ject Proposal and Go On</source>
        <translation>Re&amp;jeter la proposition et continuer</translation>
    </message>
    <message>
        <source>Accept All Proposals on &amp;Page</source>
        <translation>Accepter toutes les propositions de la &amp;page</translation>
    </message>
    <message>
        <source>Reject All Proposals on Pa&amp;ge</source>
        <translation>Rejeter toutes les propositions de la pa&amp;ge</translation>
    </message>
    <message>
        <source>Show &amp;Form (Entities and Links)</source>
        <translation>Afficher le &amp;formulaire (entités et liens)</translation>
    </message>
    <message>
        <source>Select the words to group first.</source>
        <translation>Sélectionnez d’abord les mots à grouper.</translation>
    </message>
    <message>
        <source>These words are already the entity %1.</source>
        <translation>Ces mots forment déjà l’entité %1.</translation>
    </message>
    <message numerus="yes">
        <source>Grouped %n word(s) into an entity: Alt+Shift+H, Q, A or O labels it.</source>
        <translation>
            <numerusform>%n mot groupé en une entité&#xa0;: Alt+Maj+H, Q, A ou O l’étiquette.</numerusform>
            <numerusform>%n mots groupés en une entité&#xa0;: Alt+Maj+H, Q, A ou O l’étiquette.</numerusform>
        </translation>
    </message>
    <message>
        <source>The selected words are in no entity.</source>
        <translation>Les mots sélectionnés ne sont dans aucune entité.</translation>
    </message>
    <message>
        <source>Select the words of an entity to label it.</source>
        <translation>Sélectionnez les mots d’une entité pour l’étiqueter.</translation>
    </message>
    <message>
        <source>Select the words of one entity to link from (Ctrl+G groups words).</source>
        <translation>Sélectionnez les mots de l’entité d’où part le lien (Ctrl+G groupe des mots).</translation>
    </message>
    <message>
        <source>There is no other entity on this page to link to.</source>
        <translation>Il n’y a aucune autre entité à lier sur cette page.</translation>
    </message>
    <message>
        <source>Return removes the link</source>
        <translation>Entrée retire le lien</translation>
    </message>
    <message>
        <source>Return links</source>
        <translation>Entrée crée le lien</translation>
    </message>
    <message>
        <source>Link %1 → %2: Tab or the arrows pick another entity, %3, Esc cancels; or click an entity.</source>
        <translation>Lien %1 → %2&#xa0;: Tab ou les flèches choisissent une autre entité, %3, Échap annule&#xa0;; ou cliquez sur une entité.</translation>
    </message>
    <message>
        <source>Pick another entity to link to, or Esc to cancel.</source>
        <translation>Choisissez une autre entité à lier, ou Échap pour annuler.</translation>
    </message>
    <message>
        <source>Link %1 → %2 removed.</source>
        <translation>Lien %1 → %2 retiré.</translation>
    </message>
    <message>
        <source>Linked %1 → %2.</source>
        <translation>Lien créé&#xa0;: %1 → %2.</translation>
    </message>
    <message>
        <source>Link cancelled.</source>
        <translation>Lien annulé.</translation>
    </message>
    <message>
        <source>Select the words of one entity to remove its links.</source>
        <translation>Sélectionnez les mots d’une entité pour retirer ses liens.</translation>
    </message>
    <message>
        <source>The entity %1 has no links.</source>
        <translation>L’entité %1 n’a aucun lien.</translation>
    </message>
    <message>
        <source>No proposals on this page.</source>
        <translation>Aucune proposition sur cette page.</translation>
    </message>
    <message>
        <source>Proposal %1 of %2: Alt+Return accepts, Alt+Delete rejects, F8 skips.</source>
        <translation>Proposition %1 sur %2&#xa0;: Alt+Entrée accepte, Alt+Suppr rejette, F8 passe à la suivante.</translation>
    </message>
    <message numerus="yes">
        <source>%n proposal(s) left on this page.</source>
        <translation>
            <numerusform>%n proposition reste sur cette page.</numerusform>
            <numerusform>%n propositions restent sur cette page.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a proposal first (F8 goes to the next one).</source>
        <translation>Sélectionnez d’abord une proposition (F8 va à la suivante).</translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n proposal(s).</source>
        <translation>
            <numerusform>%n proposition acceptée.</numerusform>
            <numerusform>%n propositions acceptées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n proposal(s).</source>
        <translation>
            <numerusform>%n proposition rejetée.</numerusform>
            <numerusform>%n propositions rejetées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the Entity’s &amp;Links</source>
        <translation>Retirer les l&amp;iens de l’entité</translation>
    </message>
    <message>
        <source>No proposals in this document.</source>
        <translation>Aucune proposition dans ce document.</translation>
    </message>
    <message>
        <source>No proposals left in this document.</source>
        <translation>Plus aucune proposition dans ce document.</translation>
    </message>
    <message>
        <source>Link &amp;Type…</source>
        <translation>&amp;Type de lien…</translation>
    </message>
    <message>
        <source>Linked %1 → %2 (%3).</source>
        <translation>%1 → %2 relié (%3).</translation>
    </message>
    <message>
        <source>Link Type</source>
        <translation>Type de lien</translation>
    </message>
    <message>
        <source>Type of the links Ctrl+K makes (type a new name to add one):</source>
        <translation>Type des liens créés par Ctrl+K (saisissez un nouveau nom pour en ajouter un) :</translation>
    </message>
    <message>
        <source>Links made with Ctrl+K are now of type %1.</source>
        <translation>Les liens créés par Ctrl+K sont désormais de type %1.</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::InlineEditor</name>
    <message>
        <source>Tab: %1</source>
        <translation>Tab : %1</translation>
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
        <translation>Couche texte du PDF</translation>
    </message>
    <message>
        <source>drawn by a person</source>
        <translation>dessiné à la main</translation>
    </message>
    <message>
        <source>The word&apos;s text; Enter saves it</source>
        <translation>Le texte du mot&#xa0;; Entrée l’enregistre</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Relu</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte&#xa0;:</translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation>Confiance&#xa0;:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source&#xa0;:</translation>
    </message>
    <message>
        <source>OCR read:</source>
        <translation>Lu par l’OCR&#xa0;:</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Étiquette&#xa0;:</translation>
    </message>
    <message>
        <source>Box (x0, y0, x1, y1):</source>
        <translation>Cadre (x0, y0, x1, y1)&#xa0;:</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(aucune étiquette)</translation>
    </message>
    <message>
        <source>%1  [%2]</source>
        <translation>%1  [%2]</translation>
    </message>
    <message>
        <source>No word selected</source>
        <translation>Aucun mot sélectionné</translation>
    </message>
    <message>
        <source>1 word selected</source>
        <translation>1 mot sélectionné</translation>
    </message>
    <message numerus="yes">
        <source>%n words selected</source>
        <translation>
            <numerusform>%n mot sélectionné</numerusform>
            <numerusform>%n mots sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Take Other Reading</source>
        <translation>Prendre l’autre lecture</translation>
    </message>
    <message>
        <source>Use the other engine&apos;s reading as the word&apos;s text (Ctrl+Shift+O)</source>
        <translation>Prendre la lecture de l’autre moteur comme texte du mot (Ctrl+Maj+O)</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>The word is right as it reads: it no longer needs review (Ctrl+Shift+A)</source>
        <translation>Le mot est juste tel qu’il est lu&#xa0;: il n’est plus à relire (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <source>Readings:</source>
        <translation>Lectures&#xa0;:</translation>
    </message>
    <message>
        <source>%1 read %2</source>
        <translation>%1 a lu %2</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::LabelManagerDialog</name>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Couleur…</translation>
    </message>
    <message>
        <source>&amp;Shortcut</source>
        <translation>Racc&amp;ourci</translation>
    </message>
    <message>
        <source>Double-click to choose a colour</source>
        <translation>Double-cliquez pour choisir une couleur</translation>
    </message>
    <message>
        <source>LABEL %1</source>
        <translation>ÉTIQUETTE %1</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>Couleur de %1</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>No word is labelled %1.</source>
        <translation>Aucun mot n’a l’étiquette %1.</translation>
    </message>
    <message>
        <source>1 word labelled %1 will have no label.</source>
        <translation>1 mot étiqueté %1 n’aura plus d’étiquette.</translation>
    </message>
    <message numerus="yes">
        <source>%n words labelled %1 will have no label.</source>
        <translation>
            <numerusform>%n mot étiqueté %1 n’aura plus d’étiquette.</numerusform>
            <numerusform>%n mots étiquetés %1 n’auront plus d’étiquette.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their text and boxes stay. Deleting a label cannot be undone.</source>
        <translation>Leur texte et leurs cadres restent. La suppression d’une étiquette ne peut pas être annulée.</translation>
    </message>
    <message>
        <source>Delete label %1?</source>
        <translation>Supprimer l’étiquette %1 ?</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::Language</name>
    <message>
        <source>English</source>
        <translation>anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>français</translation>
    </message>
    <message>
        <source>German</source>
        <translation>allemand</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>espagnol</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italien</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>portugais</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>néerlandais</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>polonais</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>russe</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>ukrainien</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>turc</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>arabe</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>hébreu</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>hindi</translation>
    </message>
    <message>
        <source>Chinese (Simplified)</source>
        <translation>chinois (simplifié)</translation>
    </message>
    <message>
        <source>Chinese (Traditional)</source>
        <translation>chinois (traditionnel)</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>japonais</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>coréen</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>vietnamien</translation>
    </message>
    <message>
        <source>Orientation and script detection</source>
        <translation>détection de l’orientation et de l’écriture</translation>
    </message>
    <message>
        <source>Math equations</source>
        <translation>équations mathématiques</translation>
    </message>
    <message>
        <source>vertical</source>
        <translation>vertical</translation>
    </message>
    <message>
        <source>Fraktur</source>
        <translation>Fraktur</translation>
    </message>
    <message>
        <source>historic</source>
        <translation>ancien</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>language, variant</comment>
        <translation>%1, %2</translation>
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
        <translation>Mot&#xa0;: %1</translation>
    </message>
    <message>
        <source>Confidence: %1</source>
        <translation>Confiance&#xa0;: %1</translation>
    </message>
    <message>
        <source>Confidence: —</source>
        <translation>Confiance&#xa0;: —</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Aucun projet</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;ouverture&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Projets &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>Fermer le pro&amp;jet</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>É&amp;tiquettes…</translation>
    </message>
    <message>
        <source>&amp;Find in Project…</source>
        <translation>Rechercher dans le &amp;projet…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Filter Words…</source>
        <translation>&amp;Filtrer les mots…</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Relecture</translation>
    </message>
    <message>
        <source>Next &amp;Unreviewed Page</source>
        <translation>Page &amp;non relue suivante</translation>
    </message>
    <message>
        <source>&amp;Mark Page Reviewed</source>
        <translation>&amp;Marquer la page comme relue</translation>
    </message>
    <message>
        <source>Next Pa&amp;ge</source>
        <translation>Pa&amp;ge suivante</translation>
    </message>
    <message>
        <source>Previous P&amp;age</source>
        <translation>P&amp;age précédente</translation>
    </message>
    <message>
        <source>&amp;Processing</source>
        <translation>&amp;Traitement</translation>
    </message>
    <message>
        <source>&amp;Re-OCR Page</source>
        <translation>&amp;Relancer l’OCR de la page</translation>
    </message>
    <message>
        <source>Re-OCR with &amp;Settings…</source>
        <translation>Relancer l’OCR avec des ré&amp;glages…</translation>
    </message>
    <message>
        <source>Retry &amp;Failed Pages</source>
        <translation>Réessayer les pages en é&amp;chec</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Cancel Processing</source>
        <translation>A&amp;nnuler le traitement</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <source>&amp;About Incidoc</source>
        <translation>À &amp;propos d’Incidoc</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n’existe pas.</translation>
    </message>
    <message>
        <source>Project is read-only</source>
        <translation>Projet en lecture seule</translation>
    </message>
    <message>
        <source>%1 cannot be opened for editing:
%2

Open it read-only?</source>
        <translation>%1 ne peut pas être ouvert en écriture&#xa0;:
%2

L’ouvrir en lecture seule&#xa0;?</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>Ouvrir en lecture seule</translation>
    </message>
    <message>
        <source>%1 cannot be opened:
%2</source>
        <translation>%1 ne peut pas être ouvert&#xa0;:
%2</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Traitement</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>Impossible de créer le projet</translation>
    </message>
    <message>
        <source>%1 already exists. Use Open to open it.</source>
        <translation>%1 existe déjà. Utilisez Ouvrir pour l’ouvrir.</translation>
    </message>
    <message>
        <source>Edit not saved</source>
        <translation>Modification non enregistrée</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir %1</translation>
    </message>
    <message>
        <source>Incidoc</source>
        <translation>Incidoc</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (lecture seule)</translation>
    </message>
    <message>
        <source>%1 — Incidoc</source>
        <translation>%1 — Incidoc</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>R&amp;eprendre</translation>
    </message>
    <message>
        <source> (waiting to be processed)</source>
        <translation> (en attente de traitement)</translation>
    </message>
    <message>
        <source> (processing)</source>
        <translation> (en cours de traitement)</translation>
    </message>
    <message>
        <source> (failed: %1)</source>
        <translation> (échec&#xa0;: %1)</translation>
    </message>
    <message>
        <source>%1 · page %2 / %3%4</source>
        <translation>%1 · page %2 / %3%4</translation>
    </message>
    <message>
        <source>No page</source>
        <translation>Aucune page</translation>
    </message>
    <message>
        <source>No project — File › Open or drop files here</source>
        <translation>Aucun projet — Fichier › Ouvrir, ou déposez des fichiers ici</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Filter: %1 of %2 words</source>
        <translation>Filtre&#xa0;: %1 mots sur %2</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>Incidoc projects (*.incidoc)</source>
        <translation>Projets Incidoc (*.incidoc)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>Incidoc projects (*.incidoc);;All files (*)</source>
        <translation>Projets Incidoc (*.incidoc);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>Importer des fichiers</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Importer un dossier</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Open or create a project first (File › New Project).</source>
        <translation>Ouvrez ou créez d’abord un projet (Fichier › Nouveau projet).</translation>
    </message>
    <message>
        <source>The project is open read-only: nothing can be imported.</source>
        <translation>Le projet est ouvert en lecture seule&#xa0;: rien ne peut être importé.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n item(s)…</source>
        <translation>
            <numerusform>Import de %n élément…</numerusform>
            <numerusform>Import de %n éléments…</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation>Réessayer les échecs</translation>
    </message>
    <message>
        <source>The word is hidden by the word filter (View › Filter Words…).</source>
        <translation>Le mot est masqué par le filtre de mots (Affichage › Filtrer les mots…).</translation>
    </message>
    <message>
        <source>Every processed page is reviewed.</source>
        <translation>Toutes les pages traitées sont relues.</translation>
    </message>
    <message>
        <source>Page marked reviewed.</source>
        <translation>Page marquée comme relue.</translation>
    </message>
    <message>
        <source>The page is read again; words you edited are kept.</source>
        <translation>La page est relue par l’OCR&#xa0;; les mots que vous avez corrigés sont conservés.</translation>
    </message>
    <message>
        <source>Re-OCR</source>
        <translation>Relancer l’OCR</translation>
    </message>
    <message>
        <source>The project is open read-only: nothing can be read again.</source>
        <translation>Le projet est ouvert en lecture seule&#xa0;: rien ne peut être relu.</translation>
    </message>
    <message>
        <source>The page is read again (%1, %2 dpi); words you edited are kept.</source>
        <translation>La page est relue par l’OCR (%1, %2&#xa0;ppp)&#xa0;; les mots que vous avez corrigés sont conservés.</translation>
    </message>
    <message>
        <source>&amp;Next Word to Review</source>
        <translation>Mot à relire &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Previous Word to Review</source>
        <translation>Mot à relire &amp;précédent</translation>
    </message>
    <message>
        <source>Take &amp;Other Reading</source>
        <translation>Prendre l’autre &amp;lecture</translation>
    </message>
    <message>
        <source>A&amp;ccept Word</source>
        <translation>A&amp;ccepter le mot</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>No project open that can be written.</source>
        <translation>Aucun projet modifiable n’est ouvert.</translation>
    </message>
    <message>
        <source>Accept Word and &amp;Go On</source>
        <translation>Accepter le mot et &amp;continuer</translation>
    </message>
    <message>
        <source>No word left to check that the filter shows.</source>
        <translation>Plus aucun mot à vérifier parmi ceux que le filtre affiche.</translation>
    </message>
    <message>
        <source>No word left to check: the review queue is empty.</source>
        <translation>Plus aucun mot à vérifier : la file de relecture est vide.</translation>
    </message>
    <message>
        <source>Wrapped around: back to the first word to check of the project.</source>
        <translation>Retour au début : premier mot à vérifier du projet.</translation>
    </message>
    <message>
        <source>Wrapped around: back to the last word to check of the project.</source>
        <translation>Retour à la fin : dernier mot à vérifier du projet.</translation>
    </message>
    <message>
        <source>Nothing left to check</source>
        <translation>Plus rien à vérifier</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) to check in this document</source>
        <translation>
            <numerusform>%n mot à vérifier dans ce document</numerusform>
            <numerusform>%n mots à vérifier dans ce document</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n in the project</source>
        <translation>
            <numerusform>, %n dans le projet</numerusform>
            <numerusform>, %n dans le projet</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Remove Document…</source>
        <translation>&amp;Retirer le document…</translation>
    </message>
    <message>
        <source>Show &amp;Docks</source>
        <translation>Afficher les &amp;panneaux</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>%1 is a document to import, not an Incidoc project.</source>
        <translation>%1 est un document à importer, pas un projet Incidoc.</translation>
    </message>
    <message>
        <source>%1 is a document, not an Incidoc project, and the open project is read-only: it cannot be imported into it.</source>
        <translation>%1 est un document, pas un projet Incidoc, et le projet ouvert est en lecture seule&#xa0;: il ne peut pas y être importé.</translation>
    </message>
    <message>
        <source>Import a Document</source>
        <translation>Importer un document</translation>
    </message>
    <message>
        <source>%1 is a document, not an Incidoc project.</source>
        <translation>%1 est un document, pas un projet Incidoc.</translation>
    </message>
    <message>
        <source>Import it into %1?</source>
        <translation>L’importer dans %1&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Documents are imported into a project: create a project (or open one) first. A new project will import this document.</source>
        <translation>Les documents s’importent dans un projet&#xa0;: créez d’abord un projet (ou ouvrez-en un). Un nouveau projet importera ce document.</translation>
    </message>
    <message>
        <source>Removes the document from the project (Delete).</source>
        <translation>Retire le document du projet (Suppr).</translation>
    </message>
    <message>
        <source>Only a document that failed can be removed.</source>
        <translation>Seul un document en échec peut être retiré.</translation>
    </message>
    <message>
        <source>Remove Document</source>
        <translation>Retirer le document</translation>
    </message>
    <message>
        <source>The project is open read-only: nothing can be removed.</source>
        <translation>Le projet est ouvert en lecture seule&#xa0;: rien ne peut être retiré.</translation>
    </message>
    <message>
        <source>%1 was imported and has pages that were read or are waiting to be read. Only a document that failed (its file could not be imported, or every page failed) can be removed.</source>
        <translation>%1 a été importé et a des pages lues ou en attente de lecture. Seul un document en échec (fichier impossible à importer, ou toutes ses pages en échec) peut être retiré.</translation>
    </message>
    <message>
        <source>Remove %1 from the project?</source>
        <translation>Retirer %1 du projet&#xa0;?</translation>
    </message>
    <message>
        <source>Every page of it failed.</source>
        <translation>Toutes ses pages ont échoué.</translation>
    </message>
    <message>
        <source>Its import failed: %1.</source>
        <translation>Son import a échoué&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The document and its pages leave the project; the file on disk is not touched. This cannot be undone: import the file again to bring it back.</source>
        <translation>Le document et ses pages quittent le projet&#xa0;; le fichier sur le disque n’est pas touché. C’est irréversible&#xa0;: importez de nouveau le fichier pour le retrouver.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Document removed.</source>
        <translation>Document retiré.</translation>
    </message>
    <message>
        <source>F&amp;orm</source>
        <translation>F&amp;ormulaire</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Vérifications</translation>
    </message>
    <message>
        <source>&amp;Propose Entities and Links on This Page</source>
        <translation>&amp;Proposer des entités et des liens sur cette page</translation>
    </message>
    <message>
        <source>Proposed %1 entities and %2 links: F8 walks them, Alt+Return accepts, Alt+Delete rejects</source>
        <translation>%1 entités et %2 liens proposés : F8 les parcourt, Alt+Entrée accepte, Alt+Suppr rejette</translation>
    </message>
    <message>
        <source>&amp;Carry This Page&apos;s Form to Pages with the Same Layout</source>
        <translation>&amp;Reporter le formulaire de cette page sur les pages de même mise en page</translation>
    </message>
    <message numerus="yes">
        <source>Carried the form onto %n page(s): %1 entities and %2 links to accept or reject</source>
        <translation>
            <numerusform>Formulaire reporté sur %n page : %1 entités et %2 liens à accepter ou rejeter</numerusform>
            <numerusform>Formulaire reporté sur %n pages : %1 entités et %2 liens à accepter ou rejeter</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Confirm Predicted Type</source>
        <translation>&amp;Confirmer le type prédit</translation>
    </message>
    <message>
        <source>&amp;Predict Types</source>
        <translation>&amp;Prédire les types</translation>
    </message>
    <message>
        <source>Document T&amp;ypes…</source>
        <translation>T&amp;ypes de document…</translation>
    </message>
    <message>
        <source>&amp;No Type</source>
        <translation>&amp;Sans type</translation>
    </message>
    <message>
        <source>No type for %1</source>
        <translation>Plus de type pour %1</translation>
    </message>
    <message>
        <source>Confirm type %1 of %2</source>
        <translation>Confirmer le type %1 de %2</translation>
    </message>
    <message>
        <source>Type %1 for %2</source>
        <translation>Type %1 pour %2</translation>
    </message>
    <message>
        <source>This document has no predicted type to confirm: F9 chooses one.</source>
        <translation>Ce document n’a pas de type prédit à confirmer : F9 en choisit un.</translation>
    </message>
    <message>
        <source>Predicting document types…</source>
        <translation>Prédiction des types de document…</translation>
    </message>
    <message>
        <source>Predict Types</source>
        <translation>Prédire les types</translation>
    </message>
    <message>
        <source>No typed examples yet: set the type of a few documents of each type (F9), then predict. Nothing was predicted.</source>
        <translation>Pas encore d’exemples typés : donnez leur type à quelques documents de chaque type (F9), puis prédisez. Rien n’a été prédit.</translation>
    </message>
    <message numerus="yes">
        <source>Predicted the type of %n document(s), learned from %1 typed by people.</source>
        <translation>
            <numerusform>Type de %n document prédit, appris de %1 typés par des personnes.</numerusform>
            <numerusform>Type de %n documents prédit, appris de %1 typés par des personnes.</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;hoose Type…</source>
        <translation>C&amp;hoisir le type…</translation>
    </message>
    <message>
        <source>&amp;Watch Folders…</source>
        <translation>Dossiers &amp;surveillés…</translation>
    </message>
    <message>
        <source>Watch Folders</source>
        <translation>Dossiers surveillés</translation>
    </message>
    <message>
        <source>Files that land in these folders (and their subfolders) are imported into this project once they are complete. One folder per line; none: nothing is watched.</source>
        <translation>Les fichiers déposés dans ces dossiers (et leurs sous-dossiers) sont importés dans ce projet une fois complets. Un dossier par ligne&#xa0;; aucun&#xa0;: rien n’est surveillé.</translation>
    </message>
    <message numerus="yes">
        <source>Watching %n folder(s)</source>
        <translation>
            <numerusform>%n dossier surveillé</numerusform>
            <numerusform>%n dossiers surveillés</numerusform>
        </translation>
    </message>
    <message>
        <source>No folder is watched</source>
        <translation>Aucun dossier n’est surveillé</translation>
    </message>
    <message>
        <source>Documents of one type only were typed: set the type of a few documents of another type too (F9), then predict. Nothing was predicted.</source>
        <translation>Seuls des documents d’un même type ont été typés : donnez aussi le type de quelques documents d’un autre type (F9), puis prédisez. Rien n’a été prédit.</translation>
    </message>
    <message>
        <source>P&amp;age</source>
        <translation>P&amp;age</translation>
    </message>
    <message>
        <source>Page &amp;Corners…</source>
        <translation>&amp;Coins de la page…</translation>
    </message>
    <message>
        <source>This page is being processed: its corners can be placed once it is done.</source>
        <translation>Cette page est en cours de traitement&#xa0;: ses coins pourront être placés une fois qu’elle sera terminée.</translation>
    </message>
    <message>
        <source>Page corners of page %1</source>
        <translation>Coins de la page %1</translation>
    </message>
    <message>
        <source>Read page %1 as it is</source>
        <translation>Lire la page %1 telle quelle</translation>
    </message>
    <message>
        <source>The page is read again with its new corners; words you edited are kept.</source>
        <translation>La page est relue avec ses nouveaux coins&#xa0;; les mots que vous avez corrigés sont conservés.</translation>
    </message>
    <message>
        <source> · photo, corners placed by hand</source>
        <translation> · photo, coins placés à la main</translation>
    </message>
    <message>
        <source> · photo, flattened</source>
        <translation> · photo, redressée</translation>
    </message>
    <message>
        <source> · photo, no page found (read as it is)</source>
        <translation> · photo, aucune page trouvée (lue telle quelle)</translation>
    </message>
    <message>
        <source>Ca&amp;pture…</source>
        <translation>&amp;Capturer…</translation>
    </message>
    <message>
        <source>Captures pages with a camera: each page held still in view becomes the next page of a capture document</source>
        <translation>Capture des pages avec une caméra&#xa0;: chaque page tenue immobile devient la page suivante d’un document de capture</translation>
    </message>
    <message>
        <source>Capture from &amp;Video File…</source>
        <translation>Capturer depuis un fichier &amp;vidéo…</translation>
    </message>
    <message>
        <source>Captures pages from a video file, as if it were a camera</source>
        <translation>Capture des pages depuis un fichier vidéo, comme s’il s’agissait d’une caméra</translation>
    </message>
    <message>
        <source>Redaction</source>
        <translation>Caviardage</translation>
    </message>
    <message>
        <source>Re&amp;daction</source>
        <translation>Ca&amp;viardage</translation>
    </message>
    <message>
        <source>Mark &amp;Sensitive</source>
        <translation>Marquer &amp;sensible</translation>
    </message>
    <message>
        <source>The selected words (or entity) are redacted as what they look like</source>
        <translation>Les mots (ou l’entité) sélectionnés sont caviardés selon ce qu’ils semblent être</translation>
    </message>
    <message>
        <source>Mark Sensitive &amp;As</source>
        <translation>Marquer sensible &amp;comme</translation>
    </message>
    <message>
        <source>Mark &amp;Not Sensitive</source>
        <translation>Marquer &amp;non sensible</translation>
    </message>
    <message>
        <source>The selected words are kept as they are, whatever was found in them</source>
        <translation>Les mots sélectionnés sont conservés tels quels, quoi qu’on y ait trouvé</translation>
    </message>
    <message>
        <source>&amp;Clear Redaction Mark</source>
        <translation>&amp;Effacer la marque de caviardage</translation>
    </message>
    <message>
        <source>Mark &amp;Region Sensitive</source>
        <translation>Marquer une &amp;zone sensible</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Show Redaction &amp;Panel</source>
        <translation>Afficher le &amp;panneau Caviardage</translation>
    </message>
    <message>
        <source>Select the words or the entity to mark sensitive first</source>
        <translation>Sélectionnez d’abord les mots ou l’entité à marquer sensibles</translation>
    </message>
    <message>
        <source>Marked sensitive: %1</source>
        <translation>Marqué sensible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select the words or the entity to mark not sensitive first</source>
        <translation>Sélectionnez d’abord les mots ou l’entité à marquer non sensibles</translation>
    </message>
    <message>
        <source>No redaction mark on the selection</source>
        <translation>Aucune marque de caviardage sur la sélection</translation>
    </message>
    <message numerus="yes">
        <source>Clear %n redaction mark(s)</source>
        <translation>
            <numerusform>Effacer %n marque de caviardage</numerusform>
            <numerusform>Effacer %n marques de caviardage</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark region sensitive (%1)</source>
        <translation>Marquer une zone sensible (%1)</translation>
    </message>
    <message>
        <source>Region marked sensitive: %1</source>
        <translation>Zone marquée sensible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Mark %1 sensitive (%2)</source>
        <translation>Marquer %1 sensible (%2)</translation>
    </message>
    <message>
        <source>Mark %1 not sensitive</source>
        <translation>Marquer %1 non sensible</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::PageCornersDialog</name>
    <message>
        <source>Page corners</source>
        <translation>Coins de la page</translation>
    </message>
    <message>
        <source>Page Corners</source>
        <translation>Coins de la page</translation>
    </message>
    <message>
        <source>&amp;Detect Again</source>
        <translation>&amp;Détecter de nouveau</translation>
    </message>
    <message>
        <source>&amp;Read As It Is</source>
        <translation>&amp;Lire telle quelle</translation>
    </message>
    <message>
        <source>Read the image with no flattening, as a scan</source>
        <translation>Lire l’image sans la redresser, comme un scan</translation>
    </message>
    <message>
        <source>The photo cannot be read: %1</source>
        <translation>La photo ne peut pas être lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>No page was found in this photo: place the corners yourself.</source>
        <translation>Aucune page n’a été trouvée sur cette photo&#xa0;: placez les coins vous-même.</translation>
    </message>
    <message>
        <source>No page was found in this photo (%1): place the corners yourself.</source>
        <translation>Aucune page n’a été trouvée sur cette photo (%1)&#xa0;: placez les coins vous-même.</translation>
    </message>
    <message>
        <source>The page found does not have four usable corners: place them yourself.</source>
        <translation>La page trouvée n’a pas quatre coins utilisables&#xa0;: placez-les vous-même.</translation>
    </message>
    <message>
        <source>top left</source>
        <translation>en haut à gauche</translation>
    </message>
    <message>
        <source>top right</source>
        <translation>en haut à droite</translation>
    </message>
    <message>
        <source>bottom right</source>
        <translation>en bas à droite</translation>
    </message>
    <message>
        <source>bottom left</source>
        <translation>en bas à gauche</translation>
    </message>
    <message>
        <source>Corner: %1 at %2, %3 (photo %4 × %5). Drag the corners, or Tab to choose one and the arrow keys to move it (Shift: 10 pixels); Return reads the page flattened.</source>
        <translation>Coin&#xa0;: %1 en %2, %3 (photo %4 × %5). Faites glisser les coins, ou Tab pour en choisir un et les flèches pour le déplacer (Maj&#xa0;: 10 pixels)&#xa0;; Entrée lit la page redressée.</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::PageListModel</name>
    <message>
        <source>new</source>
        <translation>nouvelle</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>relue</translation>
    </message>
    <message>
        <source>Page %1 · %2</source>
        <translation>Page %1 · %2</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>processing…</source>
        <translation>traitement…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>kind not yet known</source>
        <translation>type pas encore connu</translation>
    </message>
    <message>
        <source>scanned</source>
        <translation>numérisée</translation>
    </message>
    <message>
        <source>text layer</source>
        <translation>couche texte</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>vierge</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::PageView</name>
    <message>
        <source>The page image cannot be shown: %1</source>
        <translation>L’image de la page ne peut pas être affichée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100 %)</source>
        <translation>&amp;Taille réelle (100&#xa0;%)</translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation>Ajuster à la &amp;largeur</translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation>Ajuster à la &amp;page</translation>
    </message>
    <message>
        <source>Show &amp;Words</source>
        <translation>Afficher les &amp;mots</translation>
    </message>
    <message>
        <source>Show &amp;Lines</source>
        <translation>Afficher les li&amp;gnes</translation>
    </message>
    <message>
        <source>Show &amp;Blocks</source>
        <translation>Afficher les &amp;blocs</translation>
    </message>
    <message>
        <source>Show Recognized &amp;Text Above Boxes</source>
        <translation>Afficher le te&amp;xte reconnu au-dessus des cadres</translation>
    </message>
    <message>
        <source>&amp;Edit Text</source>
        <translation>&amp;Modifier le texte</translation>
    </message>
    <message>
        <source>&amp;Draw Box</source>
        <translation>&amp;Dessiner un cadre</translation>
    </message>
    <message>
        <source>De&amp;lete Words</source>
        <translation>&amp;Supprimer les mots</translation>
    </message>
    <message>
        <source>&amp;Merge Words</source>
        <translation>&amp;Fusionner les mots</translation>
    </message>
    <message>
        <source>&amp;Split Word</source>
        <translation>S&amp;cinder le mot</translation>
    </message>
    <message>
        <source>Select &amp;All Words</source>
        <translation>Sélectionner &amp;tous les mots</translation>
    </message>
    <message>
        <source>Assign Label %1</source>
        <translation>Attribuer l’étiquette %1</translation>
    </message>
    <message>
        <source>Clear Label</source>
        <translation>Retirer l’étiquette</translation>
    </message>
    <message>
        <source>Page %1 no longer exists.</source>
        <translation>La page %1 n’existe plus.</translation>
    </message>
    <message>
        <source>Draw mode: drag a box around a word (B or Esc to leave)</source>
        <translation>Mode dessin&#xa0;: tracez un cadre autour d’un mot (B ou Échap pour quitter)</translation>
    </message>
    <message>
        <source>The project is open read-only: words cannot be changed.</source>
        <translation>Le projet est ouvert en lecture seule&#xa0;: les mots ne peuvent pas être modifiés.</translation>
    </message>
    <message>
        <source>Select two or more words to merge.</source>
        <translation>Sélectionnez au moins deux mots à fusionner.</translation>
    </message>
    <message>
        <source>A word of one character cannot be split.</source>
        <translation>Un mot d’un seul caractère ne peut pas être scindé.</translation>
    </message>
    <message>
        <source>No label has the key %1.</source>
        <translation>Aucune étiquette n’a la touche %1.</translation>
    </message>
    <message>
        <source>Reading the new box…</source>
        <translation>Lecture du nouveau cadre…</translation>
    </message>
    <message>
        <source>New box added; no text was read in it (F2 to type it).</source>
        <translation>Nouveau cadre ajouté&#xa0;; aucun texte n’y a été lu (F2 pour le saisir).</translation>
    </message>
    <message>
        <source>New box added: “%1”</source>
        <translation>Nouveau cadre ajouté&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>The project is open read-only: nothing can be read again.</source>
        <translation>Le projet est ouvert en lecture seule&#xa0;: rien ne peut être relu.</translation>
    </message>
    <message>
        <source>Reading the selection again…</source>
        <translation>Nouvelle lecture de la sélection…</translation>
    </message>
    <message>
        <source>The selection could not be read again: %1</source>
        <translation>La sélection n’a pas pu être relue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Read again: %1 word(s) replaced by %2; %3 edited word(s) kept.</source>
        <translation>Relu&#xa0;: %1 mot(s) remplacé(s) par %2&#xa0;; %3 mot(s) corrigé(s) conservé(s).</translation>
    </message>
    <message>
        <source>Edit &amp;Line</source>
        <translation>Modifier la &amp;ligne</translation>
    </message>
    <message>
        <source>Label “%1”</source>
        <translation>Étiquette « %1 »</translation>
    </message>
    <message>
        <source>Boxes hidden while Ctrl+H is held.</source>
        <translation>Cadres masqués tant que Ctrl+H est enfoncé.</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>É&amp;tiquette</translation>
    </message>
    <message>
        <source>F&amp;orm</source>
        <translation>F&amp;ormulaire</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::PipelineController</name>
    <message>
        <source>Connecting to the OCR workers at %1…</source>
        <translation>Connexion aux workers OCR sur %1…</translation>
    </message>
    <message>
        <source>OCR on %1</source>
        <translation>OCR sur %1</translation>
    </message>
    <message>
        <source>%1: OCR runs on this computer.</source>
        <translation>%1&#xa0;: l’OCR s’exécute sur cet ordinateur.</translation>
    </message>
    <message>
        <source>OCR workers cannot be used: %1. Pages stay queued.</source>
        <translation>Les workers OCR ne peuvent pas être utilisés&#xa0;: %1. Les pages restent en attente.</translation>
    </message>
    <message>
        <source>Pages cannot be processed now: %1</source>
        <translation>Les pages ne peuvent pas être traitées maintenant&#xa0;: %1</translation>
    </message>
    <message>
        <source>The project is open read-only: nothing can be imported.</source>
        <translation>Le projet est ouvert en lecture seule&#xa0;: rien ne peut être importé.</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Échec de l’import&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added</source>
        <translation>
            <numerusform>%n fichier ajouté</numerusform>
            <numerusform>%n fichiers ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the project</source>
        <translation>
            <numerusform>, %n déjà dans le projet</numerusform>
            <numerusform>, %n déjà dans le projet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed (%1)</source>
        <translation>
            <numerusform>, %n en échec (%1)</numerusform>
            <numerusform>, %n en échec (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>; the project could not be written: %1</source>
        <translation>&#xa0;; le projet n’a pas pu être écrit&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>OCR stopped: %1. %n page(s) stay queued.</source>
        <translation>
            <numerusform>OCR arrêtée&#xa0;: %1. %n page reste en attente.</numerusform>
            <numerusform>OCR arrêtée&#xa0;: %1. %n pages restent en attente.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n annotation file(s) imported</source>
        <translation>
            <numerusform>; %n fichier d’annotations importé</numerusform>
            <numerusform>; %n fichiers d’annotations importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n annotation file(s) refused (%1), their images are read by OCR</source>
        <translation>
            <numerusform>; %n fichier d’annotations refusé (%1), son image est lue par l’OCR</numerusform>
            <numerusform>; %n fichiers d’annotations refusés (%1), leurs images sont lues par l’OCR</numerusform>
        </translation>
    </message>
    <message>
        <source>Pages cannot be processed again: %1</source>
        <translation>Les pages ne peuvent pas être traitées à nouveau&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) will be processed again with their document type&apos;s profile.</source>
        <translation>
            <numerusform>%n page sera traitée à nouveau avec le profil de son type de document.</numerusform>
            <numerusform>%n pages seront traitées à nouveau avec le profil de leur type de document.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>incidoc::ui::ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop starting new pages; resume later</source>
        <translation>Ne plus commencer de nouvelles pages&#xa0;; reprendre plus tard</translation>
    </message>
    <message>
        <source>Stop processing; unprocessed pages stay queued in the project</source>
        <translation>Arrêter le traitement&#xa0;; les pages non traitées restent en attente dans le projet</translation>
    </message>
    <message>
        <source>Nothing to process</source>
        <translation>Rien à traiter</translation>
    </message>
    <message>
        <source>%1 / %2 pages · %3 pages/s</source>
        <translation>%1 / %2 pages · %3 pages/s</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::ProjectSession</name>
    <message>
        <source>Could not read the documents: %1</source>
        <translation>Impossible de lire les documents&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not read the pages: %1</source>
        <translation>Impossible de lire les pages&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not read the words of the page: %1</source>
        <translation>Impossible de lire les mots de la page&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not read the labels: %1</source>
        <translation>Impossible de lire les étiquettes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>La recherche a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The project is open read-only: changes cannot be saved.</source>
        <translation>Le projet est ouvert en lecture seule&#xa0;: les modifications ne peuvent pas être enregistrées.</translation>
    </message>
    <message>
        <source>Could not add the label: %1</source>
        <translation>Impossible d’ajouter l’étiquette&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not change the label: %1</source>
        <translation>Impossible de modifier l’étiquette&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not find the next flagged word: %1</source>
        <translation>Impossible de trouver le mot signalé suivant&#xa0;: %1</translation>
    </message>
    <message>
        <source>The words of this line are no longer on the page.</source>
        <translation>Les mots de cette ligne ne sont plus sur la page.</translation>
    </message>
    <message>
        <source>Could not delete the label: %1</source>
        <translation>Impossible de supprimer l’étiquette : %1</translation>
    </message>
    <message>
        <source>Could not find the next word to check: %1</source>
        <translation>Impossible de trouver le prochain mot à vérifier : %1</translation>
    </message>
    <message>
        <source>Only a document that failed can be removed.</source>
        <translation>Seul un document en échec peut être retiré.</translation>
    </message>
    <message>
        <source>Could not remove the document: %1</source>
        <translation>Impossible de retirer le document&#xa0;: %1</translation>
    </message>
    <message>
        <source>an entity</source>
        <translation>une entité</translation>
    </message>
    <message>
        <source>Could not group the words: word %1 no longer exists</source>
        <translation>Impossible de regrouper les mots : le mot %1 n’existe plus</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Regrouper %1</translation>
    </message>
    <message>
        <source>Ungroup %1</source>
        <translation>Dégrouper %1</translation>
    </message>
    <message numerus="yes">
        <source>Ungroup %n entities</source>
        <translation>
            <numerusform>Dégrouper %n entité</numerusform>
            <numerusform>Dégrouper %n entités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entité</numerusform>
            <numerusform>%n entités</numerusform>
        </translation>
    </message>
    <message>
        <source>No label on %1</source>
        <translation>Aucune étiquette sur %1</translation>
    </message>
    <message>
        <source>Label %1 on %2</source>
        <translation>Étiquette %1 sur %2</translation>
    </message>
    <message>
        <source>No field on %1</source>
        <translation>Aucun champ sur %1</translation>
    </message>
    <message>
        <source>Field %1 on %2</source>
        <translation>Champ %1 sur %2</translation>
    </message>
    <message>
        <source>Link %1 → %2</source>
        <translation>Lien %1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n link(s)</source>
        <translation>
            <numerusform>Supprimer %n lien</numerusform>
            <numerusform>Supprimer %n liens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n proposal(s)</source>
        <translation>
            <numerusform>Accepter %n proposition</numerusform>
            <numerusform>Accepter %n propositions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n proposal(s)</source>
        <translation>
            <numerusform>Rejeter %n proposition</numerusform>
            <numerusform>Rejeter %n propositions</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not flag the words for review: %1</source>
        <translation>Impossible de marquer les mots à revoir : %1</translation>
    </message>
    <message>
        <source>Propose entities and links</source>
        <translation>Proposer des entités et des liens</translation>
    </message>
    <message>
        <source>Could not carry the form: %1</source>
        <translation>Impossible de reporter le formulaire : %1</translation>
    </message>
    <message>
        <source>Carry the form to pages with the same layout</source>
        <translation>Reporter le formulaire sur les pages de même mise en page</translation>
    </message>
    <message>
        <source>A link type is made of lower-case letters, digits and _: %1</source>
        <translation>Un type de lien se compose de minuscules, de chiffres et de _ : %1</translation>
    </message>
    <message>
        <source>Could not save the link types: %1</source>
        <translation>Impossible d’enregistrer les types de liens : %1</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::ReOcrDialog</name>
    <message>
        <source>The whole &amp;page</source>
        <translation>Toute la &amp;page</translation>
    </message>
    <message numerus="yes">
        <source>The &amp;selected words (%n)</source>
        <translation>
            <numerusform>Le mot &amp;sélectionné (%n)</numerusform>
            <numerusform>Les mots &amp;sélectionnés (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-OCR with Settings</source>
        <translation>Relancer l’OCR avec des réglages</translation>
    </message>
    <message>
        <source>Read again:</source>
        <translation>Relire&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Langues&#xa0;:</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation>&#xa0;ppp</translation>
    </message>
    <message>
        <source>Small print reads better at a higher resolution. A page with words you edited keeps its resolution.</source>
        <translation>Les petits caractères se lisent mieux à une résolution plus élevée. Une page dont vous avez corrigé des mots garde sa résolution.</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Résolution&#xa0;:</translation>
    </message>
    <message>
        <source>Words you edited or drew are kept as they are.</source>
        <translation>Les mots que vous avez corrigés ou dessinés sont conservés tels quels.</translation>
    </message>
    <message>
        <source>&amp;Read Again</source>
        <translation>&amp;Relire</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::RedactionLayer</name>
    <message>
        <source>Show &amp;Redaction</source>
        <translation>Afficher le &amp;caviardage</translation>
    </message>
    <message>
        <source>Shows what a redacted export replaces: hatched, sensitive; dashed, marked not sensitive</source>
        <translation>Montre ce qu’un export caviardé remplace&#xa0;: hachuré, sensible&#xa0;; en pointillés, marqué non sensible</translation>
    </message>
    <message>
        <source>Redacted: %1</source>
        <translation>Caviardé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Marked not sensitive: kept in a redacted export</source>
        <translation>Marqué non sensible&#xa0;: conservé dans un export caviardé</translation>
    </message>
    <message>
        <source>Drag a rectangle over the %1 to redact; Escape cancels</source>
        <translation>Tracez un rectangle sur la zone à caviarder (%1)&#xa0;; Échap annule</translation>
    </message>
    <message>
        <source>Region marking cancelled</source>
        <translation>Marquage de zone annulé</translation>
    </message>
    <message>
        <source>Region marking cancelled: the rectangle is too small</source>
        <translation>Marquage de zone annulé&#xa0;: le rectangle est trop petit</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::RedactionPanel</name>
    <message>
        <source>Person name</source>
        <translation>Nom de personne</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>Plaque d’immatriculation</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>VIN</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Numéro d’identification</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Key → value</source>
        <translation>Clé → valeur</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Mention</source>
        <translation>Mention</translation>
    </message>
    <message>
        <source>Marked</source>
        <translation>Marqué</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Return shows the finding on its page</source>
        <translation>Entrée montre la détection sur sa page</translation>
    </message>
    <message>
        <source>Looking for personal data…</source>
        <translation>Recherche des données personnelles…</translation>
    </message>
    <message>
        <source>The personal data could not be looked for: %1</source>
        <translation>Les données personnelles n’ont pas pu être recherchées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(zone)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n finding(s))</source>
        <translation>
            <numerusform>%1 (%n détection)</numerusform>
            <numerusform>%1 (%n détections)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to redact: no personal data found or marked.</source>
        <translation>Rien à caviarder&#xa0;: aucune donnée personnelle trouvée ni marquée.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) to redact</source>
        <translation>
            <numerusform>%n détection à caviarder</numerusform>
            <numerusform>%n détections à caviarder</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::RegionOcr</name>
    <message>
        <source>the region is outside the page</source>
        <translation>la zone est en dehors de la page</translation>
    </message>
    <message>
        <source>the region could not be read</source>
        <translation>la zone n’a pas pu être lue</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::SearchPanel</name>
    <message>
        <source>Search the project…</source>
        <translation>Rechercher dans le projet…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>Mot</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message numerus="yes">
        <source>First %n results</source>
        <translation>
            <numerusform>%n premier résultat</numerusform>
            <numerusform>%n premiers résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>incidoc::ui::SetDocumentTypeCommand</name>
    <message>
        <source>The document&apos;s type could not be changed: %1</source>
        <translation>Le type du document n’a pas pu être changé : %1</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::SetLineTextCommand</name>
    <message>
        <source>Line &apos;%1&apos; → &apos;%2&apos;</source>
        <translation>Ligne « %1 » → « %2 »</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::SettingsDialog</name>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>Tester la co&amp;nnexion</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Processing (applies to pages processed from now on)</source>
        <translation>Traitement (s’applique aux pages traitées à partir de maintenant)</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation>&#xa0;ppp</translation>
    </message>
    <message>
        <source>Render &amp;resolution:</source>
        <translation>&amp;Résolution de rendu&#xa0;:</translation>
    </message>
    <message>
        <source>Adaptive Gaussian</source>
        <translation>Gaussienne adaptative</translation>
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
        <translation>Aucune (garder les niveaux de gris)</translation>
    </message>
    <message>
        <source>&amp;Binarization:</source>
        <translation>&amp;Binarisation&#xa0;:</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <translation>Langues de l’OCR</translation>
    </message>
    <message>
        <source>The languages Tesseract reads the pages in; the first checked one is the main language. More are installed with the tesseract-ocr-LANG packages.</source>
        <translation>Les langues dans lesquelles Tesseract lit les pages&#xa0;; la première cochée est la langue principale. D’autres s’installent avec les paquets tesseract-ocr-LANGUE.</translation>
    </message>
    <message>
        <source>%1 — not installed</source>
        <translation>%1 — non installée</translation>
    </message>
    <message>
        <source>OCR &amp;languages:</source>
        <translation>&amp;Langues de l’OCR&#xa0;:</translation>
    </message>
    <message>
        <source>auto: one per core (%1), or the workers&apos; threads</source>
        <translation>auto&#xa0;: une par cœur (%1), ou les threads des workers</translation>
    </message>
    <message>
        <source>Parallel &amp;jobs:</source>
        <translation>&amp;Tâches en parallèle&#xa0;:</translation>
    </message>
    <message>
        <source>Review and appearance</source>
        <translation>Relecture et apparence</translation>
    </message>
    <message>
        <source>Words read with less confidence than this are marked for review</source>
        <translation>Les mots lus avec une confiance inférieure sont signalés pour relecture</translation>
    </message>
    <message>
        <source>Low-&amp;confidence threshold:</source>
        <translation>Seuil de &amp;faible confiance&#xa0;:</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>Thè&amp;me&#xa0;:</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>Système (%1)</translation>
    </message>
    <message>
        <source>Applies the next time Incidoc starts.</source>
        <translation>S’applique au prochain démarrage d’Incidoc.</translation>
    </message>
    <message>
        <source>Interface lan&amp;guage:</source>
        <translation>Lan&amp;gue de l’interface&#xa0;:</translation>
    </message>
    <message>
        <source>OCR workers</source>
        <translation>Workers OCR</translation>
    </message>
    <message>
        <source>127.0.0.1:50051, … or dns:///workers:50051; empty: OCR on this computer</source>
        <translation>127.0.0.1:50051, … ou dns:///workers:50051&#xa0;; vide&#xa0;: OCR sur cet ordinateur</translation>
    </message>
    <message>
        <source>incidoc-worker addresses, separated by commas, or one DNS name that lists them</source>
        <translation>Adresses des incidoc-worker, séparées par des virgules, ou un nom DNS qui les liste</translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation>&amp;Workers&#xa0;:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Parcourir pour %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>A file holding the key the workers require (sent as x-api-key)</source>
        <translation>Un fichier contenant la clé demandée par les workers (envoyée dans x-api-key)</translation>
    </message>
    <message>
        <source>API &amp;key file:</source>
        <translation>Fichier de &amp;clé d’API&#xa0;:</translation>
    </message>
    <message>
        <source>API key file</source>
        <translation>Fichier de clé d’API</translation>
    </message>
    <message>
        <source>API Key File</source>
        <translation>Fichier de clé d’API</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>none: no TLS</source>
        <translation>aucun&#xa0;: pas de TLS</translation>
    </message>
    <message>
        <source>The CA certificate (PEM) that signed the workers&apos; certificates; TLS is on when set</source>
        <translation>Le certificat d’AC (PEM) qui a signé les certificats des workers&#xa0;; TLS est activé s’il est indiqué</translation>
    </message>
    <message>
        <source>TLS CA f&amp;ile:</source>
        <translation>Fichier d’&amp;AC TLS&#xa0;:</translation>
    </message>
    <message>
        <source>TLS CA file</source>
        <translation>Fichier d’AC TLS</translation>
    </message>
    <message>
        <source>TLS CA Certificate</source>
        <translation>Certificat d’AC TLS</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>When no worker is reachable</source>
        <translation>Si aucun worker n’est joignable</translation>
    </message>
    <message>
        <source>Stop and keep pages queued</source>
        <translation>Arrêter et garder les pages en attente</translation>
    </message>
    <message>
        <source>OCR on this computer</source>
        <translation>OCR sur cet ordinateur</translation>
    </message>
    <message>
        <source>When no worker is reac&amp;hable:</source>
        <translation>Si aucun worker n’est &amp;joignable&#xa0;:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Résultat du test de connexion</translation>
    </message>
    <message>
        <source>No workers set: OCR runs on this computer.</source>
        <translation>Aucun worker indiqué&#xa0;: l’OCR s’exécute sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Connecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Non connecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>OCR engines (this project)</source>
        <translation>Moteurs d’OCR (ce projet)</translation>
    </message>
    <message>
        <source>OCR engines on this computer</source>
        <translation>Moteurs d’OCR sur cet ordinateur</translation>
    </message>
    <message>
        <source>Installed:</source>
        <translation>Installés&#xa0;:</translation>
    </message>
    <message>
        <source>OCR engines for this project</source>
        <translation>Moteurs d’OCR de ce projet</translation>
    </message>
    <message>
        <source>As the profile says</source>
        <translation>Selon le profil</translation>
    </message>
    <message>
        <source>%1 — not available</source>
        <translation>%1 — non disponible</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>Non disponible&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Engines:</source>
        <translation>&amp;Moteurs&#xa0;:</translation>
    </message>
    <message>
        <source>OCR profile for this project</source>
        <translation>Profil d’OCR de ce projet</translation>
    </message>
    <message>
        <source>Accurate: two readers, disagreements flagged</source>
        <translation>Précis&#xa0;: deux lecteurs, désaccords signalés</translation>
    </message>
    <message>
        <source>Fast: Tesseract alone</source>
        <translation>Rapide&#xa0;: Tesseract seul</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil&#xa0;:</translation>
    </message>
    <message>
        <source>Kept in the project; applies to pages processed from now on.</source>
        <translation>Conservé dans le projet&#xa0;; s’applique aux pages traitées à partir de maintenant.</translation>
    </message>
    <message>
        <source>Open a project that can be written to choose its engines.</source>
        <translation>Ouvrez un projet modifiable pour choisir ses moteurs.</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Do not zoom</source>
        <translation>Pas de zoom</translation>
    </message>
    <message>
        <source>Tab and search zoom in until the word is this tall on screen</source>
        <translation>Tab et la recherche zooment jusqu’à ce que le mot ait cette hauteur à l’écran</translation>
    </message>
    <message>
        <source>&amp;Zoom words to a height of:</source>
        <translation>&amp;Zoomer les mots à une hauteur de :</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Box &amp;opacity:</source>
        <translation>&amp;Opacité des cadres :</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Type on the selected word: edit it, starting with that character (letters, digits, punctuation: never a command)</source>
        <translation>Taper sur le mot sélectionné : le modifier, en commençant par ce caractère (lettres, chiffres, ponctuation : jamais une commande)</translation>
    </message>
    <message>
        <source>any character</source>
        <translation>n’importe quel caractère</translation>
    </message>
    <message>
        <source>In the word editor: store and go on to the next word to check</source>
        <translation>Dans l’éditeur de mot : enregistrer et passer au mot à vérifier suivant</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>In the word editor: store and stay</source>
        <translation>Dans l’éditeur de mot : enregistrer et rester</translation>
    </message>
    <message>
        <source>Shift+Return</source>
        <translation>Maj+Entrée</translation>
    </message>
    <message>
        <source>In the word editor: take the suggestion</source>
        <translation>Dans l’éditeur de mot : prendre la suggestion</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>In the word editor: split the word at the caret</source>
        <translation>Dans l’éditeur de mot : couper le mot au curseur</translation>
    </message>
    <message>
        <source>Alt+S</source>
        <translation>Alt+S</translation>
    </message>
    <message>
        <source>In the word editor: cancel</source>
        <translation>Dans l’éditeur de mot : annuler</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Select the word before / after</source>
        <translation>Sélectionner le mot précédent / suivant</translation>
    </message>
    <message>
        <source>Left, Right</source>
        <translation>Gauche, Droite</translation>
    </message>
    <message>
        <source>Select the word of the line above / below</source>
        <translation>Sélectionner le mot de la ligne au-dessus / en dessous</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>Haut, Bas</translation>
    </message>
    <message>
        <source>Extend the selection word by word</source>
        <translation>Étendre la sélection mot par mot</translation>
    </message>
    <message>
        <source>Shift+Left, Shift+Right</source>
        <translation>Maj+Gauche, Maj+Droite</translation>
    </message>
    <message>
        <source>Move the selected boxes by one pixel</source>
        <translation>Déplacer les cadres sélectionnés d’un pixel</translation>
    </message>
    <message>
        <source>Alt+arrows</source>
        <translation>Alt+flèches</translation>
    </message>
    <message>
        <source>Resize the selected boxes by one pixel</source>
        <translation>Redimensionner les cadres sélectionnés d’un pixel</translation>
    </message>
    <message>
        <source>Alt+Shift+arrows</source>
        <translation>Alt+Maj+flèches</translation>
    </message>
    <message>
        <source>Pan the page</source>
        <translation>Faire défiler la page</translation>
    </message>
    <message>
        <source>Ctrl+arrows, or Space held and drag</source>
        <translation>Ctrl+flèches, ou Espace maintenue et glisser</translation>
    </message>
    <message>
        <source>Hide every box while held</source>
        <translation>Masquer tous les cadres tant que la touche est maintenue</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>The words&apos; menu</source>
        <translation>Le menu des mots</translation>
    </message>
    <message>
        <source>Menu, Shift+F10</source>
        <translation>Menu, Maj+F10</translation>
    </message>
    <message>
        <source>Clear the selection, leave draw mode</source>
        <translation>Vider la sélection, quitter le mode dessin</translation>
    </message>
    <message>
        <source>Linking: pick another entity, nearest first</source>
        <translation>Liaison&#xa0;: choisir une autre entité, la plus proche d’abord</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab, arrows</source>
        <translation>Tab, Maj+Tab, flèches</translation>
    </message>
    <message>
        <source>Linking: link to the highlighted entity (removes the link when it exists)</source>
        <translation>Liaison&#xa0;: lier à l’entité en surbrillance (retire le lien s’il existe)</translation>
    </message>
    <message>
        <source>Linking: link to an entity</source>
        <translation>Liaison&#xa0;: lier à une entité</translation>
    </message>
    <message>
        <source>click it</source>
        <translation>cliquer dessus</translation>
    </message>
    <message>
        <source>Linking: cancel</source>
        <translation>Liaison&#xa0;: annuler</translation>
    </message>
    <message>
        <source>Select the words of an entity</source>
        <translation>Sélectionner les mots d’une entité</translation>
    </message>
    <message>
        <source>double click its outline</source>
        <translation>double-cliquer sur son contour</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::StoreEditCommand</name>
    <message>
        <source>Could not save the change (%1): %2</source>
        <translation>Impossible d’enregistrer la modification (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Modifier le texte</translation>
    </message>
    <message>
        <source>Set label</source>
        <translation>Attribuer l’étiquette</translation>
    </message>
    <message>
        <source>Add box</source>
        <translation>Ajouter un cadre</translation>
    </message>
    <message numerus="yes">
        <source>Merge %n words</source>
        <translation>
            <numerusform>Fusionner %n mot</numerusform>
            <numerusform>Fusionner %n mots</numerusform>
        </translation>
    </message>
    <message>
        <source>Split word</source>
        <translation>Scinder le mot</translation>
    </message>
    <message>
        <source>Mark page reviewed</source>
        <translation>Marquer la page comme relue</translation>
    </message>
    <message>
        <source>Mark page in progress</source>
        <translation>Marquer la page comme en cours</translation>
    </message>
    <message>
        <source>Mark page new</source>
        <translation>Marquer la page comme nouvelle</translation>
    </message>
    <message>
        <source>Accept word</source>
        <translation>Accepter le mot</translation>
    </message>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>%n mot</numerusform>
            <numerusform>%n mots</numerusform>
        </translation>
    </message>
    <message>
        <source>a word</source>
        <translation>un mot</translation>
    </message>
    <message>
        <source>Text %1 → %2</source>
        <translation>Texte %1 → %2</translation>
    </message>
    <message>
        <source>Box of %1</source>
        <translation>Cadre de %1</translation>
    </message>
    <message>
        <source>Boxes of %1</source>
        <translation>Cadres de %1</translation>
    </message>
    <message>
        <source>Clear label on %1</source>
        <translation>Retirer l’étiquette de %1</translation>
    </message>
    <message>
        <source>Label %1 on %2</source>
        <translation>Étiquette %1 sur %2</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <source>Merge %1</source>
        <translation>Fusionner %1</translation>
    </message>
    <message>
        <source>Split %1 → %2 + %3</source>
        <translation>Scinder %1 → %2 + %3</translation>
    </message>
    <message>
        <source>Mark page %1 reviewed</source>
        <translation>Marquer la page %1 comme relue</translation>
    </message>
    <message>
        <source>Mark page %1 in progress</source>
        <translation>Marquer la page %1 comme en cours</translation>
    </message>
    <message>
        <source>Mark page %1 new</source>
        <translation>Marquer la page %1 comme nouvelle</translation>
    </message>
    <message>
        <source>Accept %1</source>
        <translation>Accepter %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message numerus="yes">
        <source>Re-OCR: add %n word(s)</source>
        <translation>
            <numerusform>Relancer l’OCR : %n mot ajouté</numerusform>
            <numerusform>Relancer l’OCR : %n mots ajoutés</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-OCR %1</source>
        <translation>Relancer l’OCR de %1</translation>
    </message>
    <message>
        <source>Mark %1 reviewed</source>
        <translation>Marquer comme relu : %1</translation>
    </message>
    <message>
        <source>Mark %1 not reviewed</source>
        <translation>Marquer comme non relu : %1</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::WatchController</name>
    <message>
        <source>The watched folders could not be saved: %1</source>
        <translation>Les dossiers surveillés n’ont pas pu être enregistrés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Watched folder: %1 imported</source>
        <translation>Dossier surveillé&#xa0;: %1 importé</translation>
    </message>
    <message>
        <source>Watched folder: %1 is already in the project</source>
        <translation>Dossier surveillé&#xa0;: %1 est déjà dans le projet</translation>
    </message>
    <message>
        <source>Watched folder: %1 could not be imported: %2</source>
        <translation>Dossier surveillé&#xa0;: %1 n’a pas pu être importé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Watched folder %1 is missing; it is watched for again</source>
        <translation>Le dossier surveillé %1 est absent&#xa0;; on guette son retour</translation>
    </message>
    <message>
        <source>Watched folder %1 cannot be read</source>
        <translation>Le dossier surveillé %1 ne peut pas être lu</translation>
    </message>
    <message>
        <source>Watched folder %1 cannot be resolved (a symbolic link loop or a link to nothing)</source>
        <translation>Le dossier surveillé %1 ne peut pas être résolu (boucle de liens symboliques ou lien vers rien)</translation>
    </message>
    <message>
        <source>Watched folder %1 is back</source>
        <translation>Le dossier surveillé %1 est de retour</translation>
    </message>
    <message>
        <source>The watched folders cannot be watched: %1</source>
        <translation>Les dossiers surveillés ne peuvent pas être surveillés&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>incidoc::ui::WordFilterBar</name>
    <message>
        <source>Word Filter</source>
        <translation>Filtre de mots</translation>
    </message>
    <message>
        <source>Show only the words with this label</source>
        <translation>N’afficher que les mots portant cette étiquette</translation>
    </message>
    <message>
        <source>Show only the words whose confidence is at least this (0: no lower limit)</source>
        <translation>N’afficher que les mots dont la confiance est au moins celle-ci (0&#xa0;: pas de limite basse)</translation>
    </message>
    <message>
        <source>Show only the words whose confidence is below this (100: no upper limit)</source>
        <translation>N’afficher que les mots dont la confiance est inférieure à celle-ci (100&#xa0;: pas de limite haute)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Show every word again</source>
        <translation>Réafficher tous les mots</translation>
    </message>
    <message>
        <source>Filter words: label </source>
        <translation>Filtrer les mots&#xa0;: étiquette </translation>
    </message>
    <message>
        <source>  confidence at least </source>
        <translation>  confiance d’au moins </translation>
    </message>
    <message>
        <source> and below </source>
        <translation> et inférieure à </translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <source>No label</source>
        <translation>Sans étiquette</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Review and label OCR of incident documents.</source>
        <translation>Relecture et étiquetage de l’OCR des documents d’incident.</translation>
    </message>
    <message>
        <source>Open the project read-only.</source>
        <translation>Ouvrir le projet en lecture seule.</translation>
    </message>
    <message>
        <source>An .incidoc project to open.</source>
        <translation>Un projet .incidoc à ouvrir.</translation>
    </message>
</context>
</TS>
