class base { package { 'base-tools': } }
class app::inner { file { '/opt/app': ensure => directory } }
class app { contain app::inner  service { 'app': } }
class { 'base': tag => ['core'], noop => true }
class { 'app': require => Class['base'] }
Class['base'] -> Class['app'] ~> Service['app']
