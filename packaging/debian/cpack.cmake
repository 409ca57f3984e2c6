# Debian packages with CPack (included at the end of the top-level CMakeLists.txt):
#   incidoc         the app, its menu entry, .incidoc MIME type, icons, AppStream metadata
#   incidoc-cli     the command line, and the translations of both programs
#   incidoc-worker  the OCR server, its systemd unit and configuration, the protocol (.proto) and the
#                   protocol's conformance tool
# Every install() rule names one of these components. Build them with `bash packaging/build.sh package`
# (or `cpack` in a configured build directory); see packaging/debian/README.md.
# Depends: computed from the programs' shared libraries by dpkg-shlibdeps (package dpkg-dev), plus what
# is loaded at run time and so invisible to it: Tesseract's English data and Qt's TIFF image plugin.
include_guard(GLOBAL)

set(INCIDOC_HOMEPAGE "https://github.com/incidoc/incidoc" CACHE STRING
    "Project home page (Debian Homepage field; keep in step with the AppStream metainfo)")
set(INCIDOC_DEB_MAINTAINER "The Incidoc developers <maintainers@users.noreply.b-seed-7ec4dbe0.example>"
    CACHE STRING "Maintainer field of the Debian packages")

set(_deb_dir ${CMAKE_CURRENT_LIST_DIR})
set(_deb_release 1) # Debian revision of the packages built from one version
set(_incidoc_packages incidoc-cli incidoc-worker)
if(TARGET incidoc)
    list(PREPEND _incidoc_packages incidoc)
endif()

# ---- files that only the packages install ---------------------------------------------------------------
add_subdirectory(${CMAKE_SOURCE_DIR}/packaging/man ${CMAKE_BINARY_DIR}/packaging/man)

# The worker's unit and settings live where Debian keeps them (debhelper in Debian 12 puts units in
# /lib/systemd/system). The settings file is a conffile in /etc rather than an example under
# /usr/share/doc: the unit reads it (EnvironmentFile=-/etc/incidoc/worker.conf), every line in it is a
# commented default, so shipping it changes nothing until the administrator edits it, and dpkg then keeps
# those edits on upgrades (asking when the shipped file changed too) and removes it on purge.
# EXCLUDE_FROM_ALL: absolute paths outside the prefix, so only the package (a component install) gets
# them; a plain `cmake --install` does not write to /etc.
install(FILES ${CMAKE_SOURCE_DIR}/packaging/systemd/incidoc-worker.service
        DESTINATION /lib/systemd/system COMPONENT incidoc-worker EXCLUDE_FROM_ALL)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/systemd/incidoc-worker.conf
        DESTINATION /etc/incidoc RENAME worker.conf COMPONENT incidoc-worker EXCLUDE_FROM_ALL)

