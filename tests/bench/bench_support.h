#pragma once
// What the benchmark programs share: the median of a sample.

#include <algorithm>
#include <vector>

namespace incidoc::bench {

inline double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

} // namespace incidoc::bench
