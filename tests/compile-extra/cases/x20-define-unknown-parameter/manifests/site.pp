define svc::unit (String $exec) {
  notify { $exec: }
}
svc::unit { 'web': exec => '/bin/web', restart => 'always' }
