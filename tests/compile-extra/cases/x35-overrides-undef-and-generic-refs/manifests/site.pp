class base { file { '/a': ensure => file, mode => '0600', owner => 'root' } }
class child inherits base { File['/a'] { mode => undef, group => 'adm' } }
include child
file { '/b': ensure => file }
service { 'svc': }
[Resource['file', '/a'], File['/b']] -> Service['svc']
package { ['p1', 'p2']: tag => 'pk' }
Package <| tag == 'pk' |> -> File['/b']
