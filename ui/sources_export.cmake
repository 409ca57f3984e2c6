# ui/ sources of the Export dialog and its controller (included by ui/CMakeLists.txt).
target_sources(incidoc_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/export/export_controller.h
    ${CMAKE_CURRENT_LIST_DIR}/export/export_controller.cpp
    ${CMAKE_CURRENT_LIST_DIR}/export/export_dialog.h
    ${CMAKE_CURRENT_LIST_DIR}/export/export_dialog.cpp)
