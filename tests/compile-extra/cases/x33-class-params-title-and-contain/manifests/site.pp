class svc::conf (String $path = "/etc/${title}.conf", String $label = $name) {
  file { $path: content => $label }
}
class svc {
  contain svc::conf
  service { 'svc': subscribe => Class['svc::conf'] }
}
include svc
notify { 'after': require => Class['svc'] }
