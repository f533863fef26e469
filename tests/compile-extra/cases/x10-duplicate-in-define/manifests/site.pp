define conf::line ($path = '/etc/app.conf') {
  file { $path: ensure => file }
}
conf::line { 'a': }
conf::line { 'b': }
