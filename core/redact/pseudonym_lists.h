#pragma once
// The built-in lists pseudonyms are drawn from (core/redact/pseudonyms.cpp): common first names and
// surnames, street names and city names, each one word (a pseudonym keeps the original's word count).
// Private to core/redact.

#include <span>

namespace incidoc::redact {

std::span<const char* const> firstNames();
std::span<const char* const> surnames();
std::span<const char* const> streetNames();
std::span<const char* const> cityNames();

} // namespace incidoc::redact
