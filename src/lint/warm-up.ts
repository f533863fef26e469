// The lint warm-up: the parser's tour plus the layout and style patterns the rules branch on
// (tabs, trailing blanks, misaligned arrows, quoting, legacy facts, long lines, comments, ...).
// Linting it once before a batch gives V8 type feedback for every rule, so their optimized code is
// not thrown away and rebuilt as the batch reaches each pattern (see src/parser/warm-up.ts).
import { WARM_UP_MANIFEST } from "../parser/warm-up.js";

const STYLE_PATTERNS = [
  "/* a star comment */",
  "# lint:ignore:140chars",
  "class warm_up::style_name inherits warm_up::params {",
  "\tfile { $::osfamily:",
  "    mode   => 644, ",
  "    ensure => link,",
  "    target => \"/etc/${::hostname}\",",
  "    owner => 'root',",
  "    source => 'puppet:///files/x',",
  "    content => \"no variables\",",
  "    path => \"$fqdn-${facts['networking']['fqdn']}\",",
  "    replace => 'true'",
  "  }",
  "  $camelCase = \"${x}\"",
  "  $used_before = $later",
  "  $later = 'x'",
  "  $single = '${not_interpolated}'",
  "  $sel = $x ? { unquoted => 1, 'q' => 2 }",
  "  case $x { unquoted: { $z = 1 } }",
  "  node_thing { bare_title: ensure => present }",
  "  File['/a'] <- File['/b']",
  "  unknown_function_here(1)",
  "  include unknown::klass",
  "  class { 'warm_up::other': unknown_param => 1 }",
  "  notify { 'a': message => $facts['os']['family'], before => Notify['missing'] }",
  "  $long = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'",
  "  define warm_up::nested ($a, $b = 1, $c) {}",
  "  if $x == 'true' { $y = \"$x\" }",
  "    $badly_indented = 1",
  "}",
  "# lint:endignore",
  "define warm_up::typed (Integer $port = 'eighty', String $unused = 'x') {",
  "  file { '/x': ensure => file,",
  "    mode => '0644' }",
  "}",
  "# lint:ignore:nothing_here",
  "$top_var = 1",
  "", // no newline at the very end (below)
].join("\n");

export const WARM_UP_LINT_MANIFEST = WARM_UP_MANIFEST + STYLE_PATTERNS + "notice('end')";
