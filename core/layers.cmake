# Which core stages each stage may include: dependencies point one way, from the pipeline and the export
# down to the value types. A stage that includes a stage not listed here fails the configure step (and
# the build, which runs this file again when a core source changes: `cmake -P core/layers.cmake`).
set(INCIDOC_CORE_LAYERS
    "model:"
    "util:"
    "imaging:model util"
    "photo:model util imaging"
    "render:model util imaging photo"
    "storage:model util"
    "review:model util"
    "forms:model util imaging"
    "classify:model util render"
    "ocr:model util imaging"
    "import:model util render storage forms"
    "doctype:model util render imaging storage"
    "remote:model util imaging ocr"
    "capture:model util imaging photo storage"
    "redact:model util imaging forms storage ocr"
    "pipeline:model util render imaging photo storage classify ocr import remote forms doctype"
    "export:model util render imaging photo storage ocr forms doctype redact"
    "isolation:model util render imaging photo storage classify ocr import remote pipeline forms doctype")

# Checks every .h/.cpp of each stage under `core_dir`; FATAL_ERROR listing every include that points the
# wrong way.
function(incidoc_check_core_layers core_dir)
    set(_stages)
    foreach(_entry IN LISTS INCIDOC_CORE_LAYERS)
        string(REGEX REPLACE ":.*" "" _stage "${_entry}")
        list(APPEND _stages ${_stage})
    endforeach()
    set(_violations)
    foreach(_entry IN LISTS INCIDOC_CORE_LAYERS)
        string(FIND "${_entry}" ":" _colon)
        string(SUBSTRING "${_entry}" 0 ${_colon} _stage)
        math(EXPR _rest "${_colon} + 1")
        string(SUBSTRING "${_entry}" ${_rest} -1 _allowed)
        string(REPLACE " " ";" _allowed "${_allowed}")
        file(GLOB_RECURSE _files "${core_dir}/${_stage}/*.h" "${core_dir}/${_stage}/*.cpp")
        foreach(_file IN LISTS _files)
            file(STRINGS "${_file}" _includes REGEX "^#include \"core/[a-z_]+/")
            foreach(_line IN LISTS _includes)
                string(REGEX REPLACE "^#include \"core/([a-z_]+)/.*" "\\1" _dep "${_line}")
                if(_dep STREQUAL _stage)
                    continue()
                endif()
                list(FIND _allowed ${_dep} _ok)
                list(FIND _stages ${_dep} _known)
                if(_ok EQUAL -1 AND NOT _known EQUAL -1)
                    file(RELATIVE_PATH _rel "${core_dir}/.." "${_file}")
                    string(REPLACE ";" " " _list "${_allowed}")
                    list(APPEND _violations "  ${_rel}: ${_line} (core/${_stage} may include only: ${_list})")
                endif()
            endforeach()
        endforeach()
    endforeach()
    if(_violations)
        list(JOIN _violations "\n" _text)
        message(FATAL_ERROR "core stages must depend one way (core/layers.cmake):\n${_text}")
    endif()
endfunction()

# `cmake -DCORE_DIR=… -DSTAMP=… -P core/layers.cmake`: the build-time run.
if(CMAKE_SCRIPT_MODE_FILE AND CORE_DIR)
    cmake_minimum_required(VERSION 3.25)
    incidoc_check_core_layers("${CORE_DIR}")
    if(STAMP)
        file(TOUCH "${STAMP}")
    endif()
endif()
