# ui/ sources of the window shell, page view and controllers (included by ui/CMakeLists.txt).
find_package(Qt6 6.4 REQUIRED COMPONENTS Widgets Concurrent)
target_link_libraries(incidoc_ui PUBLIC Qt6::Concurrent)
target_sources(incidoc_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/controllers/isolation.h
    ${CMAKE_CURRENT_LIST_DIR}/controllers/isolation.cpp
    ${CMAKE_CURRENT_LIST_DIR}/controllers/pipeline_controller.h
    ${CMAKE_CURRENT_LIST_DIR}/controllers/pipeline_controller.cpp
    ${CMAKE_CURRENT_LIST_DIR}/controllers/render_controller.h
    ${CMAKE_CURRENT_LIST_DIR}/controllers/render_controller.cpp
    ${CMAKE_CURRENT_LIST_DIR}/controllers/region_ocr.h
    ${CMAKE_CURRENT_LIST_DIR}/controllers/region_ocr.cpp
    ${CMAKE_CURRENT_LIST_DIR}/view/render_cache.h
    ${CMAKE_CURRENT_LIST_DIR}/view/render_cache.cpp
    ${CMAKE_CURRENT_LIST_DIR}/view/overlay_items.h
    ${CMAKE_CURRENT_LIST_DIR}/view/overlay_items.cpp
    ${CMAKE_CURRENT_LIST_DIR}/view/page_view.h
    ${CMAKE_CURRENT_LIST_DIR}/view/page_view.cpp
    ${CMAKE_CURRENT_LIST_DIR}/view/view_geometry_dump.h
    ${CMAKE_CURRENT_LIST_DIR}/view/view_geometry_dump.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shell/app_settings.h
    ${CMAKE_CURRENT_LIST_DIR}/shell/app_settings.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shell/language.h
    ${CMAKE_CURRENT_LIST_DIR}/shell/language.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shell/documents_model.h
    ${CMAKE_CURRENT_LIST_DIR}/shell/documents_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shell/page_list_model.h
    ${CMAKE_CURRENT_LIST_DIR}/shell/page_list_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shell/progress_panel.h
    ${CMAKE_CURRENT_LIST_DIR}/shell/progress_panel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shell/dialogs.h
    ${CMAKE_CURRENT_LIST_DIR}/shell/dialogs.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shell/reocr_dialog.h
    ${CMAKE_CURRENT_LIST_DIR}/shell/reocr_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shell/main_window.h
    ${CMAKE_CURRENT_LIST_DIR}/shell/main_window.cpp
)
