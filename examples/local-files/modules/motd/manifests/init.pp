# Manages a message of the day and a small config directory, and rebuilds an index when they change.
class motd (
  Pattern[/\A\//] $root,
  String $message,
  Array[String] $extra_lines = [],
) {
  file { [$root, "${root}/conf.d"]:
    ensure => directory,
    mode   => '0755',
  }
  file { "${root}/motd":
    ensure  => file,
    content => epp('motd/motd.epp', { 'message' => $message, 'lines' => $extra_lines }),
    mode    => '0644',
  }
  file { "${root}/conf.d/banner.conf":
    ensure => file,
    source => 'puppet:///modules/motd/banner.conf',
  }
  file { "${root}/current":
    ensure => link,
    target => "${root}/motd",
  }
  exec { 'rebuild-index':
    command     => "/bin/sh -c 'ls ${root}/conf.d > ${root}/index'",
    refreshonly => true,
    subscribe   => [File["${root}/motd"], File["${root}/conf.d/banner.conf"]],
  }
}
