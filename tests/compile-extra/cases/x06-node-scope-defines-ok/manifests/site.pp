class web {
  notice("role=${role} osfamily=${::osfamily}")
  file { '/srv/web': ensure => directory }
}
define site::vhost (Integer $port = 80) {
  file { "/etc/vhosts/${title}": content => "${title}:${port}\n" }
}
node default {
  $role = 'frontend'
  File { owner => 'www-data' }
  include web
  site::vhost { ['a.example', 'b.example']: port => 8080 }
  $size = $facts['os']['family'] ? { 'Debian' => 'deb', default => 'other' }
  notify { "size ${size}": }
}
