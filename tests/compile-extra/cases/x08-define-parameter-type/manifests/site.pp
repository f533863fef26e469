define app::port (Integer[1, 65535] $port) {
  notify { "port ${port}": }
}
app::port { 'web': port => '80' }
