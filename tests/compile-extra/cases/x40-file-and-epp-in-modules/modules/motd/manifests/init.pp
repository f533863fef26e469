class motd {
  file { '/etc/motd': content => epp('motd/motd.epp', { 'who' => 'ops' }) }
  file { '/etc/banner': content => file('motd/missing.txt', 'motd/banner.txt') }
  file { '/etc/issue': source => 'puppet:///modules/motd/banner.txt' }
}
