# Translations (issue 7): the .ts files are complete, placeholders match, the app and the CLI speak
# French and Chinese, and lupdate finds no string the .ts files lack. Included by tests/ui/CMakeLists.txt.
incidoc_add_ui_test(translations_test translations_test.cpp)
target_compile_definitions(translations_test PRIVATE INCIDOC_LUPDATE="$<TARGET_FILE:Qt6::lupdate>")
add_dependencies(translations_test incidoc_translations incidoc-cli)
