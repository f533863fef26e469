$list = [1, 'two']
$list.each |Integer $i| {
  notify { "n${i}": }
}
