class { 'motd': root => '/tmp/x' }
