class common { notify { 'common': } }
define inner ($msg) { notify { "inner ${title}": message => $msg } }
define outer ($count = 2) {
  include common
  Integer[1, $count].each |$i| { inner { "${title}-${i}": msg => "from ${title}" } }
}
outer { 'x': }
outer { 'y': count => 1 }
Inner <| title == 'x-2' |> { msg => 'overridden' }
