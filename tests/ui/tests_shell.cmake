# Window shell, page view and controller tests (G1); included by tests/ui/CMakeLists.txt.
incidoc_add_ui_test(shell_main_window_test shell_main_window_test.cpp session_fixture.h session_fixture.cpp)
incidoc_add_ui_test(view_page_view_test view_page_view_test.cpp view_test_pages.h view_test_pages.cpp)
incidoc_add_ui_test(controller_pipeline_test controller_pipeline_test.cpp)
# Isolation in the app: its page hosts run as the real `incidoc --page-host`.
incidoc_add_ui_test(isolation_app_test isolation_app_test.cpp)
add_dependencies(isolation_app_test incidoc)
incidoc_add_ui_test(shell_filter_test shell_filter_test.cpp session_fixture.h session_fixture.cpp)

# Screenshot under Xvfb: the real app on the bundled sample, overlay colour checked where the words are.
add_executable(screenshot_check screenshot_check.cpp)
target_link_libraries(screenshot_check PRIVATE Qt6::Gui)
add_test(NAME ui_screenshot_boxes_where_words_are
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/screenshot_test.sh ${CMAKE_BINARY_DIR}/bin
            $<TARGET_FILE:screenshot_check> ${CMAKE_SOURCE_DIR})
set_tests_properties(ui_screenshot_boxes_where_words_are PROPERTIES TIMEOUT 300
    ENVIRONMENT "OMP_THREAD_LIMIT=1")
add_dependencies(screenshot_check incidoc incidoc-cli)
