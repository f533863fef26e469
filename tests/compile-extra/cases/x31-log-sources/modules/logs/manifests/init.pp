class logs {
  [1].each |$i| { warning("lambda ${i}") }
  file { '/tmp/logs': content => epp('logs/t.epp', { 'a' => 1 }) }
  err('an error line')
}
