define app::site (String $root) {
  file { $root: ensure => directory }
}
notify { 'first': }
app::site { 'shop': }
