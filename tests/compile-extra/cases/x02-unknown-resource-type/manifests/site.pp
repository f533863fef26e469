notify { 'before': }
frobnicate { 'x': ensure => present }