# /usr/share/doc/<package>: copyright (DEP-5), a Debian changelog, and for the worker the fleet guide.
# Debian compresses these with gzip -9n.
string(TIMESTAMP _changelog_date "%a, %d %b %Y %H:%M:%S +0000" UTC) # honours SOURCE_DATE_EPOCH
set(_doc_outputs)
foreach(_pkg IN LISTS _incidoc_packages)
    set(_changelog ${CMAKE_BINARY_DIR}/packaging/debian/${_pkg}/changelog.Debian)
    file(CONFIGURE OUTPUT ${_changelog} CONTENT
"${_pkg} (${PROJECT_VERSION}-${_deb_release}) unstable; urgency=medium

  * Built with CPack from the Incidoc sources, version ${PROJECT_VERSION}.

 -- ${INCIDOC_DEB_MAINTAINER}  ${_changelog_date}
")
    add_custom_command(OUTPUT ${_changelog}.gz
        COMMAND gzip -9nc ${_changelog} > ${_changelog}.gz
        DEPENDS ${_changelog}
        COMMENT "gzip ${_pkg} changelog.Debian")
    list(APPEND _doc_outputs ${_changelog}.gz)
    install(FILES ${_deb_dir}/copyright ${_changelog}.gz DESTINATION share/doc/${_pkg} COMPONENT ${_pkg})
endforeach()
set(_fleet_gz ${CMAKE_BINARY_DIR}/packaging/debian/fleet.md.gz)
add_custom_command(OUTPUT ${_fleet_gz}
    COMMAND gzip -9nc ${CMAKE_SOURCE_DIR}/docs/fleet.md > ${_fleet_gz}
    DEPENDS ${CMAKE_SOURCE_DIR}/docs/fleet.md
    COMMENT "gzip docs/fleet.md")
list(APPEND _doc_outputs ${_fleet_gz})
install(FILES ${_fleet_gz} DESTINATION share/doc/incidoc-worker COMPONENT incidoc-worker)
add_custom_target(incidoc_package_docs ALL DEPENDS ${_doc_outputs})

# ---- CPack ----------------------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME incidoc)
set(CPACK_PACKAGE_VENDOR "The Incidoc developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${INCIDOC_DEB_MAINTAINER}")
# Each package has its own synopsis (first line of its description below). CPackDeb would put this
# summary in front of every description unless it is CPack's own default, so it is set to exactly that.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON) # no debug information in the packages
# The packages are exactly these components: a file installed without one of them is in no package,
# which tests/packaging/deb_package_test.sh reports.
set(CPACK_COMPONENTS_ALL ${_incidoc_packages})
set(CPACK_DEB_COMPONENT_INSTALL ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # <package>_<version>-<release>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE ${_deb_release})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${INCIDOC_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${INCIDOC_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Languages other than English are optional: each is offered once its data package is installed.
set(_ocr_languages "tesseract-ocr-fra, tesseract-ocr-chi-sim")

# incidoc: the app. It depends on incidoc-cli of the same version: the translations of both programs
# (share/incidoc/translations, translations/CMakeLists.txt) are in incidoc-cli, and the command line is
# wanted next to the app anyway (batch imports, scripts). The app processes pages in a helper started
# from its own binary, so it runs nothing of incidoc-cli.
set(CPACK_DEBIAN_INCIDOC_PACKAGE_NAME incidoc)
set(CPACK_DEBIAN_INCIDOC_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_INCIDOC_PACKAGE_DEPENDS
    "incidoc-cli (= ${PROJECT_VERSION}-${_deb_release}), tesseract-ocr-eng, qt6-image-formats-plugins")
set(CPACK_DEBIAN_INCIDOC_PACKAGE_SUGGESTS "${_ocr_languages}")
set(CPACK_DEBIAN_INCIDOC_DESCRIPTION
"review and label OCR of incident documents
Incidoc turns piles of incident documents (police, safety and insurance
reports; scanned PDFs, born-digital PDFs, photos and TIFF faxes) into
reviewed, labelled OCR data. Every page's words, boxes and confidences land
in one SQLite project file; an interrupted import resumes where it stopped.

This package contains the desktop app: import files and folders, review
every word box over the page with the keyboard, label words, and export
datasets for Label Studio and COCO tools, hOCR, ALTO and JSON.")

# incidoc-cli: the command line.
set(CPACK_DEBIAN_INCIDOC-CLI_PACKAGE_NAME incidoc-cli)
set(CPACK_DEBIAN_INCIDOC-CLI_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_INCIDOC-CLI_PACKAGE_DEPENDS "tesseract-ocr-eng, qt6-image-formats-plugins")
set(CPACK_DEBIAN_INCIDOC-CLI_PACKAGE_SUGGESTS "${_ocr_languages}")
set(CPACK_DEBIAN_INCIDOC-CLI_DESCRIPTION
"import and OCR incident documents from the command line (Incidoc)
Incidoc turns piles of incident documents (police, safety and insurance
reports; scanned PDFs, born-digital PDFs, photos and TIFF faxes) into
reviewed, labelled OCR data stored in one SQLite project file.

This package contains incidoc-cli: import PDFs, images and folders into a
project, OCR them with Tesseract, locally or on a fleet of incidoc-worker
servers, print the status, and dump or export the results (JSON, COCO,
Label Studio, hOCR, ALTO).")

# incidoc-worker: the OCR server. English is what it loads at start by default.
set(CPACK_DEBIAN_INCIDOC-WORKER_PACKAGE_NAME incidoc-worker)
set(CPACK_DEBIAN_INCIDOC-WORKER_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_INCIDOC-WORKER_PACKAGE_DEPENDS "tesseract-ocr-eng")
set(CPACK_DEBIAN_INCIDOC-WORKER_PACKAGE_SUGGESTS "${_ocr_languages}")
set(CPACK_DEBIAN_INCIDOC-WORKER_PACKAGE_CONTROL_EXTRA
    ${_deb_dir}/incidoc-worker/postinst ${_deb_dir}/incidoc-worker/prerm ${_deb_dir}/incidoc-worker/postrm
    ${_deb_dir}/incidoc-worker/conffiles)
set(CPACK_DEBIAN_INCIDOC-WORKER_DESCRIPTION
"OCR server of an Incidoc worker fleet (gRPC, Tesseract)
Incidoc turns piles of incident documents into reviewed, labelled OCR data.
Its command line and app can send the OCR of their pages to a fleet of
workers, so that large collections are recognized on many machines.

This package contains incidoc-worker, a stateless gRPC server with a pool of
Tesseract engines (API key, TLS, health service, draining on SIGTERM), its
systemd unit (not enabled on install) with /etc/incidoc/worker.conf, the
protocol definition, and incidoc-worker-conformance, which checks any server
against the protocol.")

include(CPack)
