class web::base ($port = 80) {
  package { 'nginx': ensure => installed }
  service { 'nginx': ensure => running, require => Package['nginx'] }
  file { '/etc/nginx/port': content => "${port}\n" }
}
class web::tuned inherits web::base {
  Service['nginx'] { enable => true, require +> File['/etc/nginx/port'] }
  Package['nginx'] { ensure => latest }
  notice("parent port ${port} ${web::base::port}")
}
include web::tuned
