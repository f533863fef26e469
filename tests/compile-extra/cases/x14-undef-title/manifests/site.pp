$t = undef
file { $t: ensure => file }
