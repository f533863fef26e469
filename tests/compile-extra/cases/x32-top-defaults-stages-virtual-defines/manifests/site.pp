Exec { path => ['/usr/bin', '/bin'] }
stage { 'pre': }
Stage['pre'] -> Stage['main']
define job ($cmd) { exec { "job ${title}": command => $cmd } }
class setup { exec { 'prepare': command => 'true' } }
class { 'setup': stage => 'pre' }
@job { 'nightly': cmd => 'backup' }
@job { 'never': cmd => 'nope' }
realize(Job['nightly'])
schedule { 'night': range => '1 - 4', period => daily }
tidy { '/tmp': age => '1w', recurse => 1, schedule => 'night' }
