// A warm-up for the JIT: parsing one small manifest that uses every construct, once, before a large
// batch, gives V8 type feedback for every branch of the lexer, parser and checker. Without it the
// first optimized versions of the hot functions are compiled from partial feedback and are thrown
// away (deoptimized, recompiled) each time the batch reaches a construct not yet seen; on the module
// corpus that cost ~40% of `cfg validate`'s cold run (measured with --trace-opt/--trace-deopt).
// The result is discarded; the tour must parse without diagnostics (a test checks).
import { SourceFile } from "../source/source-file.js";
import { parseEpp, parseManifest } from "./parse.js";

export const WARM_UP_MANIFEST = `# A tour of the language (comments, too)
/* a block
   comment */
# @summary documented class
class tour::example (
  String $name_param = 'x',
  Optional[Integer[0, 65535]] $port = undef,
  Array[String] $list = ['a', "b", c],
  Hash[String, Variant[String, Integer]] $map = { 'k' => 1, "v\${port}" => 'w' },
  Enum['present', 'absent'] $ensure = present,
  Boolean $flag = true,
  Float $ratio = 1.5e3,
  $untyped = 0x1F + 017 - -3 * 2 / 1 % 5,
  Tour::Alias $aliased = $tour::params::value,
) inherits tour::params {
  $local = "\${name_param}-\${port}-\${list[0]}-\${map['k']}-\${::fqdn}-\${facts['os']['family']} \\t\\n\\\\ \\$ \\" \\u{1F600} \\u00e9"
  $single = 'it\\'s a \\\\ string'
  $escapes = "tab\\t cr\\r nl\\n space\\s bs\\\\ dollar\\$ quote\\" end"
  $joined = "\${join($list, ',')} \${$port + 1} \${list.size} $local"
  $re = $local =~ /^(\\w+)-(\\d+)$/ ? { true => $1, default => 'none' }
  [$a, $b] = [1, 2]
  $h = { 'a' => [1, 2.5, -3], 'b' => { 'c' => undef, 'd' => default } }
  $neg = -$a
  $not = !$flag and ($a < $b or $a >= $b) and $a != $b and $a == 1 and $a <= 2 and $a > 0
  $in = 'a' in $list
  $nomatch = $local !~ /x/
  $sh = $a << 2 >> 1
  $access = $list[0, 2]
  $neg_index = $list[-1]
  $typed = $a =~ Integer[1]
  $splat = [*$list, 'z']
  $heredoc = @("END"/L)
    Text with \${local} and \\$ escapes \\
    continued
    | END
  $heredoc2 = @(EOT:json)
    {"a": 1}
    - EOT
  if $flag {
    notice('yes')
  } elsif $port == 80 {
    warning("port \${port}")
  } else {
    fail('no')
  }
  unless $flag { info('unless') } else { debug('else') }
  case $ensure {
    'present', /pres/: { $c = 1 }
    Integer: { $c = 2 }
    default: { $c = 3 }
  }
  $list.each |Integer $index, String $value| {
    file { "/tmp/\${value}": ensure => file, content => template('x/y.erb') }
  }
  $mapped = $list.map |$x| { "\${x}!" }.filter |$x| { $x =~ /a/ }
  $reduced = reduce($list, '') |$memo, $x| { "\${memo}\${x}" }
  with(1) |$one| { notice($one) }
  include tour::other, tour::more
  require tour::required
  contain tour::contained
  class { 'tour::resource_like': param => 1 }
  File {
    owner => 'root',
  }
  file { ['/a', '/b']:
    ensure  => directory,
    mode    => '0755',
    require => Package['p'],
    notify  => Service['s'],
    *       => $h,
  }
  file { default: mode => '0644'; '/c': ensure => file; '/d': ensure => link, target => '/c' }
  @user { 'virtual': ensure => present, groups => ['g'] }
  @@host { 'exported': ip => '127.0.0.1' }
  User <| title == 'virtual' and groups != 'x' or tag == 't' |> { shell => '/bin/sh' }
  Host <<| |>>
  File['/a'] { group +> 'root' }
  realize(User['virtual'])
  Package['p'] -> Service['s'] ~> Exec['e'] <- File['/a'] <~ File['/b']
  tour::define { 'one': value => "\${a}" }
  exec { 'e': command => '/bin/true', unless => ['/bin/false'], path => $facts['path'], refreshonly => true }
  notify { 'n': message => String($a), }
  $sel = $facts['os']['family'] ? {
    'Debian' => 'deb',
    /^Red/   => 'rpm',
    default  => undef,
  }
  $call = sprintf('%s', Integer('0x10'))
  $t = Struct[{ a => Integer, Optional[b] => String }]
  $lambda_result = $h.reduce |$m, $kv| { $m + $kv[1].length }
  $chained = $facts.dig('os', 'release').lest || { 'none' }
  notice $a
}
define tour::define (String $value = $title, $other = $name) {
  notify { "define \${title}": message => $value }
}
node 'host.example.com', /^web\\d+$/, default {
  include tour::example
}
type Tour::Alias = Variant[String[1], Integer]
function tour::fn(String $x, Integer *$more) >> String {
  "\${x}\${more.length}"
}
$top = tour::fn('a', 1, 2)
`;

export const WARM_UP_EPP = `<%- | String $name, Integer $port = 80 | -%>
<%# a comment %>
server <%= $name %>:<%= $port %>
<% [1, 2].each |$i| { -%>
line <%= $i %> <%= "\${name}-\${i}" %>
<% } -%>
`;

/**
 * Files that end right after a token, without a newline: the lexer then reads one character past
 * the end, which V8's optimized lexer would otherwise first meet in the batch, throwing that code
 * away ("out of bounds") and compiling it again (~20 ms of compile work for lexToken alone).
 */
export const WARM_UP_ENDINGS: readonly string[] = ["notice($x)", '$s = ""', "$s = ''", '$t = "a${b}"', "$n = 1", "$v = $x", "include a", "# comment", "$r = $x =~ /a/"];

/** From this many files in a batch on, the warm-up (a few ms) pays for itself. */
export const WARM_UP_MIN_FILES = 20;

let done = false;

/** Parses the tour once per process (later calls do nothing). */
export function warmUpParser(): void {
  if (done) return;
  done = true;
  // Twice: V8 allocates a function's feedback vector only after its first few calls, so what the
  // first pass runs early (the first strings, say) is only recorded by the second.
  for (let pass = 0; pass < 2; pass++) {
    parseManifest(new SourceFile("<warm-up>.pp", WARM_UP_MANIFEST));
    parseEpp(new SourceFile("<warm-up>.epp", WARM_UP_EPP));
    for (const text of WARM_UP_ENDINGS) parseManifest(new SourceFile("<warm-up>.pp", text));
  }
}
