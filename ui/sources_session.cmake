# ui/ sources of the session layer, editing and review (included by ui/CMakeLists.txt).
target_sources(incidoc_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/project_session.h
    ${CMAKE_CURRENT_LIST_DIR}/project_session.cpp
    ${CMAKE_CURRENT_LIST_DIR}/editing/edit_commands.h
    ${CMAKE_CURRENT_LIST_DIR}/editing/edit_commands.cpp
    ${CMAKE_CURRENT_LIST_DIR}/review/inspector_widget.h
    ${CMAKE_CURRENT_LIST_DIR}/review/inspector_widget.cpp
    ${CMAKE_CURRENT_LIST_DIR}/review/label_manager_dialog.h
    ${CMAKE_CURRENT_LIST_DIR}/review/label_manager_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/review/search_panel.h
    ${CMAKE_CURRENT_LIST_DIR}/review/search_panel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/review/review_navigator.h
    ${CMAKE_CURRENT_LIST_DIR}/review/review_navigator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/review/word_filter_bar.h
    ${CMAKE_CURRENT_LIST_DIR}/review/word_filter_bar.cpp)
