# Window shell, page view and controller tests (G1); included by tests/ui/CMakeLists.txt.
incidoc_add_ui_test(shell_main_window_test shell_main_window_test.cpp session_fixture.h session_fixture.cpp)
incidoc_add_ui_test(view_page_view_test view_page_view_test.cpp view_test_pages.h view_test_pages.cpp)
incidoc_add_ui_test(controller_pipeline_test controller_pipeline_test.cpp)
