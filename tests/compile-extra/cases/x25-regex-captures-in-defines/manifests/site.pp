define vhost () {
  if $title =~ /^([a-z]+)\.(example\.com)$/ {
    notify { "host ${1} in ${2}": }
  }
  case $title {
    /^(www)\./: { notify { "web alias ${1} for ${title}": } }
    default: { }
  }
}
vhost { ['www.example.com', 'api.example.com']: }
notice(split('a1b22c', /\d+/), 'x-y_z'.match(/(\w)-(\w)/))
