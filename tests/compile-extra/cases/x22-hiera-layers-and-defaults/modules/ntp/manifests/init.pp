class ntp (
  Array[String] $servers,
  String $package,
  Boolean $iburst,
  String $config = "/etc/${package}/ntp.conf",
  String $domain = lookup('site::domain'),
) {
  package { $package: ensure => installed }
  file { $config:
    content => "${servers.join(' ')} iburst=${iburst} domain=${domain}\n",
    require => Package[$package],
  }
}
