# Export dialog and controller tests; included by tests/ui/CMakeLists.txt.
incidoc_add_ui_test(export_dialog_test export_dialog_test.cpp session_fixture.h session_fixture.cpp)
