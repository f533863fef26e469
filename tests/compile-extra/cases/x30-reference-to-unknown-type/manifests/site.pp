file { '/tmp/a':
  ensure  => file,
  require => Nosuchtype['x'],
}
