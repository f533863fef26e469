service { 'nginx':
  ensure => running,
  enabel => true,
}
