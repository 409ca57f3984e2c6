# Shared by the benchmark scripts (sourced): timing and statistics helpers, the scanned page set, and
# Debian packages the benchmarks need besides the build's.
now() { date +%s.%N; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f\n", a - b}'; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN {printf "%.2f", n/s}'; }

# need PACKAGE...: installs what is missing (benchmarks only: not part of the build's dependencies).
need() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$p" >/dev/null
  done
}

# scanned_set TESTDATA OUT.pdf: the 10 real 300 dpi scanned pages of the throughput benchmarks.
scanned_set() {
  local r=$1/ocrmypdf/tests/resources
  pdfunite "$r/cardinal.pdf" "$r/ccitt.pdf" "$r/epson.pdf" "$r/rotated_skew.pdf" "$r/skew.pdf" "$r/kcs.pdf" \
    "$r/jbig2.pdf" "$2"
}
