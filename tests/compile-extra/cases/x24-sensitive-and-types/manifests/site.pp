class secrets (Sensitive[String] $token, Variant[Integer, String] $port = 'auto', Optional[String] $owner = undef) {
  file { '/etc/token':
    content => $token,
    mode    => '0600',
  }
  notice("unwrapped length ${token.unwrap.length} port=${port} type=${type($port)} owner=[${owner}]")
  [1, 2].each |Integer $i| { notify { "n${i}": message => $token } }
}
class { 'secrets': token => Sensitive('s3cr3t') }
