class a { file { '/etc/shared.conf': ensure => file } }
class b {
  file { '/etc/shared.conf':
    ensure => absent,
  }
}
include a
include b
