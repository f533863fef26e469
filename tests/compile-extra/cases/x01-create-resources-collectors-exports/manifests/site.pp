class app::base { file { '/etc/app': ensure => directory } }
class app (String $ver = '1.0') {
  contain app::base
  $pkgs = { 'curl' => { ensure => present }, 'wget' => { ensure => absent } }
  create_resources('package', $pkgs, { require => File['/etc/app'] })
  @@file { '/etc/exported': ensure => file, tag => ['exp'] }
  File <<| tag == 'exp' |>>
  @user { ['alice', 'bob']: ensure => present, tag => 'admins' }
  User <| tag == 'admins' |> { shell => '/bin/zsh' }
  if tagged('app') { notice('tagged app') }
  unless $ver == '2.0' { notice("ver ${ver}") }
  $h = { 'a' => 1, 'b' => 2 }
  $h.each |$k, $v| { notify { "n-${k}": message => $v } }
  exec { 'x': command => '/bin/true', unless => '/bin/false' }
  Exec['x'] -> Class['app::base']
  notice(defined(Class['app::base']), defined('app::base'), defined(File['/etc/app']))
}
include app
class { 'other': }
class other { notify { "other ${module_name}": } }
$x = [1, 2, 3].map |$i| { $i * 2 }
notice($x, $x[-1], "${x}", String(1.5), 10 % 3, -7 % 3)
